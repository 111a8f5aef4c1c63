import type { UploadedDocument } from '../../../shared/domain';
import { buildMultipartBody, checkDocument } from './documentUpload';
import { json } from './responseReaders';
import type { CallOptions, TwilioCaller } from './twilioCaller';
import { TwilioError } from './twilioError';
import { uploadedDocumentWire } from './wireSchemas';
import { toUploadedDocument } from './wireToDomain';

export interface UploadDocumentInput extends CallOptions {
  bytes: Uint8Array;
  fileName: string;
  friendlyName?: string;
  documentType?: 'utility_bill';
  /** Body bytes handed to the connection so far; starts again if an attempt is retried. */
  onProgress?: (sentBytes: number, totalBytes: number) => void;
}

const readUploadedDocument = json(uploadedDocumentWire, toUploadedDocument);

/** Checks the bytes are a PDF, JPEG or PNG, then streams them to the Documents API. */
export async function uploadDocument(
  caller: TwilioCaller,
  input: UploadDocumentInput,
): Promise<UploadedDocument> {
  const operation = `upload ${input.fileName}`;
  const verdict = await checkDocument(input.bytes);
  if (!verdict.ok) {
    throw new TwilioError({
      kind: 'invalid_request',
      httpStatus: 0,
      mayHaveReachedServer: false,
      fields: ['bytes'],
      message: `Could not ${operation}: ${verdict.message}`,
    });
  }
  const body = buildMultipartBody({
    documentType: input.documentType ?? 'utility_bill',
    friendlyName: input.friendlyName ?? input.fileName,
    fileName: input.fileName,
    mimeType: verdict.mimeType,
    bytes: input.bytes,
  });
  return caller.call(
    {
      method: 'POST',
      baseUrl: caller.uploadBaseUrl,
      path: '/v1/Documents',
      operation,
      stream: {
        contentType: body.contentType,
        contentLength: body.contentLength,
        body: () => body.open(input.onProgress),
      },
      signal: input.signal,
    },
    (response) => {
      const document = readUploadedDocument(response);
      // Twilio's docs: an empty mime_type means the upload failed or had no content.
      if (document.mimeType == null || document.mimeType.trim() === '') {
        throw new TwilioError({
          kind: 'invalid_request',
          httpStatus: response.status,
          mayHaveReachedServer: true,
          fields: ['bytes'],
          message: `Could not ${operation}: Twilio stored no content for it (empty mime_type). Upload the bill again.`,
        });
      }
      return document;
    },
  );
}

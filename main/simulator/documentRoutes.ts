import { fileTypeFromBuffer } from 'file-type';
import type { SimulatorCore } from './core';
import { ApiError, ERROR_CODES, invalidParameter } from './errors';
import { type ApiCall, jsonResponse, type SimResponse } from './httpTypes';
import type { SimDocument } from './model';
import type { Route } from './router';
import { isoSeconds } from './wire';

/** Twilio's limit for a bill (PORTING-API §3.9). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** Room for the multipart envelope and the text fields around the file. */
const MULTIPART_OVERHEAD_BYTES = 256 * 1024;
const ACCEPTED_MIME_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
]);
/** Status of a stored upload; Twilio's list of values is not public (docs/simulator.md). */
const UPLOADED_STATUS = 'uploaded';

/** Row 13 of PORTING-API §2, on the upload server (stands in for numbers-upload.twilio.com). */
export function documentRoutes(core: SimulatorCore): Route[] {
  return [
    {
      method: 'POST',
      template: '/v1/Documents',
      bodyLimit: MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD_BYTES,
      handler: (call) => upload(core, call),
    },
  ];
}

export function documentTooLarge(): ApiError {
  return new ApiError(
    413,
    ERROR_CODES.payloadTooLarge,
    `File is larger than ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB`,
  );
}

async function upload(core: SimulatorCore, call: ApiCall): Promise<SimResponse> {
  const contentType = call.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\b/i.test(contentType)) {
    throw invalidParameter(
      `The upload must be multipart/form-data with the fields document_type, friendly_name and File (got ${contentType || 'no Content-Type'})`,
    );
  }
  let form: FormData;
  try {
    form = await new Request('http://simulator.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: call.body,
    }).formData();
  } catch {
    throw invalidParameter('The multipart/form-data body could not be parsed');
  }
  const documentType = form.get('document_type');
  if (typeof documentType !== 'string' || documentType.trim() === '') {
    throw new ApiError(
      400,
      ERROR_CODES.missingRequiredFields,
      'Missing required field: document_type (use utility_bill for a port-in)',
    );
  }
  if (!/^[a-z][a-z0-9_]*$/.test(documentType)) {
    throw invalidParameter(
      `document_type ${documentType} is not a document type (e.g. utility_bill)`,
    );
  }
  const friendlyName = form.get('friendly_name');
  const file = form.get('File');
  if (file === null || typeof file === 'string') {
    throw new ApiError(
      400,
      ERROR_CODES.missingRequiredFields,
      'Missing required field: File (a PDF, PNG or JPEG, field name with a capital F)',
    );
  }
  if (file.size === 0) throw invalidParameter('File is empty');
  if (file.size > MAX_DOCUMENT_BYTES) throw documentTooLarge();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(bytes);
  if (detected === undefined || !ACCEPTED_MIME_TYPES.has(detected.mime)) {
    throw invalidParameter(
      `File must be a PDF, PNG or JPEG (its content is ${detected?.mime ?? 'not a recognised file type'})`,
    );
  }
  if (detected.mime === 'application/pdf' && isEncryptedPdf(bytes)) {
    throw invalidParameter('File is a password-protected PDF; upload it without a password');
  }
  const document: SimDocument = {
    sid: core.newSid('RD'),
    accountSid: call.accountSid,
    documentType,
    friendlyName: typeof friendlyName === 'string' && friendlyName !== '' ? friendlyName : null,
    mimeType: detected.mime,
    size: file.size,
    dateCreated: core.clock.now(),
  };
  core.store.documents.set(document.sid, document);
  return jsonResponse(201, documentObject(core, document));
}

export function documentObject(
  core: SimulatorCore,
  document: SimDocument,
): Record<string, unknown> {
  return {
    sid: document.sid,
    account_sid: document.accountSid,
    document_type: document.documentType,
    version: 1,
    status: UPLOADED_STATUS,
    mime_type: document.mimeType,
    friendly_name: document.friendlyName,
    date_created: isoSeconds(document.dateCreated),
    url: `${core.uploadUrl}/v1/Documents/${document.sid}`,
  };
}

/** An encrypted PDF names an /Encrypt dictionary in its trailer. */
function isEncryptedPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('/Encrypt');
}

import { randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { BILL_MAX_BYTES, BILL_MIME_TYPES } from '../../../shared/ipc';

/** Twilio's limit for a Documents upload (PORTING-API §3.9). */
export const MAX_DOCUMENT_BYTES = BILL_MAX_BYTES;

export const ACCEPTED_DOCUMENT_TYPES = BILL_MIME_TYPES;
export type AcceptedDocumentType = (typeof ACCEPTED_DOCUMENT_TYPES)[number];

export type DocumentRefusal =
  | { ok: true; mimeType: AcceptedDocumentType }
  | {
      ok: false;
      reason: 'empty' | 'too_large' | 'unsupported_type' | 'encrypted_pdf';
      message: string;
    };

/**
 * Checks a bill before anything is sent: Twilio would take the bytes and fail later (an empty
 * `mime_type`), so the agent hears about it now. The type comes from the magic bytes, never from
 * the file name.
 */
export async function checkDocument(bytes: Uint8Array): Promise<DocumentRefusal> {
  if (bytes.byteLength === 0) {
    return { ok: false, reason: 'empty', message: 'The file is empty.' };
  }
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    return {
      ok: false,
      reason: 'too_large',
      message: `The file is ${formatMegabytes(bytes.byteLength)}; Twilio accepts at most 10 MB.`,
    };
  }
  const detected = await fileTypeFromBuffer(bytes);
  const mimeType = ACCEPTED_DOCUMENT_TYPES.find((t) => t === detected?.mime);
  if (mimeType === undefined) {
    const seen =
      detected === undefined ? 'an unrecognised format' : `a ${detected.ext.toUpperCase()} file`;
    return {
      ok: false,
      reason: 'unsupported_type',
      message: `The file is ${seen}; Twilio accepts a PDF, PNG or JPEG bill.`,
    };
  }
  if (mimeType === 'application/pdf' && isEncryptedPdf(bytes)) {
    return {
      ok: false,
      reason: 'encrypted_pdf',
      message: 'The PDF is password-protected; Twilio cannot read it. Save an unprotected copy.',
    };
  }
  return { ok: true, mimeType };
}

const ENCRYPT_KEY = Buffer.from('/Encrypt');

/**
 * An encrypted PDF names an /Encrypt dictionary in its trailer (ISO 32000 §7.6.1). Page content
 * is almost always compressed, so the name showing up by accident in plain text is unlikely.
 */
function isEncryptedPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPT_KEY);
}

function formatMegabytes(byteCount: number): string {
  return `${(byteCount / (1024 * 1024)).toFixed(1)} MB`;
}

export interface MultipartDocument {
  documentType: string;
  friendlyName: string;
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface MultipartBody {
  contentType: string;
  contentLength: number;
  /** A fresh stream each call, so a retried attempt sends the whole body again. */
  open(onProgress?: (sentBytes: number, totalBytes: number) => void): AsyncIterable<Uint8Array>;
}

/** Slices small enough that progress moves smoothly, large enough to cost little. */
const CHUNK_BYTES = 64 * 1024;

/**
 * multipart/form-data with the field names of the Documents API: `document_type`,
 * `friendly_name`, `File` (capital F). Streamed in slices of the caller's buffer (no copy);
 * progress counts body bytes handed to the socket.
 */
export function buildMultipartBody(doc: MultipartDocument): MultipartBody {
  const boundary = `----PortDesk${randomUUID().replace(/-/g, '')}`;
  const head = Buffer.from(
    field(boundary, 'document_type', doc.documentType) +
      field(boundary, 'friendly_name', doc.friendlyName) +
      `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="File"; filename="${escapeQuoted(doc.fileName)}"\r\n` +
      `Content-Type: ${doc.mimeType}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  const total = head.byteLength + doc.bytes.byteLength + tail.byteLength;

  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength: total,
    async *open(onProgress) {
      let sent = 0;
      const emit = (chunk: Uint8Array) => {
        sent += chunk.byteLength;
        return chunk;
      };
      yield emit(head);
      onProgress?.(sent, total);
      for (let offset = 0; offset < doc.bytes.byteLength; offset += CHUNK_BYTES) {
        yield emit(
          doc.bytes.subarray(offset, Math.min(offset + CHUNK_BYTES, doc.bytes.byteLength)),
        );
        onProgress?.(sent, total);
      }
      yield emit(tail);
      onProgress?.(sent, total);
    },
  };
}

function field(boundary: string, name: string, value: string): string {
  return (
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="${name}"\r\n\r\n` +
    `${value.replace(/\r?\n|\r/g, '\r\n')}\r\n`
  );
}

/** The HTML form-data escaping of a quoted header value (WHATWG "multipart/form-data encoding"). */
function escapeQuoted(value: string): string {
  return value.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}

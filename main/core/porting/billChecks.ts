import { fileTypeFromBuffer } from 'file-type';
import { BILL_MAX_BYTES, BILL_MIME_TYPES, type BillMimeType } from '../../../shared/ipc';
import { isEncryptedPdf } from './pdfEncryption';

export type { BillMimeType };

export type BillVerdict =
  | { ok: true; mimeType: BillMimeType }
  | { ok: false; code: 'unsupported_file' | 'too_large'; message: string };

const ACCEPTED = 'Twilio accepts PDF, JPEG or PNG';

/** What an agent calls the formats people most often drop by mistake. */
const FORMAT_NAMES: Readonly<Record<string, string>> = {
  docx: 'a Word document',
  docm: 'a Word document',
  dotx: 'a Word template',
  doc: 'a Word document',
  cfb: 'an older Office document (Word, Excel or similar)',
  rtf: 'an RTF document',
  odt: 'an OpenDocument text file',
  xlsx: 'an Excel spreadsheet',
  xls: 'an Excel spreadsheet',
  pptx: 'a PowerPoint presentation',
  zip: 'a ZIP archive',
  gif: 'a GIF image',
  webp: 'a WebP image',
  heic: 'a HEIC photo (the iPhone format): export it as JPEG',
  avif: 'an AVIF image',
  tif: 'a TIFF image',
  bmp: 'a BMP image',
  eml: 'an email message',
  msg: 'an Outlook message',
  html: 'a web page',
  xml: 'an XML file',
};

export function formatSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * A utility bill as Twilio will take it: PDF, JPEG or PNG by its magic bytes (never by the file
 * name), not empty, at most 10 MB, and not a password-protected PDF (Twilio could not read it).
 * Every refusal names the file and the problem.
 */
export async function checkBill(name: string, bytes: Uint8Array): Promise<BillVerdict> {
  const file = `“${name}”`;
  if (bytes.byteLength === 0) {
    return {
      ok: false,
      code: 'unsupported_file',
      message: `${file} is empty (0 bytes); attach the bill itself. ${ACCEPTED}.`,
    };
  }
  if (bytes.byteLength > BILL_MAX_BYTES) {
    return {
      ok: false,
      code: 'too_large',
      message: `${file} is ${formatSize(bytes.byteLength)}; the limit is 10 MB. Scan it at a lower resolution or save it as a smaller PDF.`,
    };
  }
  const detected = await fileTypeFromBuffer(bytes);
  const mime = detected?.mime;
  const mimeType = BILL_MIME_TYPES.find((accepted) => accepted === mime);
  if (mimeType === undefined) {
    const what = detected
      ? (FORMAT_NAMES[detected.ext] ?? `a ${detected.ext.toUpperCase()} file`)
      : 'not a PDF, JPEG or PNG (its content is text or a format PortDesk does not recognise)';
    return { ok: false, code: 'unsupported_file', message: `${file} is ${what}; ${ACCEPTED}.` };
  }
  if (mimeType === 'application/pdf' && isEncryptedPdf(bytes)) {
    return {
      ok: false,
      code: 'unsupported_file',
      message: `${file} is password-protected; Twilio cannot read it — save an unprotected copy.`,
    };
  }
  return { ok: true, mimeType };
}

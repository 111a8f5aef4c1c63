import { fileTypeFromBlob } from 'file-type';
import { BILL_MIME_TYPES } from '../../../shared/ipc/limits';

/** What Twilio takes as a utility bill, by content. */
const ACCEPTED_MIME: ReadonlySet<string> = new Set(BILL_MIME_TYPES);

/** What an agent calls the formats most often dropped by mistake. */
const FORMAT_WORDS: Readonly<Record<string, string>> = {
  docx: 'a Word document',
  doc: 'a Word document',
  cfb: 'an older Office document',
  rtf: 'an RTF document',
  odt: 'an OpenDocument text file',
  xlsx: 'an Excel spreadsheet',
  zip: 'a ZIP archive',
  gif: 'a GIF image',
  webp: 'a WebP image',
  heic: 'a HEIC photo (export it as JPEG)',
  tif: 'a TIFF image',
  bmp: 'a BMP image',
};

/**
 * "a" or "an" before an upper-case file kind, by how it is said: a kind with a vowel in it is
 * read as a word (an EXE, a RAR, a MOV), one without as letters (an MP4, an SVG, a TXT).
 */
export function articleFor(ext: string): 'a' | 'an' {
  const kind = ext.toUpperCase();
  const first = kind[0] ?? '';
  if (/[AEIOU]/.test(kind)) return 'AEIOU'.includes(first) ? 'an' : 'a';
  // Letter names that start with a vowel sound: eF, aitcH, eL, eM, eN, aR, eS, eX.
  return 'AEFHILMNORSX'.includes(first) ? 'an' : 'a';
}

/**
 * Why a file that passed the drop zone's name/type filter is still not a bill Twilio takes, in
 * words — or null when its first bytes say PDF, JPEG or PNG. The name and the OS's type come
 * from the extension, so a renamed file would otherwise travel to main before being refused;
 * main checks the bytes again (it is the authority), this only spares the agent the round trip.
 */
export async function billContentRefusal(file: Blob & { name: string }): Promise<string | null> {
  if (file.size === 0) return `${file.name} is empty (0 bytes): attach the bill itself.`;
  let detected: Awaited<ReturnType<typeof fileTypeFromBlob>>;
  try {
    detected = await fileTypeFromBlob(file);
  } catch {
    return `${file.name} could not be read. Is it still on disk, and readable?`;
  }
  if (detected && ACCEPTED_MIME.has(detected.mime)) return null;
  const what = detected
    ? (FORMAT_WORDS[detected.ext] ??
      `${articleFor(detected.ext)} ${detected.ext.toUpperCase()} file`)
    : 'text or a format PortDesk does not recognise';
  return `${file.name} is not a PDF, JPEG or PNG by its content (it is ${what}), whatever its name says. Twilio accepts a utility bill as a PDF or an image.`;
}

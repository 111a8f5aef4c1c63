/**
 * Whether a PDF is encrypted (password-protected), without a PDF library.
 *
 * An encrypted PDF names its encryption dictionary with an `/Encrypt` entry in the file trailer
 * (ISO 32000-1 §7.5.5, §7.6.1), and from PDF 1.5 on the trailer may instead be the dictionary of
 * a cross-reference stream (`/Type /XRef`, §7.5.8). Neither is ever compressed or encrypted
 * itself, so the entry can be read from the raw bytes. We look for `/Encrypt` only inside those
 * dictionaries — every `trailer << … >>` and every `/Type /XRef` object dictionary, which covers
 * incremental updates and linearized files — so the word appearing in page text does not count.
 */
export function isEncryptedPdf(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return trailerDictionaries(text).some((dictionary) => ENCRYPT_KEY.test(dictionary));
}

const ENCRYPT_KEY = /\/Encrypt(?=[\s/<[(\d>])/;
/** A trailer dictionary is small; a scan that runs this far has lost its way. */
const MAX_DICTIONARY_CHARS = 1 << 20;

function trailerDictionaries(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/trailer/g)) {
    const start = skipWhitespace(text, match.index + 'trailer'.length);
    if (text.startsWith('<<', start)) {
      const dictionary = readDictionary(text, start);
      if (dictionary) found.push(dictionary);
    }
  }
  for (const match of text.matchAll(/\/Type\s*\/XRef\b/g)) {
    const objectStart = text.lastIndexOf('obj', match.index);
    const start = objectStart < 0 ? -1 : text.indexOf('<<', objectStart);
    if (start < 0 || start > match.index) continue;
    const dictionary = readDictionary(text, start);
    if (dictionary) found.push(dictionary);
  }
  return found;
}

function skipWhitespace(text: string, from: number): number {
  let index = from;
  while (index < text.length && /[\s\0]/.test(text.charAt(index))) index += 1;
  return index;
}

/** The balanced `<< … >>` starting at `start`, skipping strings, hex strings and comments. */
function readDictionary(text: string, start: number): string | null {
  const end = Math.min(text.length, start + MAX_DICTIONARY_CHARS);
  let depth = 0;
  let index = start;
  while (index < end) {
    const char = text.charAt(index);
    const next = text.charAt(index + 1);
    if (char === '<' && next === '<') {
      depth += 1;
      index += 2;
    } else if (char === '>' && next === '>') {
      depth -= 1;
      index += 2;
      if (depth === 0) return text.slice(start, index);
    } else if (char === '<') {
      const close = text.indexOf('>', index + 1);
      if (close < 0) return null;
      index = close + 1;
    } else if (char === '(') {
      index = skipLiteralString(text, index, end);
    } else if (char === '%') {
      while (index < end && text.charAt(index) !== '\n' && text.charAt(index) !== '\r') index += 1;
    } else {
      index += 1;
    }
  }
  return null;
}

function skipLiteralString(text: string, start: number, end: number): number {
  let depth = 0;
  let index = start;
  while (index < end) {
    const char = text.charAt(index);
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char === '(') depth += 1;
    if (char === ')') {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
    index += 1;
  }
  return end;
}

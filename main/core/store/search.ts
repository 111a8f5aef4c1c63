/**
 * How the list screen's one search box is read. Everything here is pure; requestList.ts turns
 * the result into bound parameters of a fixed SQL text.
 */

/** Lower-case with accents stripped, so "müller" finds "Müller" and "Muller". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The digits of a phone number in any format: "+1 (415) 555-0132" → "14155550132". */
export function phoneDigits(phoneNumber: string): string {
  return phoneNumber.replace(/\D+/g, '');
}

/** Half-open text range [low, high) holding exactly the strings that start with prefix. */
export interface PrefixRange {
  low: string;
  high: string;
}

export function prefixRange(prefix: string): PrefixRange {
  const last = prefix.charCodeAt(prefix.length - 1);
  return { low: prefix, high: prefix.slice(0, -1) + String.fromCharCode(last + 1) };
}

/** A LIKE pattern matching text that contains `needle`, with LIKE's wildcards escaped by `\`. */
export function containsPattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Half-open range of number SID keys (migration 002: the first 12 hex digits as bytes). */
export interface SidKeyRange {
  low: Buffer;
  high: Buffer;
}

/** Hex digits of a SID that its key holds. */
export const SID_KEY_HEX_DIGITS = 12;

/**
 * The keys of every SID whose hex part starts with `hexPrefix` (lower-case hex, 1–32 digits).
 * Keys compare byte by byte, so a prefix is a range: "1a" → [1a, 1b), "1a3" → [1a30, 1a40).
 * Digits past the key's twelve narrow nothing here; the caller also compares the SID text.
 */
export function sidKeyRange(hexPrefix: string): SidKeyRange {
  const keyed = hexPrefix.slice(0, SID_KEY_HEX_DIGITS);
  const even = keyed.length % 2 === 0;
  const low = Buffer.from(even ? keyed : `${keyed}0`, 'hex');
  const high = Buffer.from(even ? keyed : `${keyed}f`, 'hex');
  // The next key after every key starting with `high`: increment the last byte below 0xff and
  // cut after it. All 0xff: seven bytes of 0xff sort after every six-byte key.
  for (let index = high.length - 1; index >= 0; index -= 1) {
    const byte = high[index] ?? 0xff;
    if (byte < 0xff) {
      high[index] = byte + 1;
      return { low, high: high.subarray(0, index + 1) };
    }
  }
  return { low, high: Buffer.alloc(SID_KEY_HEX_DIGITS / 2 + 1, 0xff) };
}

/** A trigram index answers substrings of at least this many characters. */
export const MIN_TRIGRAM_LENGTH = 3;

/**
 * An FTS5 phrase: the text matched as one substring, quotes doubled. FTS5 reads its query as a
 * C string, so a NUL would end it inside the quotes ("unterminated string"); it becomes a space,
 * which no stored name contains in its place.
 */
export function ftsPhrase(text: string): string {
  return `"${text.replaceAll('\u0000', ' ').replace(/"/g, '""')}"`;
}

export interface SearchTerms {
  /**
   * The folded customer text, always tried: as an FTS5 trigram phrase when long enough, else
   * as a LIKE pattern (ESCAPE '\\').
   */
  customer: { phrase: string } | { pattern: string };
  /**
   * When the text reads as a phone number: its digits as an FTS5 trigram phrase, matched as any
   * run of digits of a stored number: its start ("(512) 327"), its end ("0132"), its middle, or
   * the whole number in any format ("+1 415 555 0132").
   */
  phone: { phrase: string } | null;
  /** Digits only and short enough: also a Twilio support ticket id. */
  supportTicketId: number | null;
  /** "KW…" prefix of a request SID. */
  requestSid: PrefixRange | null;
  /** "PU…" prefix of a number SID: finds the request holding that number. */
  numberSid: { sid: PrefixRange; key: SidKeyRange } | null;
}

const PHONE_TEXT = /^[\d\s().+\-/]+$/;
/** Fewer digits than this match too much of a million numbers to be what the agent meant. */
export const MIN_PHONE_DIGITS = 3;

/** null for a blank search (no filter). */
export function parseSearch(text: string | null | undefined): SearchTerms | null {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return null;

  const folded = foldForSearch(trimmed);
  const terms: SearchTerms = {
    customer:
      [...folded].length >= MIN_TRIGRAM_LENGTH
        ? { phrase: ftsPhrase(folded) }
        : { pattern: containsPattern(folded) },
    phone: null,
    supportTicketId: null,
    requestSid: null,
    numberSid: null,
  };

  const digits = phoneDigits(trimmed);
  if (PHONE_TEXT.test(trimmed) && digits.length >= MIN_PHONE_DIGITS) {
    terms.phone = { phrase: ftsPhrase(digits) };
    if (/^\d{1,15}$/.test(trimmed)) terms.supportTicketId = Number(trimmed);
  }

  // Twilio issues SIDs as two capitals and lower-case hex.
  const sid = /^(kw|pu)([0-9a-f]{1,32})$/i.exec(trimmed);
  if (sid?.[1] && sid[2]) {
    const hex = sid[2].toLowerCase();
    const range = prefixRange(sid[1].toUpperCase() + hex);
    if (sid[1].toUpperCase() === 'KW') terms.requestSid = range;
    else terms.numberSid = { sid: range, key: sidKeyRange(hex) };
  }
  return terms;
}

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

/** The digits of an E.164 number, last first: "+14155550132" → "23105556141". */
export function reversedDigits(phoneNumber: string): string {
  return phoneNumber.replace(/\D+/g, '').split('').reverse().join('');
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
   * When the text reads as a phone number: its digits as the END of a number, so the last
   * digits ("5550132") and a whole number in any format ("(415) 555-0132", "+1 415 555 0132")
   * both match.
   */
  phone: { suffix: PrefixRange } | null;
  /** Digits only and short enough: also a Twilio support ticket id. */
  supportTicketId: number | null;
  /** "KW…" prefix of a request SID. */
  requestSid: PrefixRange | null;
  /** "PU…" prefix of a number SID: finds the request holding that number. */
  numberSid: PrefixRange | null;
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

  const digits = trimmed.replace(/\D+/g, '');
  if (PHONE_TEXT.test(trimmed) && digits.length >= MIN_PHONE_DIGITS) {
    terms.phone = { suffix: prefixRange(digits.split('').reverse().join('')) };
    if (/^\d{1,15}$/.test(trimmed)) terms.supportTicketId = Number(trimmed);
  }

  // Twilio issues SIDs as two capitals and lower-case hex.
  const sid = /^(kw|pu)([0-9a-f]{1,32})$/i.exec(trimmed);
  if (sid?.[1] && sid[2]) {
    const range = prefixRange(sid[1].toUpperCase() + sid[2].toLowerCase());
    if (sid[1].toUpperCase() === 'KW') terms.requestSid = range;
    else terms.numberSid = range;
  }
  return terms;
}

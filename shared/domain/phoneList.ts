/** A list pasted or imported into the wizard: every number found, line by line, with its verdict. */
import { findPhoneNumbersInText } from 'libphonenumber-js/min';
import {
  MAX_NUMBERS_PER_REQUEST,
  checkUsPhoneNumber,
  digitsOf,
  formatUsPhoneNumber,
  type PhoneVerdict,
  type PhoneVerdictStatus,
  verdictForParsed,
} from './phoneNumberCheck';

export type PhoneEntryStatus = PhoneVerdictStatus | 'duplicate' | 'over_limit';

export interface PhoneListEntry {
  status: PhoneEntryStatus;
  /** The piece of the line this entry was read from. */
  text: string;
  /** E.164 when the text forms a number at all (null for `invalid`). */
  e164: string | null;
  /** An extension typed after the number; dropped from the port. */
  extension: string | null;
  /** Why the number is not taken, in words; null for `ok`. */
  reason: string | null;
  /** A non-blocking remark for an `ok` number. */
  caution: string | null;
  /** For `duplicate`: the line where the number first appeared (null: already in the request). */
  duplicateOfLine: number | null;
}

export interface PhoneListLine {
  /** 1-based line number in the pasted text. */
  lineNumber: number;
  text: string;
  entries: PhoneListEntry[];
  /** Set when a non-blank line has no phone number in it (e.g. a CSV header). */
  note: string | null;
}

export interface PhoneListResult {
  /** Every non-blank input line, in order. */
  lines: PhoneListLine[];
  /** The accepted numbers, unique, in input order, at most the limit (minus those already listed). */
  numbers: string[];
  counts: Record<PhoneEntryStatus, number>;
}

export interface PhoneListOptions {
  /** Numbers already in the draft: they count toward the limit and are reported as duplicates. */
  alreadyListed?: Iterable<string>;
  /** Defaults to MAX_NUMBERS_PER_REQUEST. */
  limit?: number;
}

/** Commas, semicolons, tabs and pipes separate fields; libphonenumber reads ";" as an extension marker otherwise. */
const FIELD_SEPARATORS = /[,;\t|]/;
/** A digit run that might be a mistyped number (what the finder did not accept). */
const CANDIDATE = /[+(]?\d(?:[\d().\-/ \u2010-\u2015]*\d)?/g;
/** Digit runs in CSV-ish lines that are not attempts at a phone number. */
const NOT_A_PHONE_NUMBER = [/^\d{4}-\d{2}-\d{2}$/, /^\d{5}-\d{4}$/]; // ISO date, ZIP+4
const MIN_DIGITS_FOR_A_NUMBER = 7;

interface Found {
  start: number;
  text: string;
  verdict: PhoneVerdict;
  extension: string | null;
}

/** A field that holds nothing but one number's characters (most pasted lines). */
const ONE_NUMBER_FIELD = /^\+?[\d\s().\-/\u2010-\u2015]+$/;

function findInField(field: string, offset: number): Found[] {
  const trimmed = field.trim();
  const digitCount = digitsOf(trimmed).length;
  // Fast path: parsing one number is several times cheaper than scanning text for numbers.
  if (
    ONE_NUMBER_FIELD.test(trimmed) &&
    digitCount >= MIN_DIGITS_FOR_A_NUMBER &&
    digitCount <= 15 &&
    splitRun(trimmed).length === 1 &&
    !NOT_A_PHONE_NUMBER.some((re) => re.test(trimmed))
  ) {
    const start = offset + field.indexOf(trimmed);
    return [{ start, text: trimmed, verdict: checkUsPhoneNumber(trimmed), extension: null }];
  }
  const found: Found[] = [];
  let cursor = 0;
  const leftovers: { start: number; text: string }[] = [];
  for (const match of findPhoneNumbersInText(field, 'US')) {
    leftovers.push({ start: cursor, text: field.slice(cursor, match.startsAt) });
    const text = field.slice(match.startsAt, match.endsAt);
    const typedLeadingOne = /^\s*1/.test(text);
    found.push({
      start: offset + match.startsAt,
      text,
      verdict: verdictForParsed(text.trim(), match.number, typedLeadingOne),
      extension: match.number.ext ?? null,
    });
    cursor = match.endsAt;
  }
  leftovers.push({ start: cursor, text: field.slice(cursor) });
  for (const leftover of leftovers) {
    for (const candidate of leftover.text.matchAll(CANDIDATE)) {
      for (const piece of splitRun(candidate[0])) {
        const text = piece.text.trim();
        const digitCount = digitsOf(text).length;
        const looksLikeANumber =
          digitCount >= MIN_DIGITS_FOR_A_NUMBER || (text.startsWith('+') && digitCount >= 3);
        if (!looksLikeANumber || NOT_A_PHONE_NUMBER.some((re) => re.test(text))) continue;
        found.push({
          start: offset + leftover.start + (candidate.index ?? 0) + piece.start,
          text,
          verdict: checkUsPhoneNumber(text),
          extension: null,
        });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "415555013 415555014" is two attempts, not one 18-digit number. */
function splitRun(run: string): { start: number; text: string }[] {
  const pieces = [...run.matchAll(/\S+/g)].map((m) => ({ start: m.index ?? 0, text: m[0] }));
  const allLong = pieces.every((p) => digitsOf(p.text).length >= MIN_DIGITS_FOR_A_NUMBER);
  return pieces.length > 1 && allLong ? pieces : [{ start: 0, text: run }];
}

function findInLine(line: string): Found[] {
  const found: Found[] = [];
  let offset = 0;
  for (const field of line.split(FIELD_SEPARATORS)) {
    found.push(...findInField(field, offset));
    offset += field.length + 1;
  }
  return found;
}

/**
 * Reads pasted text: one or several numbers per line, in any common US format, with labels,
 * extensions, commas, tabs or CSV-ish columns around them. Every number gets a verdict; accepted
 * numbers are merged when repeated and cut at the per-request limit.
 */
export function parsePhoneList(text: string, options: PhoneListOptions = {}): PhoneListResult {
  const limit = options.limit ?? MAX_NUMBERS_PER_REQUEST;
  // E.164 → line of first appearance (0 = already listed in the draft).
  const seen = new Map<string, number>();
  for (const e164 of options.alreadyListed ?? []) seen.set(e164, 0);
  let taken = seen.size;
  const numbers: string[] = [];
  const counts: Record<PhoneEntryStatus, number> = {
    ok: 0,
    invalid: 0,
    toll_free: 0,
    non_us: 0,
    duplicate: 0,
    over_limit: 0,
  };
  const lines: PhoneListLine[] = [];

  text.split(/\r\n|\r|\n/).forEach((lineText, index) => {
    if (lineText.trim() === '') return;
    const lineNumber = index + 1;
    const entries = findInLine(lineText).map((found): PhoneListEntry => {
      const { verdict } = found;
      const entry: PhoneListEntry = {
        status: verdict.status,
        text: found.text,
        e164: verdict.e164,
        extension: found.extension,
        reason: verdict.status === 'ok' ? null : verdict.reason,
        caution: verdict.status === 'ok' ? verdict.caution : null,
        duplicateOfLine: null,
      };
      if (verdict.status !== 'ok') return entry;
      const firstLine = seen.get(verdict.e164);
      if (firstLine !== undefined) {
        return {
          ...entry,
          status: 'duplicate',
          caution: null,
          duplicateOfLine: firstLine === 0 ? null : firstLine,
          reason:
            firstLine === 0
              ? `${formatUsPhoneNumber(verdict.e164)} is already in this request.`
              : `${formatUsPhoneNumber(verdict.e164)} is already on line ${firstLine}.`,
        };
      }
      seen.set(verdict.e164, lineNumber);
      taken += 1;
      if (taken > limit) {
        return {
          ...entry,
          status: 'over_limit',
          caution: null,
          reason: `A port-in request holds at most ${limit.toLocaleString('en-US')} numbers; this would be number ${taken.toLocaleString('en-US')}. Put it in another request.`,
        };
      }
      numbers.push(verdict.e164);
      return entry;
    });
    for (const entry of entries) counts[entry.status] += 1;
    lines.push({
      lineNumber,
      text: lineText,
      entries,
      note: entries.length === 0 ? 'No phone number found on this line.' : null,
    });
  });

  return { lines, numbers, counts };
}

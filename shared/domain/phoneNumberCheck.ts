import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { PhoneNumber } from 'libphonenumber-js/min';

/**
 * One US phone number for the port-in wizard: what an agent typed, turned into E.164 with a
 * verdict in words (lists of them: phoneList.ts).
 *
 * Metadata: `libphonenumber-js/min`. For the NANP (+1) the min set keeps the full per-country
 * number patterns, because that is how libphonenumber tells the US from Canada or the Caribbean
 * under one calling code — so `isValid()` and the TOLL_FREE type are as exact as with `/max`.
 * `/max` would add nothing for the US: it reports US numbers as FIXED_LINE_OR_MOBILE either way
 * (mobile and fixed lines share exchanges). Whether a number is mobile (needs a PIN) comes from
 * Twilio's Portability API, not from here. See docs/domain.md.
 */

export const MAX_NUMBERS_PER_REQUEST = 1000;

/**
 * Toll-free area codes: the ones in service and those the NANPA reserves for toll-free growth.
 * The Porting API does not port toll-free numbers (PORTING-API §4; reason 22133).
 */
export const TOLL_FREE_AREA_CODES: ReadonlySet<string> = new Set([
  '800',
  '833',
  '844',
  '855',
  '866',
  '877',
  '888',
  '822',
  '880',
  '881',
  '882',
  '883',
  '884',
  '885',
  '886',
  '887',
  '889',
]);

export type PhoneVerdictStatus = 'ok' | 'invalid' | 'toll_free' | 'non_us';

/** The verdict on one number, independent of the list it came in. */
export type PhoneVerdict =
  | {
      status: 'ok';
      e164: string;
      /** Something the agent should know but that does not block, e.g. an area code this app's data does not know. */
      caution: string | null;
    }
  | { status: 'toll_free'; e164: string; reason: string }
  | { status: 'non_us'; e164: string | null; country: string | null; reason: string }
  | { status: 'invalid'; e164: null; reason: string };

// Built on first use: constructing it loads ICU's region names (~19 ms in a renderer profile),
// which every importer of this module would otherwise pay at load, needed or not.
let regionNames: Intl.DisplayNames | null | undefined;

function makeRegionNames(): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    return null;
  }
}

function regionName(code: string): string {
  try {
    if (regionNames === undefined) regionNames = makeRegionNames();
    return regionNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The digits of a text, nothing else. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** "+14155550132" → "(415) 555-0132"; anything else is returned unchanged. */
export function formatUsPhoneNumber(e164: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return match ? `(${match[1]}) ${match[2]}-${match[3]}` : e164;
}

export function isTollFreeE164(e164: string): boolean {
  const match = /^\+1(\d{3})\d{7}$/.exec(e164);
  return match?.[1] !== undefined && TOLL_FREE_AREA_CODES.has(match[1]);
}

function tollFree(e164: string): PhoneVerdict {
  return {
    status: 'toll_free',
    e164,
    reason: `${formatUsPhoneNumber(e164)} is a toll-free number: the Porting API does not port toll-free numbers. Port it through the Twilio Console or Twilio porting support.`,
  };
}

function nonUs(e164: string | null, country: string | null, what: string): PhoneVerdict {
  return {
    status: 'non_us',
    e164,
    country,
    reason: `${what}: the Porting API ports US numbers only.`,
  };
}

function invalid(reason: string): PhoneVerdict {
  return { status: 'invalid', e164: null, reason };
}

/** Words for a +1 number whose 10 digits libphonenumber did not accept. */
function explainNanp(shown: string, national: string, typedLeadingOne: boolean): PhoneVerdict {
  const areaCode = national.slice(0, 3);
  const exchange = national.slice(3, 6);
  const e164 = `+1${national}`;
  if (TOLL_FREE_AREA_CODES.has(areaCode)) return tollFree(e164);
  if (/^[01]/.test(areaCode)) {
    const hint = typedLeadingOne
      ? ' If the leading 1 is the long-distance prefix, a digit is missing.'
      : '';
    return invalid(`${shown}: a US area code can't start with 0 or 1.${hint}`);
  }
  if (/^[2-9]11$/.test(areaCode)) {
    return invalid(`${shown}: ${areaCode} is a service code (like 411 or 911), not an area code.`);
  }
  if (areaCode[1] === '9') {
    return invalid(
      `${shown}: area codes with 9 in the middle (${areaCode}) are reserved and never assigned.`,
    );
  }
  if (/^[01]/.test(exchange)) {
    return invalid(
      `${shown}: the exchange (the 3 digits after the area code, here ${exchange}) can't start with 0 or 1.`,
    );
  }
  // Shaped like a real number but unknown to the bundled numbering data. New area codes open
  // every year and an offline app updates its data only with a release, so this is accepted with
  // a caution; Twilio's portability check has the final word (22102 when it is not real).
  return {
    status: 'ok',
    e164,
    caution: `Area code ${areaCode} is not in this app's numbering data: it may be new, outside the US, or not in service. Twilio's portability check will confirm.`,
  };
}

/** The verdict on a number libphonenumber parsed (or found in a text). */
export function verdictForParsed(
  shown: string,
  parsed: PhoneNumber,
  typedLeadingOne: boolean,
): PhoneVerdict {
  if (parsed.countryCallingCode !== '1') {
    if (!parsed.isPossible()) {
      return invalid(
        `${shown}: not a complete phone number for country code +${parsed.countryCallingCode}.`,
      );
    }
    const country = parsed.country ?? null;
    const where = country ? `${regionName(country)}, ` : '';
    return nonUs(
      parsed.number,
      country,
      `${shown} is not a US number (${where}+${parsed.countryCallingCode})`,
    );
  }
  const national = parsed.nationalNumber;
  if (national.length !== 10) {
    return lengthProblem(shown, national.length, digitsOf(shown).length > national.length);
  }
  if (!parsed.isValid()) return explainNanp(shown, national, typedLeadingOne);
  const e164 = parsed.number;
  if (parsed.getType() === 'TOLL_FREE' || isTollFreeE164(e164)) return tollFree(e164);
  const country = parsed.country ?? null;
  if (country !== 'US') {
    const where = country ? regionName(country) : 'another country of the +1 plan';
    return nonUs(
      e164,
      country,
      `${formatUsPhoneNumber(e164)} has area code ${national.slice(0, 3)}, which belongs to ${where}, not the US`,
    );
  }
  const type = parsed.getType();
  const caution =
    type === 'PREMIUM_RATE' || type === 'PERSONAL_NUMBER'
      ? `Area code ${national.slice(0, 3)} is not a geographic area code; Twilio's portability check will tell whether it can be ported.`
      : null;
  return { status: 'ok', e164, caution };
}

function lengthProblem(shown: string, digitCount: number, afterLeadingOne: boolean): PhoneVerdict {
  const after = afterLeadingOne ? ' after the leading 1' : '';
  const has = `has ${digitCount} digit${digitCount === 1 ? '' : 's'}${after}`;
  return digitCount < 10
    ? invalid(`${shown} ${has}: a US number has 10 digits (3-digit area code + 7 digits).`)
    : invalid(
        `${shown} ${has}: too long for a US number, which has 10 digits (11 with a leading 1).`,
      );
}

/**
 * Checks one number as typed ("(415) 555-0132", "+1 415 555 0132 ext 12", "+14155550132").
 * An extension is ignored: ports carry the main number only.
 */
export function checkUsPhoneNumber(text: string): PhoneVerdict {
  const shown = text.trim();
  if (shown === '') return invalid('No phone number given.');
  const digits = digitsOf(shown);
  if (digits === '' && !/[０-９]/.test(shown)) return invalid(`${shown}: no digits in it.`);
  const international = /^\s*\+/.test(text) || /^\s*011/.test(text);
  const parsed = parsePhoneNumberFromString(shown, 'US');
  if (parsed) return verdictForParsed(shown, parsed, !international && /^1/.test(digits));
  if (international) {
    return invalid(`${shown}: not a phone number with a known country code.`);
  }
  // No parse at all: say what is wrong with the digits.
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  if (national.length !== 10) {
    return lengthProblem(shown, national.length, national.length < digits.length);
  }
  return explainNanp(shown, national, digits.length === 11);
}

import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { NumberType } from './model';

/**
 * How the simulator classifies a number. Deterministic rules, documented in docs/simulator.md:
 * the toll-free area codes in service are TOLL-FREE; a NANP number whose exchange (the three
 * digits after the area code) starts with 9 is MOBILE; every other NANP number is LOCAL.
 *
 * Only the seven codes in service: the simulator stands in for the carriers, which hand out no
 * number in a reserved code. shared/domain's TOLL_FREE_AREA_CODES (17) adds the NANPA's reserved
 * codes because PortDesk refuses to port any of them.
 */
const TOLL_FREE_CODES_IN_SERVICE: ReadonlySet<string> = new Set([
  '800',
  '833',
  '844',
  '855',
  '866',
  '877',
  '888',
]);

const E164_SHAPE = /^\+[1-9]\d{1,14}$/;
const NANP = /^\+1([2-9]\d{2})([2-9]\d{2})\d{4}$/;

export interface ClassifiedNumber {
  e164: string;
  /** ISO country, or null when it cannot be told. NANP numbers of unknown region count as US. */
  country: string | null;
  numberType: NumberType;
}

export type NumberCheck =
  { ok: true; number: ClassifiedNumber } | { ok: false; code: 22172 | 22102; problem: string };

export function classifyNumber(raw: string): NumberCheck {
  if (!E164_SHAPE.test(raw)) {
    return {
      ok: false,
      code: 22172,
      problem: 'is not in E.164 format (a + then the country code and number, digits only)',
    };
  }
  if (raw.startsWith('+1')) {
    const nanp = NANP.exec(raw);
    if (nanp === null) {
      return { ok: false, code: 22102, problem: 'is not a valid North American number' };
    }
    const areaCode = nanp[1] ?? '';
    const exchange = nanp[2] ?? '';
    if (TOLL_FREE_CODES_IN_SERVICE.has(areaCode)) {
      return { ok: true, number: { e164: raw, country: 'US', numberType: 'TOLL-FREE' } };
    }
    const country = nanpCountry(areaCode, raw);
    const numberType: NumberType = exchange.startsWith('9') ? 'MOBILE' : 'LOCAL';
    return { ok: true, number: { e164: raw, country, numberType } };
  }
  const parsed = parsePhoneNumberFromString(raw);
  if (parsed === undefined || !parsed.isPossible()) {
    return { ok: false, code: 22102, problem: 'is not a valid phone number' };
  }
  const type = parsed.getType();
  const numberType: NumberType =
    type === 'MOBILE'
      ? 'MOBILE'
      : type === 'TOLL_FREE'
        ? 'TOLL-FREE'
        : type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE'
          ? 'LOCAL'
          : 'UNKNOWN';
  return { ok: true, number: { e164: raw, country: parsed.country ?? null, numberType } };
}

/** Countries share +1 by area code, so one lookup per area code is enough. */
const countryByAreaCode = new Map<string, string>();

function nanpCountry(areaCode: string, e164: string): string {
  const known = countryByAreaCode.get(areaCode);
  if (known !== undefined) return known;
  const country = parsePhoneNumberFromString(e164)?.country;
  if (country === undefined) return 'US'; // e.g. the fictional area code 555
  countryByAreaCode.set(areaCode, country);
  return country;
}

/**
 * The Portability path segment arrives as `+1…`, `%2B1…` or, when a client or proxy decoded the
 * plus as a space, ` 1…`.
 */
export function phoneNumberFromPath(segment: string): string {
  const trimmed = segment.trim();
  return segment.startsWith(' ') && /^\d/.test(trimmed) ? `+${trimmed}` : trimmed;
}

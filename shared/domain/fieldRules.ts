import { z } from 'zod';
import { singleLineNameProblem } from './textRules';

/**
 * The field checks that catch what losing carriers reject, in one place for the wizard (as the
 * agent types) and main (before submit). Each rule takes the text as typed and answers either
 * the value to keep (trimmed, normalised) or a message in words. Empty values are the caller's
 * business: a rule judges only a value that was given.
 */
export type FieldRuleResult = { ok: true; value: string } | { ok: false; message: string };

const ok = (value: string): FieldRuleResult => ({ ok: true, value });
const refuse = (message: string): FieldRuleResult => ({ ok: false, message });

/** USPS codes and names of the 50 states, DC and the inhabited territories, for a picker. */
export const US_STATES: readonly { code: string; name: string }[] = [
  ['AL', 'Alabama'],
  ['AK', 'Alaska'],
  ['AZ', 'Arizona'],
  ['AR', 'Arkansas'],
  ['CA', 'California'],
  ['CO', 'Colorado'],
  ['CT', 'Connecticut'],
  ['DE', 'Delaware'],
  ['DC', 'District of Columbia'],
  ['FL', 'Florida'],
  ['GA', 'Georgia'],
  ['HI', 'Hawaii'],
  ['ID', 'Idaho'],
  ['IL', 'Illinois'],
  ['IN', 'Indiana'],
  ['IA', 'Iowa'],
  ['KS', 'Kansas'],
  ['KY', 'Kentucky'],
  ['LA', 'Louisiana'],
  ['ME', 'Maine'],
  ['MD', 'Maryland'],
  ['MA', 'Massachusetts'],
  ['MI', 'Michigan'],
  ['MN', 'Minnesota'],
  ['MS', 'Mississippi'],
  ['MO', 'Missouri'],
  ['MT', 'Montana'],
  ['NE', 'Nebraska'],
  ['NV', 'Nevada'],
  ['NH', 'New Hampshire'],
  ['NJ', 'New Jersey'],
  ['NM', 'New Mexico'],
  ['NY', 'New York'],
  ['NC', 'North Carolina'],
  ['ND', 'North Dakota'],
  ['OH', 'Ohio'],
  ['OK', 'Oklahoma'],
  ['OR', 'Oregon'],
  ['PA', 'Pennsylvania'],
  ['RI', 'Rhode Island'],
  ['SC', 'South Carolina'],
  ['SD', 'South Dakota'],
  ['TN', 'Tennessee'],
  ['TX', 'Texas'],
  ['UT', 'Utah'],
  ['VT', 'Vermont'],
  ['VA', 'Virginia'],
  ['WA', 'Washington'],
  ['WV', 'West Virginia'],
  ['WI', 'Wisconsin'],
  ['WY', 'Wyoming'],
  ['AS', 'American Samoa'],
  ['GU', 'Guam'],
  ['MP', 'Northern Mariana Islands'],
  ['PR', 'Puerto Rico'],
  ['VI', 'U.S. Virgin Islands'],
].map(([code = '', name = '']) => ({ code, name }));

/** The USPS codes of `US_STATES`. */
export const US_STATE_CODES: ReadonlySet<string> = new Set(US_STATES.map((s) => s.code));

/** A state or territory by its USPS code (any case), kept upper-case; names are for the picker. */
export function checkUsState(typed: string): FieldRuleResult {
  const text = typed.trim();
  const code = text.toUpperCase();
  if (text === '') {
    return refuse('Enter the state of the service address as a 2-letter code, like IL.');
  }
  return US_STATE_CODES.has(code)
    ? ok(code)
    : refuse(`State must be a 2-letter US code like IL or NY; "${text}" is not one.`);
}

const ZIP = /^\d{5}(?:-\d{4})?$/;

/** 5 digits, or ZIP+4 (12345-6789). */
export function checkZip(typed: string): FieldRuleResult {
  const text = typed.trim();
  return ZIP.test(text) ? ok(text) : refuse('ZIP code must be 5 digits, or 5+4 like 62701-1234.');
}

const HAS_LETTER = /\p{L}/u;

/** The authorized representative's full name: at least two words with letters in them. */
export function checkFullName(typed: string): FieldRuleResult {
  const text = typed.trim().replace(/\s+/g, ' ');
  const problem = singleLineNameProblem(text);
  if (problem) return refuse(problem);
  const words = text.split(' ').filter((word) => HAS_LETTER.test(word));
  return words.length >= 2
    ? ok(text)
    : refuse('Enter the first and last name, as on the carrier account (e.g. Jane Doe).');
}

/** A city has letters in its name (a ZIP or a number typed in the wrong box does not). */
export function checkCity(typed: string): FieldRuleResult {
  const text = typed.trim();
  const problem = singleLineNameProblem(text);
  if (problem) return refuse(problem);
  return HAS_LETTER.test(text)
    ? ok(text)
    : refuse('Enter the city of the service address in letters, e.g. Springfield.');
}

/** What carriers usually issue as a port-out PIN, shown beside the field. */
export const PIN_FORMAT_HINT =
  'Letters and digits only. Usually 4 to 10 digits: Verizon’s Number Transfer PIN has 4, ' +
  'AT&T’s 6, T-Mobile’s 6 to 15. The customer gets it from the losing carrier.';

const PIN = /^[A-Za-z0-9]+$/;

/** A port-out PIN: letters and digits only (no spaces, dashes or symbols). */
export function checkPin(typed: string): FieldRuleResult {
  const text = typed.trim();
  return PIN.test(text)
    ? ok(text)
    : refuse('A PIN has letters and digits only: remove spaces, dashes and other symbols.');
}

const emailSchema = z.email();

/** An e-mail address. */
export function checkEmail(typed: string): FieldRuleResult {
  const text = typed.trim();
  return emailSchema.safeParse(text).success
    ? ok(text)
    : refuse(`"${text}" is not a valid email address.`);
}

/** The account number with the losing carrier, exactly as on the bill: no spaces inside. */
export function checkAccountNumber(typed: string): FieldRuleResult {
  const text = typed.trim();
  const problem = singleLineNameProblem(text);
  if (problem) return refuse(problem);
  return /\s/.test(text)
    ? refuse('Enter the account number without spaces, exactly as on the bill.')
    : ok(text);
}

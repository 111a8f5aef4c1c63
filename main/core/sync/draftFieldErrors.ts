import { draftPathForReasonField } from '../../../shared/domain/draft';
import { reasonByCode } from '../../../shared/domain/reasonCodes';
import type { FieldError, JsonObject } from '../store';
import { wireFieldToDomainPath } from '../twilio/errorBody';

/** What a refused create said, reduced to what the draft needs. */
export interface CreateRefusal {
  code: number | null;
  message: string;
  /** Blamed fields as PortInCreateInput paths, when Twilio named them in a structured way. */
  fields?: readonly string[];
}

/**
 * Turns a refused create (a 400, or a 22137 that reconciliation showed is not ours) into
 * field-level messages on the draft, so the agent sees what to fix where they typed it.
 *
 * Field paths are the draft's (`phoneNumbers.2.phoneNumber`, `losingCarrier.address`). Where
 * they come from, best first: the fields the error body named; wire field names quoted in
 * Twilio's message (`Missing required field: losing_carrier_information.address`); phone numbers
 * quoted in the message; the catalog's field for the code (22102/22172/22137 → phone numbers,
 * 22173 → address). With none of those the message goes on the whole draft (field '').
 */
export function fieldErrorsForRefusal(
  refusal: CreateRefusal,
  sentNumbers: readonly string[],
  draftPayload: JsonObject | null,
): FieldError[] {
  const entry = refusal.code === null ? undefined : reasonByCode(refusal.code, 'create_error');
  const words = twilioWords(refusal.message);
  const message = entry
    ? `${entry.title}: ${words}${entry.fix ? ` ${entry.fix}` : ''}`
    : `Twilio refused the request: ${words}`;
  const indexOf = draftNumberIndex(draftPayload);

  const paths = new Set<string>();
  const quotedFields = [...(refusal.fields ?? []), ...wireFieldsIn(words).map(toDomainPath)];
  for (const field of quotedFields) paths.add(toDraftPath(field, sentNumbers, indexOf));

  const numbersNamed = [...new Set(words.match(/\+[1-9]\d{6,14}/g) ?? [])];
  const numberField = entry?.field === 'phoneNumber' || entry?.field === 'pin';
  if (paths.size === 0 && numbersNamed.length > 0 && (numberField || entry === undefined)) {
    for (const e164 of numbersNamed) {
      const index = indexOf(e164);
      const leaf = entry?.field === 'pin' ? 'pin' : 'phoneNumber';
      paths.add(index === null ? 'phoneNumbers' : `phoneNumbers.${index}.${leaf}`);
    }
  }
  if (paths.size === 0 && entry?.field) paths.add(draftPathForReasonField(entry.field));
  if (paths.size === 0) paths.add('');
  return [...paths].map((field) => ({ field, message }));
}

/** "Could not …: summary (HTTP 400, Twilio error 22102): <Twilio's words>" → Twilio's words. */
function twilioWords(message: string): string {
  const marker = message.indexOf('): ');
  return marker === -1 ? message : message.slice(marker + 3);
}

const WIRE_FIELD =
  /(?:Missing required field|Invalid field)\s*:?\s+([a-z_]+(?:(?:\.[a-z_0-9]+)|\[\d+\])*)/g;
const INDEXED_FIELD = /\b((?:phone_numbers|notification_emails|documents)\[\d+\](?:\.[a-z_]+)?)/g;

function wireFieldsIn(words: string): string[] {
  const found = [...words.matchAll(WIRE_FIELD)].map((match) => match[1] ?? '');
  found.push(...[...words.matchAll(INDEXED_FIELD)].map((match) => match[1] ?? ''));
  return found.filter((field) => field.length > 0);
}

/** `phone_numbers[0].phone_number` → `phoneNumbers.0.phoneNumber`. */
function toDomainPath(wireField: string): string {
  return wireFieldToDomainPath(wireField.replace(/\[(\d+)\]/g, '.$1'));
}

/** A PortInCreateInput path → the draft path of the same field. */
function toDraftPath(
  path: string,
  sentNumbers: readonly string[],
  indexOf: (e164: string) => number | null,
): string {
  const parts = path.split('.');
  const [head, second, third] = parts;
  if (head === 'documents') return 'billDocumentId';
  if (head === 'accountSid') return 'accountId';
  if (head === 'losingCarrier' && second === 'addressSid') return 'losingCarrier.address';
  if (head === 'phoneNumbers' && second !== undefined && /^\d+$/.test(second)) {
    // The request's numbers are the draft's in the use case's order, which may skip blanks.
    const sent = sentNumbers[Number(second)];
    const index = sent === undefined ? null : indexOf(sent);
    if (index === null) return 'phoneNumbers';
    return third === undefined ? `phoneNumbers.${index}` : `phoneNumbers.${index}.${third}`;
  }
  return path;
}

/** Finds a number's index in the draft as typed ("(415) 555-0101" matches +14155550101). */
function draftNumberIndex(draftPayload: JsonObject | null): (e164: string) => number | null {
  const rows = draftPayload?.phoneNumbers;
  const typed = Array.isArray(rows)
    ? rows.map((row) =>
        row !== null && typeof row === 'object' && !Array.isArray(row) ? row.phoneNumber : null,
      )
    : [];
  const keys = typed.map((value) => (typeof value === 'string' ? numberKey(value) : null));
  return (e164) => {
    const index = keys.indexOf(numberKey(e164));
    return index === -1 ? null : index;
  };
}

function numberKey(text: string): string {
  const digits = text.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

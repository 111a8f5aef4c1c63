import type { CarrierRecord, NumberOutcome } from './api';
import type { SimNumber, SimRequest } from './model';
import type { SimStore } from './store';

/**
 * The losing carrier's records (docs/simulator.md, "Carrier records"). A real carrier rejects a
 * port when the request differs from what it has on file, and accepts a later request that
 * matches; the simulator's carrier does the same per number, so a corrected request can pass in
 * demo mode while an unchanged one is rejected again for the same reason.
 */

/** The rejection codes that name a field of the request, in the order the carrier checks them. */
const FIELD_CODES = [22153, 22154, 22155, 22156, 22158] as const;
type FieldCode = (typeof FIELD_CODES)[number];

function isFieldCode(code: number): code is FieldCode {
  return (FIELD_CODES as readonly number[]).includes(code);
}

/**
 * How the carrier answers for one submitted number: an explicit script first (a scripted
 * rejection of a field is turned into a record of that field, so it is remembered, not
 * repeated blindly), then the number's record, then the rules every carrier applies to mobile
 * numbers (a PIN and the account number).
 */
export function carrierAnswer(
  store: SimStore,
  request: SimRequest,
  number: SimNumber,
): NumberOutcome {
  const script = store.scripts.get(number.phoneNumber);
  if (script?.kind === 'reject' && isFieldCode(script.code)) {
    rememberRejection(store, request, number, script.code);
    return script;
  }
  if (script !== undefined) return script;
  const record = store.carrierRecords.get(number.phoneNumber);
  const mismatch = record === undefined ? undefined : firstMismatch(record, request, number);
  if (mismatch !== undefined) return { kind: 'reject', code: mismatch };
  return mobileRules(request, number);
}

/**
 * For a snapshot saved before carrier records existed: a field's rejection script that already
 * fired becomes the record it would have left, derived from the request it rejected (not from
 * the next one, which may be the agent's correction).
 */
export function recordPastRejections(store: SimStore): void {
  for (const request of store.allRequests()) {
    for (const number of request.numbers) {
      const script = store.scripts.get(number.phoneNumber);
      if (
        number.status === 'rejected' &&
        script?.kind === 'reject' &&
        script.code === number.rejectionReasonCode &&
        isFieldCode(script.code)
      ) {
        rememberRejection(store, request, number, script.code);
      }
    }
  }
}

/** The carrier files a value other than the one this request sent, and the script is spent. */
function rememberRejection(
  store: SimStore,
  request: SimRequest,
  number: SimNumber,
  code: FieldCode,
): void {
  const record = store.carrierRecords.get(number.phoneNumber) ?? {};
  store.carrierRecords.set(number.phoneNumber, {
    ...record,
    ...recordDiffering(code, record, request, number),
  });
  store.scripts.delete(number.phoneNumber);
}

/** Without a record or a script, mobile numbers missing their PIN or account number fail. */
function mobileRules(request: SimRequest, number: SimNumber): NumberOutcome {
  if (number.numberType === 'MOBILE' && number.pin === null) return { kind: 'reject', code: 22155 };
  if (number.numberType === 'MOBILE' && request.losingCarrier.account_number === undefined) {
    return { kind: 'reject', code: 22156 };
  }
  return { kind: 'complete' };
}

function firstMismatch(
  record: CarrierRecord,
  request: SimRequest,
  number: SimNumber,
): FieldCode | undefined {
  return FIELD_CODES.find((code) => !matches(code, record, request, number));
}

/** Whether the request agrees with the record on the field a code names; unrecorded fields do. */
function matches(code: FieldCode, record: CarrierRecord, request: SimRequest, number: SimNumber) {
  const carrier = request.losingCarrier;
  switch (code) {
    case 22153:
      return record.customerName === undefined || same(record.customerName, carrier.customer_name);
    case 22154:
      return record.address === undefined || sameAddress(record.address, carrier.address);
    case 22155:
      return record.pin === undefined || same(record.pin, number.pin);
    case 22156:
      return (
        record.accountNumber === undefined || same(record.accountNumber, carrier.account_number)
      );
    case 22158:
      return (
        record.refusedPortInDate === undefined ||
        record.refusedPortInDate !== request.targetPortInDate
      );
  }
}

/**
 * What the carrier has on file after a scripted rejection of a field: the recorded value if it
 * already differs from the request, else a value derived from the request that differs from it
 * (documented, so an agent can work it out): a business name's legal form spelled out, an
 * individual's name as "Last, First", the street's house number 100 higher, the last four digits
 * of the number as PIN, "8" and the last eight digits of the number as account number.
 */
function recordDiffering(
  code: FieldCode,
  record: CarrierRecord,
  request: SimRequest,
  number: SimNumber,
): CarrierRecord {
  if (!matches(code, record, request, number)) return {};
  const carrier = request.losingCarrier;
  const digits = number.phoneNumber.replace(/\D/g, '');
  switch (code) {
    case 22153:
      return { customerName: carrierName(carrier.customer_name, carrier.customer_type) };
    case 22154: {
      const address = carrier.address;
      return {
        address: {
          street: otherHouseNumber(address?.street ?? ''),
          city: address?.city ?? '',
          state: address?.state ?? '',
          zip: address?.zip ?? '',
        },
      };
    }
    case 22155:
      return {
        pin: firstOther(number.pin, [
          digits.slice(-4),
          [...digits.slice(-4)].reverse().join(''),
          '2468',
        ]),
      };
    case 22156:
      return {
        accountNumber: firstOther(carrier.account_number ?? null, [
          `8${digits.slice(-8)}`,
          `9${digits.slice(-8)}`,
        ]),
      };
    case 22158:
      return { refusedPortInDate: request.targetPortInDate };
  }
}

const LEGAL_FORMS: readonly [RegExp, string][] = [
  [/\s+inc\.?$/i, ' Incorporated'],
  [/\s+llc\.?$/i, ' Limited Liability Company'],
  [/\s+corp\.?$/i, ' Corporation'],
  [/\s+co\.?$/i, ' Company'],
  [/\s+ltd\.?$/i, ' Limited'],
];

function carrierName(name: string, type: 'Business' | 'Individual' | undefined): string {
  const trimmed = name.trim();
  const words = trimmed.split(/\s+/);
  if (type === 'Individual' && words.length >= 2) {
    return `${words.at(-1) ?? ''}, ${words.slice(0, -1).join(' ')}`;
  }
  for (const [form, spelledOut] of LEGAL_FORMS) {
    if (form.test(trimmed)) return trimmed.replace(form, spelledOut);
  }
  return `${trimmed} Inc`;
}

function otherHouseNumber(street: string): string {
  const match = /^(\d+)(.*)$/.exec(street.trim());
  return match === null ? `100 ${street.trim()}` : `${Number(match[1]) + 100}${match[2] ?? ''}`;
}

function firstOther(sent: string | null, candidates: readonly string[]): string {
  return candidates.find((candidate) => !same(candidate, sent)) ?? `${candidates[0] ?? ''}0`;
}

/** Carriers match letter for letter; the simulator forgives case and spacing only. */
function same(recorded: string, sent: string | null | undefined): boolean {
  return sent !== null && sent !== undefined && normal(recorded) === normal(sent);
}

function sameAddress(
  recorded: NonNullable<CarrierRecord['address']>,
  sent: SimRequest['losingCarrier']['address'],
): boolean {
  return (
    sent !== undefined &&
    same(recorded.street, sent.street) &&
    same(recorded.city, sent.city) &&
    same(recorded.state, sent.state) &&
    same(recorded.zip.slice(0, 5), sent.zip.slice(0, 5))
  );
}

function normal(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

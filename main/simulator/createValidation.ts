import * as z from 'zod';
import { MAX_NUMBERS_PER_REQUEST } from '../../shared/domain/phoneNumbers';
import { ApiError, ERROR_CODES, invalidParameter } from './errors';
import type { SimLosingCarrier } from './model';
import { classifyNumber, type ClassifiedNumber } from './phoneRules';
import { isSid } from './sids';
import type { SimStore } from './store';
import { DAY, MIN_TARGET_DATE_LEAD_DAYS } from './timings';

export interface ValidPortInCreate {
  losingCarrier: SimLosingCarrier;
  notificationEmails: string[] | null;
  targetPortInDate: string | null;
  targetTimeRangeStart: string | null;
  targetTimeRangeEnd: string | null;
  documents: string[];
  bundleSid: string | null;
  portabilityAdvanceCarrier: string | null;
  autoCancelApprovalNumbers: string | null;
  numbers: { number: ClassifiedNumber; pin: string | null }[];
}

const requiredText = z.string().trim().min(1);
const optionalText = z.string().nullish();

const createBodySchema = z.object({
  account_sid: requiredText,
  documents: z.array(z.string()),
  phone_numbers: z.array(z.object({ phone_number: requiredText, pin: optionalText })),
  losing_carrier_information: z.object({
    customer_name: requiredText,
    authorized_representative: requiredText,
    authorized_representative_email: z.email(),
    customer_type: z.enum(['Business', 'Individual']).nullish(),
    account_number: optionalText,
    account_telephone_number: optionalText,
    address_sid: optionalText,
    address: z
      .object({
        street: requiredText,
        street_2: optionalText,
        city: requiredText,
        state: requiredText,
        zip: requiredText,
        country: requiredText,
      })
      .nullish(),
    authorized_representative_katakana: optionalText,
    sub_municipality: optionalText,
    building: optionalText,
    katakana_name: optionalText,
  }),
  notification_emails: z.array(z.email()).nullish(),
  target_port_in_date: z.iso.date().nullish(),
  target_port_in_time_range_start: optionalText,
  target_port_in_time_range_end: optionalText,
  bundle_sid: optionalText,
  portability_advance_carrier: optionalText,
  auto_cancel_approval_numbers: optionalText,
});
type CreateBody = z.infer<typeof createBodySchema>;

export interface CreateContext {
  store: SimStore;
  accountSid: string;
  now: number;
}

/** Checks a create body the way Twilio does and throws the first problem as a 400. */
export function validatePortInCreate(body: unknown, context: CreateContext): ValidPortInCreate {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidParameter('The request body must be a JSON object');
  }
  const parsed = createBodySchema.safeParse(body);
  if (!parsed.success) throw shapeError(body, parsed.error.issues);
  const input = parsed.data;

  if (input.account_sid !== context.accountSid) {
    throw invalidParameter(
      `account_sid ${input.account_sid} is not the authenticated account ${context.accountSid}`,
    );
  }
  const numbers = checkPhoneNumbers(input, context.store);
  const documents = checkDocuments(input.documents, context);
  const losingCarrier = checkLosingCarrier(input.losing_carrier_information);
  if (input.bundle_sid != null && input.bundle_sid !== '') {
    throw new ApiError(
      400,
      ERROR_CODES.invalidBundle,
      `bundle_sid ${input.bundle_sid} does not exist or is not approved (US requests need no bundle)`,
    );
  }
  const schedule = checkTargetSchedule(input, context.now);
  return {
    losingCarrier,
    notificationEmails: input.notification_emails ?? null,
    ...schedule,
    documents,
    bundleSid: null,
    portabilityAdvanceCarrier: input.portability_advance_carrier ?? null,
    autoCancelApprovalNumbers: input.auto_cancel_approval_numbers ?? null,
    numbers,
  };
}

function shapeError(body: object, issues: readonly z.core.$ZodIssue[]): ApiError {
  const issue = issues[0];
  if (issue === undefined) return invalidParameter('The request body is invalid');
  const field = fieldName(issue.path);
  const value = valueAt(body, issue.path);
  const missing = value == null || (typeof value === 'string' && value.trim() === '');
  if (missing) {
    const hint = Object.hasOwn(body, 'accountSid')
      ? ' (the body has camelCase keys; Twilio expects snake_case such as account_sid)'
      : '';
    return new ApiError(
      400,
      ERROR_CODES.missingRequiredFields,
      `Missing required field: ${field}${hint}`,
    );
  }
  return invalidParameter(`Invalid field ${field}: ${issue.message}`);
}

function checkPhoneNumbers(input: CreateBody, store: SimStore): ValidPortInCreate['numbers'] {
  const entries = input.phone_numbers;
  if (entries.length === 0) {
    throw new ApiError(
      400,
      ERROR_CODES.missingRequiredFields,
      'Missing required field: phone_numbers must list at least one number',
    );
  }
  if (entries.length > MAX_NUMBERS_PER_REQUEST) {
    throw invalidParameter(
      `phone_numbers has ${entries.length} numbers; a port-in request takes at most ${MAX_NUMBERS_PER_REQUEST}`,
    );
  }
  const seen = new Set<string>();
  const countries = new Set<string>();
  const numbers: ValidPortInCreate['numbers'] = [];
  entries.forEach((entry, index) => {
    const field = `phone_numbers[${index}].phone_number`;
    const check = classifyNumber(entry.phone_number);
    if (!check.ok) {
      throw new ApiError(400, check.code, `${field} ${entry.phone_number} ${check.problem}`);
    }
    if (seen.has(check.number.e164)) {
      throw invalidParameter(`${field} ${entry.phone_number} appears more than once`);
    }
    seen.add(check.number.e164);
    countries.add(check.number.country ?? 'unknown');
    if (countries.size > 1) {
      throw new ApiError(
        400,
        ERROR_CODES.notE164OrSeveralCountries,
        `${field} ${entry.phone_number} is from another country than the numbers before it; a port-in request takes numbers of one country`,
      );
    }
    const open = store.openNumber(check.number.e164);
    if (open !== undefined) {
      throw new ApiError(
        400,
        ERROR_CODES.portInProgress,
        `${field} ${entry.phone_number}: a port for this number is already in progress in port-in request ${open.requestSid}`,
      );
    }
    numbers.push({ number: check.number, pin: entry.pin ?? null });
  });
  return numbers;
}

function checkDocuments(documents: string[], context: CreateContext): string[] {
  if (documents.length === 0) {
    throw new ApiError(
      400,
      ERROR_CODES.missingRequiredFields,
      'Missing required field: documents must list at least one utility bill document SID',
    );
  }
  let hasUtilityBill = false;
  documents.forEach((sid, index) => {
    const document = isSid('RD', sid) ? context.store.documents.get(sid) : undefined;
    if (document === undefined || document.accountSid !== context.accountSid) {
      throw invalidParameter(
        `documents[${index}] ${sid} is not a document uploaded to this account (upload it to /v1/Documents first)`,
      );
    }
    if (document.documentType === 'utility_bill') hasUtilityBill = true;
  });
  if (!hasUtilityBill) {
    throw invalidParameter('documents must include a document of type utility_bill');
  }
  return [...documents];
}

function checkLosingCarrier(input: CreateBody['losing_carrier_information']): SimLosingCarrier {
  const addressSid = input.address_sid ?? null;
  if (addressSid !== null && !isSid('AD', addressSid)) {
    throw new ApiError(
      400,
      ERROR_CODES.invalidAddressSid,
      `losing_carrier_information.address_sid ${addressSid} is not a valid Address SID`,
    );
  }
  if (input.address == null && addressSid === null) {
    throw new ApiError(
      400,
      ERROR_CODES.missingRequiredFields,
      'Missing required field: losing_carrier_information.address (or address_sid)',
    );
  }
  const carrier: SimLosingCarrier = {
    customer_name: input.customer_name,
    authorized_representative: input.authorized_representative,
    authorized_representative_email: input.authorized_representative_email,
  };
  if (input.customer_type != null) carrier.customer_type = input.customer_type;
  const optional = [
    'account_number',
    'account_telephone_number',
    'address_sid',
    'authorized_representative_katakana',
    'sub_municipality',
    'building',
    'katakana_name',
  ] as const;
  for (const key of optional) {
    const value = input[key];
    if (value != null) carrier[key] = value;
  }
  if (input.address != null) {
    const { street, street_2, city, state, zip, country } = input.address;
    carrier.address = { street, city, state, zip, country };
    if (street_2 != null && street_2 !== '') carrier.address.street_2 = street_2;
  }
  return carrier;
}

const OFFSET_TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;

/** Seconds after UTC midnight (may be negative or ≥ 1 day when the offset crosses midnight). */
function utcSecondsOf(field: string, value: string): number {
  const match = OFFSET_TIME.exec(value);
  if (match === null) {
    throw invalidParameter(
      `Invalid field ${field}: expected a time with an offset such as 10:00:00-05:00 (got ${value})`,
    );
  }
  const [, hh = '0', mm = '0', ss = '0', offset = 'Z'] = match;
  let seconds = Number(hh) * 3600 + Number(mm) * 60 + Number(ss);
  if (offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    seconds -= sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60);
  }
  return seconds;
}

function formatUtcTime(seconds: number): string {
  const s = ((seconds % 86_400) + 86_400) % 86_400;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}+00:00`;
}

function checkTargetSchedule(
  input: CreateBody,
  now: number,
): Pick<ValidPortInCreate, 'targetPortInDate' | 'targetTimeRangeStart' | 'targetTimeRangeEnd'> {
  const startRaw = input.target_port_in_time_range_start ?? null;
  const endRaw = input.target_port_in_time_range_end ?? null;
  const start =
    startRaw === null ? null : utcSecondsOf('target_port_in_time_range_start', startRaw);
  const end = endRaw === null ? null : utcSecondsOf('target_port_in_time_range_end', endRaw);
  let date = input.target_port_in_date ?? null;
  if (date !== null) {
    const day = Date.parse(`${date}T00:00:00Z`);
    const earliest = Math.floor(now / DAY) * DAY + MIN_TARGET_DATE_LEAD_DAYS * DAY;
    if (day < earliest) {
      throw invalidParameter(
        `target_port_in_date ${date} must be at least ${MIN_TARGET_DATE_LEAD_DAYS} days in the future (on or after ${new Date(earliest).toISOString().slice(0, 10)})`,
      );
    }
    // Twilio stores the window in UTC; a start that crosses midnight moves the date with it.
    if (start !== null) {
      date = new Date(day + Math.floor(start / 86_400) * DAY).toISOString().slice(0, 10);
    }
  }
  return {
    targetPortInDate: date,
    targetTimeRangeStart: start === null ? null : formatUtcTime(start),
    targetTimeRangeEnd: end === null ? null : formatUtcTime(end),
  };
}

function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? 'body' : out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

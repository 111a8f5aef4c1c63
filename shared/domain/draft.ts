import { z } from 'zod';
import type { LosingCarrierInformation, PortInCreateInput } from './portIn';
import {
  checkTargetPortDate,
  compareOffsetTimes,
  formatOffsetTime,
  parseOffsetTime,
} from './portDates';
import { MAX_NUMBERS_PER_REQUEST, checkUsPhoneNumber, formatUsPhoneNumber } from './phoneNumbers';
import { explainReason } from './reasonCodes';
import type { ReasonField } from './reasonCodes';
import {
  DRAFT_SECTIONS,
  type DraftAddress,
  type DraftLosingCarrier,
  type DraftPayload,
  type DraftPhoneNumber,
  type DraftSection,
} from './draftForm';

export { DRAFT_SECTIONS, type DraftSection };

/**
 * The port-in draft an agent edits in the wizard (saved on every change, offline), the lenient
 * check of an edit crossing IPC (`parseDraft`), and the full check before submitting
 * (`validateDraftForSubmit`). Every field may be missing or null while editing.
 */

/**
 * While a draft is edited (and when it is read back from IPC or the database) any field of the
 * form may be missing or null: the form's shape, every level made lenient.
 */
type Lenient<T> = {
  [K in keyof T]?:
    | (T[K] extends readonly (infer E)[]
        ? (E extends object ? Lenient<E> : E)[]
        : T[K] extends object
          ? Lenient<T[K]>
          : T[K])
    | null;
};

export type PortInDraftNumber = Lenient<DraftPhoneNumber>;
export type PortInDraftAddress = Lenient<DraftAddress>;
export type PortInDraftLosingCarrier = Lenient<DraftLosingCarrier>;

/** The form (shared/domain/draftForm.ts), lenient, with what the draft row keeps beside it. */
export interface PortInDraft extends Lenient<DraftPayload> {
  /** PortDesk's id of the Twilio account the numbers go to. */
  accountId?: string | null;
  /** The local document id (documents table) of the utility bill; uploaded when submitting. */
  billDocumentId?: number | null;
}

/** A problem with one field; `field` is a dotted path such as `phoneNumbers.3.pin` (0-based). */
export interface DraftIssue {
  field: string;
  message: string;
}

export const MAX_NOTIFICATION_EMAILS = 10;

/** Length caps: an IPC edit can never carry a huge string (a bill travels as bytes elsewhere). */
export const DRAFT_LIMITS = {
  id: 100,
  name: 200,
  email: 254,
  accountNumber: 64,
  pin: 20,
  phoneNumberText: 40,
  street: 200,
  city: 100,
  state: 50,
  zip: 20,
  country: 60,
  dateText: 20,
  /** Drafts may hold more emails than a request takes, so the agent sees the submit message. */
  notificationEmails: 50,
} as const;

// ── Lenient schema (types and sizes only) ───────────────────────────────────────────────────

const text = (max: number) => z.string().max(max).nullish();

const numberSchema = z.object({
  phoneNumber: text(DRAFT_LIMITS.phoneNumberText),
  pin: text(DRAFT_LIMITS.pin),
});

const addressSchema = z.object({
  street: text(DRAFT_LIMITS.street),
  street2: text(DRAFT_LIMITS.street),
  city: text(DRAFT_LIMITS.city),
  state: text(DRAFT_LIMITS.state),
  zip: text(DRAFT_LIMITS.zip),
  country: text(DRAFT_LIMITS.country),
});

const losingCarrierSchema = z.object({
  customerType: z.enum(['Business', 'Individual']).nullish(),
  customerName: text(DRAFT_LIMITS.name),
  accountNumber: text(DRAFT_LIMITS.accountNumber),
  accountTelephoneNumber: text(DRAFT_LIMITS.phoneNumberText),
  authorizedRepresentative: text(DRAFT_LIMITS.name),
  authorizedRepresentativeEmail: text(DRAFT_LIMITS.email),
  address: addressSchema.nullish(),
});

/** Unknown keys are dropped, not refused, so a draft saved by an older version still loads. */
export const portInDraftSchema: z.ZodType<PortInDraft> = z.object({
  accountId: text(DRAFT_LIMITS.id),
  phoneNumbers: z.array(numberSchema).max(MAX_NUMBERS_PER_REQUEST).nullish(),
  losingCarrier: losingCarrierSchema.nullish(),
  billDocumentId: z.number().int().positive().nullish(),
  targetPortInDate: text(DRAFT_LIMITS.dateText),
  targetPortInTimeRangeStart: text(DRAFT_LIMITS.dateText),
  targetPortInTimeRangeEnd: text(DRAFT_LIMITS.dateText),
  notificationEmails: z
    .array(z.string().max(DRAFT_LIMITS.email))
    .max(DRAFT_LIMITS.notificationEmails)
    .nullish(),
});

const FIELD_LABELS: Readonly<Record<string, string>> = {
  '': 'The draft',
  accountId: 'Account',
  phoneNumbers: 'Phone numbers',
  'phoneNumbers.*': 'Phone number entry',
  'phoneNumbers.*.phoneNumber': 'Phone number',
  'phoneNumbers.*.pin': 'PIN',
  losingCarrier: 'Losing carrier details',
  'losingCarrier.customerType': 'Customer type',
  'losingCarrier.customerName': 'Customer name',
  'losingCarrier.accountNumber': 'Account number',
  'losingCarrier.accountTelephoneNumber': 'Billing telephone number',
  'losingCarrier.authorizedRepresentative': 'Authorized representative',
  'losingCarrier.authorizedRepresentativeEmail': "Authorized representative's email",
  'losingCarrier.address': 'Service address',
  'losingCarrier.address.street': 'Street',
  'losingCarrier.address.street2': 'Street line 2',
  'losingCarrier.address.city': 'City',
  'losingCarrier.address.state': 'State',
  'losingCarrier.address.zip': 'ZIP code',
  'losingCarrier.address.country': 'Country',
  billDocumentId: 'Utility bill (document id)',
  targetPortInDate: 'Target port date',
  targetPortInTimeRangeStart: 'Port window start',
  targetPortInTimeRangeEnd: 'Port window end',
  notificationEmails: 'Notification emails',
  'notificationEmails.*': 'Notification email',
};

function labelFor(path: string): string {
  return FIELD_LABELS[path.replace(/\.\d+(?=\.|$)/g, '.*')] ?? path;
}

const EXPECTED_WORDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  array: 'a list',
  object: 'a group of fields',
};

function issueMessage(issue: z.core.$ZodIssue, label: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return `${label} must be ${EXPECTED_WORDS[issue.expected] ?? issue.expected}.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `${label} is too long: at most ${String(issue.maximum)} characters.`
        : issue.origin === 'array'
          ? `${label}: at most ${Number(issue.maximum).toLocaleString('en-US')} entries.`
          : `${label} is too large.`;
    case 'too_small':
      return `${label} must be a positive number.`;
    case 'invalid_value':
      return `${label} must be one of: ${issue.values.map(String).join(', ')}.`;
    default:
      return `${label} is not valid.`;
  }
}

export type DraftParseResult =
  { ok: true; draft: PortInDraft } | { ok: false; errors: DraftIssue[] };

/**
 * Type-level check of a draft edit (from IPC or the database): wrong types and oversized values
 * are refused with the field named; business rules are left to `validateDraftForSubmit`. Values
 * are kept as typed (no trimming: the agent is mid-edit).
 */
export function parseDraft(input: unknown): DraftParseResult {
  const result = portInDraftSchema.safeParse(input);
  if (result.success) return { ok: true, draft: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.');
      return { field, message: issueMessage(issue, labelFor(field)) };
    }),
  };
}

// ── Submit-time validation ──────────────────────────────────────────────────────────────────

/** What the portability check said about a number (a PortabilityResult fits). */
export interface NumberPortability {
  portable: boolean;
  pinAndAccountNumberRequired: boolean;
  notPortableReason?: string | null;
  notPortableReasonCode?: number | null;
}

export interface DraftValidationOptions {
  /** The agent's local date, YYYY-MM-DD. */
  today: string;
  /** Portability results by E.164; numbers not in the map are not judged on portability. */
  portability?: ReadonlyMap<string, NumberPortability>;
}

/** A validated draft: trimmed, normalised (E.164, upper-case state, wire time format). */
export interface SubmittableDraft {
  accountId: string;
  billDocumentId: number;
  phoneNumbers: { phoneNumber: string; pin: string | null }[];
  losingCarrier: LosingCarrierInformation;
  notificationEmails: string[];
  targetPortInDate: string | null;
  targetPortInTimeRangeStart: string | null;
  targetPortInTimeRangeEnd: string | null;
}

export type DraftValidation =
  | { ok: true; value: SubmittableDraft; warnings: DraftIssue[] }
  | { ok: false; errors: DraftIssue[]; warnings: DraftIssue[] };

/** USPS codes of the states, DC and the inhabited territories. */
export const US_STATE_CODES: ReadonlySet<string> = new Set(
  (
    'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ ' +
    'NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR VI GU AS MP'
  ).split(' '),
);

const ZIP = /^\d{5}(?:-\d{4})?$/;
const emailSchema = z.email();

function clean(value: string | null | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

function isEmail(value: string): boolean {
  return emailSchema.safeParse(value).success;
}

class IssueList {
  readonly errors: DraftIssue[] = [];
  readonly warnings: DraftIssue[] = [];
  error(field: string, message: string): void {
    this.errors.push({ field, message });
  }
  warn(field: string, message: string): void {
    this.warnings.push({ field, message });
  }
}

interface CheckedNumbers {
  list: { phoneNumber: string; pin: string | null }[];
  /** Numbers whose portability check asks for a PIN and the account number, formatted. */
  needingAccountNumber: string[];
}

function checkNumbers(
  numbers: PortInDraftNumber[],
  portability: ReadonlyMap<string, NumberPortability> | undefined,
  issues: IssueList,
): CheckedNumbers {
  const list: CheckedNumbers['list'] = [];
  const needingAccountNumber: string[] = [];
  if (numbers.length === 0) {
    issues.error('phoneNumbers', 'Add at least one phone number to port.');
  } else if (numbers.length > MAX_NUMBERS_PER_REQUEST) {
    issues.error(
      'phoneNumbers',
      `A port-in request holds at most ${MAX_NUMBERS_PER_REQUEST.toLocaleString('en-US')} numbers; this draft has ${numbers.length.toLocaleString('en-US')}. Split them into several requests.`,
    );
  }
  const firstIndex = new Map<string, number>();
  numbers.forEach((entry, index) => {
    const path = `phoneNumbers.${index}`;
    const typed = clean(entry.phoneNumber);
    const pin = clean(entry.pin);
    if (typed === '') {
      issues.error(
        `${path}.phoneNumber`,
        `Phone number ${index + 1} is empty: enter it or remove the row.`,
      );
      return;
    }
    const verdict = checkUsPhoneNumber(typed);
    if (verdict.status !== 'ok') {
      issues.error(`${path}.phoneNumber`, verdict.reason);
      return;
    }
    const shown = formatUsPhoneNumber(verdict.e164);
    if (verdict.caution) issues.warn(`${path}.phoneNumber`, verdict.caution);
    const earlier = firstIndex.get(verdict.e164);
    if (earlier !== undefined) {
      issues.error(
        `${path}.phoneNumber`,
        `${shown} is listed twice (numbers ${earlier + 1} and ${index + 1}): remove one.`,
      );
      return;
    }
    firstIndex.set(verdict.e164, index);
    const checked = portability?.get(verdict.e164);
    if (checked && !checked.portable) {
      const reason = explainReason({
        code: checked.notPortableReasonCode ?? null,
        name: checked.notPortableReason ?? null,
        kind: 'not_portable',
      });
      issues.error(
        `${path}.phoneNumber`,
        `${shown} can't be ported through the API: ${reason.meaning} ${reason.fix}`,
      );
    }
    if (checked?.pinAndAccountNumberRequired) {
      needingAccountNumber.push(shown);
      if (pin === '') {
        issues.error(
          `${path}.pin`,
          `${shown} needs the port-out PIN (usually a mobile number): the customer gets it from the losing carrier.`,
        );
      }
    }
    list.push({ phoneNumber: verdict.e164, pin: pin === '' ? null : pin });
  });
  return { list, needingAccountNumber };
}

function checkAddress(address: PortInDraftAddress, issues: IssueList) {
  const base = 'losingCarrier.address';
  const street = clean(address.street);
  const city = clean(address.city);
  const state = clean(address.state).toUpperCase();
  const zip = clean(address.zip);
  const country = clean(address.country).toUpperCase() || 'US';
  if (street === '')
    issues.error(
      `${base}.street`,
      'Enter the street of the service address (where the lines are in service).',
    );
  if (city === '') issues.error(`${base}.city`, 'Enter the city of the service address.');
  if (state === '') {
    issues.error(
      `${base}.state`,
      'Enter the state of the service address as a 2-letter code, like IL.',
    );
  } else if (!US_STATE_CODES.has(state)) {
    issues.error(
      `${base}.state`,
      `State must be a 2-letter US code like IL or NY; "${clean(address.state)}" is not one.`,
    );
  }
  if (!ZIP.test(zip)) {
    issues.error(`${base}.zip`, 'ZIP code must be 5 digits, or 5+4 like 62701-1234.');
  }
  if (country !== 'US') {
    issues.error(
      `${base}.country`,
      'The service address must be in the US: the Porting API ports US numbers only.',
    );
  }
  const street2 = clean(address.street2);
  return { street, street2: street2 === '' ? null : street2, city, state, zip, country: 'US' };
}

function checkLosingCarrier(
  carrier: PortInDraftLosingCarrier,
  needingAccountNumber: string[],
  issues: IssueList,
): LosingCarrierInformation {
  const customerName = clean(carrier.customerName);
  const accountNumber = clean(carrier.accountNumber);
  const btnTyped = clean(carrier.accountTelephoneNumber);
  const representative = clean(carrier.authorizedRepresentative);
  const email = clean(carrier.authorizedRepresentativeEmail);

  if (customerName === '') {
    issues.error(
      'losingCarrier.customerName',
      'Enter the customer name exactly as the losing carrier has it (see the bill).',
    );
  }
  if (accountNumber === '' && needingAccountNumber.length > 0) {
    const example = needingAccountNumber[0] ?? '';
    const count = needingAccountNumber.length;
    const more = count > 1 ? ` and ${count - 1} more` : '';
    const verb = count > 1 ? 'need' : 'needs';
    issues.error(
      'losingCarrier.accountNumber',
      `Enter the account number with the losing carrier: ${example}${more} ${verb} a PIN and the account number.`,
    );
  }
  let accountTelephoneNumber: string | null = null;
  if (btnTyped !== '') {
    const verdict = checkUsPhoneNumber(btnTyped);
    if (verdict.status === 'invalid' || verdict.status === 'non_us') {
      issues.error(
        'losingCarrier.accountTelephoneNumber',
        `Billing telephone number: ${verdict.reason}`,
      );
    } else {
      accountTelephoneNumber = verdict.e164;
    }
  }
  if (representative === '') {
    issues.error(
      'losingCarrier.authorizedRepresentative',
      'Enter the first and last name of the person authorized on the carrier account.',
    );
  }
  if (email === '') {
    issues.error(
      'losingCarrier.authorizedRepresentativeEmail',
      "Enter the authorized representative's email: Twilio sends the letter of authorization there to be signed.",
    );
  } else if (!isEmail(email)) {
    issues.error(
      'losingCarrier.authorizedRepresentativeEmail',
      `"${email}" is not a valid email address.`,
    );
  }
  const address = carrier.address ?? {};
  return {
    customerType: carrier.customerType ?? null,
    customerName,
    accountNumber: accountNumber === '' ? null : accountNumber,
    accountTelephoneNumber,
    authorizedRepresentative: representative,
    authorizedRepresentativeEmail: email,
    addressSid: null,
    address: checkAddress(address, issues),
  };
}

function checkSchedule(draft: PortInDraft, today: string, issues: IssueList) {
  const date = clean(draft.targetPortInDate);
  const startTyped = clean(draft.targetPortInTimeRangeStart);
  const endTyped = clean(draft.targetPortInTimeRangeEnd);
  if (date !== '') {
    for (const issue of checkTargetPortDate(date, { today })) {
      if (issue.severity === 'error') issues.error('targetPortInDate', issue.message);
      else issues.warn('targetPortInDate', issue.message);
    }
  }
  const start = startTyped === '' ? null : parseOffsetTime(startTyped);
  const end = endTyped === '' ? null : parseOffsetTime(endTyped);
  const example = 'a time with its UTC offset, like 10:00:00-05:00';
  if (startTyped !== '' && !start)
    issues.error('targetPortInTimeRangeStart', `Port window start must be ${example}.`);
  if (endTyped !== '' && !end)
    issues.error('targetPortInTimeRangeEnd', `Port window end must be ${example}.`);
  if ((startTyped === '') !== (endTyped === '')) {
    const missing = startTyped === '' ? 'targetPortInTimeRangeStart' : 'targetPortInTimeRangeEnd';
    issues.error(missing, 'Give both a start and an end for the port window, or neither.');
  }
  if (start && end && (compareOffsetTimes(startTyped, endTyped) ?? 0) >= 0) {
    issues.error('targetPortInTimeRangeEnd', 'The port window must end after it starts.');
  }
  if (date === '' && (startTyped !== '' || endTyped !== '')) {
    issues.error('targetPortInDate', 'Pick a target port date to go with the port window.');
  }
  return {
    targetPortInDate: date === '' ? null : date,
    targetPortInTimeRangeStart: start ? formatOffsetTime(start) : null,
    targetPortInTimeRangeEnd: end ? formatOffsetTime(end) : null,
  };
}

function checkNotificationEmails(emails: string[], issues: IssueList): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  emails.forEach((typed, index) => {
    const email = clean(typed);
    if (email === '') return;
    if (!isEmail(email)) {
      issues.error(`notificationEmails.${index}`, `"${email}" is not a valid email address.`);
      return;
    }
    if (seen.has(email.toLowerCase())) return;
    seen.add(email.toLowerCase());
    kept.push(email);
  });
  if (kept.length > MAX_NOTIFICATION_EMAILS) {
    issues.error(
      'notificationEmails',
      `At most ${MAX_NOTIFICATION_EMAILS} notification emails; this draft has ${kept.length}.`,
    );
  }
  return kept;
}

/**
 * Every rule a draft must meet before it is sent, with an error per field in words an agent
 * understands. Warnings (weekend or holiday port date, an unfamiliar area code) never block.
 */
export function validateDraftForSubmit(
  draft: PortInDraft,
  options: DraftValidationOptions,
): DraftValidation {
  const parsed = parseDraft(draft);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, warnings: [] };
  const input = parsed.draft;
  const issues = new IssueList();

  const accountId = clean(input.accountId);
  if (accountId === '')
    issues.error('accountId', 'Choose the Twilio account the numbers will be ported into.');
  const numbers = checkNumbers(input.phoneNumbers ?? [], options.portability, issues);
  const losingCarrier = checkLosingCarrier(
    input.losingCarrier ?? {},
    numbers.needingAccountNumber,
    issues,
  );
  const billDocumentId = input.billDocumentId ?? null;
  if (billDocumentId === null) {
    issues.error(
      'billDocumentId',
      "Attach the customer's utility bill (dated within the last 30 days): Twilio requires it.",
    );
  }
  const schedule = checkSchedule(input, options.today, issues);
  const notificationEmails = checkNotificationEmails(input.notificationEmails ?? [], issues);

  if (issues.errors.length > 0 || billDocumentId === null) {
    return { ok: false, errors: issues.errors, warnings: issues.warnings };
  }
  return {
    ok: true,
    warnings: issues.warnings,
    value: {
      accountId,
      billDocumentId,
      phoneNumbers: numbers.list,
      losingCarrier,
      notificationEmails,
      ...schedule,
    },
  };
}

/** The create input once the outbox knows the account SID and the uploaded bill's document SID. */
export function toPortInCreateInput(
  draft: Omit<SubmittableDraft, 'accountId' | 'billDocumentId'>,
  ids: { accountSid: string; documentSids: readonly string[] },
): PortInCreateInput {
  return {
    accountSid: ids.accountSid,
    documents: [...ids.documentSids],
    phoneNumbers: draft.phoneNumbers.map((n) => ({ ...n })),
    losingCarrier: {
      ...draft.losingCarrier,
      address: draft.losingCarrier.address ? { ...draft.losingCarrier.address } : null,
    },
    notificationEmails: draft.notificationEmails.length > 0 ? [...draft.notificationEmails] : null,
    targetPortInDate: draft.targetPortInDate,
    targetPortInTimeRangeStart: draft.targetPortInTimeRangeStart,
    targetPortInTimeRangeEnd: draft.targetPortInTimeRangeEnd,
  };
}

// ── Where to point the agent ────────────────────────────────────────────────────────────────

/** The dotted draft path to correct for a reason's field (`numberIndex` picks one number). */
export function draftPathForReasonField(field: ReasonField, numberIndex?: number): string {
  switch (field) {
    case 'account':
      return 'accountId';
    case 'bill':
      return 'billDocumentId';
    case 'targetPortInDate':
      return 'targetPortInDate';
    case 'phoneNumber':
      return numberIndex === undefined ? 'phoneNumbers' : `phoneNumbers.${numberIndex}.phoneNumber`;
    case 'pin':
      return numberIndex === undefined ? 'phoneNumbers' : `phoneNumbers.${numberIndex}.pin`;
    default:
      return `losingCarrier.${field}`;
  }
}

function isDraftSection(value: string): value is DraftSection {
  return (DRAFT_SECTIONS as readonly string[]).includes(value);
}

/** `phoneNumbers.3.pin` → `pin`, `losingCarrier.address.zip` → `losingCarrier.address`; null if none. */
export function draftSectionOf(path: string): DraftSection | null {
  const parts = path.split('.');
  const [head, second, third] = parts;
  if (head === 'accountId') return 'account';
  if (head === 'billDocumentId') return 'bill';
  if (head === 'phoneNumbers') return third === 'pin' ? 'pin' : 'phoneNumbers';
  if (head === 'notificationEmails') return 'notificationEmails';
  if (head === 'targetPortInDate') return 'targetPortInDate';
  if (head === 'targetPortInTimeRangeStart' || head === 'targetPortInTimeRangeEnd') {
    return 'targetPortInTimeRange';
  }
  if (head === 'losingCarrier' && second !== undefined) {
    const section = `losingCarrier.${second}`;
    return isDraftSection(section) ? section : null;
  }
  return null;
}

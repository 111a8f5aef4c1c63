/**
 * Twilio reason and error codes an agent meets, in words, with the draft field to correct
 * (REASON-CODES.md §1–§3), and the "why carriers reject" help text (§4). Unknown codes are never
 * hidden: they get a generic entry that shows the raw value and points at Twilio porting support.
 */

/** Where the code comes from: a carrier rejection, a portability verdict, or a failed create. */
export type ReasonKind = 'rejection' | 'not_portable' | 'create_error';

/** The part of the draft an agent corrects for a reason. */
export type ReasonField =
  | 'account'
  | 'phoneNumber'
  | 'pin'
  | 'accountNumber'
  | 'accountTelephoneNumber'
  | 'customerName'
  | 'authorizedRepresentative'
  | 'address'
  | 'targetPortInDate'
  | 'bill';

export interface ReasonEntry {
  code: number | null;
  /** The wire name, e.g. `INVALID_PIN`; null when Twilio names none. */
  name: string | null;
  kind: ReasonKind;
  /** Short title, e.g. "Invalid PIN". */
  title: string;
  /** What happened, in words. */
  meaning: string;
  /** What the agent does about it. */
  fix: string;
  /** The main draft field to correct, or null when the fix is outside the draft. */
  field: ReasonField | null;
  /** Other fields worth a second look (e.g. the representative's name for a name mismatch). */
  relatedFields: readonly ReasonField[];
  /** true when the meaning is read from the code's name; Twilio publishes no longer text. */
  inferred: boolean;
  /** false for the generic entry made for a code or name this catalog does not know. */
  known: boolean;
}

const SUPPORT = 'Twilio porting support';
const NEW_REQUEST =
  'Twilio has no update call: cancel the number (or the request) and submit a new request with the corrected data.';

type CatalogRow = Omit<ReasonEntry, 'kind' | 'known' | 'relatedFields' | 'inferred'> & {
  relatedFields?: readonly ReasonField[];
  inferred?: boolean;
};

function rows(kind: ReasonKind, list: CatalogRow[]): ReasonEntry[] {
  return list.map((row) => ({
    relatedFields: [],
    inferred: false,
    ...row,
    kind,
    known: true,
  }));
}

/** §1: the losing carrier rejected a number (`rejection_reason`, `rejection_reason_code`). */
const REJECTIONS = rows('rejection', [
  {
    code: 22150,
    name: 'CONTACT_SUPPORT_REQUIRED',
    title: 'Contact support required',
    meaning: 'Twilio porting support must handle this number.',
    fix: `Open the request's support ticket with ${SUPPORT} (quote the ticket number).`,
    field: null,
  },
  {
    code: 22151,
    name: 'PHONE_NUMBER_WITH_CARRIER_RESTRICTION',
    title: 'Carrier restriction on the number',
    meaning:
      'The losing carrier blocks the port, for example an account freeze or an unpaid balance.',
    fix: 'Ask the customer to lift the freeze or settle the account with the old carrier, then submit a new request.',
    field: null,
    inferred: true,
  },
  {
    code: 22152,
    name: 'PHONE_NUMBER_INACTIVE_OR_DISCONNECTED',
    title: 'Number inactive or disconnected',
    meaning: 'The number is not in service at the losing carrier.',
    fix: 'The customer reactivates the line with the old carrier; then submit a new request.',
    field: 'phoneNumber',
  },
  {
    code: 22153,
    name: 'INVALID_END_USER_NAME',
    title: 'Name does not match',
    meaning: "The customer's or authorized person's name differs from the carrier's record.",
    fix: `Copy the name exactly as on the bill or the carrier's customer record. ${NEW_REQUEST}`,
    field: 'customerName',
    relatedFields: ['authorizedRepresentative'],
  },
  {
    code: 22154,
    name: 'INVALID_ADDRESS',
    title: 'Address does not match',
    meaning: "The service address differs from the carrier's record.",
    fix: `Use the service address (not the billing address) exactly as the carrier has it. ${NEW_REQUEST}`,
    field: 'address',
  },
  {
    code: 22155,
    name: 'INVALID_PIN',
    title: 'Invalid PIN',
    meaning: 'The port-out PIN is missing or wrong (always needed for US mobile numbers).',
    fix: `The customer gets the port-out PIN from the losing carrier. ${NEW_REQUEST}`,
    field: 'pin',
  },
  {
    code: 22156,
    name: 'INVALID_ACCOUNT_NUMBER',
    title: 'Invalid account number',
    meaning: 'The account number is missing or wrong.',
    fix: `Take the account number from the bill; it often differs from the phone number. ${NEW_REQUEST}`,
    field: 'accountNumber',
  },
  {
    code: 22157,
    name: null,
    title: 'Invalid subscription right',
    meaning: 'Invalid subscription right (Japan only).',
    fix: `Contact ${SUPPORT}.`,
    field: null,
  },
  {
    code: 22158,
    name: null,
    title: 'Port date rejected',
    meaning: 'The carrier rejected the port date (a holiday or carrier maintenance).',
    fix: `Choose another target port date, on a business day. ${NEW_REQUEST}`,
    field: 'targetPortInDate',
  },
  {
    code: 22159,
    name: null,
    title: 'Not portable (carrier)',
    meaning: 'The losing carrier says the number is not portable.',
    fix: 'Check the services on the line with the carrier; leave the number out of the new request.',
    field: 'phoneNumber',
  },
]);

/** §2: Twilio's portability verdict (`not_portable_reason(_code)`, `not_portability_reason(_code)`). */
const NOT_PORTABLE = rows('not_portable', [
  {
    code: 22130,
    name: 'UNSUPPORTED',
    title: 'Not supported',
    meaning: "Twilio doesn't support this number's country or rate center.",
    fix: 'This number cannot be ported to Twilio; leave it out.',
    field: 'phoneNumber',
  },
  {
    code: 22131,
    name: 'ALREADY_IN_THE_TARGET_ACCOUNT',
    title: 'Already in this account',
    meaning: 'The number is already in, or being ported into, the target account.',
    fix: 'Nothing to do: look for the existing request, and leave the number out.',
    field: 'phoneNumber',
  },
  {
    code: 22132,
    name: 'ALREADY_IN_TWILIO_DIFFERENT_OWNER',
    title: 'In another Twilio account',
    meaning: 'The number belongs to another Twilio account.',
    fix: "Use Twilio's account-to-account transfer instead of a port; leave the number out.",
    field: 'phoneNumber',
  },
  {
    code: 22133,
    name: 'MANUAL_PORTING_AVAILABLE',
    title: 'Manual port only',
    meaning: 'Not portable through the API (toll-free, for example); a manual port is possible.',
    fix: `Port it through the Twilio Console or ${SUPPORT}; leave it out of this request.`,
    field: 'phoneNumber',
  },
  {
    code: 22135,
    name: 'ERROR_INTERNAL_SERVER_ERROR',
    title: 'Twilio could not decide',
    meaning: 'Twilio could not determine portability right now.',
    fix: 'Check the number again later.',
    field: null,
  },
  {
    code: 22136,
    name: 'ALREADY_IN_ONE_OF_YOUR_TWILIO_ACCOUNTS',
    title: 'In one of your accounts',
    meaning: 'The number is in one of your (sub)accounts, or being ported into one.',
    fix: 'Check the other subaccount; leave the number out.',
    field: 'phoneNumber',
  },
  {
    code: 22102,
    name: 'INVALID_PHONE_NUMBER',
    title: 'Invalid phone number',
    meaning: 'Not a valid E.164 phone number.',
    fix: 'Correct the number.',
    field: 'phoneNumber',
  },
  {
    code: 22171,
    name: 'MISSING_REQUIRED_FIELDS',
    title: 'Missing required fields',
    meaning: "Fields required for the number's country are missing.",
    fix: 'Fill in the missing carrier details (PIN, account number, address).',
    field: null,
  },
  {
    code: 20003,
    name: 'UNAUTHORIZED',
    title: 'No access to the account',
    meaning: 'These credentials have no access to the target account.',
    fix: 'Use the credentials of that account or of its parent account.',
    field: 'account',
  },
]);

/** §3: Twilio refused to create the request (HTTP 4xx with a Twilio error body). */
const CREATE_ERRORS = rows('create_error', [
  {
    code: 22137,
    name: null,
    title: 'Port already in progress',
    meaning: 'A port for this number is already in progress in one of your accounts.',
    fix: 'Find that request: cancel it, or leave the number out of this one.',
    field: 'phoneNumber',
  },
  {
    code: 22170,
    name: null,
    title: 'Invalid bundle',
    meaning: 'The bundle SID does not exist or is not approved.',
    fix: 'Fix or drop the bundle.',
    field: null,
  },
  {
    code: 22171,
    name: null,
    title: 'Missing required fields',
    meaning: "Fields required for the numbers' country are missing.",
    fix: 'Fill in the missing fields and submit again.',
    field: null,
  },
  {
    code: 22172,
    name: null,
    title: 'Mixed countries or not E.164',
    meaning: 'The numbers come from several countries, or are not in E.164 format.',
    fix: 'One country per request, every number in E.164 (+1…).',
    field: 'phoneNumber',
  },
  {
    code: 22173,
    name: null,
    title: 'Invalid address',
    meaning: 'The address SID is invalid or unknown.',
    fix: 'Send the service address in full instead.',
    field: 'address',
  },
  {
    code: 22102,
    name: null,
    title: 'Invalid phone number',
    meaning: 'A phone number is not valid.',
    fix: 'Correct it.',
    field: 'phoneNumber',
  },
  {
    code: 20003,
    name: null,
    title: 'Authentication failed',
    meaning: 'Twilio did not accept the credentials (HTTP 401).',
    fix: "Check the account's API key SID and secret in Accounts.",
    field: 'account',
  },
  {
    code: 20404,
    name: null,
    title: 'Not found',
    meaning: 'The resource was not found (HTTP 404).',
    fix: 'The SID is wrong or belongs to another account.',
    field: null,
  },
  {
    code: 20429,
    name: null,
    title: 'Too many requests',
    meaning: 'Twilio is rate-limiting (HTTP 429); the request was not processed.',
    fix: 'Nothing to do: PortDesk retries later with backoff.',
    field: null,
  },
]);

/** Every known entry. A code can appear under more than one kind (22102, 22171, 20003). */
export const REASON_CATALOG: readonly ReasonEntry[] = [
  ...REJECTIONS,
  ...NOT_PORTABLE,
  ...CREATE_ERRORS,
];

const KIND_ORDER: readonly ReasonKind[] = ['rejection', 'not_portable', 'create_error'];

/** A code as the wire sends it: an integer, or a string of digits inside PortIn.phone_numbers[]. */
export function normaliseReasonCode(code: number | string | null | undefined): number | null {
  if (typeof code === 'number') return Number.isSafeInteger(code) ? code : null;
  if (typeof code !== 'string') return null;
  const trimmed = code.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : null;
}

function byKindPreference(kind: ReasonKind | undefined) {
  const order = kind ? [kind, ...KIND_ORDER.filter((k) => k !== kind)] : KIND_ORDER;
  return (a: ReasonEntry, b: ReasonEntry) => order.indexOf(a.kind) - order.indexOf(b.kind);
}

/** The known entry for a code (number or numeric string), preferring `kind`; undefined if unknown. */
export function reasonByCode(
  code: number | string | null | undefined,
  kind?: ReasonKind,
): ReasonEntry | undefined {
  const value = normaliseReasonCode(code);
  if (value === null) return undefined;
  return REASON_CATALOG.filter((entry) => entry.code === value).sort(byKindPreference(kind))[0];
}

/** The known entry for a wire name such as `INVALID_PIN` (any case); undefined if unknown. */
export function reasonByName(
  name: string | null | undefined,
  kind?: ReasonKind,
): ReasonEntry | undefined {
  if (typeof name !== 'string') return undefined;
  const key = name
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  if (key === '') return undefined;
  return REASON_CATALOG.filter((entry) => entry.name === key).sort(byKindPreference(kind))[0];
}

export interface ReasonQuery {
  code?: number | string | null;
  name?: string | null;
  /** Which table to prefer when a code is in several. Defaults to `rejection`. */
  kind?: ReasonKind;
}

/**
 * Always returns an entry: the known one for the code (or, failing that, the name), else a
 * generic entry showing the raw code and name with the hint to contact Twilio porting support.
 */
export function explainReason(query: ReasonQuery): ReasonEntry {
  const kind = query.kind ?? 'rejection';
  const known = reasonByCode(query.code, kind) ?? reasonByName(query.name, kind);
  if (known) return known;
  const code = normaliseReasonCode(query.code);
  const rawCode =
    query.code === null || query.code === undefined || String(query.code).trim() === ''
      ? null
      : String(query.code).trim();
  const name =
    typeof query.name === 'string' && query.name.trim() !== '' ? query.name.trim() : null;
  const shown = [rawCode, name].filter((part) => part !== null).join(' ');
  return {
    code,
    name,
    kind,
    title: shown === '' ? 'Reason not given' : `Unknown reason ${shown}`,
    meaning:
      shown === ''
        ? 'Twilio gave no reason code or name.'
        : `Twilio sent ${shown}, which PortDesk does not know yet.`,
    fix: `Contact ${SUPPORT} and quote ${shown === '' ? 'the request and number' : shown}.`,
    field: null,
    relatedFields: [],
    inferred: false,
    known: false,
  };
}

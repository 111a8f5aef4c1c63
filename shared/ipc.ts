import { z } from 'zod';
import { REQUEST_STATUSES } from './domain/statuses';
import {
  ATTENTION_FLAGS,
  DATA_KINDS,
  DRAFT_FIELD_KEYS,
  NOTIFICATION_KINDS,
  REQUEST_SORT_FIELDS,
  SYNC_PHASES,
  type AccountRemovalPreview,
  type AccountView,
  type DataChangedView,
  type DraftSummaryView,
  type DraftValidationView,
  type DraftView,
  type MutationQueuedView,
  type NavigateView,
  type OutboxItemView,
  type PortabilityProgressView,
  type PortabilityResultView,
  type ReasonView,
  type RequestDetailView,
  type RequestListResult,
  type RequestSortField,
  type SettingsView,
  type SubmitResultView,
  type SyncStatusView,
  type UploadProgressView,
} from './views';

/**
 * The one IPC contract (ARCHITECTURE §3). Every invoke channel names its payload schema and its
 * response type; every event channel names its payload schema. The preload builds
 * `window.portdesk` by looping over `INVOKE_METHODS` and `EVENT_METHODS`; main registers one
 * handler per invoke method through a wrapper that checks the sender, parses the payload with
 * `parseInvokePayload`, and answers with an `Envelope`. `PortdeskBridge` is derived from these
 * objects, so adding a channel breaks the preload, the main handler map and the test fake at
 * compile time until each implements it.
 *
 * Payload schemas are strict (unknown keys — `__proto__` and `constructor` included — are
 * refused), every string and array is capped, and messages say what is wrong in words.
 */

// ── Result envelope ─────────────────────────────────────────────────────────────────────────

export const IPC_ERROR_CODES = [
  /**
   * The payload failed its schema; `fields` says which field and why. The renderer checks forms
   * with the same exported schemas first, so this is mostly a bug or a hostile sender.
   */
  'invalid_payload',
  /** The command was well-formed but the data is not ready (e.g. a draft with field errors). */
  'validation_failed',
  'not_found',
  /** The OS keychain is locked, missing or refused access. */
  'keychain_unavailable',
  /** Twilio rejected the credentials (20003 / HTTP 401). */
  'unauthorized',
  /** No network: the command could not reach Twilio (queued work says so in its result). */
  'offline',
  /** Twilio asked us to slow down (20429 / HTTP 429). */
  'rate_limited',
  /** Any other Twilio error; the message carries Twilio's code and text. */
  'twilio_error',
  /** The state changed under the command (already canceled, draft already submitted…). */
  'conflict',
  /** Refused by policy (e.g. a LOA link that is not https on a Twilio host). */
  'forbidden',
  /** A bill whose content is not a PDF, JPEG or PNG. */
  'unsupported_file',
  'too_large',
  'internal',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export interface IpcFieldError {
  /** Dotted path into the payload, e.g. `credential.keySid` or `patch.phoneNumbers.3.pin`. */
  field: string;
  message: string;
}

export interface IpcError {
  code: IpcErrorCode;
  /** For the agent, in words: what happened and what to do. Never contains a secret. */
  message: string;
  fields?: IpcFieldError[];
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: IpcError };

export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

export function fail(code: IpcErrorCode, message: string, fields?: IpcFieldError[]): IpcError {
  return fields && fields.length > 0 ? { code, message, fields } : { code, message };
}

/**
 * Thrown by main's handlers to answer with a specific error code; the registration wrapper turns
 * it into `{ ok: false, error }`. Anything else thrown becomes `internal` with a generic message.
 */
export class IpcCommandError extends Error {
  readonly code: IpcErrorCode;
  readonly fields: IpcFieldError[] | undefined;
  constructor(code: IpcErrorCode, message: string, fields?: IpcFieldError[]) {
    super(message);
    this.name = 'IpcCommandError';
    this.code = code;
    this.fields = fields;
  }
  toIpcError(): IpcError {
    return fail(this.code, this.message, this.fields);
  }
}

// ── Limits shared by the UI and main ────────────────────────────────────────────────────────

/** Twilio's Documents API limit (PORTING-API §3.9). */
export const BILL_MAX_BYTES = 10 * 1024 * 1024;
/**
 * The most bytes one attach may carry across IPC. Above Twilio's limit on purpose: a bill up to
 * this size reaches the use case, which refuses it naming the file and its size.
 */
export const BILL_TRANSPORT_MAX_BYTES = 16 * 1024 * 1024;
/** What Twilio accepts as a utility bill: image or PDF. Main checks the magic bytes. */
export const BILL_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const BILL_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png'] as const;
/** Twilio's limit per port-in request. */
export const MAX_NUMBERS_PER_REQUEST = 1000;
export const MAX_NOTIFICATION_EMAILS = 10;
export const REQUEST_LIST_MAX_LIMIT = 500;

// ── Building blocks ─────────────────────────────────────────────────────────────────────────

const text = (max: number) => z.string().max(max, `At most ${max} characters`);

const sidOf = (prefix: string, what: string) =>
  z
    .string()
    .regex(
      new RegExp(`^${prefix}[0-9a-fA-F]{32}$`),
      `${what} starts with ${prefix} followed by 32 characters 0–9 and a–f`,
    );

export const RequestSidSchema = sidOf('KW', 'A port-in request SID');
export const NumberSidSchema = sidOf('PU', 'A port-in phone number SID');
export const AccountSidSchema = sidOf('AC', 'An Account SID');
export const KeySidSchema = sidOf('SK', 'An API key SID');

export const AccountIdSchema = z.string().min(1, 'Choose an account').max(64);
export const DraftIdSchema = z.int().positive();
export const OutboxIdSchema = z.int().positive();

export const E164Schema = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'Phone numbers are stored in E.164 form, e.g. +14155550123');
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are written YYYY-MM-DD');
/** ISO offset time as the wire wants it: `10:00:00-05:00` (seconds optional, `Z` allowed). */
export const OffsetTimeSchema = z
  .string()
  .regex(
    /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/,
    'Times are written HH:MM:SS±HH:MM, e.g. 10:00:00-05:00',
  );
export const ClockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Times are written HH:MM (24-hour), e.g. 22:00');

const SecretSchema = z
  .string()
  .min(8, 'That is too short to be a secret or auth token')
  .max(256, 'At most 256 characters')
  .regex(/^\S+$/, 'A secret has no spaces: check for a stray space or line break when pasting');

const Empty = z.strictObject({});

// ── Payload schemas: accounts and demo mode ─────────────────────────────────────────────────

export const CredentialInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('api_key'), keySid: KeySidSchema, secret: SecretSchema }),
  z.strictObject({ kind: z.literal('auth_token'), authToken: SecretSchema }),
]);
export type CredentialInput = z.input<typeof CredentialInputSchema>;

const AccountLabelSchema = z
  .string()
  .trim()
  .min(1, 'Give the account a name you will recognise')
  .max(80, 'At most 80 characters');

export const AddAccountSchema = z.strictObject({
  label: AccountLabelSchema,
  accountSid: AccountSidSchema,
  credential: CredentialInputSchema,
});
export const RenameAccountSchema = z.strictObject({
  accountId: AccountIdSchema,
  label: AccountLabelSchema,
});
export const RotateSecretSchema = z.strictObject({
  accountId: AccountIdSchema,
  credential: CredentialInputSchema,
});
export const AccountRefSchema = z.strictObject({ accountId: AccountIdSchema });
export const RemoveAccountSchema = z.strictObject({
  accountId: AccountIdSchema,
  confirmationToken: z.string().min(1).max(128),
});

// ── Payload schemas: requests ───────────────────────────────────────────────────────────────

export { REQUEST_SORT_FIELDS, type RequestSortField };

export const RequestListQuerySchema = z.strictObject({
  statuses: z
    .array(z.enum([...REQUEST_STATUSES, 'unknown']))
    .max(16)
    .default([]),
  accountIds: z.array(AccountIdSchema).max(100).default([]),
  /** Rows with ANY of these flags. */
  attention: z.array(z.enum(ATTENTION_FLAGS)).max(ATTENTION_FLAGS.length).default([]),
  /**
   * Free text: a phone number in any format (matched on its digits, suffixes too), part of a
   * customer name (case- and accent-insensitive), or a request SID (prefix).
   */
  search: text(200).default(''),
  sort: z
    .strictObject({
      field: z.enum(REQUEST_SORT_FIELDS),
      direction: z.enum(['asc', 'desc']),
    })
    .default({ field: 'lastChangedAt', direction: 'desc' }),
  offset: z.int().min(0).max(10_000_000).default(0),
  limit: z.int().min(1).max(REQUEST_LIST_MAX_LIMIT).default(100),
});
export type RequestListQuery = z.output<typeof RequestListQuerySchema>;

export const RequestRefSchema = z.strictObject({ sid: RequestSidSchema });
export const CancelNumbersSchema = z.strictObject({
  sid: RequestSidSchema,
  numberSids: z
    .array(NumberSidSchema)
    .min(1, 'Select at least one number to cancel')
    .max(MAX_NUMBERS_PER_REQUEST),
});
export const FocusRequestSchema = z.strictObject({ sid: RequestSidSchema.nullable() });

// ── Payload schemas: drafts, bills, portability ─────────────────────────────────────────────

export const DraftPhoneNumberSchema = z.strictObject({
  phoneNumber: E164Schema,
  pin: text(20).nullable(),
});

export const DraftAddressPatchSchema = z
  .strictObject({
    street: text(200),
    street2: text(200),
    city: text(100),
    state: text(50),
    zip: text(20),
    country: text(56),
  })
  .partial();

export const DraftLosingCarrierPatchSchema = z
  .strictObject({
    customerType: z.enum(['Business', 'Individual']).nullable(),
    customerName: text(200),
    accountNumber: text(64),
    accountTelephoneNumber: text(32),
    authorizedRepresentative: text(200),
    authorizedRepresentativeEmail: text(254),
    address: DraftAddressPatchSchema,
  })
  .partial();

/** A partial change: only the keys sent change; `losingCarrier` and its address merge deeply. */
export const DraftPatchSchema = z
  .strictObject({
    phoneNumbers: z
      .array(DraftPhoneNumberSchema)
      .max(
        MAX_NUMBERS_PER_REQUEST,
        `At most ${MAX_NUMBERS_PER_REQUEST.toLocaleString('en-US')} numbers per port-in request`,
      ),
    losingCarrier: DraftLosingCarrierPatchSchema,
    notificationEmails: z
      .array(text(254))
      .max(MAX_NOTIFICATION_EMAILS, `At most ${MAX_NOTIFICATION_EMAILS} notification emails`),
    targetPortInDate: IsoDateSchema.nullable(),
    targetPortInTimeRangeStart: OffsetTimeSchema.nullable(),
    targetPortInTimeRangeEnd: OffsetTimeSchema.nullable(),
  })
  .partial();
export type DraftPatch = z.output<typeof DraftPatchSchema>;

export const CreateDraftSchema = z.strictObject({
  accountId: AccountIdSchema,
  initial: DraftPatchSchema.optional(),
});
export const DraftRefSchema = z.strictObject({ draftId: DraftIdSchema });
export const UpdateDraftSchema = z.strictObject({
  draftId: DraftIdSchema,
  /** Moves the draft to another account (allowed while editing). */
  accountId: AccountIdSchema.optional(),
  patch: DraftPatchSchema,
});

/**
 * The contract only bounds what one attach may carry; whether a bill is empty, over Twilio's
 * 10 MB or not a PDF/JPEG/PNG is the bill use case's call, whose refusal names the file
 * ("“scan.pdf” is 12.4 MB; the limit is 10 MB…"). The transport cap sits above Twilio's limit
 * so that those refusals reach the agent, and refuses only absurd payloads before any hashing,
 * sniffing or writing.
 */
export const AttachBillSchema = z.strictObject({
  draftId: DraftIdSchema,
  name: z.string().min(1, 'The file has no name').max(255, 'The file name is too long'),
  bytes: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, {
      message: 'The bill must be sent as bytes (a Uint8Array), not a path',
    })
    .refine(
      (bytes) => bytes.byteLength <= BILL_TRANSPORT_MAX_BYTES,
      `The file is larger than ${BILL_TRANSPORT_MAX_BYTES / (1024 * 1024)} MB; Twilio accepts a utility bill of at most 10 MB`,
    ),
});

export const StartPortabilitySchema = z.strictObject({
  draftId: DraftIdSchema,
  /** A subset to (re)check; all of the draft's numbers when absent. */
  phoneNumbers: z.array(E164Schema).min(1).max(MAX_NUMBERS_PER_REQUEST).optional(),
});
export const PortabilityRefSchema = z.strictObject({ checkId: z.string().min(1).max(64) });

// ── Payload schemas: outbox, sync, settings, misc ───────────────────────────────────────────

export const OutboxRefSchema = z.strictObject({ id: OutboxIdSchema });
export const SyncNowSchema = z.strictObject({ accountId: AccountIdSchema.optional() });

export const SettingsPatchSchema = z
  .strictObject({
    syncCadenceMinutes: z
      .int()
      .min(1, 'Sync at most once a minute')
      .max(240, 'Sync at least every 4 hours'),
    notifications: z
      .strictObject(
        Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.boolean()])) as Record<
          (typeof NOTIFICATION_KINDS)[number],
          z.ZodBoolean
        >,
      )
      .partial(),
    quietHours: z
      .strictObject({ enabled: z.boolean(), start: ClockTimeSchema, end: ClockTimeSchema })
      .partial(),
    theme: z.enum(['system', 'light', 'dark']),
    ageingDays: z.int().min(1, 'At least 1 day').max(365, 'At most 365 days'),
    defaultAccountId: AccountIdSchema.nullable(),
  })
  .partial();
export type SettingsPatch = z.output<typeof SettingsPatchSchema>;

export const ClipboardSchema = z.strictObject({ text: text(100_000) });

// ── The invoke contract ─────────────────────────────────────────────────────────────────────

declare const responseType: unique symbol;

/** One invoke channel: its wire name, its payload schema and (as a phantom) its response type. */
export interface InvokeSpec<S extends z.ZodType, R> {
  readonly channel: `portdesk:${string}`;
  readonly payload: S;
  readonly [responseType]?: R;
}

/** `invoke<Response>()(channel, schema)`: the response type is named, the schema is inferred. */
function invoke<R>() {
  return <S extends z.ZodType>(channel: `portdesk:${string}`, payload: S): InvokeSpec<S, R> => ({
    channel,
    payload,
  });
}

export const invokeContract = {
  // Accounts. Secrets go in once (add, rotate) and never come back.
  listAccounts: invoke<AccountView[]>()('portdesk:accounts.list', Empty),
  /** Tests the credentials against Twilio before anything is stored. */
  addAccount: invoke<AccountView>()('portdesk:accounts.add', AddAccountSchema),
  renameAccount: invoke<AccountView>()('portdesk:accounts.rename', RenameAccountSchema),
  /** Tests the new secret before it replaces the old one in the keychain. */
  rotateAccountSecret: invoke<AccountView>()('portdesk:accounts.rotateSecret', RotateSecretSchema),
  prepareRemoveAccount: invoke<AccountRemovalPreview>()(
    'portdesk:accounts.prepareRemove',
    AccountRefSchema,
  ),
  removeAccount: invoke<{ removed: true }>()('portdesk:accounts.remove', RemoveAccountSchema),
  /** Starts the built-in simulator (demo mode) and returns its account; idempotent. */
  startDemo: invoke<AccountView>()('portdesk:demo.start', Empty),

  // Requests.
  listRequests: invoke<RequestListResult>()('portdesk:requests.list', RequestListQuerySchema),
  getRequestDetail: invoke<RequestDetailView>()('portdesk:requests.detail', RequestRefSchema),
  /** Queued in the outbox; the cancel reaches Twilio on the next send. */
  cancelRequest: invoke<MutationQueuedView>()('portdesk:requests.cancel', RequestRefSchema),
  cancelNumbers: invoke<MutationQueuedView>()(
    'portdesk:requests.cancelNumbers',
    CancelNumbersSchema,
  ),
  /** Copies the request into a new draft with the rejected fields marked (`origin`). */
  fixAndResubmit: invoke<DraftView>()('portdesk:requests.fixAndResubmit', RequestRefSchema),
  /** Main opens the LOA signing link in the system browser if it is https on a Twilio host. */
  openLoaLink: invoke<{ opened: true }>()('portdesk:requests.openLoaLink', RequestRefSchema),
  /** The request on screen, which sync refreshes more often; null when none is open. */
  focusRequest: invoke<{ focused: string | null }>()('portdesk:requests.focus', FocusRequestSchema),

  // Drafts (the new port-in wizard); every update is saved at once.
  createDraft: invoke<DraftView>()('portdesk:drafts.create', CreateDraftSchema),
  updateDraft: invoke<DraftView>()('portdesk:drafts.update', UpdateDraftSchema),
  getDraft: invoke<DraftView>()('portdesk:drafts.get', DraftRefSchema),
  listDrafts: invoke<DraftSummaryView[]>()('portdesk:drafts.list', Empty),
  deleteDraft: invoke<{ deleted: true }>()('portdesk:drafts.delete', DraftRefSchema),
  validateDraft: invoke<DraftValidationView>()('portdesk:drafts.validate', DraftRefSchema),
  /** Validates, then queues upload + create in the outbox; sends at once when online. */
  submitDraft: invoke<SubmitResultView>()('portdesk:drafts.submit', DraftRefSchema),

  // Utility bill: bytes, not paths (ARCHITECTURE §3). Replaces any bill already attached.
  attachBill: invoke<DraftView>()('portdesk:bills.attach', AttachBillSchema),
  removeBill: invoke<DraftView>()('portdesk:bills.remove', DraftRefSchema),

  // Portability check: progress arrives as `onPortabilityProgress` events.
  startPortabilityCheck: invoke<{ checkId: string; total: number }>()(
    'portdesk:portability.start',
    StartPortabilitySchema,
  ),
  cancelPortabilityCheck: invoke<{ canceled: true }>()(
    'portdesk:portability.cancel',
    PortabilityRefSchema,
  ),

  // Outbox.
  listOutbox: invoke<OutboxItemView[]>()('portdesk:outbox.list', Empty),
  retryOutboxItem: invoke<OutboxItemView>()('portdesk:outbox.retry', OutboxRefSchema),
  discardOutboxItem: invoke<{ discarded: true }>()('portdesk:outbox.discard', OutboxRefSchema),

  // Sync.
  syncNow: invoke<SyncStatusView>()('portdesk:sync.now', SyncNowSchema),
  getSyncStatus: invoke<SyncStatusView>()('portdesk:sync.status', Empty),

  // Settings.
  getSettings: invoke<SettingsView>()('portdesk:settings.get', Empty),
  updateSettings: invoke<SettingsView>()('portdesk:settings.update', SettingsPatchSchema),

  /** Main writes the clipboard: a sandboxed renderer's clipboard access is not guaranteed. */
  copyToClipboard: invoke<{ copied: true }>()('portdesk:clipboard.write', ClipboardSchema),
} as const;

export type InvokeContract = typeof invokeContract;
export type InvokeMethod = keyof InvokeContract;
export type PayloadSchemaOf<M extends InvokeMethod> = InvokeContract[M]['payload'];
/** What the renderer passes (defaults may be left out). */
export type PayloadInput<M extends InvokeMethod> = z.input<PayloadSchemaOf<M>>;
/** What main's handler receives, after parsing (defaults filled in). */
export type PayloadOf<M extends InvokeMethod> = z.output<PayloadSchemaOf<M>>;
export type ResponseOf<M extends InvokeMethod> =
  InvokeContract[M] extends InvokeSpec<z.ZodType, infer R> ? R : never;

export const INVOKE_METHODS = Object.keys(invokeContract) as InvokeMethod[];

// ── Event schemas (main → renderer) ─────────────────────────────────────────────────────────

const isoInstant = z.string().max(40);
const nullableInstant = isoInstant.nullable();
const syncState = z.enum(['idle', 'syncing', 'offline', 'error', 'unauthorized']);

export const ReasonViewSchema: z.ZodType<ReasonView> = z.strictObject({
  code: z.int().nullable(),
  name: text(100).nullable(),
  title: text(200),
  meaning: text(2000),
  fix: text(2000),
  field: z.enum(DRAFT_FIELD_KEYS).nullable(),
});

export const SyncStatusSchema: z.ZodType<SyncStatusView> = z.strictObject({
  state: syncState,
  lastSuccessAt: nullableInstant,
  nextSyncAt: nullableInstant,
  message: text(2000).nullable(),
  accounts: z
    .array(
      z.strictObject({
        accountId: AccountIdSchema,
        label: text(80),
        state: syncState,
        lastSuccessAt: nullableInstant,
        message: text(2000).nullable(),
        phase: z.enum(SYNC_PHASES).optional(),
        nextAttemptAt: nullableInstant.optional(),
      }),
    )
    .max(100),
  queuedOps: z.int().min(0),
  failedOps: z.int().min(0),
  phase: z.enum(SYNC_PHASES).optional(),
  worstAccountId: AccountIdSchema.nullable().optional(),
});

export const DataChangedSchema: z.ZodType<DataChangedView> = z.strictObject({
  kinds: z.array(z.enum(DATA_KINDS)).max(DATA_KINDS.length),
  requestSids: z.array(RequestSidSchema).max(1000),
  draftIds: z.array(DraftIdSchema).max(1000),
});

export const PortabilityResultViewSchema: z.ZodType<PortabilityResultView> = z.strictObject({
  phoneNumber: E164Schema,
  outcome: z.enum(['portable', 'not_portable', 'failed']),
  pinAndAccountNumberRequired: z.boolean(),
  numberType: text(20).nullable(),
  reason: ReasonViewSchema.nullable(),
  checkedAt: isoInstant,
});

const portabilityState = z.enum(['idle', 'running', 'done', 'canceled', 'failed']);

export const PortabilityProgressSchema: z.ZodType<PortabilityProgressView> = z.strictObject({
  checkId: z.string().min(1).max(64),
  draftId: DraftIdSchema,
  state: portabilityState,
  done: z.int().min(0),
  total: z.int().min(0),
  results: z.array(PortabilityResultViewSchema).max(100),
});

export const UploadProgressSchema: z.ZodType<UploadProgressView> = z.strictObject({
  draftId: DraftIdSchema,
  name: text(255),
  phase: z.enum(['checking', 'storing', 'uploading', 'uploaded', 'failed']),
  loadedBytes: z.int().min(0),
  totalBytes: z.int().min(0),
  message: text(2000).nullable(),
});

export const NavigateSchema: z.ZodType<NavigateView> = z.discriminatedUnion('screen', [
  z.strictObject({ screen: z.literal('request'), sid: RequestSidSchema }),
  z.strictObject({ screen: z.literal('requests'), focusSearch: z.boolean().optional() }),
  z.strictObject({ screen: z.literal('new-port-in') }),
  z.strictObject({ screen: z.literal('outbox') }),
  z.strictObject({ screen: z.literal('settings') }),
  z.strictObject({ screen: z.literal('accounts') }),
]);

export interface EventSpec<S extends z.ZodType> {
  readonly channel: `portdesk:event:${string}`;
  readonly payload: S;
}

function event<S extends z.ZodType>(channel: `portdesk:event:${string}`, payload: S): EventSpec<S> {
  return { channel, payload };
}

export const eventContract = {
  onSyncStatus: event('portdesk:event:syncStatus', SyncStatusSchema),
  onDataChanged: event('portdesk:event:dataChanged', DataChangedSchema),
  onPortabilityProgress: event('portdesk:event:portabilityProgress', PortabilityProgressSchema),
  onUploadProgress: event('portdesk:event:uploadProgress', UploadProgressSchema),
  /** A pop-up was clicked, or the app menu asked for a screen. */
  onNavigate: event('portdesk:event:navigate', NavigateSchema),
} as const;

export type EventContract = typeof eventContract;
export type EventMethod = keyof EventContract;
export type EventPayloadOf<E extends EventMethod> = z.output<EventContract[E]['payload']>;

export const EVENT_METHODS = Object.keys(eventContract) as EventMethod[];

// ── The bridge (window.portdesk) and main's handler map, derived from the contract ──────────

export type Unsubscribe = () => void;

type InvokeFunction<M extends InvokeMethod> =
  // Channels whose payload has no required key may be called without an argument.
  Record<never, never> extends PayloadInput<M>
    ? (payload?: PayloadInput<M>) => Promise<Envelope<ResponseOf<M>>>
    : (payload: PayloadInput<M>) => Promise<Envelope<ResponseOf<M>>>;

export type InvokeBridge = { readonly [M in InvokeMethod]: InvokeFunction<M> };
export type EventBridge = {
  readonly [E in EventMethod]: (listener: (payload: EventPayloadOf<E>) => void) => Unsubscribe;
};
export type PortdeskBridge = InvokeBridge & EventBridge;

/** What main implements: one handler per invoke method, given the parsed payload. */
export type InvokeHandlers = {
  readonly [M in InvokeMethod]: (payload: PayloadOf<M>) => Promise<ResponseOf<M>>;
};

// ── Parsing helpers for main, the preload and test fakes ────────────────────────────────────

/**
 * The most field errors one refusal lists. A hostile sender can put a million unknown keys in a
 * payload; the refusal (and anything that logs it) stays a few kilobytes whatever it sends.
 */
export const MAX_FIELD_ERRORS = 50;
/** How much of an unknown key's name a refusal echoes. */
export const MAX_ECHOED_KEY_LENGTH = 64;
/** How long a field path may grow (nested unknown keys under long known paths). */
const MAX_FIELD_PATH_LENGTH = 200;

/** A name from the payload, cut and with control characters escaped, safe to echo and log. */
function echoed(name: string, max: number): string {
  const cut = name.length > max ? `${name.slice(0, max)}…` : name;
  // JSON's escaping, without its quotes: a newline in a key cannot start a fake log line.
  return JSON.stringify(cut).slice(1, -1);
}

/**
 * zod issues → field errors with dotted paths; unknown keys are reported one by one, their names
 * cut to MAX_ECHOED_KEY_LENGTH, and at most MAX_FIELD_ERRORS entries (the last one then says how
 * many more problems there were).
 */
export function fieldErrorsFromZod(error: z.ZodError): IpcFieldError[] {
  const fields: IpcFieldError[] = [];
  let problems = 0;
  const add = (field: string, message: string) => {
    problems += 1;
    if (fields.length < MAX_FIELD_ERRORS) fields.push({ field, message });
  };
  for (const issue of error.issues) {
    const base = echoed(issue.path.map(String).join('.'), MAX_FIELD_PATH_LENGTH);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys.slice(0, MAX_FIELD_ERRORS)) {
        const name = echoed(key, MAX_ECHOED_KEY_LENGTH);
        add(base ? `${base}.${name}` : name, `Unexpected field "${name}"`);
      }
      // Counted, not walked: the names past the cap are never read.
      problems += Math.max(0, issue.keys.length - MAX_FIELD_ERRORS);
    } else {
      add(base || '(payload)', issue.message);
    }
  }
  if (problems > MAX_FIELD_ERRORS) {
    const unlisted = problems - (MAX_FIELD_ERRORS - 1);
    fields[MAX_FIELD_ERRORS - 1] = {
      field: '(payload)',
      message: `${unlisted.toLocaleString('en-US')} more problems not listed`,
    };
  }
  return fields;
}

export function parseInvokePayload<M extends InvokeMethod>(
  method: M,
  raw: unknown,
): { ok: true; data: PayloadOf<M> } | { ok: false; error: IpcError } {
  const spec = invokeContract[method];
  // An absent payload means "nothing to say", which every schema with only optional keys accepts.
  const parsed = spec.payload.safeParse(raw === undefined ? {} : raw);
  if (parsed.success) return { ok: true, data: parsed.data as PayloadOf<M> };
  const fields = fieldErrorsFromZod(parsed.error);
  const first = fields[0];
  return {
    ok: false,
    error: fail(
      'invalid_payload',
      first ? `${first.field}: ${first.message}` : `The ${method} request was malformed`,
      fields,
    ),
  };
}

export function parseEventPayload<E extends EventMethod>(
  method: E,
  raw: unknown,
): { ok: true; data: EventPayloadOf<E> } | { ok: false; error: IpcError } {
  const parsed = eventContract[method].payload.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data as EventPayloadOf<E> };
  return {
    ok: false,
    error: fail(
      'invalid_payload',
      `The ${method} event was malformed`,
      fieldErrorsFromZod(parsed.error),
    ),
  };
}

/** Turns whatever a handler threw into an IpcError without leaking internals. */
export function toIpcError(thrown: unknown): IpcError {
  if (thrown instanceof IpcCommandError) return thrown.toIpcError();
  return fail(
    'internal',
    'Something went wrong inside PortDesk. Try again; if it persists, restart the app.',
  );
}

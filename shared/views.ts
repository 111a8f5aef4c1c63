import type { ObservedStatus, RequestStatus } from './domain/statuses';
import type { PortInNumber, PortInRequest } from './domain/portIn';
import type { TimelineEvent } from './domain/timeline';
import { DRAFT_SECTIONS, type DraftPayload, type DraftSection } from './domain/draftForm';

/**
 * View models: what crosses IPC from main to the renderer. Main builds them from the store and
 * the domain; the renderer only displays them. No view ever carries a secret (ARCHITECTURE §9):
 * accounts appear by label and masked key SID, and the LOA signing URL stays in main.
 *
 * Identifiers: accounts have an opaque string id; drafts and outbox operations are integers
 * (the store's row ids). Instants are ISO-8601 strings; calendar dates are `YYYY-MM-DD`.
 */

// ── Accounts ────────────────────────────────────────────────────────────────────────────────

export type AccountKind = 'twilio' | 'simulator';
export type CredentialKind = 'api_key' | 'auth_token';

export interface AccountView {
  id: string;
  label: string;
  /** AC… — not a secret; shown so the agent can tell two accounts apart. */
  accountSid: string;
  /** `SK…3f9a` for API keys; null for auth-token credentials (the token is never echoed). */
  maskedKeySid: string | null;
  credentialKind: CredentialKind;
  kind: AccountKind;
  createdAt: string;
  /**
   * The account's server clock minus this computer's, in ms (whole seconds), as the `Date`
   * headers of its answers tell it; 0 until one did. Date rules ("at least 7 days ahead") count
   * from today on this clock, as Twilio does (docs/porting.md, "Whose today").
   */
  clockOffsetMs: number;
}

/** What removing an account would take with it; the token must be sent back to confirm. */
export interface AccountRemovalPreview {
  accountId: string;
  label: string;
  confirmationToken: string;
  requestCount: number;
  draftCount: number;
  /** Queued or failed operations that would never be sent. */
  pendingOutboxCount: number;
}

// ── Reasons in words (rejections, not-portable, failures) ──────────────────────────────────

/**
 * A Twilio reason code explained for an agent (REASON-CODES.md). Unknown codes still produce a
 * view: the raw name/code and a generic "contact Twilio porting support" fix — never hidden.
 */
export interface ReasonView {
  code: number | null;
  /** The wire name, e.g. `INVALID_PIN`, or null when Twilio sent only a code. */
  name: string | null;
  /** Short title, e.g. "Invalid PIN". */
  title: string;
  /** What happened, in words. */
  meaning: string;
  /** What the agent does about it. */
  fix: string;
  /** The draft field to correct when resubmitting, when there is one. */
  field: DraftFieldKey | null;
}

// ── Requests list ───────────────────────────────────────────────────────────────────────────

/**
 * Why a request needs the agent (main computes them; the store's list query filters on them):
 * - action_required: Twilio says so, or a number of an open request was rejected;
 * - loa_unsigned: waiting for the LOA signature;
 * - no_port_date: In progress (numbers with the carrier), no confirmed port date, created more
 *   than `ageingDays` ago;
 * - queued_offline: a mutation of it waits in the outbox;
 * - failed_to_send: a mutation of it failed and waits for the agent.
 */
export const ATTENTION_FLAGS = [
  'action_required',
  'loa_unsigned',
  'no_port_date',
  'queued_offline',
  'failed_to_send',
] as const;
export type AttentionFlag = (typeof ATTENTION_FLAGS)[number];

/** Why a request needs the agent now. All are computed by main (ageing thresholds are settings). */
export interface AttentionView {
  actionRequired: boolean;
  /** Days since the LOA link appeared while still unsigned; null when not waiting for signature. */
  loaUnsignedDays: number | null;
  /** Days left before the unsigned LOA expires (30-day window); null when not applicable. */
  loaDaysLeft: number | null;
  /** Days since submission without any confirmed port date, once past `ageingDays`; else null. */
  noPortDateDays: number | null;
  /** A mutation of this request waits in the outbox for the network. */
  queuedOffline: boolean;
  /** A mutation of this request failed and waits for the agent (retry or discard). */
  failedToSend: boolean;
}

export type RequestStatusFilter = RequestStatus | 'unknown';

/** What the list can be sorted by (the contract's query and the store's ORDER BY share them). */
export const REQUEST_SORT_FIELDS = [
  'lastChangedAt',
  'dateCreated',
  'targetPortInDate',
  'firstPortDate',
  'customerName',
  'status',
  'numbersRequested',
] as const;
export type RequestSortField = (typeof REQUEST_SORT_FIELDS)[number];

export interface RequestListRow {
  sid: string;
  accountId: string;
  accountLabel: string;
  status: ObservedStatus<RequestStatus>;
  /** null while only the list summary is known (the detail has not been fetched yet). */
  customerName: string | null;
  numbersRequested: number | null;
  numbersPorted: number | null;
  /** YYYY-MM-DD as the agent asked. */
  targetPortInDate: string | null;
  /** Earliest confirmed (FOC) port date among the numbers, ISO date-time. */
  firstPortDate: string | null;
  /**
   * When something last changed on this request, on the account's clock (Twilio's timestamp, or
   * PortDesk's observation moved by the server clock offset: shared/domain/accountTime.ts).
   */
  lastChangedAt: string | null;
  dateCreated: string | null;
  /** Twilio's free-text `suggested_action`, shown as sent. */
  suggestedAction: string | null;
  attention: AttentionView;
  /**
   * The account's server clock minus ours now (0 unknown): "4 min ago" counts from
   * `accountNowMs(clockOffsetMs, Date.now())`, the same clock as the times above.
   */
  clockOffsetMs?: number;
}

export interface RequestListFacets {
  /** Counts over every stored request (filters and search not applied), for filter badges. */
  byStatus: Partial<Record<RequestStatusFilter, number>>;
  byAttention: Record<AttentionFlag, number>;
  byAccount: Record<string, number>;
  /** Requests with at least one attention flag. */
  needsAttention: number;
  all: number;
}

export interface RequestListResult {
  rows: RequestListRow[];
  /** Rows matching the query (for the virtualised list's height and paging). */
  total: number;
  facets: RequestListFacets;
}

// ── Request detail ──────────────────────────────────────────────────────────────────────────

export interface NumberRow extends PortInNumber {
  /** Losing-carrier rejection explained, when the number is rejected. */
  rejection: ReasonView | null;
  /** Not-portable reason explained, when Twilio evaluated the number as not portable. */
  notPortable: ReasonView | null;
  /** A cancel of this number is queued or being sent. */
  cancelPending: boolean;
}

/**
 * A timeline event with its reason in words, when it carries one (rejected, not portable).
 * `from`/`to` are raw status strings as the sync diff stores them (canonical ones are in
 * `detail.fromStatus`/`detail.toStatus`). For `loa_link_available` main sends both as null: the
 * signing URL stays in main, which opens it on request (`openLoaLink`).
 */
export interface TimelineEntry extends TimelineEvent {
  reason: ReasonView | null;
}

export interface RequestActionsView {
  canCancelRequest: boolean;
  /**
   * Why cancelling may fail or come too late, in words, e.g. "The port date is tomorrow:
   * carriers often refuse cancels within 24–48 hours of it." Null when nothing to warn about.
   */
  cancelWarning: string | null;
  canCancelNumbers: boolean;
  /** The request has an LOA signing link (main opens it after checking it). */
  canOpenLoa: boolean;
  canFixAndResubmit: boolean;
}

export type RequestHeaderView = Omit<PortInRequest, 'phoneNumbers' | 'signatureRequestUrl'> & {
  hasLoaLink: boolean;
  numbersRequested: number | null;
  numbersPorted: number | null;
  firstPortDate: string | null;
  lastChangedAt: string | null;
  suggestedAction: string | null;
};

export interface RequestDetailView {
  request: RequestHeaderView;
  account: Pick<AccountView, 'id' | 'label' | 'kind'>;
  attention: AttentionView;
  numbers: NumberRow[];
  /** Oldest first. */
  timeline: TimelineEntry[];
  /** Outbox operations about this request that are not done yet. */
  pendingOps: OutboxItemView[];
  /**
   * Every outbox operation that bears on what the header shows (shared/domain/requestHeaderState):
   * this request's operations not done, its cancels even when done (Twilio may still be
   * canceling), and corrected creates waiting for those cancels. Oldest first.
   */
  outboxItems?: OutboxItemView[];
  actions: RequestActionsView;
  /** false while only the list summary is stored (numbers and carrier details unknown yet). */
  detailLoaded: boolean;
  /** On the account's clock, as every instant of this view (timeline `observedAt` too). */
  lastFetchedAt: string | null;
  /** The account's server clock minus ours now (0 unknown), for "now" in relative times. */
  clockOffsetMs?: number;
  /**
   * Fix and resubmit, both ways: the rejected request this one corrects, and the request created
   * to correct this one (the draft made by fixAndResubmit keeps its origin; once submitted it
   * holds the new SID). Absent or null: no such link known on this computer.
   */
  resubmission?: ResubmissionLinks;
}

export interface ResubmissionLinks {
  corrects: string | null;
  correctedBy: string | null;
}

// ── Drafts (new port-in wizard) ─────────────────────────────────────────────────────────────

/**
 * The form's shape and its sections are written once, in shared/domain/draftForm.ts; the view
 * carries the form as is. DRAFT_FIELD_KEYS are the sections: the top-level fields a field error
 * or a "fix and resubmit" marker can point at.
 */
export type { DraftLosingCarrier, DraftPayload, DraftPhoneNumber } from './domain/draftForm';
export { DRAFT_SECTIONS as DRAFT_FIELD_KEYS };
export type DraftFieldKey = DraftSection;

/**
 * A problem with one field. `field` is a dotted path: a DraftFieldKey, or a deeper path such as
 * `phoneNumbers.3.pin` or `losingCarrier.address.zip`. shared/domain/draft.ts names two fields
 * differently (`accountId`, `billDocumentId`); main sends them as `account` and `bill` (the
 * renderer accepts both spellings, see draftSectionOf).
 */
export interface FieldError {
  field: string;
  message: string;
}

export type DraftStatus = 'editing' | 'queued' | 'submitted' | 'failed';

export interface BillView {
  name: string;
  sizeBytes: number;
  mimeType: string;
  /** Uploaded to Twilio (has a document SID); false while only stored locally. */
  uploaded: boolean;
}

export type PortabilityOutcome = 'portable' | 'not_portable' | 'failed';

export interface PortabilityResultView {
  phoneNumber: string;
  outcome: PortabilityOutcome;
  /** The request must carry a PIN for this number and the losing carrier's account number. */
  pinAndAccountNumberRequired: boolean;
  /** LOCAL | MOBILE | TOLL-FREE | UNKNOWN as Twilio sent it. */
  numberType: string | null;
  /** Why not portable, or why the check failed, in words. */
  reason: ReasonView | null;
  checkedAt: string;
}

export type PortabilityCheckState = 'idle' | 'running' | 'done' | 'canceled' | 'failed';

export interface PortabilityView {
  checkId: string | null;
  state: PortabilityCheckState;
  done: number;
  total: number;
  /** One per number checked, in the draft's number order. */
  results: PortabilityResultView[];
}

export interface ResubmitOrigin {
  /** The rejected request this draft corrects. */
  requestSid: string;
  /** What to correct, with the reason it was rejected. */
  fieldsToCorrect: { field: DraftFieldKey; reason: ReasonView }[];
}

export interface DraftView {
  id: number;
  accountId: string;
  status: DraftStatus;
  payload: DraftPayload;
  fieldErrors: FieldError[];
  /** Set once Twilio created the request. */
  requestSid: string | null;
  bill: BillView | null;
  portability: PortabilityView;
  origin: ResubmitOrigin | null;
  /** The failed send's error in words when status is `failed`. */
  lastError: string | null;
  /**
   * Queued behind the cancel of the numbers it corrects: "Waiting for the cancel of KW… to
   * finish" (sent by itself once Twilio lets them go). Null otherwise.
   */
  waitingFor?: OutboxWaitView | null;
  createdAt: string;
  updatedAt: string;
  /**
   * The draft's numbers Twilio says are already in, or being ported into, one of the agent's
   * accounts (22131, 22136, or a refused create's 22137) that a request PortDesk has holds:
   * the wizard names that request and links to it. Absent: none known.
   */
  heldNumbers?: HeldNumberView[];
}

/** A draft's number held by a request PortDesk has (same account or another). */
export interface HeldNumberView {
  phoneNumber: string;
  requestSid: string;
  accountId: string;
  accountLabel: string;
  customerName: string | null;
  /** The number's status in that request, as Twilio spells it. */
  numberStatus: string;
}

export interface DraftSummaryView {
  id: number;
  accountId: string;
  accountLabel: string;
  status: DraftStatus;
  customerName: string;
  numberCount: number;
  requestSid: string | null;
  updatedAt: string;
}

export interface DraftValidationView {
  fieldErrors: FieldError[];
  /** No field errors: the draft can be submitted. */
  ready: boolean;
}

export type SubmitResultView =
  | { state: 'created'; draftId: number; requestSid: string }
  /** Stored in the outbox; sent when online. `reason` says why it did not go out right away. */
  | { state: 'queued'; draftId: number; outboxItemId: number; reason: 'offline' | 'sending' };

// ── Outbox ──────────────────────────────────────────────────────────────────────────────────

export type OutboxOperationKindView =
  'upload_document' | 'create_port_in' | 'cancel_port_in' | 'cancel_number';

export type OutboxStateView = 'queued' | 'sending' | 'waiting_for_network' | 'failed' | 'done';

/** What a queued create waits for before it can be sent (an outbox dependency, docs/sync.md). */
export interface OutboxWaitView {
  /** The request whose cancel must finish (its numbers seen Canceled at Twilio). */
  requestSid: string;
  /** The numbers still held there, E.164; empty when the whole request is being canceled. */
  phoneNumbers: string[];
  /** "Waiting for the cancel of KW… to finish", plus what to do when that cancel failed. */
  words: string;
  /** The cancel failed: it needs the agent (retry it in the Outbox). */
  cancelFailed: boolean;
}

export interface OutboxItemView {
  id: number;
  kind: OutboxOperationKindView;
  accountId: string;
  accountLabel: string;
  state: OutboxStateView;
  /** What the operation does, in words: "Create port-in for Acme Inc (12 numbers)". */
  summary: string;
  requestSid: string | null;
  draftId: number | null;
  /** Phone numbers concerned (cancel_number), E.164. */
  phoneNumbers: string[];
  attempts: number;
  nextAttemptAt: string | null;
  /** The last failure in words; `code` is Twilio's error code when there was one. */
  lastError: { message: string; code: number | null } | null;
  /** A create waiting behind a cancel (fix and resubmit); null when nothing holds it back. */
  waitingFor?: OutboxWaitView | null;
  createdAt: string;
  updatedAt: string;
}

/** What a cancel command did: it is queued in the outbox and sent as soon as possible. */
export interface MutationQueuedView {
  outboxItemIds: number[];
  /** true when main could not send it right away (offline). */
  waitingForNetwork: boolean;
}

/** What `correctRejectedRequest` did: the draft is always there; the cancel may not be. */
export interface CorrectionStartedView {
  draft: DraftView;
  /** The cancel of the rejected numbers, queued; null when none was asked for or needed. */
  cancel: (MutationQueuedView & { numbers: number }) | null;
  /** Why the rejected numbers could not be canceled, in words (the draft is kept). */
  cancelProblem: string | null;
}

// ── Sync ────────────────────────────────────────────────────────────────────────────────────

export type SyncState = 'idle' | 'syncing' | 'offline' | 'error' | 'unauthorized';

/**
 * One account's sync, finer than `state` (docs/sync.md "Status"): `up_to_date` only after a
 * complete cycle in which every call succeeded; `retrying` after a failure, until the next
 * attempt; `catching_up`: the cycle after an outage; `paused`: the computer says offline;
 * `offline`: a call found no network; `waiting`: no cycle has run yet.
 */
export const SYNC_PHASES = [
  'waiting',
  'syncing',
  'catching_up',
  'up_to_date',
  'retrying',
  'offline',
  'paused',
  'unauthorized',
] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];

export interface AccountSyncView {
  accountId: string;
  label: string;
  state: SyncState;
  /** The last complete sync in which every call succeeded. */
  lastSuccessAt: string | null;
  /** In words, e.g. "Twilio rejected the API key: rotate the secret in Accounts". */
  message: string | null;
  /** Absent from an older main: read `state`. */
  phase?: SyncPhase;
  /** When retrying or offline: the next attempt. */
  nextAttemptAt?: string | null;
}

export interface SyncStatusView {
  /** The worst state over all accounts (unauthorized > error > offline > syncing > idle). */
  state: SyncState;
  lastSuccessAt: string | null;
  nextSyncAt: string | null;
  message: string | null;
  accounts: AccountSyncView[];
  queuedOps: number;
  failedOps: number;
  /** The worst account's phase, and that account (null: none). */
  phase?: SyncPhase;
  worstAccountId?: string | null;
}

// ── Settings ────────────────────────────────────────────────────────────────────────────────

export const NOTIFICATION_KINDS = [
  'loa_waiting',
  'rejected',
  'port_date',
  'completed',
  'canceled',
  'expired',
  'ageing',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type ThemePreference = 'system' | 'light' | 'dark';

export interface QuietHoursView {
  enabled: boolean;
  /** HH:MM, local time. A window may wrap midnight (22:00–07:00). */
  start: string;
  end: string;
}

export interface SettingsView {
  syncCadenceMinutes: number;
  notifications: Record<NotificationKind, boolean>;
  quietHours: QuietHoursView;
  theme: ThemePreference;
  /** "No port date N days after submission" alert threshold. */
  ageingDays: number;
  /** Account preselected in the new port-in wizard. */
  defaultAccountId: string | null;
  /** Check for, download and offer updates (docs/release.md); on by default. */
  autoUpdate: boolean;
}

// ── Progress and navigation events ──────────────────────────────────────────────────────────

export interface PortabilityProgressView {
  checkId: string;
  draftId: number;
  state: PortabilityCheckState;
  done: number;
  total: number;
  /** Results that arrived since the previous progress event (at most 100). */
  results: PortabilityResultView[];
}

export type UploadPhase = 'checking' | 'storing' | 'uploading' | 'uploaded' | 'failed';

export interface UploadProgressView {
  draftId: number;
  name: string;
  phase: UploadPhase;
  loadedBytes: number;
  totalBytes: number;
  /** In words when phase is `failed`. */
  message: string | null;
}

export const DATA_KINDS = ['requests', 'drafts', 'accounts', 'outbox', 'settings'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export interface DataChangedView {
  kinds: DataKind[];
  /**
   * Requests that changed. Empty while `kinds` includes `requests` means "any may have changed"
   * (e.g. a first sync): the renderer refetches what it shows.
   */
  requestSids: string[];
  draftIds: number[];
}

export type NavigateView =
  /** `tab`/`numberSid`: a notice about numbers opens the Numbers tab, on one number. */
  | { screen: 'request'; sid: string; tab?: 'numbers'; numberSid?: string }
  | { screen: 'feed' }
  | { screen: 'requests'; focusSearch?: boolean }
  | { screen: 'new-port-in' }
  | { screen: 'outbox' }
  | { screen: 'settings' }
  | { screen: 'accounts' };

export type { RequestStatus };

/** The invoke channels: wire name, payload schema and (as a phantom) response type. */
import type { z } from 'zod';
import type {
  AccountRemovalPreview,
  AccountView,
  CorrectionStartedView,
  DraftSummaryView,
  DraftValidationView,
  DraftView,
  MutationQueuedView,
  OutboxItemView,
  RequestDetailView,
  RequestListResult,
  SettingsView,
  SubmitResultView,
  SyncStatusView,
} from '../views';
import type { FeedDigestView, FeedSummaryView, NoticePageView } from '../feed';
import {
  AccountRefSchema,
  AddAccountSchema,
  RemoveAccountSchema,
  RenameAccountSchema,
  RotateSecretSchema,
} from './accountSchemas';
import {
  AttachBillSchema,
  CreateDraftSchema,
  DraftRefSchema,
  PortabilityRefSchema,
  StartPortabilitySchema,
  UpdateDraftSchema,
} from './draftSchemas';
import type { OrphanBillView } from '../orphanBills';
import { RestartToUpdateSchema, type RestartToUpdateView, type UpdateOfferView } from '../updates';
import {
  FeedSeenSchema,
  MarkAllNoticesSchema,
  NoticeIdsSchema,
  NoticeListQuerySchema,
} from './feedSchemas';
import { EmptyPayloadSchema } from './fieldSchemas';
import { ExportNumbersSchema, ExportRequestsSchema, type ExportResultView } from './exportSchemas';
import {
  DeleteWebhookConfigurationSchema,
  SetWebhookConfigurationSchema,
  WebhookAccountSchema,
  type WebhookConfigurationView,
} from './webhookSchemas';
import {
  CancelNumbersSchema,
  CorrectRequestSchema,
  FocusRequestSchema,
  RequestListQuerySchema,
  RequestRefSchema,
} from './requestSchemas';
import {
  ClipboardSchema,
  OutboxRefSchema,
  SettingsPatchSchema,
  SyncNowSchema,
} from './settingsSchemas';

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
  listAccounts: invoke<AccountView[]>()('portdesk:accounts.list', EmptyPayloadSchema),
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
  startDemo: invoke<AccountView>()('portdesk:demo.start', EmptyPayloadSchema),

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
  /**
   * Fix and resubmit in one call: the corrected draft plus (cancelRejected) the cancel of the
   * rejected numbers; a cancel that cannot be queued is reported in the answer, the draft kept.
   */
  correctRejectedRequest: invoke<CorrectionStartedView>()(
    'portdesk:requests.correct',
    CorrectRequestSchema,
  ),
  /** Main opens the LOA signing link in the system browser if it is https on a Twilio host. */
  openLoaLink: invoke<{ opened: true }>()('portdesk:requests.openLoaLink', RequestRefSchema),
  /** The request on screen, which sync refreshes more often; null when none is open. */
  focusRequest: invoke<{ focused: string | null }>()('portdesk:requests.focus', FocusRequestSchema),

  // Drafts (the new port-in wizard); every update is saved at once.
  createDraft: invoke<DraftView>()('portdesk:drafts.create', CreateDraftSchema),
  updateDraft: invoke<DraftView>()('portdesk:drafts.update', UpdateDraftSchema),
  getDraft: invoke<DraftView>()('portdesk:drafts.get', DraftRefSchema),
  listDrafts: invoke<DraftSummaryView[]>()('portdesk:drafts.list', EmptyPayloadSchema),
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
  listOutbox: invoke<OutboxItemView[]>()('portdesk:outbox.list', EmptyPayloadSchema),
  retryOutboxItem: invoke<OutboxItemView>()('portdesk:outbox.retry', OutboxRefSchema),
  discardOutboxItem: invoke<{ discarded: true }>()('portdesk:outbox.discard', OutboxRefSchema),
  /** Bills uploaded to Twilio that no request uses (shared/orphanBills.ts). */
  listOrphanBills: invoke<OrphanBillView[]>()('portdesk:outbox.orphanBills', EmptyPayloadSchema),

  // Sync.
  syncNow: invoke<SyncStatusView>()('portdesk:sync.now', SyncNowSchema),
  getSyncStatus: invoke<SyncStatusView>()('portdesk:sync.status', EmptyPayloadSchema),

  // Settings.
  getSettings: invoke<SettingsView>()('portdesk:settings.get', EmptyPayloadSchema),
  updateSettings: invoke<SettingsView>()('portdesk:settings.update', SettingsPatchSchema),

  // Activity feed (docs/notifications.md). Changes arrive as `onNoticesChanged` events.
  listNotices: invoke<NoticePageView>()('portdesk:feed.list', NoticeListQuerySchema),
  /** The unread count, and who shows pop-ups (the host, or this page). */
  getFeedSummary: invoke<FeedSummaryView>()('portdesk:feed.summary', EmptyPayloadSchema),
  markNoticesRead: invoke<{ unread: number }>()('portdesk:feed.markRead', NoticeIdsSchema),
  markAllNoticesRead: invoke<{ unread: number }>()(
    'portdesk:feed.markAllRead',
    MarkAllNoticesSchema,
  ),
  /** The agent opened the request: its own notices are read. */
  markRequestNoticesRead: invoke<{ unread: number }>()(
    'portdesk:feed.markRequestRead',
    RequestRefSchema,
  ),
  /** "Since you last looked": what was recorded since the agent last looked, in one line. */
  getFeedDigest: invoke<FeedDigestView>()('portdesk:feed.digest', EmptyPayloadSchema),
  markFeedSeen: invoke<{ lastSeenId: number }>()('portdesk:feed.seen', FeedSeenSchema),

  // Updates (shared/updates.ts, docs/release.md): null where the host does not update itself.
  getUpdateOffer: invoke<UpdateOfferView | null>()('portdesk:updates.offer', EmptyPayloadSchema),
  restartToUpdate: invoke<RestartToUpdateView>()('portdesk:updates.restart', RestartToUpdateSchema),

  // CSV export: main pages through the store and writes the file (docs/porting.md, "Export").
  exportRequests: invoke<ExportResultView>()('portdesk:export.requests', ExportRequestsSchema),
  exportNumbers: invoke<ExportResultView>()('portdesk:export.numbers', ExportNumbersSchema),

  // Porting webhooks of an account, at Twilio (docs/porting.md, "Webhooks").
  getWebhookConfiguration: invoke<WebhookConfigurationView>()(
    'portdesk:webhooks.get',
    WebhookAccountSchema,
  ),
  setWebhookConfiguration: invoke<WebhookConfigurationView>()(
    'portdesk:webhooks.set',
    SetWebhookConfigurationSchema,
  ),
  deleteWebhookConfiguration: invoke<WebhookConfigurationView>()(
    'portdesk:webhooks.delete',
    DeleteWebhookConfigurationSchema,
  ),

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

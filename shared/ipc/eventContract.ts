/** The event channels (main → renderer) and their payload schemas. */
import { z } from 'zod';
import {
  DATA_KINDS,
  DRAFT_FIELD_KEYS,
  SYNC_PHASES,
  type DataChangedView,
  type NavigateView,
  type PortabilityProgressView,
  type PortabilityResultView,
  type ReasonView,
  type SyncStatusView,
  type UploadProgressView,
} from '../views';
import { UpdateOfferSchema } from '../updates';
import { NoticesChangedSchema } from './feedSchemas';
import {
  AccountIdSchema,
  DraftIdSchema,
  E164Schema,
  NumberSidSchema,
  RequestSidSchema,
  text,
} from './fieldSchemas';

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
  z.strictObject({
    screen: z.literal('request'),
    sid: RequestSidSchema,
    tab: z.literal('numbers').optional(),
    numberSid: NumberSidSchema.optional(),
  }),
  z.strictObject({ screen: z.literal('feed') }),
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
  /** The activity feed changed: new notices (to pop up, in a page that shows pop-ups) or reads. */
  onNoticesChanged: event('portdesk:event:noticesChanged', NoticesChangedSchema),
  /** A pop-up was clicked, or the app menu asked for a screen. */
  onNavigate: event('portdesk:event:navigate', NavigateSchema),
  /** A downloaded update may be offered ("Restart to update"), or no longer (null). */
  onUpdateOffer: event('portdesk:event:updateOffer', UpdateOfferSchema.nullable()),
} as const;

export type EventContract = typeof eventContract;
export type EventMethod = keyof EventContract;
export type EventPayloadOf<E extends EventMethod> = z.output<EventContract[E]['payload']>;

export const EVENT_METHODS = Object.keys(eventContract) as EventMethod[];

import * as z from 'zod';
import { NUMBER_STATUSES, REQUEST_STATUSES } from '../../shared/domain';
import { numberOutcomeSchema } from './control';
import type { SimulatorCore } from './core';
import type { QueuedEvent } from './eventQueue';
import type { LifecycleEvent } from './lifecycle';
import type {
  SigningRequestConfig,
  SimDocument,
  SimNumber,
  SimRequest,
  WebhookConfig,
} from './model';
import type { NumberOutcome } from './options';
import type { RandomState } from './random';

export const SNAPSHOT_VERSION = 1;

/** A request as a snapshot keeps it: the record without its derived indexes and caches. */
export type SnapshotRequest = Omit<SimRequest, 'numbersBySid' | 'wireCache'>;

/**
 * Everything a simulator knows about its world, as plain JSON-able data: enough for a new
 * simulator to continue exactly where this one stopped (docs/simulator.md, "Snapshots").
 * Faults, the call log, the status spelling and the clock's acceleration are not part of it:
 * they belong to one run (a test's injections, a launch option), not to the world.
 */
export interface SimulatorSnapshot {
  version: typeof SNAPSHOT_VERSION;
  /** Real time the snapshot was taken, for people reading the file. */
  savedAt: string;
  /** The seed text; later `seed()` calls, fault draws and underived credentials come from it. */
  seed: string;
  /** Simulated epoch ms when the snapshot was taken: a restored clock resumes here. */
  now: number;
  /**
   * The identifiers only. The auth token and API key secret are never written: a restore takes
   * them from `options.credentials` or derives them from the seed, as the first start did.
   */
  credentials: { accountSid: string; apiKeySid: string };
  /** Where the SID stream and the support-ticket counter stopped, so new SIDs never repeat. */
  ids: { sidRandom: RandomState; supportTicket: number; seedCalls: number };
  /** In creation order (oldest first). */
  requests: SnapshotRequest[];
  documents: SimDocument[];
  scripts: { phoneNumber: string; outcome: NumberOutcome }[];
  ownedNumbers: string[];
  inTwilio: string[];
  webhook: WebhookConfig | null;
  signingConfigs: SigningRequestConfig[];
  /** Pending lifecycle steps with their simulated times, earliest first. */
  events: QueuedEvent<LifecycleEvent>[];
  nextEventSeq: number;
}

const epochMs = z.number().int();
const sidOf = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `must be a ${prefix}… SID`);
const e164 = z.string().regex(/^\+[1-9]\d{1,14}$/, 'must be an E.164 number');
const int32 = z.number().int().min(-0x80000000).max(0xffffffff);

const addressSchema = z.object({
  street: z.string(),
  street_2: z.string().optional(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  country: z.string(),
});

const losingCarrierSchema = z.object({
  customer_name: z.string(),
  authorized_representative: z.string(),
  authorized_representative_email: z.string(),
  customer_type: z.enum(['Business', 'Individual']).optional(),
  account_number: z.string().optional(),
  account_telephone_number: z.string().optional(),
  address_sid: z.string().optional(),
  address: addressSchema.optional(),
  authorized_representative_katakana: z.string().optional(),
  sub_municipality: z.string().optional(),
  building: z.string().optional(),
  katakana_name: z.string().optional(),
});

const numberSchema: z.ZodType<SimNumber> = z.object({
  sid: sidOf('PU'),
  requestSid: sidOf('KW'),
  phoneNumber: z.string(),
  status: z.enum(NUMBER_STATUSES),
  statusUpdatedAt: epochMs,
  dateCreated: epochMs,
  portable: z.boolean(),
  notPortableReason: z.string().nullable(),
  notPortableReasonCode: z.number().int().nullable(),
  numberType: z.enum(['LOCAL', 'MOBILE', 'TOLL-FREE', 'UNKNOWN']),
  country: z.string().nullable(),
  pin: z.string().nullable(),
  missingRequiredFields: z.boolean(),
  rejectionReason: z.string().nullable(),
  rejectionReasonCode: z.number().int().nullable(),
  portDate: epochMs.nullable(),
});

const requestSchema: z.ZodType<SnapshotRequest> = z
  .object({
    sid: sidOf('KW'),
    accountSid: sidOf('AC'),
    status: z.enum(REQUEST_STATUSES),
    statusUpdatedAt: epochMs,
    dateCreated: epochMs,
    losingCarrier: losingCarrierSchema,
    notificationEmails: z.array(z.string()).nullable(),
    targetPortInDate: z.string().nullable(),
    targetTimeRangeStart: z.string().nullable(),
    targetTimeRangeEnd: z.string().nullable(),
    documents: z.array(z.string()),
    bundleSid: z.string().nullable(),
    portabilityAdvanceCarrier: z.string().nullable(),
    autoCancelApprovalNumbers: z.string().nullable(),
    supportTicketId: z.number().int(),
    signatureRequestUrl: z.string().nullable(),
    orderCancellationReason: z.string().nullable(),
    numbers: z.array(numberSchema),
    loaGeneratedAt: epochMs.nullable(),
    signedAt: epochMs.nullable(),
    carrierAnsweredAt: epochMs.nullable(),
    autoSignAfterMs: z.number().nonnegative().nullable(),
    cancelRequested: z.boolean(),
  })
  .superRefine((request, context) => {
    request.numbers.forEach((number, index) => {
      if (number.requestSid !== request.sid) {
        context.addIssue({
          code: 'custom',
          path: ['numbers', index, 'requestSid'],
          message: `belongs to ${number.requestSid}, not to ${request.sid}`,
        });
      }
    });
  });

const documentSchema: z.ZodType<SimDocument> = z.object({
  sid: sidOf('RD'),
  accountSid: sidOf('AC'),
  documentType: z.string(),
  friendlyName: z.string().nullable(),
  mimeType: z.string(),
  size: z.number().int().nonnegative(),
  dateCreated: epochMs,
});

const webhookSchema: z.ZodType<WebhookConfig> = z.object({
  portInTargetUrl: z.string().nullable(),
  portOutTargetUrl: z.string().nullable(),
  notificationsOf: z.array(z.string()),
  portInTargetDateCreated: epochMs.nullable(),
  portOutTargetDateCreated: epochMs.nullable(),
});

const signingConfigSchema: z.ZodType<SigningRequestConfig> = z.object({
  logo_sid: z.string().nullable(),
  friendly_name: z.string().nullable(),
  product: z.string().nullable(),
  country: z.string().nullable(),
  email_subject: z.string().nullable(),
  email_message: z.string().nullable(),
  url_redirection: z.string().nullable(),
});

const requestSid = sidOf('KW');
const eventSchema: z.ZodType<LifecycleEvent> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('review'), requestSid }),
  z.object({ kind: z.literal('autoSign'), requestSid }),
  z.object({ kind: z.literal('expire'), requestSid }),
  z.object({ kind: z.literal('submit'), requestSid }),
  z.object({ kind: z.literal('carrierResponse'), requestSid }),
  z.object({
    kind: z.literal('movePortDate'),
    requestSid,
    numberSid: sidOf('PU'),
    days: z.number().int(),
  }),
  z.object({ kind: z.literal('portDate'), requestSid }),
  z.object({ kind: z.literal('customerCancel'), requestSid }),
  z.object({ kind: z.literal('cancelDone'), requestSid, numberSid: sidOf('PU').nullable() }),
]);

const snapshotSchema: z.ZodType<SimulatorSnapshot> = z
  .object({
    version: z.literal(SNAPSHOT_VERSION),
    savedAt: z.string(),
    seed: z.string(),
    now: epochMs,
    credentials: z.object({ accountSid: sidOf('AC'), apiKeySid: sidOf('SK') }),
    ids: z.object({
      sidRandom: z.tuple([int32, int32, int32, int32]),
      supportTicket: z.number().int(),
      seedCalls: z.number().int().nonnegative(),
    }),
    requests: z.array(requestSchema),
    documents: z.array(documentSchema),
    scripts: z.array(z.object({ phoneNumber: e164, outcome: numberOutcomeSchema })),
    ownedNumbers: z.array(z.string()),
    inTwilio: z.array(z.string()),
    webhook: webhookSchema.nullable(),
    signingConfigs: z.array(signingConfigSchema),
    events: z.array(
      z.object({ at: epochMs, seq: z.number().int().nonnegative(), event: eventSchema }),
    ),
    nextEventSeq: z.number().int().nonnegative(),
  })
  .superRefine((snapshot, context) => {
    const seen = new Set<string>();
    snapshot.requests.forEach((request, index) => {
      if (seen.has(request.sid)) {
        context.addIssue({
          code: 'custom',
          path: ['requests', index, 'sid'],
          message: `${request.sid} appears twice`,
        });
      }
      seen.add(request.sid);
    });
  });

export type SnapshotCheck =
  { ok: true; snapshot: SimulatorSnapshot } | { ok: false; problem: string };

/** Checks untrusted data (a file) against the snapshot format; the problem names the field. */
export function parseSnapshot(raw: unknown): SnapshotCheck {
  if (typeof raw === 'object' && raw !== null && 'version' in raw) {
    const version = (raw as { version: unknown }).version;
    if (version !== SNAPSHOT_VERSION) {
      return {
        ok: false,
        problem: `unknown snapshot version ${JSON.stringify(version)} (this PortDesk reads version ${SNAPSHOT_VERSION})`,
      };
    }
  }
  const parsed = snapshotSchema.safeParse(raw);
  if (parsed.success) return { ok: true, snapshot: parsed.data };
  const issue = parsed.error.issues[0];
  const field =
    issue === undefined || issue.path.length === 0 ? 'snapshot' : formatPath(issue.path);
  return { ok: false, problem: `${field}: ${issue?.message ?? 'invalid'}` };
}

/** Copies the world out of a simulator (no shared references: the live records keep changing). */
export function captureSnapshot(core: SimulatorCore): SimulatorSnapshot {
  core.lifecycle.catchUp();
  const { events, nextSeq } = core.lifecycle.pendingEvents();
  return {
    version: SNAPSHOT_VERSION,
    savedAt: new Date().toISOString(),
    seed: core.seedText,
    now: core.clock.now(),
    credentials: {
      accountSid: core.credentials.accountSid,
      apiKeySid: core.credentials.apiKeySid,
    },
    ids: core.idState(),
    requests: core.store.allRequests().map(copyRequest),
    documents: [...core.store.documents.values()].map((document) => ({ ...document })),
    scripts: [...core.store.scripts].map(([phoneNumber, outcome]) => ({
      phoneNumber,
      outcome: { ...outcome },
    })),
    ownedNumbers: [...core.store.ownedNumbers],
    inTwilio: [...core.store.inTwilio],
    webhook:
      core.store.webhook === null
        ? null
        : { ...core.store.webhook, notificationsOf: [...core.store.webhook.notificationsOf] },
    signingConfigs: core.store.signingConfigs.map((config) => ({ ...config })),
    events: events.map(({ at, seq, event }) => ({ at, seq, event: { ...event } })),
    nextEventSeq: nextSeq,
  };
}

/**
 * Puts a snapshot's requests, documents, scripts, configurations and pending steps into a fresh
 * simulator. Seed, credentials, ID streams and the clock are taken by SimulatorCore's constructor.
 */
export function restoreWorld(core: SimulatorCore, snapshot: SimulatorSnapshot): void {
  const store = core.store;
  store.addRequests(snapshot.requests.map(copyRequest).map(withIndexes));
  for (const document of snapshot.documents) store.documents.set(document.sid, { ...document });
  for (const { phoneNumber, outcome } of snapshot.scripts) {
    store.scripts.set(phoneNumber, { ...outcome });
  }
  for (const number of snapshot.ownedNumbers) store.ownedNumbers.add(number);
  for (const number of snapshot.inTwilio) store.inTwilio.add(number);
  store.webhook = snapshot.webhook === null ? null : { ...snapshot.webhook };
  store.signingConfigs = snapshot.signingConfigs.map((config) => ({ ...config }));
  core.lifecycle.restoreEvents(
    snapshot.events.map(({ at, seq, event }) => ({ at, seq, event: { ...event } })),
    snapshot.nextEventSeq,
  );
}

/** LOA links name the listener's origin, which changes at every start: point them at this one. */
export function relinkLoaPages(core: SimulatorCore): void {
  for (const request of core.store.allRequests()) {
    if (request.signatureRequestUrl === null) continue;
    request.signatureRequestUrl = `${core.baseUrl}/__sim/loa/${request.sid}`;
    request.wireCache = null;
  }
}

function copyRequest(request: SnapshotRequest): SnapshotRequest {
  return {
    sid: request.sid,
    accountSid: request.accountSid,
    status: request.status,
    statusUpdatedAt: request.statusUpdatedAt,
    dateCreated: request.dateCreated,
    losingCarrier: structuredClone(request.losingCarrier),
    notificationEmails:
      request.notificationEmails === null ? null : [...request.notificationEmails],
    targetPortInDate: request.targetPortInDate,
    targetTimeRangeStart: request.targetTimeRangeStart,
    targetTimeRangeEnd: request.targetTimeRangeEnd,
    documents: [...request.documents],
    bundleSid: request.bundleSid,
    portabilityAdvanceCarrier: request.portabilityAdvanceCarrier,
    autoCancelApprovalNumbers: request.autoCancelApprovalNumbers,
    supportTicketId: request.supportTicketId,
    signatureRequestUrl: request.signatureRequestUrl,
    orderCancellationReason: request.orderCancellationReason,
    numbers: request.numbers.map((number) => ({ ...number })),
    loaGeneratedAt: request.loaGeneratedAt,
    signedAt: request.signedAt,
    carrierAnsweredAt: request.carrierAnsweredAt,
    autoSignAfterMs: request.autoSignAfterMs,
    cancelRequested: request.cancelRequested,
  };
}

function withIndexes(request: SnapshotRequest): SimRequest {
  return {
    ...request,
    numbersBySid: new Map(request.numbers.map((number) => [number.sid, number])),
    wireCache: null,
  };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

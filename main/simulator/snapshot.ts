import { SNAPSHOT_VERSION, type SimulatorSnapshot, type SnapshotRequest } from './api';
import { recordPastRejections } from './carrierRecords';
import type { Lifecycle } from './lifecycle';
import type { SimRequest } from './model';
import { snapshotSchema } from './schemas';
import type { SimStore } from './store';

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

/** What a snapshot is taken from: the world's records plus the identity SimulatorCore holds. */
export interface WorldParts {
  store: SimStore;
  lifecycle: Lifecycle;
  /** Simulated epoch ms; the caller catches the lifecycle up to it first. */
  now: number;
  seed: string;
  credentials: SimulatorSnapshot['credentials'];
  ids: SimulatorSnapshot['ids'];
}

/** Copies the world out of a simulator (no shared references: the live records keep changing). */
export function captureSnapshot(world: WorldParts): SimulatorSnapshot {
  const { store } = world;
  const { events, nextSeq } = world.lifecycle.pendingEvents();
  return {
    version: SNAPSHOT_VERSION,
    savedAt: new Date().toISOString(),
    seed: world.seed,
    now: world.now,
    credentials: { ...world.credentials },
    ids: world.ids,
    requests: store.allRequests().map(copyRequest),
    documents: [...store.documents.values()].map((document) => ({ ...document })),
    scripts: [...store.scripts].map(([phoneNumber, outcome]) => ({
      phoneNumber,
      outcome: { ...outcome },
    })),
    carrierRecords: [...store.carrierRecords].map(([phoneNumber, record]) => ({
      phoneNumber,
      record: structuredClone(record),
    })),
    ownedNumbers: [...store.ownedNumbers],
    inTwilio: [...store.inTwilio],
    webhook:
      store.webhook === null
        ? null
        : { ...store.webhook, notificationsOf: [...store.webhook.notificationsOf] },
    signingConfigs: store.signingConfigs.map((config) => ({ ...config })),
    events: events.map(({ at, seq, event }) => ({ at, seq, event: { ...event } })),
    nextEventSeq: nextSeq,
  };
}

/**
 * Puts a snapshot's requests, documents, scripts, configurations and pending steps into a fresh
 * simulator. Seed, credentials, ID streams and the clock are taken by SimulatorCore's constructor.
 */
export function restoreWorld(
  store: SimStore,
  lifecycle: Lifecycle,
  snapshot: SimulatorSnapshot,
): void {
  store.addRequests(snapshot.requests.map(copyRequest).map(withIndexes));
  for (const document of snapshot.documents) store.documents.set(document.sid, { ...document });
  for (const { phoneNumber, outcome } of snapshot.scripts) {
    store.scripts.set(phoneNumber, { ...outcome });
  }
  for (const { phoneNumber, record } of snapshot.carrierRecords ?? []) {
    store.carrierRecords.set(phoneNumber, structuredClone(record));
  }
  if (snapshot.carrierRecords === undefined) recordPastRejections(store);
  for (const number of snapshot.ownedNumbers) store.ownedNumbers.add(number);
  for (const number of snapshot.inTwilio) store.inTwilio.add(number);
  store.webhook = snapshot.webhook === null ? null : { ...snapshot.webhook };
  store.signingConfigs = snapshot.signingConfigs.map((config) => ({ ...config }));
  lifecycle.restoreEvents(
    snapshot.events.map(({ at, seq, event }) => ({ at, seq, event: { ...event } })),
    snapshot.nextEventSeq,
  );
}

/** LOA links name the listener's origin, which changes at every start: point them at this one. */
export function relinkLoaPages(store: SimStore, baseUrl: string): void {
  for (const request of store.allRequests()) {
    if (request.signatureRequestUrl === null) continue;
    request.signatureRequestUrl = `${baseUrl}/__sim/loa/${request.sid}`;
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

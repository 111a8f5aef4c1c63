import type { PortInCreateInput, PortInRequest } from '../../../shared/domain/portIn';
import type { JsonObject, OutboxItem, OutboxState, Store } from '../store';
import { isTwilioError, type PortingClient, type TwilioError } from '../twilio';
import type { CadenceSettings } from './cadence';
import { fieldErrorsForRefusal } from './draftFieldErrors';
import { OUTBOX_PAYLOADS, type OutboxPayloadOf } from './outboxPayloads';
import {
  DEFAULT_RETRY_SCHEDULE,
  decideAfterFailure,
  isAlreadyDone,
  retryDelayMs,
} from './outboxPolicy';
import { findCreatedRequest, requestSidsIn } from './reconcileCreate';
import { saveFetchedWithEvents } from './requestWriter';
import {
  cycleStopFor,
  isOffline,
  lastErrorOf,
  HOST_OFFLINE_MESSAGE,
  localError,
  OFFLINE_MESSAGE,
  toSendFailure,
} from './syncErrors';

/** States the runner picks work from; waiting_for_network is tried on every drain. */
const WORK_STATES: readonly OutboxState[] = ['queued', 'reconciling', 'waiting_for_network'];
/** Not done and not failed: what "queued operations" counts. */
export const PENDING_STATES: readonly OutboxState[] = [
  'queued',
  'sending',
  'reconciling',
  'waiting_for_network',
];
/** A drain never loops forever, whatever the items do. */
const MAX_STEPS_PER_DRAIN = 10_000;

export interface OutboxChange {
  itemIds: number[];
  draftIds: number[];
  requestSids: string[];
}

export interface OutboxRunnerDeps {
  store: Store;
  now: () => number;
  random: () => number;
  cadence: () => CadenceSettings;
  readDocumentBytes: (localPath: string) => Promise<Uint8Array>;
  accountLabel: (accountId: string) => string;
  onChanged: (change: OutboxChange) => void;
  /** The host says there is no network: send nothing more (a send in flight finishes). */
  hostOffline: () => boolean;
}

export interface DrainResult {
  /** Items that reached a new state in this drain. */
  steps: number;
  /**
   * Why the drain ended before the outbox was empty; null when nothing is ready any more.
   * `paused`: the host said offline, so nothing more was sent (nothing failed).
   */
  stoppedBy: 'offline' | 'unauthorized' | 'aborted' | 'paused' | null;
  message: string | null;
  /** Requests a cancel went out for: worth a fetch soon. */
  refreshSids: string[];
}

type StepEnd = null | { stoppedBy: 'offline' | 'unauthorized' | 'aborted'; message: string };

/** What a successful send leaves on the done item. */
interface DoneRecord {
  result: JsonObject;
  requestSid?: string;
}

/**
 * The durable outbox state machine (docs/sync.md): picks the next ready item of an account,
 * writes `sending` (and a create's firstSentAt) BEFORE the call, then records the outcome in one
 * transaction with whatever it produced (document SID, the new request and its timeline event,
 * the draft's link). Failures go through the pure policy in outboxPolicy.ts. A create that may
 * have reached Twilio is reconciled (reconcileCreate.ts) before it is ever sent again.
 */
export class OutboxRunner {
  constructor(private readonly deps: OutboxRunnerDeps) {}

  /**
   * At start-up an item still in `sending` may or may not have gone out. Uploads and cancels are
   * sent again (an extra document is harmless; a cancel is idempotent, a repeat is a 404 = done);
   * a create is reconciled first. Returns how many items were recovered.
   */
  recoverInterruptedSends(): number {
    const { store } = this.deps;
    const at = this.isoNow();
    const interrupted = store.outbox.list({ states: ['sending'] });
    const change = emptyChange();
    store.transaction(() => {
      for (const item of interrupted) {
        store.outbox.update(item.id, {
          state: item.kind === 'create_port_in' ? 'reconciling' : 'queued',
          nextAttemptAt: null,
          lastError: localError(
            'interrupted',
            'PortDesk stopped while this was being sent; it is checked and sent again if needed.',
            at,
          ),
        });
        noteChange(change, item);
      }
    });
    if (interrupted.length > 0) this.deps.onChanged(change);
    return interrupted.length;
  }

  /**
   * The host says offline: queued items wait for the network instead (durable, and what the
   * outbox screen shows), keeping their attempts, last error and retry time. Items reconciling
   * stay so — a create whose fate is unknown is never turned back into a plain send. Returns how
   * many items changed.
   */
  holdForNetwork(accountId?: string): number {
    const { store } = this.deps;
    const at = this.isoNow();
    const change = emptyChange();
    const held = store.transaction(() => {
      const queued = store.outbox.list({
        states: ['queued'],
        ...(accountId === undefined ? {} : { accountIds: [accountId] }),
      });
      for (const item of queued) {
        store.outbox.update(item.id, { state: 'waiting_for_network' }, at);
        noteChange(change, item);
      }
      return queued.length;
    });
    if (held > 0) this.deps.onChanged(change);
    return held;
  }

  async drain(accountId: string, client: PortingClient, signal: AbortSignal): Promise<DrainResult> {
    const result: DrainResult = { steps: 0, stoppedBy: null, message: null, refreshSids: [] };
    const details = new Map<string, PortInRequest>();
    while (result.steps < MAX_STEPS_PER_DRAIN) {
      if (signal.aborted) return { ...result, stoppedBy: 'aborted', message: 'Stopped.' };
      if (this.deps.hostOffline()) {
        // A step that was in flight when the host went offline may have left work queued.
        this.holdForNetwork(accountId);
        return { ...result, stoppedBy: 'paused', message: HOST_OFFLINE_MESSAGE };
      }
      const item = this.deps.store.outbox.nextReady(this.isoNow(), {
        accountIds: [accountId],
        states: WORK_STATES,
      });
      if (item === null) return result;
      result.steps += 1;
      let end: StepEnd;
      try {
        end = await this.step(item, client, signal, details, result);
      } catch (error) {
        end = this.contain(item, error);
      }
      if (end !== null) return { ...result, ...end };
    }
    return result;
  }

  private async step(
    item: OutboxItem,
    client: PortingClient,
    signal: AbortSignal,
    details: Map<string, PortInRequest>,
    result: DrainResult,
  ): Promise<StepEnd> {
    const parsed = OUTBOX_PAYLOADS[item.kind].safeParse(item.payload);
    if (!parsed.success) {
      const problem = parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`)
        .join('; ');
      this.fail(
        item,
        localError(
          'unreadable_payload',
          `This queued operation cannot be read (${problem}).`,
          this.isoNow(),
        ),
        'Discard it and submit again.',
      );
      return null;
    }
    switch (item.kind) {
      case 'upload_document':
        return this.upload(item, parsed.data as OutboxPayloadOf<'upload_document'>, client, signal);
      case 'create_port_in': {
        const payload = parsed.data as OutboxPayloadOf<'create_port_in'>;
        return item.state === 'reconciling'
          ? this.reconcile(item, payload, client, signal, details)
          : this.create(item, payload, client, signal);
      }
      case 'cancel_port_in': {
        const payload = parsed.data as OutboxPayloadOf<'cancel_port_in'>;
        const end = await this.send(item, () =>
          client.cancelPortIn(payload.requestSid, { signal }),
        );
        if (this.deps.store.outbox.get(item.id)?.state === 'done') {
          this.refreshSoon(payload.requestSid);
          result.refreshSids.push(payload.requestSid);
        }
        return end;
      }
      case 'cancel_number': {
        const payload = parsed.data as OutboxPayloadOf<'cancel_number'>;
        const end = await this.send(item, () =>
          client.cancelPortInNumber(payload.requestSid, payload.numberSid, { signal }),
        );
        if (this.deps.store.outbox.get(item.id)?.state === 'done') {
          this.refreshSoon(payload.requestSid);
          result.refreshSids.push(payload.requestSid);
        }
        return end;
      }
    }
  }

  // ── the operations ──────────────────────────────────────────────────────────────────────

  private async upload(
    item: OutboxItem,
    payload: OutboxPayloadOf<'upload_document'>,
    client: PortingClient,
    signal: AbortSignal,
  ): Promise<StepEnd> {
    const { store } = this.deps;
    const document = store.documents.get(payload.documentId);
    if (document === null) {
      this.failUpload(item, 'The bill this upload was for has been removed. Add the bill again.');
      return null;
    }
    let bytes: Uint8Array;
    try {
      bytes = await this.deps.readDocumentBytes(document.localPath);
    } catch {
      this.failUpload(
        item,
        `The file of the bill “${document.fileName}” is missing from PortDesk's data folder. Add the bill again.`,
      );
      return null;
    }
    return this.send(
      item,
      () =>
        client.uploadDocument({
          bytes,
          fileName: document.fileName,
          documentType: 'utility_bill',
          signal,
        }),
      (uploaded) => {
        store.documents.markUploaded(document.id, uploaded.sid, this.isoNow());
        return { result: { documentSid: uploaded.sid } };
      },
    );
  }

  private async create(
    item: OutboxItem,
    payload: OutboxPayloadOf<'create_port_in'>,
    client: PortingClient,
    signal: AbortSignal,
  ): Promise<StepEnd> {
    const { store } = this.deps;
    const account = store.accounts.get(item.accountId);
    const documentSids: string[] = [];
    for (const documentId of payload.documentIds) {
      const sid = store.documents.get(documentId)?.twilioSid ?? null;
      if (sid === null) {
        this.fail(
          item,
          localError(
            'missing_bill',
            `The bill (document ${documentId}) has not been uploaded, so the request cannot be sent.`,
            this.isoNow(),
          ),
          'Attach the bill again and submit.',
          [{ field: 'billDocumentId', message: 'The bill was not uploaded. Attach it again.' }],
        );
        return null;
      }
      documentSids.push(sid);
    }
    const input: PortInCreateInput = {
      accountSid: account?.accountSid ?? '',
      documents: documentSids,
      phoneNumbers: payload.phoneNumbers.map((n) => ({
        phoneNumber: n.phoneNumber,
        pin: n.pin ?? null,
      })),
      losingCarrier: { ...payload.losingCarrier },
      notificationEmails: payload.notificationEmails ?? null,
      targetPortInDate: payload.targetPortInDate ?? null,
      targetPortInTimeRangeStart: payload.targetPortInTimeRangeStart ?? null,
      targetPortInTimeRangeEnd: payload.targetPortInTimeRangeEnd ?? null,
    };
    // Written with `sending`, before the first byte goes out: reconciliation looks for requests
    // created after it.
    const firstSentAt = payload.firstSentAt ?? this.deps.now();
    return this.send(
      item,
      () => client.createPortIn(input, { signal }),
      (request) => this.adopt(item, payload, request, false),
      // Into the stored payload as it is, so keys this version does not know survive.
      { ...item.payload, firstSentAt },
    );
  }

  private async reconcile(
    item: OutboxItem,
    payload: OutboxPayloadOf<'create_port_in'>,
    client: PortingClient,
    signal: AbortSignal,
    details: Map<string, PortInRequest>,
  ): Promise<StepEnd> {
    const { store } = this.deps;
    const lastMessage = typeof item.lastError?.message === 'string' ? item.lastError.message : '';
    let found: PortInRequest | null;
    try {
      found = await findCreatedRequest(
        client,
        store,
        {
          itemId: item.id,
          accountId: item.accountId,
          payload,
          queuedAt: item.createdAt,
          hintedSids: requestSidsIn(lastMessage),
        },
        details,
        signal,
      );
    } catch (error) {
      return this.reconcileFailed(item, error);
    }

    if (found !== null) {
      const request = found;
      store.transaction(() => {
        const done = this.adopt(item, payload, request, true);
        store.outbox.update(
          item.id,
          { ...done, state: 'done', lastError: null, nextAttemptAt: null },
          this.isoNow(),
        );
      });
      this.changed(item, payload.draftId, request.sid);
      return null;
    }

    // Nothing of ours exists at Twilio.
    const at = this.isoNow();
    if (item.lastError?.code === 22137) {
      // A port for these numbers is open, and it is not ours: the agent must sort that out.
      this.fail(
        item,
        item.lastError,
        'A port for these numbers is already open in another request.',
        fieldErrorsForRefusal(
          { code: 22137, message: lastMessage },
          payload.phoneNumbers.map((n) => n.phoneNumber),
          this.draftPayload(item, payload.draftId),
        ),
      );
      return null;
    }
    if (item.attempts >= DEFAULT_RETRY_SCHEDULE.maxAttempts) {
      this.fail(
        item,
        item.lastError ?? localError('local', 'Sending kept failing.', at),
        `Twilio did not confirm the request after ${item.attempts} attempts, and it does not exist at Twilio. Retry to send it again.`,
      );
      return null;
    }
    // Sure now that it never arrived: send again. At once after an interruption or a dropped
    // connection; after a server error, with the usual backoff.
    const kind = typeof item.lastError?.kind === 'string' ? item.lastError.kind : 'interrupted';
    const waitMs = ['server', 'timeout', 'malformed_response', 'rate_limited'].includes(kind)
      ? this.backoffMs(item.attempts)
      : 0;
    store.outbox.update(
      item.id,
      {
        state: 'queued',
        nextAttemptAt: waitMs === 0 ? null : new Date(this.deps.now() + waitMs).toISOString(),
      },
      at,
    );
    this.changed(item, payload.draftId, null);
    return null;
  }

  /**
   * A bug or a store problem escaped a step. The item must not stay in `sending` (nothing would
   * pick it up before a restart): a create is reconciled later, anything else waits for the agent.
   */
  private contain(item: OutboxItem, error: unknown): StepEnd {
    const at = this.isoNow();
    const lastError = lastErrorOf(error, at);
    try {
      if (item.kind === 'create_port_in') {
        this.deps.store.outbox.update(
          item.id,
          {
            state: 'reconciling',
            lastError,
            nextAttemptAt: new Date(
              this.deps.now() + this.backoffMs(item.attempts + 1),
            ).toISOString(),
          },
          at,
        );
        this.changed(item, item.draftId, item.requestSid);
      } else {
        this.fail(item, lastError, 'Retry it, or discard it.');
      }
      return null;
    } catch {
      // The store itself is failing: stop this drain; the next one (or a restart) tries again.
      return { stoppedBy: 'aborted', message: String(lastError.message) };
    }
  }

  /** Reconciliation could not finish (the list or a fetch failed): stay in reconciling. */
  private reconcileFailed(item: OutboxItem, error: unknown): StepEnd {
    const at = this.isoNow();
    const stop = cycleStopFor(error, this.deps.accountLabel(item.accountId));
    const nextAttemptAt =
      stop.kind === 'failed'
        ? new Date(this.deps.now() + this.backoffMs(item.attempts, stop.retryAfterMs)).toISOString()
        : null;
    // lastError keeps the send's failure (22137 matters later); the lookup's problem is not kept.
    this.deps.store.outbox.update(item.id, { state: 'reconciling', nextAttemptAt }, at);
    if (stop.kind === 'failed') return null;
    return { stoppedBy: stop.kind, message: stop.message };
  }

  /**
   * Records a created (or found) request, inside the caller's transaction: the request and its
   * 'request_created' event (source outbox), its fetch schedule, and the draft's link.
   */
  private adopt(
    item: OutboxItem,
    payload: OutboxPayloadOf<'create_port_in'>,
    request: PortInRequest,
    reconciled: boolean,
  ): Required<DoneRecord> {
    const { store } = this.deps;
    saveFetchedWithEvents(store, request, {
      accountId: item.accountId,
      nowMs: this.deps.now(),
      source: 'outbox',
      openOnScreen: false,
      cadence: this.deps.cadence(),
      random: this.deps.random,
      // A reconciled request was fetched just now; our create's answer dates from creation.
      origin: reconciled ? 'fetched' : 'create_answer',
    });
    const draftId = item.draftId ?? payload.draftId;
    if (store.drafts.get(draftId) !== null) {
      store.drafts.update(
        draftId,
        { status: 'submitted', requestSid: request.sid, fieldErrors: [] },
        this.isoNow(),
      );
    }
    return { result: { requestSid: request.sid, reconciled }, requestSid: request.sid };
  }

  // ── sending and its outcomes ────────────────────────────────────────────────────────────

  /**
   * One send: `sending` (+1 attempt, and the payload if it changed) is committed before the call;
   * the outcome afterwards. `onSuccess` runs inside the transaction that marks the item done.
   */
  private async send<T>(
    item: OutboxItem,
    call: () => Promise<T>,
    onSuccess: (answer: T) => DoneRecord = () => ({ result: {} }),
    payload?: JsonObject,
  ): Promise<StepEnd> {
    const { store } = this.deps;
    const sending = store.outbox.update(
      item.id,
      { state: 'sending', attempts: item.attempts + 1, ...(payload ? { payload } : {}) },
      this.isoNow(),
    );
    this.changed(item, item.draftId, item.requestSid);

    let answer: T;
    try {
      answer = await call();
    } catch (error) {
      return this.afterFailure(sending, error);
    }
    store.transaction(() => {
      const done = onSuccess(answer);
      store.outbox.update(
        item.id,
        { ...done, state: 'done', lastError: null, nextAttemptAt: null },
        this.isoNow(),
      );
    });
    const done = store.outbox.get(item.id);
    this.changed(item, item.draftId, done?.requestSid ?? item.requestSid);
    return null;
  }

  private afterFailure(item: OutboxItem, error: unknown): StepEnd {
    const { store } = this.deps;
    const at = this.isoNow();
    if (!isTwilioError(error)) {
      // A bug or a local problem. A create might still have gone out: reconcile it; anything
      // else needs the agent.
      if (item.kind === 'create_port_in') {
        this.setState(item, 'reconciling', lastErrorOf(error, at));
      } else {
        this.fail(item, lastErrorOf(error, at), 'Retry it, or discard it.');
      }
      return null;
    }
    if (error.kind === 'aborted') {
      const mayExist = item.kind === 'create_port_in' && error.mayHaveReachedServer;
      store.outbox.update(
        item.id,
        { state: mayExist ? 'reconciling' : 'queued', attempts: item.attempts - 1 },
        at,
      );
      this.changed(item, item.draftId, item.requestSid);
      return { stoppedBy: 'aborted', message: 'Stopped.' };
    }
    if (error.kind === 'unauthorized') {
      // Not the operation's fault: wait, without spending the attempt, until the credentials work.
      store.outbox.update(
        item.id,
        { state: 'queued', attempts: item.attempts - 1, lastError: lastErrorOf(error, at) },
        at,
      );
      this.changed(item, item.draftId, item.requestSid);
      const stop = cycleStopFor(error, this.deps.accountLabel(item.accountId));
      return { stoppedBy: 'unauthorized', message: stop.message };
    }

    const failure = toSendFailure(error);
    const operation = item.kind;
    if (isAlreadyDone(operation, failure)) {
      store.outbox.update(
        item.id,
        { state: 'done', result: { alreadyDone: true }, lastError: null, nextAttemptAt: null },
        at,
      );
      this.changed(item, item.draftId, item.requestSid);
      return null;
    }
    const decision = decideAfterFailure(
      operation,
      failure,
      item.attempts,
      this.deps.now(),
      this.deps.random,
    );
    const lastError = lastErrorOf(error, at);
    switch (decision.next) {
      case 'reconciling':
        this.setState(item, 'reconciling', lastError);
        return null;
      case 'retry_wait':
        store.outbox.update(
          item.id,
          {
            state: 'queued',
            lastError,
            nextAttemptAt: new Date(decision.nextAttemptAt).toISOString(),
          },
          at,
        );
        this.changed(item, item.draftId, item.requestSid);
        return null;
      case 'waiting_for_network':
        // Nothing reached Twilio: the attempt does not count towards giving up.
        store.outbox.update(
          item.id,
          {
            state: 'waiting_for_network',
            attempts: item.attempts - 1,
            lastError,
            nextAttemptAt: null,
          },
          at,
        );
        this.changed(item, item.draftId, item.requestSid);
        return {
          stoppedBy: 'offline',
          message: isOffline(error) ? OFFLINE_MESSAGE : error.message,
        };
      case 'failed':
        this.failAfterRefusal(item, error, lastError);
        return null;
    }
  }

  private failAfterRefusal(item: OutboxItem, error: TwilioError, lastError: JsonObject): void {
    if (item.kind === 'upload_document') {
      this.failUpload(item, error.message, lastError);
      return;
    }
    if (item.kind !== 'create_port_in') {
      this.fail(item, lastError, 'Retry it, or discard it.');
      return;
    }
    const payload = OUTBOX_PAYLOADS.create_port_in.parse(item.payload);
    const refusal = error.httpStatus >= 400 && error.httpStatus < 500;
    this.fail(
      item,
      lastError,
      refusal
        ? 'Correct the fields marked on the draft and submit again.'
        : 'Retry it, or discard it.',
      refusal
        ? fieldErrorsForRefusal(
            { code: error.code, message: error.message, fields: error.fields },
            payload.phoneNumbers.map((n) => n.phoneNumber),
            this.draftPayload(item, payload.draftId),
          )
        : [{ field: '', message: error.message }],
    );
  }

  /** An upload that cannot succeed also fails the creates waiting for it (and their drafts). */
  private failUpload(item: OutboxItem, message: string, lastError?: JsonObject): void {
    const { store } = this.deps;
    const at = this.isoNow();
    const billError = [{ field: 'billDocumentId', message }];
    store.transaction(() => {
      this.fail(
        item,
        lastError ?? localError('local', message, at),
        'Add the bill again.',
        billError,
      );
      const waiting = store.outbox
        .list({ accountIds: [item.accountId], states: ['queued', 'waiting_for_network'] })
        .filter((other) => other.dependsOn.includes(item.id));
      for (const dependent of waiting) {
        this.fail(
          dependent,
          localError('missing_bill', `The bill upload it needs failed: ${message}`, at),
          'Add the bill again and submit.',
          billError,
        );
      }
    });
  }

  /**
   * Marks the item failed (the agent sees it in the outbox, can retry or discard), and its
   * draft failed with field messages when there is a draft.
   */
  private fail(
    item: OutboxItem,
    lastError: JsonObject,
    advice: string,
    fieldErrors?: { field: string; message: string }[],
  ): void {
    const { store } = this.deps;
    const at = this.isoNow();
    store.transaction(() => {
      store.outbox.update(
        item.id,
        { state: 'failed', lastError: { ...lastError, advice }, nextAttemptAt: null },
        at,
      );
      const draftId = item.draftId ?? draftIdIn(item);
      if (draftId !== null && store.drafts.get(draftId) !== null) {
        const message = typeof lastError.message === 'string' ? lastError.message : advice;
        store.drafts.update(
          draftId,
          { status: 'failed', fieldErrors: fieldErrors ?? [{ field: '', message }] },
          at,
        );
      }
    });
    this.changed(item, item.draftId ?? draftIdIn(item), item.requestSid);
  }

  private setState(item: OutboxItem, state: OutboxState, lastError: JsonObject): void {
    this.deps.store.outbox.update(
      item.id,
      { state, lastError, nextAttemptAt: null },
      this.isoNow(),
    );
    this.changed(item, item.draftId, item.requestSid);
  }

  /** A cancel went out: fetch the request on the next detail pass. */
  private refreshSoon(requestSid: string): void {
    try {
      this.deps.store.requests.markFetched(requestSid, { nextFetchAt: this.isoNow() });
    } catch {
      // Not stored yet: discovery will find it.
    }
  }

  private draftPayload(item: OutboxItem, draftId: number): JsonObject | null {
    return this.deps.store.drafts.get(item.draftId ?? draftId)?.payload ?? null;
  }

  private backoffMs(attempts: number, retryAfterMs: number | null = null): number {
    return retryDelayMs(attempts, retryAfterMs, this.deps.random);
  }

  private changed(item: OutboxItem, draftId: number | null, requestSid: string | null): void {
    this.deps.onChanged({
      itemIds: [item.id],
      draftIds: draftId === null ? [] : [draftId],
      requestSids: requestSid === null ? [] : [requestSid],
    });
  }

  private isoNow(): string {
    return new Date(this.deps.now()).toISOString();
  }
}

function draftIdIn(item: OutboxItem): number | null {
  const value = item.payload.draftId;
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

function emptyChange(): OutboxChange {
  return { itemIds: [], draftIds: [], requestSids: [] };
}

function noteChange(change: OutboxChange, item: OutboxItem): void {
  change.itemIds.push(item.id);
  const draftId = item.draftId ?? draftIdIn(item);
  if (draftId !== null) change.draftIds.push(draftId);
  if (item.requestSid !== null) change.requestSids.push(item.requestSid);
}

import type { JsonObject, OutboxItem, OutboxState, Store } from '../store';
import { isTwilioError, type TwilioError } from '../twilio';
import type { CadenceSettings } from './cadence';
import { fieldErrorsForRefusal } from './draftFieldErrors';
import { decideAfterFailure, isAlreadyDone, retryDelayMs } from './outboxPolicy';
import {
  cycleStopFor,
  isOffline,
  lastErrorOf,
  localError,
  OFFLINE_MESSAGE,
  toSendFailure,
} from './syncErrors';

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

/** How a step ended the drain; null: go on with the next item. */
export type StepEnd = null | {
  stoppedBy: 'offline' | 'unauthorized' | 'aborted';
  message: string;
};

/** What a successful send leaves on the done item. */
export interface DoneRecord {
  result: JsonObject;
  requestSid?: string;
}

/**
 * Sends one item and records every outcome (docs/sync.md): `sending` before the call, then done,
 * a retry, waiting for the network, reconciling or failed, each with the draft's field messages
 * where there is a draft. Failures go through the pure policy in outboxPolicy.ts. The steps
 * (outboxUpload.ts, outboxCreate.ts, outboxCancel.ts) share one of these per runner.
 */
export class OutboxSender {
  constructor(readonly deps: OutboxRunnerDeps) {}

  /**
   * One send: `sending` (+1 attempt, and the payload if it changed) is committed before the call;
   * the outcome afterwards. `onSuccess` runs inside the transaction that marks the item done.
   */
  async send<T>(
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
    const { operation } = item;
    if (operation.kind === 'upload_document') {
      this.failUpload(item, error.message, lastError);
      return;
    }
    if (operation.kind !== 'create_port_in') {
      this.fail(item, lastError, 'Retry it, or discard it.');
      return;
    }
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
            operation.payload.phoneNumbers.map((n) => n.phoneNumber),
            this.draftPayload(item, operation.payload.draftId),
          )
        : [{ field: '', message: error.message }],
    );
  }

  /** An upload that cannot succeed also fails the creates waiting for it (and their drafts). */
  failUpload(item: OutboxItem, message: string, lastError?: JsonObject): void {
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
  fail(
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

  setState(item: OutboxItem, state: OutboxState, lastError: JsonObject): void {
    this.deps.store.outbox.update(
      item.id,
      { state, lastError, nextAttemptAt: null },
      this.isoNow(),
    );
    this.changed(item, item.draftId, item.requestSid);
  }

  draftPayload(item: OutboxItem, draftId: number): JsonObject | null {
    return this.deps.store.drafts.get(item.draftId ?? draftId)?.payload ?? null;
  }

  backoffMs(attempts: number, retryAfterMs: number | null = null): number {
    return retryDelayMs(attempts, retryAfterMs, this.deps.random);
  }

  changed(item: OutboxItem, draftId: number | null, requestSid: string | null): void {
    this.deps.onChanged({
      itemIds: [item.id],
      draftIds: draftId === null ? [] : [draftId],
      requestSids: requestSid === null ? [] : [requestSid],
    });
  }

  isoNow(): string {
    return new Date(this.deps.now()).toISOString();
  }
}

/**
 * The draft a create belongs to, from its stored payload when the row has no draft id — read
 * raw, so that a create whose payload is unreadable still fails its draft.
 */
export function draftIdIn(item: OutboxItem): number | null {
  const value = item.payload.draftId;
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

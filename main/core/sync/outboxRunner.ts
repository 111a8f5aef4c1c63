import type { PortInRequest } from '../../../shared/domain/portIn';
import type { OutboxItem, OutboxState } from '../store';
import type { PortingClient } from '../twilio';
import { sendCancel } from './outboxCancel';
import { reconcileCreate, sendCreate } from './outboxCreate';
import {
  draftIdIn,
  OutboxSender,
  type OutboxChange,
  type OutboxRunnerDeps,
  type StepEnd,
} from './outboxSend';
import { sendUpload } from './outboxUpload';
import { HOST_OFFLINE_MESSAGE, lastErrorOf, localError } from './syncErrors';

export type { OutboxChange } from './outboxSend';

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

/**
 * The durable outbox state machine (docs/sync.md): picks the next ready item of an account,
 * writes `sending` (and a create's firstSentAt) BEFORE the call, then records the outcome in one
 * transaction with whatever it produced (document SID, the new request and its timeline event,
 * the draft's link). Each kind has its step (outboxUpload.ts, outboxCreate.ts, outboxCancel.ts);
 * outboxSend.ts sends and records outcomes. A create that may have reached Twilio is reconciled
 * (reconcileCreate.ts) before it is ever sent again.
 */
export class OutboxRunner {
  private readonly sender: OutboxSender;

  constructor(private readonly deps: OutboxRunnerDeps) {
    this.sender = new OutboxSender(deps);
  }

  /**
   * At start-up an item still in `sending` may or may not have gone out. Uploads and cancels are
   * sent again (an extra document is harmless; a cancel is idempotent, a repeat is a 404 = done);
   * a create is reconciled first. Returns how many items were recovered.
   */
  recoverInterruptedSends(): number {
    const { store } = this.deps;
    const at = this.sender.isoNow();
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
    const at = this.sender.isoNow();
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
      const item = this.deps.store.outbox.nextReady(this.sender.isoNow(), {
        accountIds: [accountId],
        states: WORK_STATES,
      });
      if (item === null) return result;
      result.steps += 1;
      let end: StepEnd;
      try {
        end = await this.step(item, client, signal, details, result.refreshSids);
      } catch (error) {
        end = this.contain(item, error);
      }
      if (end !== null) return { ...result, ...end };
    }
    return result;
  }

  private step(
    item: OutboxItem,
    client: PortingClient,
    signal: AbortSignal,
    details: Map<string, PortInRequest>,
    refreshSids: string[],
  ): Promise<StepEnd> {
    const { operation } = item;
    switch (operation.kind) {
      case 'unreadable':
        this.sender.fail(
          item,
          localError(
            'unreadable_payload',
            `This queued operation cannot be read (${operation.problem}).`,
            this.sender.isoNow(),
          ),
          'Discard it and submit again.',
        );
        return Promise.resolve(null);
      case 'upload_document':
        return sendUpload(this.sender, item, operation.payload, client, signal);
      case 'create_port_in':
        return item.state === 'reconciling'
          ? reconcileCreate(this.sender, item, operation.payload, client, signal, details)
          : sendCreate(this.sender, item, operation.payload, client, signal);
      case 'cancel_port_in':
      case 'cancel_number':
        return sendCancel(this.sender, item, operation.payload, client, signal, refreshSids);
    }
  }

  /**
   * A bug or a store problem escaped a step. The item must not stay in `sending` (nothing would
   * pick it up before a restart): a create is reconciled later, anything else waits for the agent.
   */
  private contain(item: OutboxItem, error: unknown): StepEnd {
    const at = this.sender.isoNow();
    const lastError = lastErrorOf(error, at);
    try {
      if (item.kind === 'create_port_in') {
        this.deps.store.outbox.update(
          item.id,
          {
            state: 'reconciling',
            lastError,
            nextAttemptAt: new Date(
              this.deps.now() + this.sender.backoffMs(item.attempts + 1),
            ).toISOString(),
          },
          at,
        );
        this.sender.changed(item, item.draftId, item.requestSid);
      } else {
        this.sender.fail(item, lastError, 'Retry it, or discard it.');
      }
      return null;
    } catch {
      // The store itself is failing: stop this drain; the next one (or a restart) tries again.
      return { stoppedBy: 'aborted', message: String(lastError.message) };
    }
  }
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

import { formatUsPhoneNumber } from '../../../shared/domain/phoneNumbers';
import { isTerminalRequestStatus } from '../../../shared/domain/statuses';
import type { PayloadInput } from '../../../shared/ipc';
import type { MutationQueuedView } from '../../../shared/views';
import type { OutboxItem, StoredPortInRequest, Store } from '../store';
import { CancelNumberPayload, CancelPortInPayload } from '../sync/outboxPayloads';
import { dataChanged, isoNow, type PortingDeps } from './deps';
import { conflict, notFound, validationFailed } from './errors';
import { parseInput } from './input';
import { isCancellableNumber } from './views/requestDetailView';

export interface CancelCommands {
  cancelRequest(input: PayloadInput<'cancelRequest'>): Promise<MutationQueuedView>;
  cancelNumbers(input: PayloadInput<'cancelNumbers'>): Promise<MutationQueuedView>;
}

const STATUS_WORDS: Readonly<Record<string, string>> = {
  completed: 'completed',
  canceled: 'already canceled',
  expired: 'expired',
};

function loadOpenRequest(store: Store, sid: string): StoredPortInRequest {
  const request = store.requests.getRequest(sid);
  if (!request) {
    throw notFound('sid', `PortDesk has no port-in request ${sid}; sync, then try again.`);
  }
  if (isTerminalRequestStatus(request.status.canonical)) {
    throw conflict(
      `Port-in request ${sid}${request.customerName ? ` for ${request.customerName}` : ''} is ${STATUS_WORDS[request.status.canonical] ?? request.status.raw}: there is nothing left to cancel.`,
      'sid',
    );
  }
  return request;
}

/** Cancels of this request that are not done: still to send, being sent, or failed. */
function unfinishedCancels(store: Store, requestSid: string): OutboxItem[] {
  return store.outbox
    .list({ requestSid })
    .filter(
      (item) =>
        item.state !== 'done' && (item.kind === 'cancel_port_in' || item.kind === 'cancel_number'),
    );
}

/**
 * The agent asked again: a failed cancel is queued again (its attempts start over) instead of
 * a duplicate; one still waiting or in flight is left as it is.
 */
function requeueIfFailed(store: Store, item: OutboxItem, now: string): void {
  if (item.state === 'failed') {
    store.outbox.update(item.id, { state: 'queued', attempts: 0, nextAttemptAt: null }, now);
  }
}

/**
 * Cancels are queued in the outbox (they reach Twilio on the next send, offline or not). The
 * checks happen here so the agent hears at once about a request that is already over, a number
 * that is not in it, or a cancel that is already on its way.
 */
export function cancelCommands(deps: PortingDeps): CancelCommands {
  const { store } = deps;

  function queued(ids: number[], requestSid: string): MutationQueuedView {
    deps.kickOutbox();
    dataChanged(deps, { kinds: ['outbox', 'requests'], requestSids: [requestSid] });
    return { outboxItemIds: ids, waitingForNetwork: !deps.isOnline() };
  }

  return {
    async cancelRequest(input) {
      const { sid } = parseInput('cancelRequest', input);
      const ids = store.transaction(() => {
        const request = loadOpenRequest(store, sid);
        const now = isoNow(deps);
        const existing = unfinishedCancels(store, sid).find((i) => i.kind === 'cancel_port_in');
        if (existing) {
          requeueIfFailed(store, existing, now);
          return [existing.id];
        }
        const item = store.outbox.enqueue(
          {
            accountId: request.accountId,
            kind: 'cancel_port_in',
            payload: CancelPortInPayload.parse({ requestSid: sid }),
            requestSid: sid,
          },
          now,
        );
        return [item.id];
      });
      return queued(ids, sid);
    },

    async cancelNumbers(input) {
      const { sid, numberSids } = parseInput('cancelNumbers', input);
      const ids = store.transaction(() => {
        const request = loadOpenRequest(store, sid);
        const pending = unfinishedCancels(store, sid);
        const requestCancel = pending.find(
          (i) => i.kind === 'cancel_port_in' && i.state !== 'failed',
        );
        if (requestCancel) {
          throw conflict(
            `The whole request ${sid} is already being canceled (Outbox item ${requestCancel.id}); its numbers go with it.`,
            'numberSids',
          );
        }
        if (!request.request) {
          throw conflict(
            `PortDesk has not loaded the numbers of ${sid} yet; sync, then try again.`,
            'numberSids',
          );
        }
        const numbers = new Map(request.request.phoneNumbers.map((n) => [n.sid, n]));
        const problems: { field: string; message: string }[] = [];
        const unique = [...new Set(numberSids)];
        unique.forEach((numberSid) => {
          const index = numberSids.indexOf(numberSid);
          const number = numbers.get(numberSid);
          if (!number) {
            problems.push({
              field: `numberSids.${index}`,
              message: `${numberSid} is not a number of port-in request ${sid}.`,
            });
          } else if (!isCancellableNumber(number)) {
            problems.push({
              field: `numberSids.${index}`,
              message: `${formatUsPhoneNumber(number.phoneNumber)} is ${number.status.canonical === 'canceling' ? 'already being canceled' : (STATUS_WORDS[number.status.canonical] ?? number.status.raw)}: there is nothing to cancel.`,
            });
          }
        });
        if (problems.length > 0) {
          throw validationFailed(
            problems.length === 1
              ? (problems[0]?.message ?? 'A number cannot be canceled.')
              : `${problems.length} of the selected numbers cannot be canceled.`,
            problems,
          );
        }

        const now = isoNow(deps);
        return unique.map((numberSid) => {
          const existing = pending.find(
            (item) =>
              item.kind === 'cancel_number' &&
              CancelNumberPayload.safeParse(item.payload).data?.numberSid === numberSid,
          );
          if (existing) {
            requeueIfFailed(store, existing, now);
            return existing.id;
          }
          const number = numbers.get(numberSid);
          return store.outbox.enqueue(
            {
              accountId: request.accountId,
              kind: 'cancel_number',
              payload: CancelNumberPayload.parse({
                requestSid: sid,
                numberSid,
                phoneNumber: number?.phoneNumber ?? null,
              }),
              requestSid: sid,
            },
            now,
          ).id;
        });
      });
      return queued(ids, sid);
    },
  };
}

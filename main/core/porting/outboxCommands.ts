import type { PayloadInput } from '../../../shared/ipc';
import type { OrphanBillView } from '../../../shared/orphanBills';
import type { OutboxItemView } from '../../../shared/views';
import type { OutboxItem, Store } from '../store';
import { dataChanged, isoNow, type PortingDeps } from './deps';
import { conflict, notFound } from './errors';
import { parseInput } from './input';
import { outboxViewLookups } from './views/lookups';
import { summarise, toOutboxItemView } from './views/outboxItemView';

export interface OutboxCommands {
  listOutbox(input?: PayloadInput<'listOutbox'>): Promise<OutboxItemView[]>;
  retryOutboxItem(input: PayloadInput<'retryOutboxItem'>): Promise<OutboxItemView>;
  discardOutboxItem(input: PayloadInput<'discardOutboxItem'>): Promise<{ discarded: true }>;
  listOrphanBills(input?: PayloadInput<'listOrphanBills'>): Promise<OrphanBillView[]>;
}

/** Done operations stay on the list this long, so the agent sees what just went out. */
const DONE_VISIBLE_MS = 24 * 3_600_000;

const STATE_WORDS: Readonly<Record<OutboxItem['state'], string>> = {
  queued: 'is waiting to be sent',
  sending: 'is being sent right now',
  reconciling: 'is being checked against Twilio (it may already have arrived)',
  waiting_for_network: 'is waiting for the network',
  done: 'was sent already',
  failed: 'failed',
};

/**
 * A discarded create takes with it the bill uploads queued for it alone: the agent said "do not
 * send", and a bill with no request has no business at Twilio. Uploads in flight, done, or
 * needed by another create stay.
 */
function discardUnneededUploads(store: Store, create: OutboxItem): void {
  for (const dependencyId of create.dependsOn) {
    const upload = store.outbox.get(dependencyId);
    if (!upload || upload.draftId !== create.draftId) continue;
    if (
      upload.state !== 'queued' &&
      upload.state !== 'waiting_for_network' &&
      upload.state !== 'failed'
    ) {
      continue;
    }
    const stillNeeded = store.outbox
      .list()
      .some((other) => other.state !== 'done' && other.dependsOn.includes(upload.id));
    if (!stillNeeded) store.outbox.remove(upload.id);
  }
}

function loadItem(store: Store, id: number): OutboxItem {
  const item = store.outbox.get(id);
  if (!item)
    throw notFound('id', `There is no outbox operation ${id}; it may have been discarded.`);
  return item;
}

/**
 * The Outbox screen: what waits, what failed, what just went out. Retry puts a failed operation
 * (or one waiting for the network) back in line now; discard drops one that is not in flight and nothing else needs (a discarded
 * create sends its draft back to editing).
 */
export function outboxCommands(deps: PortingDeps): OutboxCommands {
  const { store } = deps;

  return {
    async listOutbox(input) {
      parseInput('listOutbox', input);
      const lookups = outboxViewLookups(store);
      const cutoff = new Date(deps.now() - DONE_VISIBLE_MS).toISOString();
      return store.outbox
        .list()
        .filter((item) => item.state !== 'done' || item.updatedAt >= cutoff)
        .map((item) => toOutboxItemView(item, lookups));
    },

    async listOrphanBills(input) {
      parseInput('listOrphanBills', input);
      const labels = new Map(store.accounts.list().map((a) => [a.id, a.label]));
      return store.documents.listOrphans().flatMap((document) =>
        document.twilioSid === null
          ? []
          : [
              {
                documentSid: document.twilioSid,
                fileName: document.fileName,
                sizeBytes: document.sizeBytes,
                accountId: document.accountId,
                accountLabel: labels.get(document.accountId) ?? document.accountId,
                uploadedAt: document.uploadedAt ?? document.createdAt,
              },
            ],
      );
    },

    async retryOutboxItem(input) {
      const { id } = parseInput('retryOutboxItem', input);
      const retried = store.transaction(() => {
        const item = loadItem(store, id);
        if (item.state !== 'failed' && item.state !== 'waiting_for_network') {
          throw conflict(
            `“${summarise(item, outboxViewLookups(store))}” ${STATE_WORDS[item.state]}: only a failed operation or one waiting for the network can be retried.`,
            'id',
          );
        }
        const now = isoNow(deps);
        // A failed one starts afresh (the full backoff schedule again); one waiting for the
        // network is only made due now — the agent knows the network is back before the OS does.
        // While the host still says offline, the engine puts it back to waiting.
        const updated = store.outbox.update(
          id,
          item.state === 'failed'
            ? { state: 'queued', attempts: 0, nextAttemptAt: null }
            : { state: 'queued', nextAttemptAt: null },
          now,
        );
        const draft = item.draftId === null ? null : store.drafts.get(item.draftId);
        if (draft?.status === 'failed') store.drafts.update(draft.id, { status: 'queued' }, now);
        return updated;
      });
      deps.kickOutbox();
      dataChanged(deps, {
        kinds: ['outbox', 'drafts', 'requests'],
        draftIds: retried.draftId === null ? [] : [retried.draftId],
        requestSids: retried.requestSid === null ? [] : [retried.requestSid],
      });
      return toOutboxItemView(retried, outboxViewLookups(store));
    },

    async discardOutboxItem(input) {
      const { id } = parseInput('discardOutboxItem', input);
      const discarded = store.transaction(() => {
        const item = loadItem(store, id);
        const lookups = outboxViewLookups(store);
        if (item.state === 'sending' || item.state === 'reconciling' || item.state === 'done') {
          throw conflict(
            `“${summarise(item, lookups)}” ${STATE_WORDS[item.state]} and cannot be discarded.`,
            'id',
          );
        }
        const dependents = store.outbox
          .list()
          .filter((other) => other.state !== 'done' && other.dependsOn.includes(id));
        const first = dependents[0];
        if (first) {
          throw conflict(
            `“${summarise(first, lookups)}” needs this operation; discard that one first.`,
            'id',
          );
        }
        store.outbox.remove(id);
        discardUnneededUploads(store, item);
        if (item.kind === 'create_port_in' && item.draftId !== null) {
          const draft = store.drafts.get(item.draftId);
          if (draft && (draft.status === 'queued' || draft.status === 'failed')) {
            store.drafts.update(draft.id, { status: 'editing' }, isoNow(deps));
          }
        }
        return item;
      });
      dataChanged(deps, {
        kinds: ['outbox', 'drafts', 'requests'],
        draftIds: discarded.draftId === null ? [] : [discarded.draftId],
        requestSids: discarded.requestSid === null ? [] : [discarded.requestSid],
      });
      return { discarded: true };
    },
  };
}

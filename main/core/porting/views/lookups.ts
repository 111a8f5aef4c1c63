import type { Store } from '../../store';
import type { OutboxViewLookups } from './outboxItemView';

/** Lookups for one batch of views: account labels are read once, the rest on demand. */
export function outboxViewLookups(store: Store): OutboxViewLookups {
  const labels = new Map(store.accounts.list().map((account) => [account.id, account.label]));
  const customers = new Map<string, string | null>();
  return {
    accountLabel: (accountId) => labels.get(accountId) ?? 'Removed account',
    document: (documentId) => store.documents.get(documentId),
    unreleasedDependencies: (itemId) => store.outbox.unreleasedDependencies(itemId),
    outboxItem: (id) => store.outbox.get(id),
    customerName(requestSid) {
      if (!customers.has(requestSid)) {
        customers.set(requestSid, store.requests.getRequest(requestSid)?.customerName ?? null);
      }
      return customers.get(requestSid) ?? null;
    },
  };
}

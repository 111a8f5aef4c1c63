import type { FailedSend } from '../notify';
import type { JsonValue, OutboxItem, Store } from '../store';

function field(value: JsonValue | undefined, ...path: string[]): string | null {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return null;
    current = current[key];
  }
  return typeof current === 'string' && current.trim() !== '' ? current : null;
}

/** The customer an outbox item is about: its request's, else its create's or draft's. */
function customerOf(store: Store, item: OutboxItem): string | null {
  if (item.requestSid !== null) {
    const request = store.requests.getRequest(item.requestSid);
    if (request?.customerName) return request.customerName;
  }
  const fromPayload = field(item.payload, 'losingCarrier', 'customerName');
  if (fromPayload !== null) return fromPayload;
  const draft = item.draftId === null ? null : store.drafts.get(item.draftId);
  return draft ? field(draft.payload, 'losingCarrier', 'customerName') : null;
}

/**
 * The items of an outbox change that are now failed, as facts for the notify policy. The
 * outbox says only which items changed; their state is read back here.
 */
export function failedSendsIn(store: Store, itemIds: readonly number[]): FailedSend[] {
  const failures: FailedSend[] = [];
  for (const id of new Set(itemIds)) {
    const item = store.outbox.get(id);
    if (item?.state !== 'failed') continue;
    failures.push({
      itemId: item.id,
      kind: item.kind,
      accountId: item.accountId,
      requestSid: item.requestSid,
      customerName: customerOf(store, item),
      failedAt: item.updatedAt,
      message: field(item.lastError ?? null, 'message'),
      advice: field(item.lastError ?? null, 'advice'),
    });
  }
  return failures;
}

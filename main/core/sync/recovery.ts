import type { OutboxItem, Store } from '../store';

/**
 * Error kinds an outage causes (Twilio or the network having a bad minute), as opposed to a
 * refusal caused by the request itself (a 4xx that needs the agent). Only their backoffs are cut
 * short by recovery.
 */
const OUTAGE_KINDS: ReadonlySet<string> = new Set([
  'server',
  'network',
  'timeout',
  'malformed_response',
  'rate_limited',
]);

export function isOutageKind(kind: string | undefined): boolean {
  return kind !== undefined && OUTAGE_KINDS.has(kind);
}

/**
 * When an outbox item waiting out an outage's backoff may be tried again: now, or — after a 429 —
 * not before the Retry-After Twilio asked for. null: its backoff is not the outage's (keep it).
 */
export function recoveredAttemptAt(item: OutboxItem, nowMs: number): number | null {
  if (item.nextAttemptAt === null) return null;
  const planned = Date.parse(item.nextAttemptAt);
  if (Number.isNaN(planned) || planned <= nowMs) return null;
  const error = item.lastError;
  // A create is only ever held in reconciling with a wait after its lookup failed: a GET.
  if (item.state !== 'reconciling' && !isOutageKind(error?.kind)) return null;
  let earliest = nowMs;
  if (error?.kind === 'rate_limited') {
    const at = typeof error.at === 'string' ? Date.parse(error.at) : Number.NaN;
    const retryAfterMs = typeof error.retryAfterMs === 'number' ? error.retryAfterMs : 0;
    if (!Number.isNaN(at)) earliest = Math.max(earliest, at + retryAfterMs);
  }
  return earliest < planned ? earliest : null;
}

export interface RecoveryResult {
  /** Outbox items whose retry became due now (or at their Retry-After). */
  outboxItems: number;
  /** Detail fetches made due now. */
  fetches: number;
}

/**
 * Recovery (docs/sync.md): once a call to an account succeeds again after an outage, or the
 * host reports the network back, every backoff of that account the outage caused becomes due —
 * outbox retries (queued or reconciling, not before a Retry-After), and the detail fetches that
 * failed for an outage reason (`failedFetchSids`). The cycle that runs next sends and fetches
 * them within the account's usual limits (one outbox item at a time, `concurrency` fetches), so
 * the recovery does not itself cause a burst. Backoffs caused by the request itself stay.
 */
export function cutOutageBackoffs(
  store: Store,
  accountId: string,
  nowMs: number,
  failedFetchSids: readonly string[],
): RecoveryResult {
  const result: RecoveryResult = { outboxItems: 0, fetches: 0 };
  const nowIso = new Date(nowMs).toISOString();
  store.transaction(() => {
    const waiting = store.outbox.list({
      accountIds: [accountId],
      states: ['queued', 'reconciling'],
    });
    for (const item of waiting) {
      const at = recoveredAttemptAt(item, nowMs);
      if (at === null) continue;
      store.outbox.update(
        item.id,
        { nextAttemptAt: at <= nowMs ? null : new Date(at).toISOString() },
        nowIso,
      );
      result.outboxItems += 1;
    }
    for (const sid of failedFetchSids) {
      const stored = store.requests.getRequest(sid);
      const next = stored?.sync.nextFetchAt ?? null;
      if (next === null || Date.parse(next) <= nowMs) continue;
      store.requests.markFetched(sid, { nextFetchAt: nowIso });
      result.fetches += 1;
    }
  });
  return result;
}

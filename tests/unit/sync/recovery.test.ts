import { describe, expect, it } from 'vitest';
import type { OutboxItem, Store } from '../../../main/core/store';
import { parseOutboxOperation } from '../../../main/core/store/outboxPayloads';
import { recoveredAttemptAt } from '../../../main/core/sync/recovery';
import { DetailFetcher } from '../../../main/core/sync/detailFetcher';
import { TwilioError, type PortingClient } from '../../../main/core/twilio';

const NOW = Date.parse('2026-11-27T10:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();

function item(patch: Partial<OutboxItem>): OutboxItem {
  const payload = { documentId: 1 };
  return {
    id: 1,
    accountId: 'a',
    kind: 'upload_document',
    payload,
    operation: parseOutboxOperation('upload_document', payload),
    state: 'queued',
    dependsOn: [],
    attempts: 3,
    nextAttemptAt: iso(NOW + 10 * 60_000),
    lastError: { kind: 'server', httpStatus: 503, code: null, message: 'down', at: iso(NOW) },
    result: null,
    draftId: null,
    requestSid: null,
    createdAt: iso(NOW - 60_000),
    updatedAt: iso(NOW),
    ...patch,
  };
}

describe('recovery cuts outage backoffs short', () => {
  it('makes a retry after a 5xx, a reset or a garbled answer due now', () => {
    for (const kind of ['server', 'network', 'timeout', 'malformed_response']) {
      expect(recoveredAttemptAt(item({ lastError: { kind, at: iso(NOW) } }), NOW)).toBe(NOW);
    }
  });

  it('never sooner than the Retry-After of a 429', () => {
    const limited = item({
      lastError: { kind: 'rate_limited', retryAfterMs: 30_000, at: iso(NOW - 10_000) },
    });
    expect(recoveredAttemptAt(limited, NOW)).toBe(NOW + 20_000);
    const over = item({
      lastError: { kind: 'rate_limited', retryAfterMs: 5_000, at: iso(NOW - 10_000) },
    });
    expect(recoveredAttemptAt(over, NOW)).toBe(NOW);
  });

  it('keeps a wait the request itself caused, and leaves due or unscheduled items alone', () => {
    const refused = item({ lastError: { kind: 'invalid_request', httpStatus: 400 } });
    expect(recoveredAttemptAt(refused, NOW)).toBeNull();
    expect(recoveredAttemptAt(item({ nextAttemptAt: null }), NOW)).toBeNull();
    expect(recoveredAttemptAt(item({ nextAttemptAt: iso(NOW - 1) }), NOW)).toBeNull();
  });

  it('makes a create held in reconciling after a failed lookup due now, whatever its last error', () => {
    const held = item({
      kind: 'create_port_in',
      state: 'reconciling',
      lastError: { kind: 'invalid_request', code: 22137, at: iso(NOW) },
    });
    expect(recoveredAttemptAt(held, NOW)).toBe(NOW);
  });
});

describe('fairness of detail fetches', () => {
  it('puts the requests whose fetch failed for an outage first; a 4xx does not count', async () => {
    const failures: Record<string, TwilioError> = {
      KW3: new TwilioError({
        kind: 'server',
        message: '503',
        httpStatus: 503,
        mayHaveReachedServer: true,
      }),
      KW4: new TwilioError({
        kind: 'invalid_request',
        message: '400',
        httpStatus: 400,
        mayHaveReachedServer: true,
      }),
    };
    const client = {
      fetchPortIn: (sid: string) => Promise.reject(failures[sid] ?? new Error('not in this test')),
    } as unknown as PortingClient;
    const store = { requests: { markFetched: () => undefined } } as unknown as Store;
    const fetcher = new DetailFetcher({
      store,
      now: () => NOW,
      random: () => 0.5,
      cadence: () => ({ syncCadenceMinutes: 5 }),
      isOpenOnScreen: () => false,
      accountLabel: (id) => id,
    });
    const due = ['KW1', 'KW2', 'KW3', 'KW4'].map((sid) => ({ sid }));
    expect(fetcher.failedFirst('a', due)).toEqual(due);
    const signal = new AbortController().signal;
    await fetcher.fetchAndSave(client, 'a', 'KW3', { signal });
    await fetcher.fetchAndSave(client, 'a', 'KW4', { signal });
    expect(fetcher.failedFirst('a', due).map((r) => r.sid)).toEqual(['KW3', 'KW1', 'KW2', 'KW4']);
    expect(fetcher.failedFetches('a')).toEqual(['KW3']);
    expect(fetcher.failedFirst('b', due)).toEqual(due);
  });
});

/**
 * Activity feed bench: 10,000 notices (three accounts, every kind, a third unread) in a
 * temporary file, then p50/p95 of the feed screen's queries. Budget (issue 11): the first page
 * in ≤5 ms at 10,000 notices. Printed, not asserted.
 *
 *   npx tsx bench/store/feed.ts [--notices 10000] [--runs 200]
 *   (also run by bench/store/run.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openStore } from '../../main/core/store';
import type { NewNotice, NoticeListQuery, Store } from '../../main/core/store';
import { seededRandom } from './portfolio';

const KINDS = [
  'action_required',
  'port_date_set',
  'port_date_moved',
  'completed',
  'canceled',
  'loa_waiting',
  'loa_reminder',
  'expired',
  'ageing',
  'outbox_failed',
];
const FIRST_PAGE_BUDGET_MS = 5;

function p(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * q))] ?? NaN;
}

interface Timing {
  p50: number;
  p95: number;
  /** Median CPU time per run: on a shared, loaded box p95 wall time mostly measures waiting. */
  cpu50: number;
}

function time(runs: number, fn: () => unknown): Timing {
  for (let i = 0; i < 5; i += 1) fn();
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { p50: p(samples, 0.5), p95: p(samples, 0.95), cpu50: p(cpu, 0.5) };
}

const ms = (value: number): string => `${value.toFixed(2)} ms`;
const figure = (t: Timing): string =>
  `p50 ${ms(t.p50)} / p95 ${ms(t.p95)} (CPU p50 ${ms(t.cpu50)})`;

function fill(store: Store, count: number): { accountIds: string[]; requestSid: string } {
  const random = seededRandom(11);
  const accountIds = [0, 1, 2].map(
    (i) =>
      store.accounts.insert({
        label: `Feed desk ${i}`,
        accountSid: `AC${String(900 + i).padStart(32, '0')}`,
        credentialKind: 'auth_token',
        kind: 'simulator',
        baseUrl: 'http://127.0.0.1:1',
        uploadBaseUrl: 'http://127.0.0.1:1',
      }).id,
  );
  const start = Date.parse('2026-09-10T00:00:00Z');
  const step = (85 * 86_400_000) / count; // spread over 85 days: all inside the retention
  const notices: NewNotice[] = Array.from({ length: count }, (_, i) => {
    const sid = `KW${String(Math.floor(random() * 2000)).padStart(32, '0')}`;
    return {
      key: `bench:${i}`,
      kind: KINDS[i % KINDS.length] ?? 'completed',
      accountId: accountIds[i % accountIds.length] ?? '',
      requestSid: sid,
      title: `Customer ${i}: 12 numbers scheduled for Dec 4`,
      body: 'The losing carrier confirmed the port date (FOC).',
      urgency: i % 7 === 0 ? 'critical' : 'normal',
      silent: false,
      createdAt: new Date(start + i * step).toISOString(),
      target: { screen: 'request', sid, tab: 'numbers' },
    };
  });
  const ids: number[] = [];
  for (let i = 0; i < notices.length; i += 1000) {
    ids.push(...store.notices.record(notices.slice(i, i + 1000)).map((n) => n.id));
  }
  // The older two thirds read, as on a desk whose agent keeps up.
  const read = ids.slice(0, Math.floor((ids.length * 2) / 3));
  for (let i = 0; i < read.length; i += 500) store.notices.markRead(read.slice(i, i + 500));
  return { accountIds, requestSid: notices.at(-1)?.requestSid ?? '' };
}

/** Runs the feed bench; `record` receives each figure (run.ts puts them in its table). */
export function benchFeed(options: {
  notices?: number;
  runs?: number;
  record: (what: string, figure: string) => void;
}): void {
  const count = options.notices ?? 10_000;
  const runs = options.runs ?? 200;
  const dir = mkdtempSync(join(tmpdir(), 'portdesk-bench-feed-'));
  const store = openStore({ file: join(dir, 'portdesk.sqlite') });
  try {
    const { accountIds, requestSid } = fill(store, count);
    const total = store.notices.list().total;
    const queries: [string, NoticeListQuery][] = [
      ['feed: first page', { limit: 100 }],
      ['feed: first page, one kind', { limit: 100, kinds: ['action_required'] }],
      ['feed: first page, two kinds', { limit: 100, kinds: ['port_date_set', 'port_date_moved'] }],
      ['feed: first page, one account', { limit: 100, accountIds: [accountIds[0] ?? ''] }],
      ['feed: first page, unread only', { limit: 100, unreadOnly: true }],
      ['feed: page at offset 9,000', { limit: 100, offset: Math.max(0, total - 1000) }],
    ];
    for (const [what, query] of queries) {
      const hits = store.notices.list(query).total;
      const timing = time(runs, () => store.notices.list(query));
      // The budget is read on the median: p95 on a shared box includes waiting for a core.
      const verdict =
        what === 'feed: first page'
          ? timing.p50 <= FIRST_PAGE_BUDGET_MS
            ? ` — within the ${FIRST_PAGE_BUDGET_MS} ms budget`
            : ` — OVER the ${FIRST_PAGE_BUDGET_MS} ms budget`
          : '';
      options.record(`${what} [${hits} of ${total} notices]`, `${figure(timing)}${verdict}`);
    }
    options.record('feed: unread count', figure(time(runs, () => store.notices.unreadCount())));
    options.record(
      'feed: digest counts (half the feed)',
      figure(time(runs, () => store.notices.countsSince(Math.floor(total / 2)))),
    );
    options.record(
      'feed: mark a request read',
      figure(time(runs, () => store.notices.markReadForRequest(requestSid))),
    );
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      notices: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '200' },
    },
  });
  benchFeed({
    notices: Number(values.notices),
    runs: Number(values.runs),
    record: (what, figure) => console.log(`  ${what}: ${figure}`),
  });
}

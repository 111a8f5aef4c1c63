/**
 * Memory bench: main's memory with a big desk open. Builds (in a child process) a store with
 * 10,000 requests and 1,027,000 numbers, then in THIS process, as main would after a start:
 *
 * 1. opens the store;
 * 2. runs the store work of a sync in which nothing changed at Twilio: every list page (100
 *    summaries, one transaction each, as discovery does), then every request that is due
 *    fetched again with the same content (the stored copy, freshly built, stands in for
 *    Twilio's answer), diffed, saved and rescheduled in one transaction, as the sync's
 *    requestWriter does. Right after a first sync every request is due, so this pass reads and
 *    compares all 1,027,000 numbers: the heaviest cycle of that kind;
 * 3. runs the list screen's queries, the filter badges, and opens the biggest request (its
 *    numbers and timeline).
 *
 * Prints RSS, V8 heap and external memory after each step, and the peak RSS. Run with
 * --expose-gc (the npm script does) to also print the heap after a collection.
 *
 *   npm run bench:memory -- [--big 1000] [--small 9000] [--file path-to-keep-or-reuse]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { PortInRequestSummary } from '../../shared/domain/portIn';
import { openStore } from '../../main/core/store';
import type { RequestListQuery, Store } from '../../main/core/store';
import { diffRequest } from '../../main/core/sync/diff';

const { values: args } = parseArgs({
  options: {
    big: { type: 'string', default: '1000' },
    small: { type: 'string', default: '9000' },
    file: { type: 'string' },
  },
});

const MiB = 1024 * 1024;
const rows: {
  step: string;
  rss: string;
  heapUsed: string;
  heapAfterGc: string;
  external: string;
}[] = [];
const mib = (bytes: number): string => (bytes / MiB).toFixed(1);

function snapshot(step: string): void {
  const live = process.memoryUsage();
  const gc = (globalThis as { gc?: () => void }).gc;
  let afterGc = '—';
  if (gc) {
    gc();
    afterGc = mib(process.memoryUsage().heapUsed);
  }
  const row = {
    step,
    rss: mib(live.rss),
    heapUsed: mib(live.heapUsed),
    heapAfterGc: afterGc,
    external: mib(live.external),
  };
  rows.push(row);
  console.log(
    `  ${step}: RSS ${row.rss} MiB, heap ${row.heapUsed} MiB (after GC ${afterGc}), external ${row.external} MiB`,
  );
}

/** The listing pass: pages of 100 summaries, one transaction a page (discovery.ts). */
function listEverything(store: Store, summaries: string[], observedAt: string): number {
  let changed = 0;
  for (let start = 0; start < summaries.length; start += 100) {
    const page = summaries
      .slice(start, start + 100)
      .map((line) => JSON.parse(line) as PortInRequestSummary & { accountId: string });
    store.transaction(() => {
      for (const { accountId, ...summary } of page) {
        const saved = store.requests.upsertSummary(accountId, summary, observedAt);
        if (saved.created || saved.changed) changed += 1;
      }
    });
  }
  return changed;
}

/** The detail pass: each due request fetched with the same content and saved as sync does. */
function fetchDue(store: Store, now: string, later: string): { fetched: number; events: number } {
  let fetched = 0;
  let events = 0;
  for (;;) {
    const due = store.requests.dueForFetch(now, 50);
    if (due.length === 0) return { fetched, events };
    for (const request of due) {
      // Twilio's answer: a fresh object with the same content as the stored copy.
      const answer = store.requests.getRequest(request.sid)?.request;
      if (!answer) throw new Error(`bench: ${request.sid} has no fetched copy`);
      store.transaction(() => {
        const stored = store.requests.getRequest(request.sid);
        const diff = diffRequest(stored?.request ?? null, answer, {
          observedAt: now,
          source: 'sync',
        });
        store.requests.saveFetchedRequest(request.accountId, answer, now);
        events += store.timeline.appendEvents(diff).length;
        store.requests.markFetched(request.sid, { nextFetchAt: later });
      });
      fetched += 1;
    }
  }
}

function main(): void {
  const dir = args.file ? null : mkdtempSync(join(tmpdir(), 'portdesk-bench-memory-'));
  const file = args.file ?? join(dir ?? '', 'portdesk.sqlite');
  if (!existsSync(file)) {
    console.log(`Building the desk in ${file} (a child process)…`);
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'bench/memory/build.ts', file, args.big, args.small],
      { stdio: 'inherit' },
    );
  }
  const summaries = readFileSync(`${file}.summaries.jsonl`, 'utf8').split('\n');
  console.log(`Memory bench on ${file} (${summaries.length.toLocaleString('en-US')} requests)`);
  snapshot('before opening the store');

  const store = openStore({ file });
  snapshot('store open');

  const now = '2026-12-01T00:00:00.000Z';
  // The next sync comes before any rescheduled fetch is due again.
  const nextSync = '2026-12-01T00:01:00.000Z';
  const later = '2026-12-01T00:05:00.000Z';
  const cpu = process.cpuUsage();
  let started = performance.now();
  const changed = listEverything(store, summaries, now);
  console.log(
    `  listing pass: ${summaries.length} summaries, ${changed} changed, ${(performance.now() - started).toFixed(0)} ms`,
  );
  snapshot('sync, listing pass (nothing changed)');
  started = performance.now();
  const detail = fetchDue(store, now, later);
  const used = process.cpuUsage(cpu);
  console.log(
    `  detail pass: ${detail.fetched} requests fetched again, ${detail.events} events, ${(performance.now() - started).toFixed(0)} ms; sync CPU ${((used.user + used.system) / 1000).toFixed(0)} ms`,
  );
  snapshot('sync, every due request re-saved unchanged');
  const again = listEverything(store, summaries, nextSync);
  const none = fetchDue(store, nextSync, later);
  console.log(`  second sync: ${again} changed, ${none.fetched} fetched`);
  snapshot('second sync (nothing due)');

  const queries: RequestListQuery[] = [
    {},
    { statuses: ['in_progress'] },
    { needsAttention: true },
    { search: '555' },
    { search: 'dental' },
    { sort: { field: 'status', direction: 'asc' } },
    { offset: 9000 },
  ];
  for (const query of queries) store.requests.listRequests(query);
  store.requests.counts();
  const biggest = store.requests.listRequests({
    sort: { field: 'numbersRequested', direction: 'desc' },
    limit: 1,
  }).rows[0];
  if (biggest) {
    store.requests.getRequest(biggest.sid);
    store.numbers.listNumbers(biggest.sid);
    store.timeline.listEvents(biggest.sid, { limit: 500 });
  }
  snapshot('list queries, badges and the biggest request opened');
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`  peak RSS: ${peak.toFixed(1)} MiB`);
  store.close();

  console.log(
    '\n| Step | RSS MiB | heap MiB | heap after GC | external MiB |\n| --- | --: | --: | --: | --: |',
  );
  for (const row of rows) {
    console.log(
      `| ${row.step} | ${row.rss} | ${row.heapUsed} | ${row.heapAfterGc} | ${row.external} |`,
    );
  }
  console.log(`| peak RSS | ${peak.toFixed(1)} | | | |`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/memory.json', JSON.stringify({ rows, peakRssMiB: peak }, null, 2));
  if (dir) rmSync(dir, { recursive: true, force: true });
}

main();

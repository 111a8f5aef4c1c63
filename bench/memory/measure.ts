/**
 * One measurement of the memory bench (bench/memory/run.ts starts it in a fresh process per
 * setting): opens the desk with the given page cache, as main would after a start, then
 *
 * 1. runs the store work of a sync in which nothing changed at Twilio: every list page (100
 *    summaries, one transaction each, as discovery does), then every request that is due
 *    fetched again with the same content (the stored copy, freshly built, stands in for
 *    Twilio's answer), diffed, saved and rescheduled in one transaction, as the sync's
 *    requestWriter does. The desk was never scheduled, so every request is due: the heaviest
 *    cycle of that kind (a cadence pass over every open request is its realistic cousin);
 * 2. a second sync at once, in which nothing is due (the usual nothing-changed sync);
 * 3. the list screen's queries, the filter badges, and the biggest request opened.
 *
 * Prints RSS, V8 heap (live and after a collection, with --expose-gc) and external memory after
 * each step, then one JSON line for run.ts.
 *
 *   node --expose-gc --import tsx bench/memory/measure.ts <file> <cacheMiB>
 */
import { readFileSync } from 'node:fs';
import type { PortInRequestSummary } from '../../shared/domain/portIn';
import { openStore } from '../../main/core/store';
import type { RequestListQuery, Store } from '../../main/core/store';
import { diffRequest } from '../../main/core/sync/diff';

const [file = '', cacheArg = '64'] = process.argv.slice(2);
const cacheMiB = Number(cacheArg);

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
  const summaries = readFileSync(`${file}.summaries.jsonl`, 'utf8').split('\n');
  console.log(`Page cache ${cacheMiB} MiB:`);
  snapshot('before opening the store');

  const store = openStore({ file, cacheMiB });
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

  console.log(JSON.stringify({ cacheMiB, rows, peakRssMiB: peak }));
}

main();

/**
 * Store bench: a desk with 10,000 port-in requests and 1,000,000 numbers in a temporary file.
 * Prints write rates, the file size, and p50/p95 latencies of the list screen's queries.
 *
 *   npm run bench:store -- [--runs 200] [--big 1000] [--small 9000] [--keep] [--no-per-request] [--no-schema-001] [--cache-mib 16 (queries also through a connection with that cache)] [--writes-only (the bulk writes, then stop)] [--rows-per-insert 64 (a raw row with multi-row INSERTs)]
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import type { PortInRequest } from '../../shared/domain/portIn';
import { normaliseNumberStatus } from '../../shared/domain/statuses';
import { openStore } from '../../main/core/store';
import type { RequestListQuery } from '../../main/core/store';
import {
  FETCHED_BATCH_LIMITS,
  freshStore,
  rate,
  writeRaw,
  writeRaw001,
  writeThroughStore,
  type WriteFigures,
} from './bulkWrite';
import { benchFeed } from './feed';
import { Portfolio } from './portfolio';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    big: { type: 'string', default: '1000' },
    small: { type: 'string', default: '9000' },
    keep: { type: 'boolean', default: false },
    // Node 20's parseArgs has no --no-… negation: the negative flags are options of their own.
    'no-per-request': { type: 'boolean', default: false },
    'no-schema-001': { type: 'boolean', default: false },
    'writes-only': { type: 'boolean', default: false },
    'rows-per-insert': { type: 'string', default: '1' },
    'cache-mib': { type: 'string' },
  },
});
const RUNS = Number(args.runs);
const BIG_REQUESTS = Number(args.big);
const SMALL_REQUESTS = Number(args.small);
const BIG_SIZE = 1000;
/** > 1: one more raw row, writing the numbers in INSERTs of that many rows. */
const ROWS_PER_INSERT = Number(args['rows-per-insert']);
const CACHE_MIB = args['cache-mib'] === undefined ? undefined : Number(args['cache-mib']);

interface Row {
  what: string;
  figure: string;
}
const table: Row[] = [];
const record = (what: string, figure: string): void => {
  table.push({ what, figure });
  console.log(`  ${what}: ${figure}`);
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;
}

interface Timing {
  p50: number;
  p95: number;
  /** Median CPU time of this process per run: less disturbed than wall time on a shared box. */
  cpu50?: number;
}

function timeRepeated(runs: number, fn: () => unknown): Timing {
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
  return {
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    cpu50: percentile(cpu, 0.5),
  };
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`bench setup: no ${what}`);
  return value;
}

const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const latency = ({ p50, p95, cpu50 }: Timing): string =>
  `p50 ${ms(p50)} / p95 ${ms(p95)}${cpu50 === undefined ? '' : ` (CPU p50 ${ms(cpu50)})`}`;

function fileSize(file: string): number {
  let total = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      total += statSync(file + suffix).size;
    } catch {
      // absent
    }
  }
  return total;
}

/**
 * Why the customer search goes through an FTS5 trigram index: the same substring count through
 * it and through a LIKE over the folded, indexed name column (the store's fallback for searches
 * shorter than three characters).
 */
function compareCustomerSearch(file: string, word: string, runs: number): void {
  const db = new Database(file, { readonly: true });
  try {
    const like = db
      .prepare(
        `SELECT count(*) FROM port_in_requests
         WHERE id IN (SELECT id FROM port_in_requests WHERE customer_folded LIKE ?)`,
      )
      .pluck();
    const trigram = db
      .prepare(
        `SELECT count(*) FROM port_in_requests_customer_search
         WHERE port_in_requests_customer_search MATCH ?`,
      )
      .pluck();
    record(
      `customer substring "${word}": LIKE over the folded name index`,
      latency(timeRepeated(runs, () => like.get(`%${word}%`))),
    );
    record(
      `customer substring "${word}": FTS5 trigram (what the store uses)`,
      latency(timeRepeated(runs, () => trigram.get(`"${word}"`))),
    );
  } finally {
    db.close();
  }
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'portdesk-bench-store-'));
  const file = join(dir, 'portdesk.sqlite');
  console.log(`Store bench in ${dir}`);
  const accountSids = [1, 2].map((i) => `AC${String(i).padStart(32, '0')}`);
  const plan = { requests: BIG_REQUESTS, size: BIG_SIZE, accountSids };
  let clock = Date.parse('2026-11-27T08:00:00Z');
  const tick = (): string => new Date((clock += 1000)).toISOString();
  const perSecond = (value: number): string => Math.round(value).toLocaleString('en-US');
  // Wall time depends on what else the machine runs; CPU time of this process much less so.
  const perCpuSecond = (figures: WriteFigures): number => figures.numbers / figures.cpuSeconds;
  const writeRow = (what: string, figures: WriteFigures, against?: WriteFigures): void =>
    record(
      what,
      `${perSecond(rate(figures))} numbers/s wall (${figures.wallSeconds.toFixed(1)} s), ${perSecond(perCpuSecond(figures))} per CPU-second; a call p50 ${ms(percentile(figures.callMs, 0.5))} / p95 ${ms(percentile(figures.callMs, 0.95))}` +
        (against
          ? `; ${(rate(figures) / rate(against)).toFixed(2)} × raw (wall), ${(perCpuSecond(figures) / perCpuSecond(against)).toFixed(2)} × raw (CPU)`
          : ''),
    );

  // 1. Bulk writes of 1,000 × 1,000-number requests, three ways, each into a fresh file.
  const { limits } = { limits: FETCHED_BATCH_LIMITS };
  console.log(
    `Bulk writes: ${BIG_REQUESTS} × ${BIG_SIZE} numbers, batches of ≤ ${limits.maxItems} requests / ${limits.maxWeight.toLocaleString('en-US')} numbers`,
  );
  let schema001: WriteFigures | undefined;
  if (!args['no-schema-001']) {
    const old = writeRaw001(join(dir, 'raw-001.sqlite'), plan, accountSids, tick);
    writeRow('raw better-sqlite3, migration 001 schema (before 002)', old);
    schema001 = old;
  }
  const rawFile = join(dir, 'raw.sqlite');
  const rawSetup = freshStore(rawFile, accountSids);
  rawSetup.store.close();
  const raw = writeRaw(rawFile, plan, rawSetup.accountIds, tick);
  writeRow('raw better-sqlite3, same schema and batches, one INSERT a number', raw);
  if (ROWS_PER_INSERT > 1) {
    // Fewer calls into SQLite: measured, and slower (docs/benchmarks.md, Store).
    const rawMultiFile = join(dir, 'raw-multi.sqlite');
    const rawMultiSetup = freshStore(rawMultiFile, accountSids);
    rawMultiSetup.store.close();
    const rawMulti = writeRaw(
      rawMultiFile,
      plan,
      rawMultiSetup.accountIds,
      tick,
      [],
      ROWS_PER_INSERT,
    );
    writeRow(
      `raw better-sqlite3, same schema and batches, ${ROWS_PER_INSERT}-row INSERTs`,
      rawMulti,
      raw,
    );
  }
  if (schema001) {
    record(
      'raw: schema 002 against schema 001',
      `${(rate(raw) / rate(schema001)).toFixed(2)} × (wall), ${(perCpuSecond(raw) / perCpuSecond(schema001)).toFixed(2)} × (CPU)`,
    );
  }

  const { store, accountIds } = freshStore(file, accountSids);
  const batched = writeThroughStore(store, plan, accountIds, 'batched', tick);
  writeRow('store: saveFetchedRequests (batched)', batched, raw);
  if (!args['no-per-request']) {
    const perRequestFile = join(dir, 'per-request.sqlite');
    const perRequestSetup = freshStore(perRequestFile, accountSids);
    const perRequest = writeThroughStore(
      perRequestSetup.store,
      plan,
      perRequestSetup.accountIds,
      'per-request',
      tick,
    );
    perRequestSetup.store.close();
    writeRow('store: saveFetchedRequest, one transaction a request', perRequest, raw);
  }
  for (const extra of ['raw-001.sqlite', 'raw.sqlite', 'raw-multi.sqlite', 'per-request.sqlite']) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, extra + suffix), { force: true });
  }
  if (args['writes-only']) {
    store.close();
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const accounts = accountIds.map((id) => ({ id }));
  const accountFor = (i: number): { id: string; accountSid: string } => ({
    id: must(accountIds[i % accountIds.length], 'account'),
    accountSid: must(accountSids[i % accountSids.length], 'account SID'),
  });
  const firstBig = new Portfolio().request(0, BIG_SIZE, must(accountSids[0], 'account SID'));
  const bigRequests: PortInRequest[] = [firstBig];
  const numbersWritten = batched.numbers;
  const portfolio = new Portfolio(20261128);

  // Small requests: 1–5 numbers, first listed (summary) then fetched, as sync does.
  const started = process.hrtime.bigint();
  let smallNumbers = 0;
  const smallRequests: PortInRequest[] = [];
  for (let i = 0; i < SMALL_REQUESTS; i += 1) {
    const account = accountFor(i);
    const request = portfolio.request(BIG_REQUESTS + i, 1 + (i % 5), account.accountSid);
    const observedAt = tick();
    store.transaction(() => {
      store.requests.upsertSummary(
        account.id,
        {
          sid: request.sid,
          status: request.status,
          statusUpdatedAt: null,
          numbersRequested: request.phoneNumbers.length,
          numbersPorted: 0,
          suggestedAction: null,
        },
        observedAt,
      );
      store.requests.saveFetchedRequest(account.id, request, observedAt);
    });
    smallNumbers += request.phoneNumbers.length;
    if (smallRequests.length < 200) smallRequests.push(request);
  }
  const smallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  record(
    `list + fetch ${SMALL_REQUESTS} small requests (${smallNumbers} numbers)`,
    `${smallSeconds.toFixed(1)} s, ${Math.round(SMALL_REQUESTS / smallSeconds).toLocaleString('en-US')} requests/s`,
  );

  // A few local things so the list's outbox and draft joins have rows to find.
  for (let i = 0; i < 50; i += 1) {
    const request = smallRequests[i];
    if (!request) break;
    const accountId = accountFor(i).id;
    const draft = store.drafts.create({ accountId, payload: { note: `draft ${i}` } });
    store.drafts.update(draft.id, { status: 'submitted', requestSid: request.sid });
    const item = store.outbox.enqueue({
      accountId,
      kind: 'cancel_port_in',
      payload: { requestSid: request.sid },
      requestSid: request.sid,
    });
    if (i % 5 === 0) store.outbox.update(item.id, { state: 'failed' });
  }

  const totalNumbers = numbersWritten + smallNumbers;
  store.close();
  record(
    `file size (${(BIG_REQUESTS + SMALL_REQUESTS).toLocaleString('en-US')} requests, ${totalNumbers.toLocaleString('en-US')} numbers)`,
    `${(fileSize(file) / 1024 / 1024).toFixed(0)} MiB`,
  );

  // Reopen: queries run the way the app runs them after start-up.
  const reopened = openStore({ file });
  // A second connection with another page cache: the same reads, side by side.
  const other = CACHE_MIB === undefined ? null : openStore({ file, cacheMiB: CACHE_MIB });
  const sample = must(smallRequests[17] ?? bigRequests[0], 'sample request');
  const sampleNumber = must(sample.phoneNumbers[0], 'sample number').phoneNumber;
  const lastSeven = sampleNumber.slice(-7);
  const formatted = `(${sampleNumber.slice(2, 5)}) ${sampleNumber.slice(5, 8)}-${sampleNumber.slice(8)}`;
  const formattedStart = `(${sampleNumber.slice(2, 5)}) ${sampleNumber.slice(5, 8)}`;
  const middle = sampleNumber.slice(4, 9);
  const areaCode = sampleNumber.slice(2, 5);
  const numberSidPrefix = must(sample.phoneNumbers[0], 'sample number').sid.slice(0, 10);
  const customerWord = 'dental';
  const customerRare = sample.losingCarrier.customerName.slice(2, 14).toUpperCase();
  const sidPrefix = sample.sid.slice(0, 8);

  const queries: [string, RequestListQuery][] = [
    ['list: default sort, first page of 100', {}],
    ['list: status = in_progress', { statuses: ['in_progress'] }],
    ['list: needs attention', { needsAttention: true }],
    ['list: one account', { accountIds: [must(accounts[1], 'second account').id] }],
    [`list: search phone digits "${lastSeven}"`, { search: lastSeven }],
    [`list: search "${formatted}"`, { search: formatted }],
    [`list: search the start "${formattedStart}"`, { search: formattedStart }],
    [`list: search the middle "${middle}"`, { search: middle }],
    [`list: search 3 digits "${areaCode}" (many hits)`, { search: areaCode }],
    [`list: search number SID prefix "${numberSidPrefix}"`, { search: numberSidPrefix }],
    [`list: search customer "${customerWord}" (many hits)`, { search: customerWord }],
    [`list: search customer "${customerRare}"`, { search: customerRare }],
    [`list: search SID prefix "${sidPrefix}"`, { search: sidPrefix }],
    ['list: sort by customer', { sort: { field: 'customerName', direction: 'asc' } }],
    ['list: sort by status', { sort: { field: 'status', direction: 'asc' } }],
    ['list: sort by target date', { sort: { field: 'targetPortInDate', direction: 'asc' } }],
    ['list: page at offset 9,000', { offset: 9000 }],
  ];
  for (const [what, query] of queries) {
    const page = reopened.requests.listRequests(query);
    record(
      `${what} [${page.total} hits]`,
      latency(timeRepeated(RUNS, () => reopened.requests.listRequests(query))),
    );
    if (other) {
      record(
        `– with a ${CACHE_MIB} MiB page cache`,
        latency(timeRepeated(RUNS, () => other.requests.listRequests(query))),
      );
    }
  }
  record('counts (filter badges)', latency(timeRepeated(RUNS, () => reopened.requests.counts())));
  const big = must(bigRequests[0], 'big request');
  record(
    `getRequest, ${BIG_SIZE}-number request`,
    latency(timeRepeated(Math.min(RUNS, 50), () => reopened.requests.getRequest(big.sid))),
  );
  if (other) {
    record(
      `– with a ${CACHE_MIB} MiB page cache`,
      latency(timeRepeated(Math.min(RUNS, 50), () => other.requests.getRequest(big.sid))),
    );
    other.close();
  }
  record(
    'dueForFetch(now, 50)',
    latency(timeRepeated(RUNS, () => reopened.requests.dueForFetch('2027-01-01T00:00:00Z', 50))),
  );

  // Re-saving a 1,000-number request: unchanged (the common poll), and with 50 numbers moved.
  const accountId = accountFor(0).id;
  record(
    `saveFetchedRequest, ${BIG_SIZE}-number request unchanged`,
    latency(timeRepeated(20, () => reopened.requests.saveFetchedRequest(accountId, big, tick()))),
  );
  let flip = false;
  record(
    `saveFetchedRequest, ${BIG_SIZE}-number request, 50 numbers changed`,
    latency(
      timeRepeated(20, () => {
        flip = !flip;
        const changed: PortInRequest = {
          ...big,
          phoneNumbers: big.phoneNumbers.map((number, index) =>
            index < 50
              ? { ...number, status: normaliseNumberStatus(flip ? 'pending' : 'submitted') }
              : number,
          ),
        };
        reopened.requests.saveFetchedRequest(accountId, changed, tick());
      }),
    ),
  );
  reopened.close();

  compareCustomerSearch(file, customerWord, RUNS);
  benchFeed({ runs: RUNS, record });

  console.log('\n| What | Figure |\n| --- | --- |');
  for (const row of table) console.log(`| ${row.what} | ${row.figure} |`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/store.json', JSON.stringify(table, null, 2));

  if (args.keep) console.log(`\nKept ${file}`);
  else rmSync(dir, { recursive: true, force: true });
}

main();

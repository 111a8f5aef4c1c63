/**
 * Sync bench: the first sync of an account with 1,000 requests (mostly small, some with 1,000
 * numbers) against the simulator with a fixed latency, then a second sync with nothing changed.
 * The simulator runs in its own process, so the CPU figures are the engine's, the client's and
 * SQLite's only. A "client only" row makes the same calls and saves nothing: the part of the
 * wall time that is the simulator's and the network's. Prints a table; the figures are recorded
 * in docs/benchmarks.md (## Sync).
 *
 *   npm run bench:sync -- [--latency 20] [--small 980] [--large 20] [--concurrency 4,8,16]
 *     [--profile first-sync.cpuprofile (a CPU profile of the first sync at the first concurrency)]
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../../main/core/store';
import { DISCOVERY_PAGE_SIZE } from '../../main/core/sync/discovery';
import { createSyncEngine } from '../../main/core/sync/engine';
import { PortingClient } from '../../main/core/twilio';
import { controlClient } from '../../main/simulator/index';
import { startSimulatorChild, type SimulatorChild } from '../client/simulatorChild';

const { values: args } = parseArgs({
  options: {
    latency: { type: 'string', default: '20' },
    small: { type: 'string', default: '980' },
    large: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '4,8,16' },
    profile: { type: 'string' },
  },
});
const latencyMs = Number(args.latency);
const smallRequests = Number(args.small);
const largeRequests = Number(args.large);
const concurrencies = args.concurrency.split(',').map(Number);
const totalRequests = smallRequests + largeRequests;
let profileFile = args.profile;

/** Runs `fn` under the V8 CPU profiler when a profile is asked for and not yet taken. */
async function profiled<T>(fn: () => Promise<T>): Promise<T> {
  if (profileFile === undefined) return fn();
  const file = profileFile;
  profileFile = undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`CPU profile of the first sync: ${file}`);
  }
}

const LIST = 'GET /v1/Porting/PortIn/PortInRequests';
const FETCH = 'GET /v1/Porting/PortIn/{PortInRequestSid}';

interface Row {
  run: string;
  concurrency: number;
  wallMs: number;
  listCalls: number;
  fetchCalls: number;
  events: number;
  cpuMs: number;
  dbMiB: number | null;
  /** Outermost store.transaction calls: commits (discovery pages and write batches). */
  transactions: number | null;
}

/** Pages are read one after another; fetches run `concurrency` at a time. */
function latencyBoundMs(row: Row): number | null {
  if (row.fetchCalls === 0) return null;
  return (row.listCalls + Math.ceil(row.fetchCalls / row.concurrency)) * latencyMs;
}

async function callLog(sim: SimulatorChild): Promise<Record<string, number>> {
  const state = await controlClient(sim).json<{ callLog: Record<string, number> }>('GET', '/state');
  return state.callLog;
}

function clientFor(sim: SimulatorChild): PortingClient {
  return new PortingClient({
    credentials: { username: sim.apiKeySid, password: sim.apiKeySecret },
    accountSid: sim.accountSid,
    baseUrl: sim.url,
    uploadBaseUrl: sim.uploadUrl,
  });
}

function cpuMsSince(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** The same calls as a first sync, nothing saved. */
async function clientOnly(sim: SimulatorChild, concurrency: number): Promise<Row> {
  const client = clientFor(sim);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const sids: string[] = [];
  let listCalls = 0;
  let token: string | undefined;
  do {
    const page = await client.listPortInsPage({ size: DISCOVERY_PAGE_SIZE, token });
    listCalls += 1;
    sids.push(...page.requests.map((request) => request.sid));
    token = page.nextToken ?? undefined;
  } while (token !== undefined);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < sids.length) {
        const sid = sids[next] ?? '';
        next += 1;
        await client.fetchPortIn(sid);
      }
    }),
  );
  const wallMs = performance.now() - started;
  const cpuMs = cpuMsSince(cpuBefore);
  await client.close();
  return {
    run: 'client only, nothing saved',
    concurrency,
    wallMs,
    listCalls,
    fetchCalls: sids.length,
    events: 0,
    cpuMs,
    dbMiB: null,
    transactions: null,
  };
}

/** A fresh database, a first sync and a second one with nothing changed. */
async function engineRuns(sim: SimulatorChild, concurrency: number): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'portdesk-bench-sync-'));
  const file = join(dir, 'portdesk.db');
  const store = openStore({ file });
  // Counts commits: every write of the sync goes through one of these two.
  let transactions = 0;
  let depth = 0;
  const counted =
    (run: <T>(fn: () => T) => T) =>
    <T>(fn: () => T): T => {
      if (depth === 0) transactions += 1;
      depth += 1;
      try {
        return run(fn);
      } finally {
        depth -= 1;
      }
    };
  store.transaction = counted(store.transaction.bind(store));
  store.flatTransaction = counted(store.flatTransaction.bind(store));
  const client = clientFor(sim);
  const account = store.accounts.insert({
    label: 'Bench',
    accountSid: sim.accountSid,
    keySid: sim.apiKeySid,
    credentialKind: 'api_key',
    kind: 'simulator',
    baseUrl: sim.url,
    uploadBaseUrl: sim.uploadUrl,
  });
  const engine = createSyncEngine({
    store,
    clients: {
      clientFor: async () => client,
      invalidate: async () => undefined,
      closeAll: () => client.close(),
    },
    settings: () => ({ syncCadenceMinutes: 5 }),
    concurrency,
    readDocumentBytes: () => Promise.reject(new Error('the bench uploads nothing')),
  });

  const rows: Row[] = [];
  for (const run of ['first sync', 'second sync, nothing changed']) {
    const callsBefore = await callLog(sim);
    const transactionsBefore = transactions;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const result =
      run === 'first sync'
        ? await profiled(() => engine.runCycle(account.id))
        : await engine.runCycle(account.id);
    const wallMs = performance.now() - started;
    const cpuMs = cpuMsSince(cpuBefore);
    const callsAfter = await callLog(sim);
    if (result.outcome !== 'ok') {
      throw new Error(`${run}: ${result.outcome}: ${result.message ?? ''}`);
    }
    rows.push({
      run,
      concurrency,
      wallMs,
      listCalls: (callsAfter[LIST] ?? 0) - (callsBefore[LIST] ?? 0),
      fetchCalls: (callsAfter[FETCH] ?? 0) - (callsBefore[FETCH] ?? 0),
      events: result.events.length,
      cpuMs,
      dbMiB: null,
      transactions: transactions - transactionsBefore,
    });
  }
  await client.close();
  // Closing checkpoints the WAL into the file: its size is then what the data takes.
  store.close();
  const dbMiB = statSync(file).size / (1024 * 1024);
  for (const row of rows) row.dbMiB = dbMiB;
  rmSync(dir, { recursive: true, force: true });
  return rows;
}

async function main(): Promise<void> {
  const sim = await startSimulatorChild(['--seed', 'bench-sync']);
  try {
    await sim.control('POST', '/seed', { requests: smallRequests, numbersPerRequest: 3 });
    await sim.control('POST', '/seed', { requests: largeRequests, numbersPerRequest: 1000 });
    // Frozen clock: nothing changes between the two syncs.
    await sim.control('POST', '/clock/accelerate', { factor: 1e-9 });
    await sim.control('POST', '/faults', { kind: 'latency', ms: latencyMs });

    console.log(
      `Sync bench: ${smallRequests} requests × 3 numbers + ${largeRequests} × 1,000 numbers, ` +
        `${latencyMs} ms latency per call, list pages of ${DISCOVERY_PAGE_SIZE}`,
    );
    const rows: Row[] = [];
    for (const concurrency of concurrencies) {
      rows.push(await clientOnly(sim, concurrency));
      rows.push(...(await engineRuns(sim, concurrency)));
    }
    console.table(
      rows.map((row) => {
        const bound = latencyBoundMs(row);
        // The client-only row of the same concurrency: what the network and the client cost.
        const alone = rows.find(
          (other) => other.concurrency === row.concurrency && other.run.startsWith('client only'),
        );
        const versusAlone = alone !== undefined && alone !== row && row.fetchCalls > 0;
        return {
          run: row.run,
          concurrency: row.concurrency,
          'wall ms': Math.round(row.wallMs),
          'latency bound ms': bound ?? '—',
          'wall / bound': bound === null ? '—' : (row.wallMs / bound).toFixed(2),
          'wall / client only': versusAlone ? (row.wallMs / alone.wallMs).toFixed(3) : '—',
          'list calls': row.listCalls,
          'fetch calls': row.fetchCalls,
          events: row.events,
          'CPU ms': Math.round(row.cpuMs),
          'CPU ms / request': (row.cpuMs / totalRequests).toFixed(2),
          'CPU over client only, ms / request': versusAlone
            ? ((row.cpuMs - alone.cpuMs) / totalRequests).toFixed(2)
            : '—',
          transactions: row.transactions ?? '—',
          'DB MiB': row.dbMiB === null ? '—' : row.dbMiB.toFixed(1),
        };
      }),
    );
  } finally {
    await sim.stop();
  }
}

await main();

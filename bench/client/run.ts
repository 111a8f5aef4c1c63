/**
 * Client bench: `fetchPortIn` against the simulator (in a child process, so only the client's
 * CPU is counted) with a fixed latency fault, at several concurrencies, for PortDesk's client and
 * for the official `twilio` SDK. Prints a table and writes bench/results/client.json.
 *
 *   npm run bench:client -- [--latency 20] [--calls 2000] [--serial-calls 300] [--requests 50]
 *                            [--repeat 3]
 *
 * Each scenario runs --repeat times, interleaved with the others, and the fastest run is shown:
 * the build machines are shared, and the fastest run is the one least disturbed by neighbours.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import twilio from 'twilio';
import { Agent } from 'undici';
import { PortingClient } from '../../main/core/twilio';
import { startSimulatorChild } from './simulatorChild';

const { values: args } = parseArgs({
  options: {
    latency: { type: 'string', default: '20' },
    calls: { type: 'string', default: '2000' },
    'serial-calls': { type: 'string', default: '300' },
    requests: { type: 'string', default: '50' },
    repeat: { type: 'string', default: '3' },
  },
});
const latencyMs = Number(args.latency);
const calls = Number(args.calls);
const serialCalls = Number(args['serial-calls']);
const seededRequests = Number(args.requests);
const repeat = Math.max(1, Number(args.repeat));

/** Concurrency 32 needs 32 sockets; the app's default pool is 16 (shown in its own row). */
const BENCH_CONNECTIONS = 32;

const BARE = 'undici, no parsing';

type FetchOne = (sid: string) => Promise<{ sid: string }>;

interface Scenario {
  name: string;
  fetchOne: FetchOne;
  concurrency: number;
  total: number;
}

interface Row {
  client: string;
  calls: number;
  concurrency: number;
  wallMs: number;
  boundMs: number;
  ratio: number;
  cpuMsPerCall: number;
}

async function measure(
  client: string,
  fetchOne: FetchOne,
  sids: string[],
  concurrency: number,
  total: number,
  latency: number,
): Promise<Row> {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const index = next;
      next += 1;
      const sid = sids[index % sids.length] ?? '';
      const answer = await fetchOne(sid);
      if (answer.sid !== sid) throw new Error(`${client} fetched ${answer.sid} for ${sid}`);
    }
  };
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const boundMs = (total * latency) / concurrency;
  return {
    client,
    calls: total,
    concurrency,
    wallMs,
    boundMs,
    ratio: boundMs === 0 ? Number.NaN : wallMs / boundMs,
    cpuMsPerCall: (cpu.user + cpu.system) / 1000 / total,
  };
}

/** Wall / the bare-undici row at the same concurrency of the same run (the issue's measure). */
function wallOverUndici(row: Row, rows: Row[]): string {
  const floor = rows.find((r) => r.client === BARE && r.concurrency === row.concurrency);
  return floor === undefined ? '-' : (row.wallMs / floor.wallMs).toFixed(3);
}

function printTable(title: string, rows: Row[]): void {
  const header = [
    'client',
    'calls',
    'conc.',
    'wall ms',
    'bound ms',
    'ratio',
    '× undici',
    'CPU ms/call',
  ];
  const cells = rows.map((r) => [
    r.client,
    String(r.calls),
    String(r.concurrency),
    r.wallMs.toFixed(0),
    r.boundMs === 0 ? '-' : r.boundMs.toFixed(0),
    Number.isNaN(r.ratio) ? '-' : r.ratio.toFixed(3),
    wallOverUndici(r, rows),
    r.cpuMsPerCall.toFixed(3),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((v, i) => v.padStart(widths[i] ?? 0)).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  for (const c of cells) console.log(line(c));
}

async function main(): Promise<void> {
  const sim = await startSimulatorChild(['--seed', '1']);
  const portDesk = new PortingClient({
    credentials: { username: sim.apiKeySid, password: sim.apiKeySecret },
    accountSid: sim.accountSid,
    baseUrl: sim.url,
    uploadBaseUrl: sim.uploadUrl,
    connections: BENCH_CONNECTIONS,
  });
  const portDeskDefaultPool = new PortingClient({
    credentials: { username: sim.apiKeySid, password: sim.apiKeySecret },
    accountSid: sim.accountSid,
    baseUrl: sim.url,
  });
  const sdk = twilio(sim.accountSid, sim.authToken);
  // The SDK builds every Numbers URL from this domain's baseUrl (lib/base/Domain.js absoluteUrl).
  sdk.numbers.baseUrl = sim.url;

  // What the transport alone costs: the same request on a bare undici Agent, body read, not parsed.
  const bare = new Agent({ connections: BENCH_CONNECTIONS });
  const authorization = `Basic ${Buffer.from(`${sim.apiKeySid}:${sim.apiKeySecret}`).toString('base64')}`;
  const bareFetch: FetchOne = async (sid) => {
    const response = await bare.request({
      origin: sim.url,
      path: `/v1/Porting/PortIn/${sid}`,
      method: 'GET',
      headers: { authorization, accept: 'application/json' },
    });
    await response.body.text();
    return { sid };
  };

  const clients: [string, FetchOne][] = [
    [BARE, bareFetch],
    ['portdesk', (sid) => portDesk.fetchPortIn(sid)],
    [
      'twilio-sdk',
      (sid) =>
        sdk.numbers.v1
          .portingPortIns(sid)
          .fetch()
          .then((r) => ({ sid: r.portInRequestSid })),
    ],
  ];

  try {
    const seeded = (await sim.control('POST', '/seed', {
      requests: seededRequests,
      numbersPerRequest: 3,
    })) as { requestSids: string[] };
    const sids = seeded.requestSids;

    for (const [name, fetchOne] of clients) await measure(name, fetchOne, sids, 8, 200, 0);
    await measure('portdesk-16', (sid) => portDeskDefaultPool.fetchPortIn(sid), sids, 8, 200, 0);

    const floorScenarios: Scenario[] = clients.map(([name, fetchOne]) => ({
      name,
      fetchOne,
      concurrency: 1,
      total: serialCalls,
    }));
    const latencyScenarios: Scenario[] = [
      ...clients.flatMap(([name, fetchOne]) => [
        { name, fetchOne, concurrency: 1, total: serialCalls },
        { name, fetchOne, concurrency: 8, total: calls },
        { name, fetchOne, concurrency: 32, total: calls },
      ]),
      {
        name: 'portdesk, default pool (16)',
        fetchOne: (sid) => portDeskDefaultPool.fetchPortIn(sid),
        concurrency: 32,
        total: calls,
      },
    ];
    const fastestOf = async (list: Scenario[], latency: number): Promise<Row[]> => {
      const best = new Map<Scenario, Row>();
      for (let run = 0; run < repeat; run += 1) {
        for (const scenario of list) {
          const { name, fetchOne, concurrency, total } = scenario;
          const row = await measure(name, fetchOne, sids, concurrency, total, latency);
          const kept = best.get(scenario);
          if (kept === undefined || row.wallMs < kept.wallMs) best.set(scenario, row);
        }
      }
      return list.flatMap((scenario) => best.get(scenario) ?? []);
    };

    const floor = await fastestOf(floorScenarios, 0);
    await sim.control('POST', '/faults', { kind: 'latency', ms: latencyMs });
    const rows = await fastestOf(latencyScenarios, latencyMs);

    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
    console.log(`fetchPortIn against the simulator (child process), ${machine}`);
    console.log(
      `PortDesk client with connections=${BENCH_CONNECTIONS}; ${seededRequests} seeded requests of 3 numbers; fastest of ${repeat} runs`,
    );
    printTable('No latency fault: raw round trip, concurrency 1', floor);
    printTable(
      `Latency fault ${latencyMs} ms on every call; bound = calls × latency / concurrency`,
      rows,
    );

    mkdirSync('bench/results', { recursive: true });
    writeFileSync(
      'bench/results/client.json',
      `${JSON.stringify({ date: new Date().toISOString(), machine, latencyMs, repeat, floor, rows }, null, 2)}\n`,
    );
  } finally {
    await Promise.all([portDesk.close(), portDeskDefaultPool.close(), bare.close()]);
    await sim.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

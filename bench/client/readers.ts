/**
 * Reader micro-bench: what reading one answer costs, without the network. The answers are the
 * simulator's own JSON (a list page of 100 rows, PortIns of 3 and of 1,000 numbers, as in the
 * sync bench), read side by side in one run by:
 *   - JSON.parse alone (the floor of any reader),
 *   - the zod path (JSON.parse + wireSchemas + wireToDomain, what every answer took before),
 *   - the client's reader (the fast path of fastReaders.ts, zod only when it defers).
 * Prints CPU µs per answer and per number, and checks that both readers give equal results.
 *
 *   npx tsx bench/client/readers.ts [--rounds 5] [--ms 400]
 */
import { deepStrictEqual } from 'node:assert';
import { parseArgs } from 'node:util';
import { fastPortInListPage, fastPortInRequest } from '../../main/core/twilio/fastReaders';
import { fastJson, json } from '../../main/core/twilio/responseReaders';
import type { ResponseReader } from '../../main/core/twilio/twilioCaller';
import { portInListWire, portInWire } from '../../main/core/twilio/wireSchemas';
import { toPortInRequest, toPortInRequestSummary } from '../../main/core/twilio/wireToDomain';
import { startSimulator } from '../../main/simulator';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    ms: { type: 'string', default: '400' },
  },
});
const rounds = Number(args.rounds);
const msPerMeasure = Number(args.ms);

interface Workload {
  name: string;
  bodies: string[];
  numbersPerBody: number;
}

type Reader = ResponseReader<unknown>;

const listToDomain = (wire: ReturnType<typeof portInListWire.parse>) => ({
  requests: wire.port_in_requests.map(toPortInRequestSummary),
  nextToken: wire.meta?.next_token ?? null,
});

async function captureBodies(): Promise<Workload[]> {
  const sim = await startSimulator({ seed: 'bench-sync' });
  try {
    const small = sim.control.seed({ requests: 100, numbersPerRequest: 3 }).requestSids;
    const large = sim.control.seed({ requests: 2, numbersPerRequest: 1000 }).requestSids;
    const { apiKeySid, apiKeySecret } = sim.credentials;
    const headers = {
      authorization: `Basic ${Buffer.from(`${apiKeySid}:${apiKeySecret}`).toString('base64')}`,
      accept: 'application/json',
    };
    const get = async (path: string): Promise<string> => {
      const response = await fetch(`${sim.url}${path}`, { headers });
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return response.text();
    };
    const fetchAll = (sids: string[]) =>
      Promise.all(sids.map((sid) => get(`/v1/Porting/PortIn/${sid}`)));
    return [
      {
        name: 'list page, 100 rows',
        bodies: [await get('/v1/Porting/PortIn/PortInRequests?Size=100')],
        numbersPerBody: 0,
      },
      { name: 'PortIn, 3 numbers', bodies: await fetchAll(small), numbersPerBody: 3 },
      { name: 'PortIn, 1,000 numbers', bodies: await fetchAll(large), numbersPerBody: 1000 },
    ];
  } finally {
    await sim.close();
  }
}

/** CPU µs per answer: as many passes over the bodies as fit in `msPerMeasure`. */
function measure(reader: Reader, bodies: string[]): number {
  const responses = bodies.map((text) => ({ status: 200, headers: {}, text }));
  let answers = 0;
  const before = process.cpuUsage();
  const started = performance.now();
  do {
    for (const response of responses) reader(response);
    answers += responses.length;
  } while (performance.now() - started < msPerMeasure);
  const cpu = process.cpuUsage(before);
  return (cpu.user + cpu.system) / answers;
}

async function main(): Promise<void> {
  const workloads = await captureBodies();
  const parseOnly: Reader = (response) => JSON.parse(response.text) as unknown;
  const readers: Record<string, [zod: Reader, fast: Reader]> = {
    'list page, 100 rows': [
      json(portInListWire, listToDomain),
      fastJson(portInListWire, listToDomain, fastPortInListPage),
    ],
    'PortIn, 3 numbers': [
      json(portInWire, toPortInRequest),
      fastJson(portInWire, toPortInRequest, fastPortInRequest),
    ],
    'PortIn, 1,000 numbers': [
      json(portInWire, toPortInRequest),
      fastJson(portInWire, toPortInRequest, fastPortInRequest),
    ],
  };

  const rows = [];
  for (const workload of workloads) {
    const [zodReader, fastReader] = readers[workload.name] ?? [];
    if (zodReader === undefined || fastReader === undefined) throw new Error(workload.name);
    for (const text of workload.bodies) {
      const response = { status: 200, headers: {}, text };
      deepStrictEqual(fastReader(response), zodReader(response));
    }
    const best = { parse: Infinity, zod: Infinity, fast: Infinity };
    for (let round = 0; round < rounds; round += 1) {
      best.parse = Math.min(best.parse, measure(parseOnly, workload.bodies));
      best.zod = Math.min(best.zod, measure(zodReader, workload.bodies));
      best.fast = Math.min(best.fast, measure(fastReader, workload.bodies));
    }
    const perNumber = (us: number) =>
      workload.numbersPerBody === 0 ? '—' : (us / workload.numbersPerBody).toFixed(2);
    const kib = workload.bodies.reduce((sum, body) => sum + body.length, 0) / 1024;
    rows.push({
      answer: workload.name,
      'KiB each': (kib / workload.bodies.length).toFixed(1),
      'JSON.parse µs': best.parse.toFixed(1),
      'zod path µs': best.zod.toFixed(1),
      'fast path µs': best.fast.toFixed(1),
      'zod / fast': (best.zod / best.fast).toFixed(2),
      'zod µs/number': perNumber(best.zod),
      'fast µs/number': perNumber(best.fast),
    });
  }
  console.log(`Reader micro-bench, Node ${process.version}; CPU µs per answer, best of ${rounds}`);
  console.table(rows);
}

await main();

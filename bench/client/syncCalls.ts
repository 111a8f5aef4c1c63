/**
 * The client's part of a first sync, alone (the sync bench's "client only" row, at one
 * concurrency), for profiling: `node --cpu-prof --import tsx bench/client/syncCalls.ts`.
 *
 *   npx tsx bench/client/syncCalls.ts [--small 980] [--large 20] [--concurrency 4] [--latency 20]
 */
import { parseArgs } from 'node:util';
import { PortingClient } from '../../main/core/twilio';
import { startSimulatorChild } from './simulatorChild';

const { values: args } = parseArgs({
  options: {
    small: { type: 'string', default: '980' },
    large: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '4' },
    latency: { type: 'string', default: '20' },
  },
});

async function main(): Promise<void> {
  const sim = await startSimulatorChild(['--seed', 'bench-sync']);
  try {
    await sim.control('POST', '/seed', { requests: Number(args.small), numbersPerRequest: 3 });
    await sim.control('POST', '/seed', { requests: Number(args.large), numbersPerRequest: 1000 });
    await sim.control('POST', '/clock/accelerate', { factor: 1e-9 });
    await sim.control('POST', '/faults', { kind: 'latency', ms: Number(args.latency) });
    const client = new PortingClient({
      credentials: { username: sim.apiKeySid, password: sim.apiKeySecret },
      accountSid: sim.accountSid,
      baseUrl: sim.url,
      uploadBaseUrl: sim.uploadUrl,
    });
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const sids: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.listPortInsPage({ size: 100, token });
      for (const request of page.requests) sids.push(request.sid);
      token = page.nextToken ?? undefined;
    } while (token !== undefined);
    let next = 0;
    let numbers = 0;
    await Promise.all(
      Array.from({ length: Number(args.concurrency) }, async () => {
        while (next < sids.length) {
          const sid = sids[next] ?? '';
          next += 1;
          const request = await client.fetchPortIn(sid);
          numbers += request.phoneNumbers.length;
        }
      }),
    );
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    await client.close();
    console.log(
      `${sids.length} requests, ${numbers} numbers: wall ${wallMs.toFixed(0)} ms, ` +
        `CPU ${cpuMs.toFixed(0)} ms (user ${(cpu.user / 1000).toFixed(0)}, system ${(cpu.system / 1000).toFixed(0)}) = ${(cpuMs / sids.length).toFixed(3)} ms/request`,
    );
  } finally {
    await sim.stop();
  }
}

await main();

/**
 * Simulator snapshot bench: how big the saved world is and what saving and restoring cost, for
 * the demo data set and for larger worlds (docs/simulator.md, "Snapshots").
 *
 *   npx tsx bench/simulator/snapshot.ts [--runs 15] [--requests 1000] [--numbers 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  readSnapshotFile,
  startSimulator,
  writeSnapshotFile,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../main/simulator';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    requests: { type: 'string', default: '1000' },
    numbers: { type: 'string', default: '3' },
  },
});
const RUNS = Number(args.runs);
const REQUESTS = Number(args.requests);
const NUMBERS = Number(args.numbers);

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}

async function timed(runs: number, fn: () => unknown): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

interface Scenario {
  name: string;
  options: SimulatorOptions;
  seed?: { requests: number; numbersPerRequest: number };
}

const scenarios: Scenario[] = [
  { name: 'demo data set', options: { demo: true } },
  {
    name: `${REQUESTS} requests × ${NUMBERS} numbers`,
    options: {},
    seed: { requests: REQUESTS, numbersPerRequest: NUMBERS },
  },
  {
    name: `demo + ${REQUESTS} requests × ${NUMBERS} numbers`,
    options: { demo: true },
    seed: { requests: REQUESTS, numbersPerRequest: NUMBERS },
  },
];

const dir = mkdtempSync(join(tmpdir(), 'portdesk-bench-snapshot-'));
const rows: Record<string, string | number>[] = [];
try {
  for (const scenario of scenarios) {
    const sim: RunningSimulator = await startSimulator({ seed: 'bench', ...scenario.options });
    if (scenario.seed) sim.control.seed(scenario.seed);
    const file = join(dir, 'world.json');
    const snapshot = sim.snapshot();
    const bytes = await writeSnapshotFile(file, snapshot);
    const snapshotMs = await timed(RUNS, () => sim.snapshot());
    const stringifyMs = await timed(RUNS, () => JSON.stringify(snapshot));
    const writeMs = await timed(RUNS, () => writeSnapshotFile(file, sim.snapshot()));
    const readMs = await timed(RUNS, () => readSnapshotFile(file, console.error));
    const restoreMs = await timed(RUNS, async () => {
      const restored = await startSimulator({ restore: snapshot });
      await restored.close();
    });
    await sim.close();
    rows.push({
      world: scenario.name,
      requests: snapshot.requests.length,
      numbers: snapshot.requests.reduce((sum, request) => sum + request.numbers.length, 0),
      events: snapshot.events.length,
      'file KB': Math.round(bytes / 1024),
      'snapshot() ms': snapshotMs.toFixed(1),
      'stringify ms': stringifyMs.toFixed(1),
      'save ms (snapshot+write+fsync)': writeMs.toFixed(1),
      'read+check ms': readMs.toFixed(1),
      'restore start ms': restoreMs.toFixed(1),
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`Simulator snapshots (median of ${RUNS} runs, Node ${process.version})`);
console.table(rows);

/**
 * Memory bench: main's memory with a big desk open (issue 13: ≤ 250 MB RSS). Builds a store
 * with 10,000 requests and 1,027,000 numbers in a child process (build.ts), then measures each
 * page cache size in a fresh process of its own on a fresh copy of that file (measure.ts: a sync
 * with nothing changed, the list's queries, the biggest request opened), and prints them side by
 * side. The process baseline (Node with the tsx loader, before the store opens) is printed too:
 * Electron's main has its own.
 *
 *   npm run bench:memory -- [--big 1000] [--small 9000] [--cache 64,32,16]
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    big: { type: 'string', default: '1000' },
    small: { type: 'string', default: '9000' },
    cache: { type: 'string', default: '64,32,16' },
  },
});

interface Measurement {
  cacheMiB: number;
  rows: { step: string; rss: string; heapUsed: string; heapAfterGc: string; external: string }[];
  peakRssMiB: number;
}

const dir = mkdtempSync(join(tmpdir(), 'portdesk-bench-memory-'));
const built = join(dir, 'built.sqlite');
try {
  console.log(`Building the desk in ${built} (a child process)…`);
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'bench/memory/build.ts', built, args.big, args.small],
    {
      stdio: 'inherit',
    },
  );
  const results: Measurement[] = [];
  for (const cacheMiB of args.cache.split(',').map(Number)) {
    const file = join(dir, `cache-${cacheMiB}.sqlite`);
    copyFileSync(built, file);
    copyFileSync(`${built}.summaries.jsonl`, `${file}.summaries.jsonl`);
    const output = execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'bench/memory/measure.ts', file, String(cacheMiB)],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines = output.trim().split('\n');
    console.log(lines.slice(0, -1).join('\n'));
    results.push(JSON.parse(lines.at(-1) ?? '{}') as Measurement);
    for (const suffix of ['', '-wal', '-shm', '.summaries.jsonl'])
      rmSync(file + suffix, { force: true });
  }

  const steps = results[0]?.rows.map((row) => row.step) ?? [];
  const header = results.map((r) => `cache ${r.cacheMiB} MiB: RSS / heap (after GC)`);
  console.log(`\n| Step | ${header.join(' | ')} |\n| --- |${results.map(() => ' --: |').join('')}`);
  steps.forEach((step, index) => {
    const cells = results.map((r) => {
      const row = r.rows[index];
      return row ? `${row.rss} / ${row.heapUsed} (${row.heapAfterGc})` : '—';
    });
    console.log(`| ${step} | ${cells.join(' | ')} |`);
  });
  console.log(
    `| **peak RSS** | ${results.map((r) => `**${r.peakRssMiB.toFixed(1)}**`).join(' | ')} |`,
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/memory.json', JSON.stringify(results, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

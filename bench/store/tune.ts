/**
 * Connection settings for bulk writes, measured side by side: the raw write of the store bench
 * (same schema, same batches) under several `wal_autocheckpoint` and `cache_size` values, each
 * into a fresh file, interleaved over `--rounds` so load changes hit every setting alike.
 *
 *   npx tsx bench/store/tune.ts [--requests 300] [--rounds 2] [--only 0,1,4 (setting indexes)]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freshStore, rate, writeRaw, type WriteFigures } from './bulkWrite';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '2' },
    only: { type: 'string' },
  },
});

const SETTINGS: { name: string; pragmas: string[] }[] = [
  { name: 'store (checkpoint 10,000 pages, cache 16 MiB)', pragmas: [] },
  { name: 'checkpoint 1,000 pages (SQLite default)', pragmas: ['wal_autocheckpoint = 1000'] },
  { name: 'checkpoint 40,000 pages', pragmas: ['wal_autocheckpoint = 40000'] },
  { name: 'cache 64 MiB', pragmas: ['cache_size = -65536'] },
  { name: 'cache 32 MiB', pragmas: ['cache_size = -32768'] },
  { name: 'cache 16 MiB', pragmas: ['cache_size = -16384'] },
  { name: 'cache 2 MiB (SQLite default)', pragmas: ['cache_size = -2000'] },
];

const chosen = args.only
  ? SETTINGS.filter((_, index) => args.only?.split(',').includes(String(index)))
  : SETTINGS;
const dir = mkdtempSync(join(tmpdir(), 'portdesk-bench-tune-'));
const accountSids = [1, 2].map((i) => `AC${String(i).padStart(32, '0')}`);
const plan = { requests: Number(args.requests), size: 1000, accountSids };
const results = new Map<string, WriteFigures[]>();
let clock = Date.parse('2026-11-27T08:00:00Z');
const tick = (): string => new Date((clock += 1000)).toISOString();
for (let round = 0; round < Number(args.rounds); round += 1) {
  for (const setting of chosen) {
    const file = join(dir, `tune-${round}.sqlite`);
    const { store, accountIds } = freshStore(file, accountSids);
    store.close();
    const figures = writeRaw(file, plan, accountIds, tick, setting.pragmas);
    results.set(setting.name, [...(results.get(setting.name) ?? []), figures]);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    console.log(
      `  ${setting.name}: ${Math.round(rate(figures)).toLocaleString('en-US')} numbers/s, CPU ${((figures.cpuSeconds / figures.numbers) * 1e6).toFixed(1)} µs a number`,
    );
  }
}
const baseline = results.get(SETTINGS[0]?.name ?? '') ?? [];
const best = (list: WriteFigures[]): number => Math.max(...list.map(rate));
console.log('\n| Setting | best numbers/s | × store setting |\n| --- | --: | --: |');
for (const setting of chosen) {
  const list = results.get(setting.name) ?? [];
  console.log(
    `| ${setting.name} | ${Math.round(best(list)).toLocaleString('en-US')} | ${(best(list) / best(baseline)).toFixed(2)} |`,
  );
}
rmSync(dir, { recursive: true, force: true });

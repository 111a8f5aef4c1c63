/**
 * bench:export — CSV export of 1,000,000 numbers (docs/benchmarks.md, "Export"). Seeds a store
 * with 1,000 requests × 1,000 numbers, then exports the numbers of every request twice: to a
 * file as Electron's save dialog does (saveCsvFile), and through the browser host's one-time
 * download read by an HTTP client. Prints wall time, rows/s, file size and main's RSS growth
 * over the export (peak sampled every 20 ms, against the RSS after seeding). Budget (issue 11):
 * ≤ 15 s and ≤ 100 MB of RSS growth. Figures only, no asserts.
 *
 *   npm run bench:export [-- --requests 1000 --size 1000]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { OneShotDownloads } from '../../main/browserHost/downloads';
import { startBrowserHost } from '../../main/browserHost/server';
import { createPortingUseCases } from '../../main/core/porting';
import { openStore } from '../../main/core/store';
import { saveCsvFile } from '../../main/host/files/saveCsvFile';
import { createLogger } from '../../main/host/log/logger';
import { Portfolio } from '../store/portfolio';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000' },
    size: { type: 'string', default: '1000' },
  },
});
const REQUESTS = Number(args.requests);
const SIZE = Number(args.size);
const MB = 1024 * 1024;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Runs `fn`, sampling RSS meanwhile; growth is peak minus the RSS just before. */
async function measure<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; seconds: number; cpuSeconds: number; growthMb: number }> {
  gc();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const result = await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { result, seconds, cpuSeconds, growthMb: (peak - before) / MB };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'portdesk-bench-export-'));
  const store = openStore({ file: join(dir, 'portdesk.sqlite') });
  const account = store.accounts.insert({
    label: 'Desk 1',
    accountSid: `AC${'1'.padStart(32, '0')}`,
    keySid: `SK${'1'.padStart(32, '0')}`,
    credentialKind: 'api_key',
    kind: 'twilio',
    baseUrl: 'https://numbers.twilio.com',
    uploadBaseUrl: 'https://numbers-upload.twilio.com',
  });
  const portfolio = new Portfolio();
  let clock = Date.parse('2026-11-27T08:00:00Z');
  const seedStart = process.hrtime.bigint();
  for (let i = 0; i < REQUESTS; i += 1) {
    const request = portfolio.request(i, SIZE, account.accountSid);
    store.requests.saveFetchedRequest(account.id, request, new Date((clock += 1000)).toISOString());
    if ((i + 1) % 100 === 0) process.stdout.write(`  seeded ${i + 1} requests\r`);
  }
  const total = REQUESTS * SIZE;
  console.log(`Load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores.`);
  console.log(
    `Seeded ${REQUESTS.toLocaleString('en-US')} requests × ${SIZE.toLocaleString('en-US')} numbers in ${(Number(process.hrtime.bigint() - seedStart) / 1e9).toFixed(1)} s (${dir})`,
  );

  const porting = createPortingUseCases({
    store,
    clients: { clientFor: () => Promise.reject(new Error('no Twilio in this bench')) },
    dataDir: dir,
    now: () => Date.parse('2026-12-05T12:00:00Z'),
    kickOutbox: () => undefined,
    emit: () => undefined,
    isOnline: () => true,
  });
  const prepare = () => porting.prepareNumbersExport({ scope: 'requests', filters: {} });
  const rows: string[][] = [];
  const report = (
    what: string,
    figures: { seconds: number; cpuSeconds: number; growthMb: number },
    count: number,
    bytes: number,
  ) => {
    rows.push([
      what,
      count.toLocaleString('en-US'),
      `${figures.seconds.toFixed(2)} s`,
      `${figures.cpuSeconds.toFixed(2)} s`,
      `${Math.round(count / figures.seconds).toLocaleString('en-US')} rows/s`,
      `${(bytes / MB).toFixed(1)} MB`,
      `${figures.growthMb.toFixed(1)} MB`,
    ]);
  };

  // 1. Electron's path: main writes the file the save dialog named.
  const file = join(dir, 'numbers.csv');
  const toFile = await measure(() => saveCsvFile(prepare(), file));
  report('to a file (Electron save dialog)', toFile, toFile.result, statSync(file).size);
  rmSync(file);

  // 2. The browser host's path: a one-time download, read by an HTTP client and discarded.
  const log = createLogger(() => undefined);
  const downloads = new OneShotDownloads({ log });
  const host = await startBrowserHost({
    core: { handlers: {} as never, on: () => () => undefined },
    rendererRoot: dir,
    bootstrapScript: '',
    log,
    downloads,
  });
  try {
    const download = await measure(async () => {
      const offer = downloads.offer(prepare());
      if (offer.outcome !== 'download') throw new Error('expected a download');
      const response = await fetch(`${host.origin}${offer.url}`);
      let bytes = 0;
      let newlines = 0;
      const reader = response.body?.getReader();
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        bytes += chunk.value.byteLength;
        for (const byte of chunk.value) if (byte === 10) newlines += 1;
      }
      return { bytes, rows: newlines - 1 };
    });
    report('download (browser host)', download, download.result.rows, download.result.bytes);
  } finally {
    await host.close();
  }

  await porting.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });

  console.log(
    `\nExport of ${total.toLocaleString('en-US')} numbers (budget: ≤ 15 s, RSS growth ≤ 100 MB)`,
  );
  // CPU is this process's user + system time: on a shared machine it is the steadier figure
  // (the download row includes the HTTP client reading the bytes, in the same process).
  const header = ['path', 'rows', 'wall', 'CPU', 'rate (wall)', 'size', 'RSS growth (peak)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const line of [header, ...rows]) {
    console.log(line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
  }
  if (!(globalThis as { gc?: unknown }).gc) {
    console.log('(run with node --expose-gc for a steadier RSS baseline)');
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

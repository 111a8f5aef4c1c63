/**
 * UI bench: the renderer's production build in Chromium, against the fake bridge of the UI test
 * host (tests/ui/host). Measures, on the page's own clock:
 *   1. time to the first request row with 10,000 requests (fresh page per run), on a page of the
 *      app's own chunks with the fake bridge run before them (bench/ui/appHost.ts), and, for
 *      comparison, on the UI test host whose one bundle merges the fake into the app's code;
 *   2. search and status-filter response, from the input event to the frame after the new rows;
 *   3. scrolling 10,000 rows top to bottom, one step per frame: frame times and dropped frames;
 *   4. the detail of a request with 1,000 numbers and a 500-event timeline: click to timeline,
 *      and the Numbers tab to its rows;
 *   5. the renderer's JS heap after 10,000 rows and after that detail.
 * The fake runs on the renderer's thread (in the app, main answers from another process), so
 * its synchronous time is measured per call and shown apart. Prints tables and writes
 * bench/results/ui.json; the figures are recorded in docs/benchmarks.md (## UI). No assertions.
 *
 *   npm run bench:ui -- [--runs 5] [--scroll-runs 3] [--scroll-rows 3,10] [--filter-rounds 4]
 *                       [--requests 10000] [--heavy-numbers 1000] [--heavy-events 500]
 *                       [--only first,filter,scroll,detail,heap] [--baseline-host <dir>]
 *   --baseline-host: another revision's built UI host (`npx vite build -c
 *   tests/ui/host/vite.config.ts --outDir <dir>` in a copy of it); its first rows are measured
 *   on pages alternating with this build's, and the ratios printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { HEAVY_SID } from '../../tests/fixtures/fakeData';
import { CHROMIUM_ARGS, chromiumLaunchOptions } from '../../tests/helpers/chromium';
import { analyseAppBundle } from './appBundle';
import { appFirstRow, appFirstRowTable, type AppFirstRow } from './appFirstRow';
import { serveAppWithFake } from './appHost';
import { serveProductionHost, servePrebuiltHost, type ServedHost } from './host';
import { installProbe, type ProbeWindow, type ScrollReport, type Settled } from './probe';
import { firstRowTable, formatTable, median, mib, ms, p95, percentile } from './stats';
import { searchDebounceMs } from '../../renderer/features/requests/searchDebounce';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'scroll-runs': { type: 'string', default: '3' },
    'scroll-rows': { type: 'string', default: '3,10' },
    'filter-rounds': { type: 'string', default: '4' },
    requests: { type: 'string', default: '10000' },
    'heavy-numbers': { type: 'string', default: '1000' },
    'heavy-events': { type: 'string', default: '500' },
    only: { type: 'string', default: 'first,filter,scroll,detail,heap' },
    'baseline-host': { type: 'string' },
  },
});
const RUNS = Number(args.runs);
const SCROLL_RUNS = Number(args['scroll-runs']);
const SCROLL_ROWS = args['scroll-rows'].split(',').map(Number);
const FILTER_ROUNDS = Number(args['filter-rounds']);
const REQUESTS = Number(args.requests);
const HEAVY_NUMBERS = Number(args['heavy-numbers']);
const HEAVY_EVENTS = Number(args['heavy-events']);
const ONLY = new Set(args.only.split(','));
/** A small desk for comparison: the renderer's first rows should not depend on the desk's size. */
const CONTROL_REQUESTS = 300;

/** The requests list's row height (renderer/features/requests/RequestTable.tsx). */
const ROW_HEIGHT_PX = 56;
/** RequestsScreen's search debounce: by design, not the renderer's cost. */
// What the list waits after a keystroke (0 for digits, SIDs and an emptied box; a little for
// free text), subtracted from typed actions to give the renderer's own part.
const debounceOf = (text: string): number => searchDebounceMs(text);
const FRAME_MS = 1000 / 60;
const WAIT_MS = 120_000;
const VIEWPORT = { width: 1360, height: 860 };
/** The tests' Chromium flags, plus precise heap figures for the heap scenario. */
const BENCH_CHROMIUM_ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info'];

const count = (n: number) => n.toLocaleString('en-US');

/** The commit measured, and whether renderer/ had uncommitted changes (others edit it too). */
function revision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'renderer'], {
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} (renderer/ modified)` : head;
  } catch {
    return 'unknown';
  }
}

/*
 * page.evaluate callbacks run in the page and cannot close over this module: each one reaches
 * the probe as `(globalThis as unknown as ProbeWindow).__bench`.
 */

// ── Pages ───────────────────────────────────────────────────────────────────────────────────

interface HostParams {
  scenario?: 'empty' | 'demo';
  requests?: number;
  heavy?: boolean;
}

async function openPage(context: BrowserContext, base: string, params: HostParams): Promise<Page> {
  const query = new URLSearchParams({ scenario: params.scenario ?? 'demo', memoList: 'true' });
  if (params.requests) query.set('requests', String(params.requests));
  if (params.heavy) {
    query.set('heavyNumbers', String(HEAVY_NUMBERS));
    query.set('heavyEvents', String(HEAVY_EVENTS));
  }
  const page = await context.newPage();
  // tsx keeps function names with an `__name` helper the page does not have.
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await page.addInitScript(installProbe);
  await page.goto(`${base}?${query.toString()}`, { waitUntil: 'commit' });
  return page;
}

const settle = (page: Page, frames = 30) =>
  page.evaluate((n) => (globalThis as unknown as ProbeWindow).__bench.frames(n), frames);

// ── 1. First rows ───────────────────────────────────────────────────────────────────────────

interface FirstRow {
  /** Navigation start → the first row painted. */
  paintedMs: number;
  /** Navigation start → the bundle's first module running (HTML, 1.1 MB of JS fetched, compiled). */
  bundleMs: number;
  /** The fake's construction (10,000 requests generated in the page). */
  seedMs: number;
  /** The fake ready → the renderer asks for the first page (React boot, accounts, settings). */
  bootMs: number;
  /** The first page's answer → the first row painted (the list's first render). */
  renderMs: number;
  /** The fake's synchronous time answering the calls made before the first row. */
  fakeCallsMs: number;
  /** Everything but the fake: painted − seed − fake calls. */
  rendererMs: number;
}

async function firstRow(page: Page): Promise<FirstRow> {
  const seen = await page.evaluate(async () => {
    const probe = (globalThis as unknown as ProbeWindow).__bench;
    const row = await probe.firstRow;
    const start = performance.getEntriesByName('portdesk-fake:start')[0]?.startTime ?? 0;
    const end = performance.getEntriesByName('portdesk-fake:end')[0]?.startTime ?? 0;
    const list = probe.calls.find((c) => c.method === 'listRequests');
    const fake = probe.calls
      .filter((c) => c.start <= row.changedAt)
      .reduce((sum, c) => sum + c.syncMs, 0);
    return {
      ...row,
      start,
      end,
      listAt: list?.start ?? end,
      answeredAt: list?.resolvedAt ?? row.changedAt,
      fake,
    };
  });
  return {
    paintedMs: seen.paintedAt,
    bundleMs: seen.start,
    seedMs: seen.end - seen.start,
    bootMs: seen.listAt - seen.end,
    renderMs: seen.paintedAt - seen.answeredAt,
    fakeCallsMs: seen.fake,
    rendererMs: seen.paintedAt - (seen.end - seen.start) - seen.fake,
  };
}

// ── 2. Search and filters ───────────────────────────────────────────────────────────────────

interface FilterSample {
  action: string;
  /** Input event → the frame after the new rows. */
  totalMs: number;
  /** Input event → the renderer asks for the first page (includes the search debounce). */
  untilQueryMs: number;
  /** Asked → answer in the renderer (the fake's query, the clone, what React ran meanwhile). */
  queryMs: number;
  /** Answer → new rows painted. */
  afterAnswerMs: number;
  fakeMs: number;
  /** The search debounce for typed actions, else 0. */
  debounceMs: number;
  /** total − fake − debounce. */
  rendererMs: number;
  rows: number;
  /** The list was swapped for its loading state and a new table mounted on the way. */
  remounted: boolean;
}

interface FilterAction {
  name: string;
  /** The text typed into the search box, for a typed action. */
  typed: string | null;
  prepare?: (page: Page) => Promise<void>;
  act: (page: Page) => Promise<void>;
  cleanup?: (page: Page) => Promise<void>;
}

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search requests' });

const FILTER_ACTIONS: readonly FilterAction[] = [
  {
    name: 'search customer "summit"',
    typed: 'summit',
    act: (page) => searchBox(page).fill('summit'),
  },
  { name: 'empty the search box', typed: '', act: (page) => searchBox(page).fill('') },
  {
    name: 'search phone "555-0142"',
    typed: '555-0142',
    act: (page) => searchBox(page).fill('555-0142'),
  },
  { name: 'empty the search box', typed: '', act: (page) => searchBox(page).fill('') },
  {
    name: 'status "Action required" (menu)',
    typed: null,
    prepare: (page) => page.getByRole('button', { name: /^Status:/ }).click(),
    act: (page) => page.getByRole('menuitemcheckbox', { name: /Action required/ }).click(),
    cleanup: (page) => page.keyboard.press('Escape'),
  },
  {
    name: '"Clear filters" button',
    typed: null,
    act: (page) => page.getByRole('button', { name: 'Clear filters' }).first().click(),
  },
];

async function measureFilters(page: Page): Promise<FilterSample[]> {
  const samples: FilterSample[] = [];
  for (let round = 0; round < FILTER_ROUNDS; round++) {
    for (const action of FILTER_ACTIONS) {
      await action.prepare?.(page);
      await settle(page, 10);
      await page.evaluate(() => (globalThis as unknown as ProbeWindow).__bench.arm());
      await action.act(page);
      const seen: Settled = await page.evaluate(
        (timeout) =>
          (globalThis as unknown as ProbeWindow).__bench.waitFor({ kind: 'listAnswer' }, timeout),
        WAIT_MS,
      );
      await action.cleanup?.(page);
      if (
        seen.sameFirstRow ||
        seen.inputAt === null ||
        seen.queriedAt === null ||
        seen.answeredAt === null
      ) {
        console.warn(`  (a sample of "${action.name}" was dropped: no visible change to time)`);
        continue;
      }
      const totalMs = seen.paintedAt - seen.inputAt;
      const debounceMs = action.typed === null ? 0 : debounceOf(action.typed);
      samples.push({
        action: action.name,
        totalMs,
        untilQueryMs: seen.queriedAt - seen.inputAt,
        queryMs: seen.answeredAt - seen.queriedAt,
        afterAnswerMs: seen.paintedAt - seen.answeredAt,
        fakeMs: seen.fakeMs,
        debounceMs,
        rendererMs: totalMs - seen.fakeMs - debounceMs,
        rows: seen.count,
        remounted: seen.listRemounted,
      });
    }
  }
  return samples;
}

// ── Main-thread time (CDP Performance.getMetrics: cumulative seconds on the page's thread) ──

interface MainThread {
  /** Every task on the renderer's main thread, ms (wall time: it grows when the CPU is shared). */
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
}

const MAIN_THREAD_METRICS = {
  taskMs: 'TaskDuration',
  scriptMs: 'ScriptDuration',
  layoutMs: 'LayoutDuration',
  styleMs: 'RecalcStyleDuration',
} as const;

/** Runs `work` and returns its result with the main-thread time the page spent meanwhile. */
async function withMainThread<T>(page: Page, work: () => Promise<T>): Promise<[T, MainThread]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const read = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (key: keyof MainThread) =>
        (metrics.find((m) => m.name === MAIN_THREAD_METRICS[key])?.value ?? Number.NaN) * 1000;
    };
    const before = await read();
    const result = await work();
    const after = await read();
    const delta = (key: keyof MainThread) => after(key) - before(key);
    return [
      result,
      {
        taskMs: delta('taskMs'),
        scriptMs: delta('scriptMs'),
        layoutMs: delta('layoutMs'),
        styleMs: delta('styleMs'),
      },
    ];
  } finally {
    await cdp.detach();
  }
}

// ── 3. Scrolling ────────────────────────────────────────────────────────────────────────────

interface ScrollPass extends ScrollReport {
  mainThread: MainThread;
}

async function measureScroll(page: Page, rows: number): Promise<ScrollPass> {
  await page.evaluate(() => {
    const body = (globalThis as unknown as ProbeWindow).document.querySelector(
      '.request-table__body',
    );
    if (body) body.scrollTop = 0;
  });
  await settle(page, 30);
  const [report, mainThread] = await withMainThread(page, () =>
    page.evaluate(({ step }) => (globalThis as unknown as ProbeWindow).__bench.scroll(step, 10), {
      step: rows * ROW_HEIGHT_PX,
    }),
  );
  return { ...report, mainThread };
}

function frameFigures(reports: readonly ScrollPass[]) {
  const deltas = reports.flatMap((r) => r.deltas);
  const perFrame = (key: keyof MainThread) =>
    reports.reduce((s, r) => s + r.mainThread[key], 0) / Math.max(1, deltas.length);
  const missedShare = reports.map(
    (r) => r.deltas.filter((d) => d > FRAME_MS + 1).length / Math.max(1, r.deltas.length),
  );
  return {
    frames: deltas.length,
    p50: median(deltas),
    p95: p95(deltas),
    p99: percentile(deltas, 0.99),
    max: Math.max(...deltas),
    // Longer than one vsync interval (1 ms of timer jitter allowed): at least one frame missed;
    // longer than two intervals: two or more missed in a row.
    over16: deltas.filter((d) => d > FRAME_MS + 1).length,
    over33: deltas.filter((d) => d > 2 * FRAME_MS + 1).length,
    skeletonFrames: reports.reduce((s, r) => s + r.skeletonFrames, 0),
    longTasks: reports.reduce((s, r) => s + r.longTasks, 0),
    fakeMs: reports.reduce((s, r) => s + r.fakeMs, 0),
    bridgeCalls: reports.reduce((s, r) => s + r.bridgeCalls, 0),
    missedShareMin: Math.min(...missedShare),
    missedShareMax: Math.max(...missedShare),
    taskMsPerFrame: perFrame('taskMs'),
    scriptMsPerFrame: perFrame('scriptMs'),
    layoutMsPerFrame: perFrame('layoutMs'),
    styleMsPerFrame: perFrame('styleMs'),
  };
}

// ── 4. The big detail ───────────────────────────────────────────────────────────────────────

interface DetailSample {
  /** Click on the row → every timeline item painted. */
  timelineMs: number;
  /** Main-thread time from arming to the timeline painted (the click's own handling included). */
  timelineMainThread: MainThread;
  timelineFakeMs: number;
  timelineItems: number;
  /** Click on the Numbers tab → its first rows painted. */
  numbersMs: number;
  numbersFakeMs: number;
  numbersMainThread: MainThread;
  numberRows: number;
}

async function openHeavyDetail(page: Page): Promise<DetailSample> {
  const row = page.getByTestId(`request-row-${HEAVY_SID}`);
  await row.waitFor({ timeout: WAIT_MS });
  await settle(page, 30);
  // Found before the clock starts: Playwright's role queries run on the page's thread too.
  const rowHandle = await row.elementHandle();
  if (!rowHandle) throw new Error('bench: the heavy request row is gone');
  const [timeline, timelineMainThread] = await withMainThread(page, async () => {
    await page.evaluate(() => (globalThis as unknown as ProbeWindow).__bench.arm());
    await rowHandle.click();
    return page.evaluate(
      ({ items, timeout }) =>
        (globalThis as unknown as ProbeWindow).__bench.waitFor(
          { kind: 'timeline', items },
          timeout,
        ),
      { items: HEAVY_EVENTS, timeout: WAIT_MS },
    );
  });
  await settle(page, 10);
  const tab = await page.getByRole('tab', { name: /^Numbers/ }).elementHandle();
  if (!tab) throw new Error('bench: the Numbers tab is missing');
  const [numbers, numbersMainThread] = await withMainThread(page, async () => {
    await page.evaluate(() => (globalThis as unknown as ProbeWindow).__bench.arm());
    await tab.click();
    return page.evaluate(
      (timeout) =>
        (globalThis as unknown as ProbeWindow).__bench.waitFor({ kind: 'numbersRows' }, timeout),
      WAIT_MS,
    );
  });
  const since = (s: Settled) => s.paintedAt - (s.inputAt ?? s.armedAt);
  return {
    timelineMs: since(timeline),
    timelineMainThread,
    timelineFakeMs: timeline.fakeMs,
    timelineItems: timeline.count,
    numbersMs: since(numbers),
    numbersFakeMs: numbers.fakeMs,
    numbersMainThread,
    numberRows: numbers.count,
  };
}

// ── 5. Heap ─────────────────────────────────────────────────────────────────────────────────

interface HeapFigures {
  jsHeapUsed: number;
  domNodes: number;
  listeners: number;
}

async function heap(page: Page): Promise<HeapFigures> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    return {
      jsHeapUsed: usage.usedSize,
      domNodes: metric('Nodes'),
      listeners: metric('JSEventListeners'),
    };
  } finally {
    await cdp.detach();
  }
}

/** The page's heap, then the heap once the fake has dropped its data: the renderer's own. */
async function heapWithAndWithoutFake(
  page: Page,
): Promise<{ total: HeapFigures; renderer: HeapFigures }> {
  const total = await heap(page);
  await page.evaluate(() =>
    (
      globalThis as unknown as { __portdeskFake: { releaseData(): void } }
    ).__portdeskFake.releaseData(),
  );
  await settle(page, 5);
  return { total, renderer: await heap(page) };
}

// ── Run ─────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const startedAt = new Date();
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown CPU',
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    chromium: '',
    revision: revision(),
    loadAtStart: loadavg().map((l) => l.toFixed(2)),
  };
  // The app's own build (electron.vite.config.ts), not the host's: what the window loads first.
  const appBundle = await analyseAppBundle();
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  const initialJs = `app build: initial JS ${kib(appBundle.initialBytes)} (entry and its static imports; ${kib(appBundle.totalBytes)} in all, npx tsx bench/ui/appBundle.ts for what each chunk holds)`;
  console.log(initialJs);
  console.log('Building the UI test host in production mode…');
  const host = await serveProductionHost();
  // The first row's page: the app's own chunks, the fake bridge built apart (bench/ui/appHost.ts).
  const appPage = ONLY.has('first') ? await serveAppWithFake() : null;
  const baselineDir = args['baseline-host'];
  const baseline: ServedHost | null = baselineDir ? await servePrebuiltHost(baselineDir) : null;
  let browser: Browser | null = null;
  const results: Record<string, unknown> = {
    appBuild: { initialJsBytes: appBundle.initialBytes, totalJsBytes: appBundle.totalBytes },
  };
  const report: string[] = [initialJs];
  try {
    // The tests' Chromium (tests/helpers/chromium.ts): Debian's, Playwright's, or PORTDESK_CHROMIUM.
    browser = await chromium.launch({
      ...chromiumLaunchOptions,
      args: BENCH_CHROMIUM_ARGS,
      headless: true,
    });
    machine.chromium = browser.version();
    console.log(
      `Chromium ${machine.chromium}; UI test host ${(host.scriptBytes / 1024 / 1024).toFixed(2)} MiB of JS (production, minified)${appPage ? `, the fake's own script ${kib(appPage.fakeScriptBytes)}` : ''}; load average ${machine.loadAtStart.join(' ')}`,
    );
    // One context for every page: HTTP and V8 code caches are warm after a first, uncounted load,
    // as they are from the app's second start on. Every measured page is a fresh page.
    const context = await browser.newContext({ viewport: VIEWPORT });
    // Two warm loads of each page: Chromium writes a script's code cache at its second load.
    for (let warmRun = 0; warmRun < 2; warmRun++) {
      const warm = await openPage(context, host.url, { requests: 300 });
      await firstRow(warm);
      await warm.close();
      if (appPage) {
        const warmApp = await openPage(context, appPage.url, { requests: 300 });
        await appFirstRow(warmApp, appPage.initialScripts);
        await warmApp.close();
      }
    }

    // 1 and 3: first rows, then scrolling at each speed on the same fresh page.
    const firstRows: FirstRow[] = [];
    const firstRowsSmall: FirstRow[] = [];
    const firstRowsBaseline: FirstRow[] = [];
    const appRows: AppFirstRow[] = [];
    const appRowsSmall: AppFirstRow[] = [];
    const scrolls = new Map<number, ScrollPass[]>(SCROLL_ROWS.map((rows) => [rows, []]));
    if (ONLY.has('first') || ONLY.has('scroll')) {
      const runs = Math.max(ONLY.has('first') ? RUNS : 0, ONLY.has('scroll') ? SCROLL_RUNS : 0);
      for (let run = 0; run < runs; run++) {
        const measuring = ONLY.has('first') && run < RUNS;
        if (measuring && appPage) {
          // The control: the same desk at 300 requests. The renderer asks for one page either way.
          const small = await openPage(context, appPage.url, { requests: CONTROL_REQUESTS });
          appRowsSmall.push(await appFirstRow(small, appPage.initialScripts));
          await small.close();
          const small2 = await openPage(context, host.url, { requests: CONTROL_REQUESTS });
          firstRowsSmall.push(await firstRow(small2));
          await small2.close();
        }
        // The app page, and the baseline's, before or after the host's in turn, so that none
        // always follows another.
        const measureOthers = async () => {
          if (!measuring) return;
          if (appPage) {
            const app = await openPage(context, appPage.url, { requests: REQUESTS });
            const measured = await appFirstRow(app, appPage.initialScripts);
            if (measured.stylesLate) console.warn('  (the stylesheet came after the first row)');
            appRows.push(measured);
            await app.close();
            console.log(
              `  first rows, run ${run + 1}, app's chunks: ${ms(measured.paintedMs)} ms (fake ${ms(measured.fakeScriptMs + measured.fakeCallsMs)}, renderer ${ms(measured.rendererMs)})`,
            );
          }
          if (!baseline) return;
          const other = await openPage(context, baseline.url, { requests: REQUESTS });
          firstRowsBaseline.push(await firstRow(other));
          await other.close();
        };
        if (run % 2 === 1) await measureOthers();
        const page = await openPage(context, host.url, { requests: REQUESTS });
        const first = await firstRow(page);
        if (run % 2 === 0) await measureOthers();
        if (measuring) {
          firstRows.push(first);
          console.log(
            `  first rows, run ${run + 1}, host bundle: ${ms(first.paintedMs)} ms (fake ${ms(first.seedMs + first.fakeCallsMs)}, renderer ${ms(first.rendererMs)})`,
          );
        }
        if (ONLY.has('scroll') && run < SCROLL_RUNS) {
          // Alternate which speed goes first: the second pass finds its pages already fetched.
          const speeds = run % 2 === 0 ? SCROLL_ROWS : [...SCROLL_ROWS].reverse();
          for (const rows of speeds) {
            const pass = await measureScroll(page, rows);
            scrolls.get(rows)?.push(pass);
            const f = frameFigures([pass]);
            console.log(
              `  scroll ${rows} rows/frame, run ${run + 1}: ${f.frames} frames, p50 ${ms(f.p50)} / p95 ${ms(f.p95)} ms, missed ≥1 ${f.over16}, ≥2 ${f.over33}`,
            );
          }
        }
        await page.close();
      }
    }

    // 2: search and filters on one page with 10,000 requests.
    let filters: FilterSample[] = [];
    if (ONLY.has('filter')) {
      const page = await openPage(context, host.url, { requests: REQUESTS });
      await firstRow(page);
      await settle(page, 30);
      filters = await measureFilters(page);
      console.log(`  filters: ${filters.length} samples`);
      await page.close();
    }

    // 4: the big detail, on a desk of 300 requests (the desk's size does not reach the detail).
    const details: DetailSample[] = [];
    if (ONLY.has('detail')) {
      for (let run = 0; run < RUNS; run++) {
        const page = await openPage(context, host.url, { requests: 300, heavy: true });
        await firstRow(page);
        const sample = await openHeavyDetail(page);
        details.push(sample);
        console.log(
          `  detail, run ${run + 1}: timeline ${ms(sample.timelineMs)} ms, numbers tab ${ms(sample.numbersMs)} ms`,
        );
        await page.close();
      }
    }

    // 5: heap — the app with no account, 10,000 rows, then 10,000 rows and the big detail.
    const heaps: { what: string; total: HeapFigures; renderer: HeapFigures }[] = [];
    if (ONLY.has('heap')) {
      const empty = await openPage(context, host.url, { scenario: 'empty' });
      await empty.getByText('Explore with the built-in simulator').first().waitFor();
      await settle(empty, 30);
      const emptyHeap = await heap(empty);
      heaps.push({ what: 'no account (onboarding)', total: emptyHeap, renderer: emptyHeap });
      await empty.close();

      const list = await openPage(context, host.url, { requests: REQUESTS });
      await firstRow(list);
      await settle(list, 60);
      heaps.push({
        what: `${count(REQUESTS)} requests, list on screen`,
        ...(await heapWithAndWithoutFake(list)),
      });
      await list.close();

      const detail = await openPage(context, host.url, { requests: REQUESTS, heavy: true });
      await firstRow(detail);
      await openHeavyDetail(detail);
      await settle(detail, 60);
      heaps.push({
        what: `${count(REQUESTS)} + 1 requests, big detail open (Numbers tab)`,
        ...(await heapWithAndWithoutFake(detail)),
      });
      await detail.close();
    }
    await context.close();

    // ── Tables ──
    report.push(
      `Commit ${machine.revision}. Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB; Node ${machine.node}; Chromium ${machine.chromium} (headless, --disable-gpu); load average at start ${machine.loadAtStart.join(' ')}, at end ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    if (appRows.length) {
      const now = median(appRows.map((f) => f.rendererMs));
      const old = median(firstRows.map((f) => f.rendererMs));
      report.push(
        `\n1. Time to the first request row, ${count(REQUESTS)} requests: the app's own chunks (electron.vite.config.ts's build), the fake bridge a script of its own run before the app's code is requested (${appRows.length} fresh pages; ms on the page clock)`,
        appFirstRowTable(appRows, appRowsSmall, `${CONTROL_REQUESTS} requests: median`),
        `   renderer's part, medians: ${ms(now)} ms with the app's chunks; ${ms(old)} ms by the host bundle of table 1a (fake merged in, timed from navigation start), same run: ratio ${(now / old).toFixed(2)}`,
      );
      results.firstRowsApp = appRows;
      results.firstRowsAppControl = { requests: CONTROL_REQUESTS, runs: appRowsSmall };
    }
    if (firstRows.length) {
      report.push(
        `\n1a. The same, old method: the UI test host's one bundle (the app's code and the fake's merged), timed from navigation start (${firstRows.length} fresh pages, alternating with table 1's; ms)`,
        firstRowTable(firstRows, firstRowsSmall, `${CONTROL_REQUESTS} requests: median`, [
          ['first row painted', (f) => f.paintedMs],
          ['  bundle fetched, compiled, running', (f) => f.bundleMs],
          ['  fake generating its data (not the app)', (f) => f.seedMs],
          ['  boot until the first page is asked for', (f) => f.bootMs],
          ['  fake answering (not the app)', (f) => f.fakeCallsMs],
          ['  first page answered → row painted', (f) => f.renderMs],
          ['renderer (first row − fake)', (f) => f.rendererMs],
        ]),
      );
      results.firstRows = firstRows;
      results.firstRowsControl = { requests: CONTROL_REQUESTS, runs: firstRowsSmall };
    }
    if (firstRowsBaseline.length) {
      const row = (label: string, pick: (f: FirstRow) => number) => {
        const now = median(firstRows.map(pick));
        const before = median(firstRowsBaseline.map(pick));
        return [label, ms(now), ms(before), before > 0 ? (now / before).toFixed(2) : '–'];
      };
      report.push(
        `\n1b. The same, this build against --baseline-host ${baselineDir ?? ''} (${firstRowsBaseline.length} pages each, alternating; medians, ms)`,
        formatTable(
          ['', 'this build', 'baseline', 'ratio'],
          [
            row('first row painted', (f) => f.paintedMs),
            row('  bundle fetched, compiled, running', (f) => f.bundleMs),
            row('  boot until the first page is asked for', (f) => f.bootMs),
            row('  first page answered → row painted', (f) => f.renderMs),
            row('  boot + render (ask → paint, app only)', (f) => f.bootMs + f.renderMs),
            row('renderer (first row − fake)', (f) => f.rendererMs),
          ],
        ),
      );
      results.firstRowBaseline = { dir: baselineDir, samples: firstRowsBaseline };
    }
    if (filters.length) {
      const names = [...new Set(filters.map((f) => f.action))];
      const row = (label: string, list: FilterSample[]) => [
        label,
        String(list.length),
        ms(median(list.map((f) => f.totalMs))),
        ms(p95(list.map((f) => f.totalMs))),
        ms(median(list.map((f) => f.untilQueryMs))),
        ms(median(list.map((f) => f.queryMs))),
        ms(median(list.map((f) => f.afterAnswerMs))),
        ms(median(list.map((f) => f.fakeMs))),
        ms(median(list.map((f) => f.rendererMs))),
        ms(p95(list.map((f) => f.rendererMs))),
        String(Math.round(median(list.map((f) => f.rows)))),
        `${list.filter((f) => f.remounted).length}/${list.length}`,
      ];
      report.push(
        `\n2. Search and filter response, ${count(REQUESTS)} requests (ms from the input event to the frame after the new rows; ${FILTER_ROUNDS} rounds on one page)`,
        formatTable(
          [
            'action',
            'n',
            'total p50',
            'total p95',
            'input→ask',
            'ask→answer',
            'answer→painted',
            'fake',
            'renderer p50',
            'renderer p95',
            'rows in DOM',
            'remounted',
          ],
          [
            ...names.map((name) =>
              row(
                name,
                filters.filter((f) => f.action === name),
              ),
            ),
            row('all', filters),
          ],
        ),
        `   renderer = total − fake − the search debounce (${debounceOf('summit')} ms for free text, 0 for digits and an emptied box); columns are medians;`,
        '   remounted: samples in which the list went through its loading state and a new table was mounted.',
      );
      results.filters = filters;
    }
    const scrollRows = SCROLL_ROWS.filter((rows) => (scrolls.get(rows) ?? []).length > 0);
    if (scrollRows.length) {
      const figures = scrollRows.map((rows) => ({
        rows,
        ...frameFigures(scrolls.get(rows) ?? []),
      }));
      const pct = (n: number, of: number) => `${count(n)} (${((100 * n) / of).toFixed(1)}%)`;
      report.push(
        `\n3. Scrolling ${count(REQUESTS)} rows top to bottom, one step per frame (${SCROLL_RUNS} runs per speed; frame = requestAnimationFrame delta)`,
        formatTable(
          [
            'step',
            'frames',
            'p50 ms',
            'p95 ms',
            'p99 ms',
            'max ms',
            '>16.7 ms',
            'per run',
            '>33.3 ms',
            'long tasks',
            'placeholders',
            'fake ms',
          ],
          figures.map((f) => [
            `${f.rows} rows (${f.rows * ROW_HEIGHT_PX} px)`,
            count(f.frames),
            ms(f.p50),
            ms(f.p95),
            ms(f.p99),
            ms(f.max),
            pct(f.over16, f.frames),
            `${(100 * f.missedShareMin).toFixed(1)}–${(100 * f.missedShareMax).toFixed(1)}%`,
            pct(f.over33, f.frames),
            count(f.longTasks),
            count(f.skeletonFrames),
            ms(f.fakeMs),
          ]),
        ),
        '   >16.7 ms: missed at least one vsync (delta > 17.7 ms); >33.3 ms: missed two or more (delta > 34.3 ms);',
        '   placeholders: frames with a not-yet-fetched row in the DOM.',
        'Main-thread time per frame (CDP Performance.getMetrics), ms',
        formatTable(
          ['step', 'all tasks', 'script', 'layout', 'style'],
          figures.map((f) => [
            `${f.rows} rows`,
            f.taskMsPerFrame.toFixed(1),
            f.scriptMsPerFrame.toFixed(1),
            f.layoutMsPerFrame.toFixed(1),
            f.styleMsPerFrame.toFixed(1),
          ]),
        ),
      );
      results.scroll = figures;
    }
    if (details.length) {
      const row = (label: string, values: number[], fake: number[], main: MainThread[]) => [
        label,
        ms(median(values)),
        ms(Math.min(...values)),
        ms(Math.max(...values)),
        ms(median(fake)),
        ms(median(values.map((v, i) => v - (fake[i] ?? 0)))),
        ms(median(main.map((m) => m.taskMs))),
        ms(median(main.map((m) => m.scriptMs))),
        ms(median(main.map((m) => m.layoutMs))),
        ms(median(main.map((m) => m.styleMs))),
      ];
      report.push(
        `\n4. Request detail with ${count(HEAVY_NUMBERS)} numbers and ${HEAVY_EVENTS} timeline events (${details.length} fresh pages)`,
        formatTable(
          ['', 'median', 'min', 'max', 'fake', 'renderer', 'busy', 'script', 'layout', 'style'],
          [
            row(
              `click row → timeline painted (${details[0]?.timelineItems ?? 0} items)`,
              details.map((d) => d.timelineMs),
              details.map((d) => d.timelineFakeMs),
              details.map((d) => d.timelineMainThread),
            ),
            row(
              `Numbers tab → rows painted (${details[0]?.numberRows ?? 0} rows in the DOM)`,
              details.map((d) => d.numbersMs),
              details.map((d) => d.numbersFakeMs),
              details.map((d) => d.numbersMainThread),
            ),
          ],
        ),
        '   busy / script / layout / style: main-thread time during the measurement (CDP Performance.getMetrics; script includes the fake);',
        '   a median well above busy is time the page waited (a timer, a Suspense fallback held, a chunk): look there first.',
      );
      results.details = details;
    }
    if (heaps.length) {
      report.push(
        '\n5. JS heap after garbage collection (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage), MiB',
        formatTable(
          ['page', 'page heap', 'renderer (fake data dropped)', 'DOM nodes', 'JS listeners'],
          heaps.map((h) => [
            h.what,
            mib(h.total.jsHeapUsed),
            mib(h.renderer.jsHeapUsed),
            count(h.renderer.domNodes),
            count(h.renderer.listeners),
          ]),
        ),
      );
      results.heap = heaps;
    }
  } finally {
    await browser?.close();
    await host.close();
    await appPage?.close();
    await baseline?.close();
  }
  console.log(`\n${report.join('\n')}`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/ui.json',
    `${JSON.stringify({ date: startedAt.toISOString(), machine, loadAtEnd: loadavg(), ...results }, null, 2)}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

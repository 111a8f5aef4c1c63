import type { Page } from '@playwright/test';
import type { ProbeWindow } from './probe';
import { firstRowTable } from './stats';

/**
 * The first request row on the app page (bench/ui/appHost.ts): the app's own chunks, requested
 * once the fake bridge's classic script has run. Times on the page clock (0 = navigation start).
 */
export interface AppFirstRow {
  /** Navigation start → the first row painted (the fake's script included). */
  paintedMs: number;
  /** Navigation start → the HTML received: the app's window pays it too. */
  htmlMs: number;
  /** HTML received → the app's code requested: the fake's script fetched, compiled and run. */
  fakeScriptMs: number;
  /** Of which the fake's construction (its requests generated in the page). */
  seedMs: number;
  /** The app's code requested → its entry and modulepreloaded chunks received. */
  fetchMs: number;
  /** Those received → the renderer asks for the first page (compile, evaluate, boot). */
  bootMs: number;
  /** The fake's synchronous time answering the calls made before the first row. */
  fakeCallsMs: number;
  /** The first page's answer → the first row painted. */
  renderMs: number;
  /** The renderer's part: HTML + (app requested → row painted) − the fake's answers. */
  rendererMs: number;
  /**
   * A stylesheet was still loading when the row reached the DOM. The app's stylesheet is
   * appended by a script, so it does not block rendering as the app's own <link> does; the
   * bench warns rather than time an unstyled paint.
   */
  stylesLate: boolean;
}

interface TimedEntry {
  name: string;
  startTime: number;
  responseEnd: number;
}

export async function appFirstRow(
  page: Page,
  initialScripts: readonly string[],
): Promise<AppFirstRow> {
  const seen = await page.evaluate(async (scripts) => {
    const probe = (globalThis as unknown as ProbeWindow).__bench;
    const row = await probe.firstRow;
    const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    // The page's Performance (Node's types know neither entry type).
    const timeline = performance as unknown as {
      getEntriesByType(type: 'navigation' | 'resource'): readonly TimedEntry[];
    };
    const entries = (type: 'navigation' | 'resource') => timeline.getEntriesByType(type);
    const requested = mark('portdesk-app:requested');
    const fetched = Math.max(
      ...scripts.map(
        (s) => entries('resource').find((r) => r.name.endsWith(`/${s}`))?.responseEnd ?? Number.NaN,
      ),
    );
    const stylesLate = entries('resource').some(
      (r) => r.name.endsWith('.css') && r.startTime >= requested && r.responseEnd > row.changedAt,
    );
    const list = probe.calls.find((c) => c.method === 'listRequests');
    const fake = probe.calls
      .filter((c) => c.start <= row.changedAt)
      .reduce((sum, c) => sum + c.syncMs, 0);
    return {
      ...row,
      html: entries('navigation')[0]?.responseEnd ?? Number.NaN,
      seed: mark('portdesk-fake:end') - mark('portdesk-fake:start'),
      requested,
      fetched,
      listAt: list?.start ?? Number.NaN,
      answeredAt: list?.resolvedAt ?? row.changedAt,
      fake,
      stylesLate,
    };
  }, initialScripts);
  return {
    paintedMs: seen.paintedAt,
    htmlMs: seen.html,
    fakeScriptMs: seen.requested - seen.html,
    seedMs: seen.seed,
    fetchMs: seen.fetched - seen.requested,
    bootMs: seen.listAt - seen.fetched,
    fakeCallsMs: seen.fake,
    renderMs: seen.paintedAt - seen.answeredAt,
    rendererMs: seen.html + (seen.paintedAt - seen.requested) - seen.fake,
    stylesLate: seen.stylesLate,
  };
}

/** Table 1's rows: medians, min, max of this page, and the control desk's median. */
export function appFirstRowTable(
  runs: readonly AppFirstRow[],
  control: readonly AppFirstRow[],
  controlLabel: string,
): string {
  return firstRowTable(runs, control, controlLabel, [
    ['first row painted (since navigation start)', (f) => f.paintedMs],
    ['  HTML received', (f) => f.htmlMs],
    ["  fake's script fetched, compiled, run (not the app)", (f) => f.fakeScriptMs],
    ['    of which generating its data', (f) => f.seedMs],
    ["  app's code requested → entry and preloads fetched", (f) => f.fetchMs],
    ['  fetched → first page asked for (compile, run, boot)', (f) => f.bootMs],
    ['  fake answering (not the app)', (f) => f.fakeCallsMs],
    ['  first page answered → row painted', (f) => f.renderMs],
    ["renderer's part (first row − fake's script − answers)", (f) => f.rendererMs],
  ]);
}

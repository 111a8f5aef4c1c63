import type { PageElement, PageWindow } from './pageTypes';

/**
 * The in-page half of bench/ui, installed with `page.addInitScript(installProbe)` before any of
 * the page's scripts run. Everything is measured on the page's own clock (performance.now(),
 * 0 = navigation start), never by round trips to the bench process.
 *
 * - The bridge: `window.portdesk` is wrapped as the host installs it, and every call records how
 *   long the fake ran synchronously. The fake lives on the renderer's thread while main lives in
 *   another process, so that time is the fake's, not the renderer's, and the report subtracts it.
 * - "Rendered": a MutationObserver sees the DOM reach the expected state; then one
 *   requestAnimationFrame (the frame that will show it) and a MessageChannel message (a task
 *   queued after that frame's rendering) give the time the change was painted.
 *
 * The function is serialised into the page: it may use nothing from the module scope but types.
 */

export interface BridgeCall {
  method: string;
  /** Page offset of a listRequests call, else null. */
  offset: number | null;
  start: number;
  /** How long the fake ran before the call returned its promise: its parse, query and rows. */
  syncMs: number;
  resolvedAt: number | null;
  /** listRequests only: the first row's SID of the answer (null when it matched nothing). */
  firstSid: string | null;
  total: number | null;
}

/** One measured change, on the page clock (ms since navigation start). */
export interface Settled {
  armedAt: number;
  /** The first input event (input, keydown or pointerup) after arming: the agent's action. */
  inputAt: number | null;
  /** listRequests waits only: when the renderer asked for the new first page. */
  queriedAt: number | null;
  /** listRequests waits only: when that answer reached the renderer. */
  answeredAt: number | null;
  /** When the DOM was seen in the expected state. */
  changedAt: number;
  /** After the next frame. */
  paintedAt: number;
  /** Synchronous fake time of the calls made between arming and `changedAt`. */
  fakeMs: number;
  /** listRequests waits only: the answer's first row was already the first row shown. */
  sameFirstRow: boolean;
  /**
   * listRequests waits only: the requests grid shown at the end is not the element shown when
   * armed (the list was swapped for its loading state and a new table mounted).
   */
  listRemounted: boolean;
  /** How many matching elements the wait counted (rows, timeline items). */
  count: number;
}

export type Wait =
  { kind: 'listAnswer' } | { kind: 'timeline'; items: number } | { kind: 'numbersRows' };

export interface ScrollReport {
  /** requestAnimationFrame deltas, ms. */
  deltas: number[];
  /** Frames in which a placeholder row (page not fetched yet) was in the DOM. */
  skeletonFrames: number;
  longTasks: number;
  longTaskMs: number;
  fakeMs: number;
  bridgeCalls: number;
  scrolledPx: number;
}

export interface BenchProbe {
  calls: BridgeCall[];
  /** First request row in the DOM since navigation start, and when it was painted. */
  firstRow: Promise<{ changedAt: number; paintedAt: number }>;
  arm(): void;
  waitFor(what: Wait, timeoutMs: number): Promise<Settled>;
  scroll(stepPx: number, settleFrames: number): Promise<ScrollReport>;
  /** Resolves after `frames` animation frames. */
  frames(frames: number): Promise<void>;
}

export interface ProbeWindow extends PageWindow {
  __bench: BenchProbe;
}

export function installProbe(): void {
  const w = globalThis as unknown as ProbeWindow & Record<string, unknown>;
  const calls: BridgeCall[] = [];
  const inputs: { type: string; at: number }[] = [];
  let armedAt = 0;

  const afterNextFrame = (): Promise<number> =>
    new Promise((resolve) => {
      w.requestAnimationFrame(() => {
        const channel = new w.MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    });

  // ── The bridge, wrapped as the host assigns it ────────────────────────────────────────────
  let wrapped: unknown;
  Object.defineProperty(w, 'portdesk', {
    configurable: true,
    get: () => wrapped,
    set: (bridge: Record<string, unknown>) => {
      const out: Record<string, unknown> = {};
      for (const [method, fn] of Object.entries(bridge)) {
        if (typeof fn !== 'function' || method.startsWith('on')) {
          out[method] = fn;
          continue;
        }
        out[method] = (payload?: unknown) => {
          const start = performance.now();
          const result = (fn as (p?: unknown) => Promise<unknown>)(payload);
          const offset =
            method === 'listRequests'
              ? Number((payload as { offset?: number } | undefined)?.offset ?? 0)
              : null;
          const call: BridgeCall = {
            method,
            offset,
            start,
            syncMs: performance.now() - start,
            resolvedAt: null,
            firstSid: null,
            total: null,
          };
          calls.push(call);
          void result.then((envelope) => {
            call.resolvedAt = performance.now();
            const answer = envelope as {
              ok: boolean;
              data?: { rows?: { sid: string }[]; total?: number };
            };
            if (method === 'listRequests' && answer.ok) {
              call.firstSid = answer.data?.rows?.[0]?.sid ?? null;
              call.total = answer.data?.total ?? null;
            }
          });
          return result;
        };
      }
      wrapped = out;
    },
  });

  for (const type of ['input', 'keydown', 'pointerup']) {
    w.addEventListener(type, (event) => inputs.push({ type, at: event.timeStamp }), true);
  }

  const fakeMsBetween = (from: number, to: number): number =>
    calls.filter((c) => c.start >= from && c.start <= to).reduce((sum, c) => sum + c.syncMs, 0);

  const listBody = (): PageElement | null => w.document.querySelector('.request-table__body');
  const firstShownSid = (): string | null =>
    listBody()?.querySelector('[role="row"]')?.getAttribute('data-testid')?.slice(12) ?? null;

  // ── Time to the first request row, watched from the very start ────────────────────────────
  const firstRow = new Promise<{ changedAt: number; paintedAt: number }>((resolve) => {
    const observer = new w.MutationObserver(() => {
      if (!w.document.querySelector('[data-testid^="request-row-"]')) return;
      observer.disconnect();
      const changedAt = performance.now();
      void afterNextFrame().then((paintedAt) => resolve({ changedAt, paintedAt }));
    });
    observer.observe(w.document, { childList: true, subtree: true, attributes: true });
  });

  // ── Waits for a change the bench caused ───────────────────────────────────────────────────
  let shownAtArm: string | null = null;
  let tableAtArm: PageElement | null = null;

  function arm(): void {
    armedAt = performance.now();
    inputs.length = 0;
    shownAtArm = firstShownSid();
    tableAtArm = w.document.querySelector('.request-table');
  }

  /** The newest first-page answer asked for after arming, once it has arrived. */
  function listAnswer(): BridgeCall | undefined {
    const asked = calls.filter(
      (c) => c.method === 'listRequests' && c.offset === 0 && c.start >= armedAt,
    );
    const last = asked[asked.length - 1];
    return last?.resolvedAt != null ? last : undefined;
  }

  function satisfied(what: Wait): number | null {
    if (what.kind === 'listAnswer') {
      const answer = listAnswer();
      if (!answer) return null;
      if (answer.total === 0) {
        const empty = w.document.querySelector('.requests-screen__list .state__title');
        return empty?.textContent === 'No requests match' ? 0 : null;
      }
      const rows = listBody()?.querySelectorAll('[role="row"]');
      return firstShownSid() === answer.firstSid ? (rows?.length ?? 0) : null;
    }
    if (what.kind === 'timeline') {
      const items = w.document.querySelectorAll('[data-testid="timeline"] .timeline__item').length;
      return items >= what.items ? items : null;
    }
    const rows = w.document.querySelectorAll('.numbers-table__body [role="row"]').length;
    return rows > 0 ? rows : null;
  }

  function waitFor(what: Wait, timeoutMs: number): Promise<Settled> {
    const since = armedAt;
    return new Promise((resolve, reject) => {
      let done = false;
      const check = () => {
        if (done) return;
        const count = satisfied(what);
        if (count === null) return;
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        const changedAt = performance.now();
        const answer = what.kind === 'listAnswer' ? listAnswer() : undefined;
        const input = inputs.find((i) => i.at >= since);
        void afterNextFrame().then((paintedAt) =>
          resolve({
            armedAt: since,
            inputAt: input?.at ?? null,
            queriedAt: answer?.start ?? null,
            answeredAt: answer?.resolvedAt ?? null,
            changedAt,
            paintedAt,
            fakeMs: fakeMsBetween(since, changedAt),
            sameFirstRow: answer !== undefined && answer.firstSid === shownAtArm,
            listRemounted:
              what.kind === 'listAnswer' &&
              tableAtArm !== null &&
              w.document.querySelector('.request-table') !== tableAtArm,
            count,
          }),
        );
      };
      const observer = new w.MutationObserver(check);
      observer.observe(w.document, {
        childList: true,
        subtree: true,
        attributes: true,
        characterData: true,
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`bench: timed out after ${timeoutMs} ms waiting for ${what.kind}`));
      }, timeoutMs);
      // The answer may arrive without a DOM change (same rows): look once it has arrived.
      const poll = () => {
        if (done) return;
        check();
        w.requestAnimationFrame(poll);
      };
      w.requestAnimationFrame(poll);
    });
  }

  // ── Scrolling the list top to bottom, one step per frame ──────────────────────────────────
  function scroll(stepPx: number, settleFrames: number): Promise<ScrollReport> {
    const body = listBody();
    if (!body) return Promise.reject(new Error('bench: the requests list is not on screen'));
    const longTasks: number[] = [];
    const observer = new w.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const startedAt = performance.now();
    const from = body.scrollTop;
    const deltas: number[] = [];
    let skeletonFrames = 0;
    let previous: number | null = null;
    let settled = 0;
    return new Promise((resolve) => {
      const frame = (time: number) => {
        if (previous !== null) deltas.push(time - previous);
        previous = time;
        if (body.querySelector('.skeleton')) skeletonFrames += 1;
        const bottom = body.scrollHeight - body.clientHeight;
        if (body.scrollTop < bottom - 1) {
          body.scrollTop = Math.min(bottom, body.scrollTop + stepPx);
        } else if (++settled > settleFrames) {
          observer.disconnect();
          const endedAt = performance.now();
          resolve({
            deltas,
            skeletonFrames,
            longTasks: longTasks.length,
            longTaskMs: longTasks.reduce((a, b) => a + b, 0),
            fakeMs: fakeMsBetween(startedAt, endedAt),
            bridgeCalls: calls.filter((c) => c.start >= startedAt).length,
            scrolledPx: body.scrollTop - from,
          });
          return;
        }
        w.requestAnimationFrame(frame);
      };
      w.requestAnimationFrame(frame);
    });
  }

  function frames(count: number): Promise<void> {
    return new Promise((resolve) => {
      let left = count;
      const tick = () => (--left <= 0 ? resolve() : w.requestAnimationFrame(tick));
      w.requestAnimationFrame(tick);
    });
  }

  w.__bench = { calls, firstRow, arm, waitFor, scroll, frames };
}

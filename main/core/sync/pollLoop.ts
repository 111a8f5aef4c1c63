/**
 * A chained-timer polling loop (not setInterval): one run at a time, a minimum gap between runs,
 * a random initial skew so many workstations do not poll in step, exponential backoff with full
 * jitter after failures, `Retry-After` honoured, an offline pause that ends on `resume()`, and a
 * `stopped` flag checked after every await. Errors never kill the loop.
 *
 * `pause()` is the host's "no network": no timer at all until `unpause()`, and a run in flight is
 * not aborted — it finishes as it would, and nothing is planned after it.
 */
export type PollOutcome =
  | { kind: 'ok' }
  | { kind: 'failed'; retryAfterMs?: number | null }
  | { kind: 'offline' }
  /** Stop polling until `resume()` (e.g. credentials were rejected). */
  | { kind: 'halt' };

export interface PollLoopOptions {
  run: (signal: AbortSignal) => Promise<PollOutcome>;
  /** Gap after a successful run; read before each wait so a settings change applies at once. */
  intervalMs: () => number;
  minIntervalMs?: number;
  initialSkewMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** How often to probe while offline, in case no reconnect event ever arrives. */
  offlineProbeMs?: number;
  random?: () => number;
  timers?: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };
  onUnexpectedError?: (error: unknown) => void;
  /**
   * Told the delay before the next run each time one is planned, and null when none is (halted
   * or stopped), so a status line can say when the next sync is.
   */
  onScheduled?: (delayMs: number | null) => void;
}

export class PollLoop {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private failures = 0;
  private halted = false;
  private paused = false;
  private rerunRequested = false;
  private abort: AbortController | null = null;
  private readonly timers: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };
  private readonly random: () => number;

  constructor(private readonly options: PollLoopOptions) {
    this.timers = options.timers ?? { setTimeout, clearTimeout };
    this.random = options.random ?? Math.random;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.halted = false;
    this.schedule(Math.floor(this.random() * (this.options.initialSkewMs ?? 0)));
  }

  /** Stops the loop and aborts a run in flight; resolves when that run has settled. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    this.options.onScheduled?.(null);
    this.abort?.abort();
    await this.running;
  }

  /** Run as soon as possible (sync now, after a local write, on reconnect or resume). */
  triggerNow(): void {
    if (this.stopped) return;
    this.halted = false;
    // Paused, "as soon as possible" is at unpause(), which runs at once anyway.
    if (this.paused) return;
    if (this.running) {
      this.rerunRequested = true;
      return;
    }
    this.schedule(0);
  }

  /** Leave an offline or halted pause and run now. */
  resume(): void {
    this.failures = 0;
    this.triggerNow();
  }

  /** Plans nothing until `unpause()`; a run in flight is left to finish. */
  pause(): void {
    this.paused = true;
    this.clearTimer();
    this.options.onScheduled?.(null);
  }

  /** Ends a pause with a run now (unless halted or stopped); a run in flight gets a rerun. */
  unpause(): void {
    if (!this.paused) return;
    this.paused = false;
    this.failures = 0;
    if (this.running) {
      this.rerunRequested = true;
      return;
    }
    this.schedule(0);
  }

  get isPaused(): boolean {
    return this.paused;
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  /** Resolves when the run in flight (if any) has settled; for tests and orderly shutdown. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private clearTimer(): void {
    if (this.timer) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    if (this.stopped || this.halted || this.paused) {
      this.options.onScheduled?.(null);
      return;
    }
    this.options.onScheduled?.(Math.max(0, delayMs));
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = null;
        this.running = this.tick().finally(() => {
          this.running = null;
        });
      },
      Math.max(0, delayMs),
    );
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    this.rerunRequested = false;
    this.abort = new AbortController();
    let outcome: PollOutcome;
    try {
      outcome = await this.options.run(this.abort.signal);
    } catch (error) {
      this.options.onUnexpectedError?.(error);
      outcome = { kind: 'failed' };
    } finally {
      this.abort = null;
    }
    if (this.stopped) return;
    this.schedule(this.nextDelay(outcome));
  }

  private nextDelay(outcome: PollOutcome): number {
    const minInterval = this.options.minIntervalMs ?? 1_000;
    switch (outcome.kind) {
      case 'ok':
        this.failures = 0;
        return this.rerunRequested ? minInterval : Math.max(minInterval, this.options.intervalMs());
      case 'offline':
        // A resume or unpause during the run that found no network: the network is back now.
        return this.rerunRequested ? minInterval : (this.options.offlineProbeMs ?? 60_000);
      case 'halt':
        this.halted = true;
        return 0;
      case 'failed': {
        this.failures += 1;
        const base = this.options.backoffBaseMs ?? 5_000;
        const max = this.options.backoffMaxMs ?? 5 * 60_000;
        const ceiling = Math.min(max, base * 2 ** (this.failures - 1));
        const jittered = Math.floor(this.random() * ceiling);
        return Math.max(minInterval, jittered, outcome.retryAfterMs ?? 0);
      }
    }
  }
}

export interface ProgressBatcherOptions<T> {
  /** At most one flush per interval… */
  intervalMs: number;
  /** …unless this many items are waiting. */
  batchSize: number;
  now: () => number;
  flush: (items: T[]) => void;
}

/**
 * Groups items that arrive one by one (portability answers) into batches, so 1,000 answers
 * become a few dozen progress events instead of 1,000 — and an item never waits longer than
 * one interval to be shown.
 */
export class ProgressBatcher<T> {
  private pending: T[] = [];
  private lastFlushAt: number;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ProgressBatcherOptions<T>) {
    this.lastFlushAt = options.now();
  }

  add(item: T): void {
    this.pending.push(item);
    const due = this.options.now() - this.lastFlushAt >= this.options.intervalMs;
    if (due || this.pending.length >= this.options.batchSize) {
      this.flushNow();
    } else if (this.timer === null) {
      const wait = Math.max(0, this.options.intervalMs - (this.options.now() - this.lastFlushAt));
      this.timer = setTimeout(() => {
        this.timer = null;
        if (this.pending.length > 0) this.flushNow();
      }, wait);
      this.timer.unref();
    }
  }

  /** Stops the timer and hands back what has not been flushed, for the closing event. */
  finish(): T[] {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const rest = this.pending;
    this.pending = [];
    return rest;
  }

  private flushNow(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const items = this.pending;
    this.pending = [];
    this.lastFlushAt = this.options.now();
    this.options.flush(items);
  }
}

const ignore = (): void => undefined;

/** Runs tasks one after another, in call order: two cycles of one account never overlap. */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(ignore, ignore);
    return result;
  }
}

/**
 * At most one run in flight and at most one waiting. A call while a run is in flight gets the
 * next run, which starts when the current one settles; every call made meanwhile shares it. So
 * a burst of "the outbox changed" kicks costs one extra drain, and a caller always gets a run
 * that started after its call.
 */
export class Coalescer<T> {
  private running: Promise<T> | null = null;
  private next: Promise<T> | null = null;

  run(task: () => Promise<T>): Promise<T> {
    if (this.next !== null) return this.next;
    if (this.running === null) return this.start(task);
    const next = this.running.then(ignore, ignore).then(() => {
      this.next = null;
      return this.start(task);
    });
    this.next = next;
    return next;
  }

  /** Resolves when nothing is running or waiting. */
  async idle(): Promise<void> {
    while (this.running !== null || this.next !== null) {
      await (this.next ?? this.running)?.then(ignore, ignore);
    }
  }

  private start(task: () => Promise<T>): Promise<T> {
    const run = Promise.resolve()
      .then(task)
      .finally(() => {
        if (this.running === run) this.running = null;
      });
    this.running = run;
    return run;
  }
}

/**
 * Several writes in one transaction. A first sync saves thousands of fetched requests; one
 * transaction each pays a commit (and a WAL frame for every page touched) per request, while one
 * transaction for all of them would hold main's thread, and with it every IPC answer, for
 * seconds. A batch is bounded by count, by weight (numbers written) and by time, so the store
 * commits often enough that the agent's queries never wait long.
 */

export interface BatchLimits {
  /** Writes per transaction. */
  maxItems: number;
  /** Summed weight per transaction (for fetched requests: their numbers). */
  maxWeight: number;
}

/**
 * For fetched requests: 5,000 numbers is a few tens of milliseconds of writing at the store's
 * bulk rate (docs/benchmarks.md), and 50 small requests a few milliseconds. Bigger batches gain
 * almost nothing on big requests (the commit is a small part of writing 1,000 numbers); the
 * count bound is what pays on small ones.
 */
export const FETCHED_BATCH_LIMITS: BatchLimits = { maxItems: 50, maxWeight: 5_000 };

/**
 * Splits `items` in order into runs within `limits`. An item heavier than maxWeight on its own
 * (one request with 8,000 numbers) is a run of its own: a request is never split.
 */
export function chunkWithin<T>(
  items: readonly T[],
  weightOf: (item: T) => number,
  limits: BatchLimits = FETCHED_BATCH_LIMITS,
): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let weight = 0;
  for (const item of items) {
    const itemWeight = weightOf(item);
    if (
      chunk.length > 0 &&
      (chunk.length >= limits.maxItems || weight + itemWeight > limits.maxWeight)
    ) {
      chunks.push(chunk);
      chunk = [];
      weight = 0;
    }
    chunk.push(item);
    weight += itemWeight;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

export interface WriteBatcherOptions extends Partial<BatchLimits> {
  /**
   * How long a queued write may wait for company before its batch runs. Default 0: the batch
   * runs right after the event loop's current phase (setImmediate), so it takes every answer
   * that arrived meanwhile and delays none (group commit: the busier main is, the bigger the
   * batches).
   */
  maxWaitMs?: number;
  /**
   * A batch stops taking writes once its transaction has run this long; the rest go to the
   * next one, after main's event loop has had a turn. Default 50 ms.
   */
  maxBatchMs?: number;
  /**
   * The queue's bound for `enqueue`'s `room`: while more than this many writes (or this much
   * weight) wait, a new write's `room` settles only with its commit. Default twice the batch
   * limits.
   */
  maxQueuedItems?: number;
  maxQueuedWeight?: number;
}

export interface QueuedWrite<T> {
  /** Settles after the batch holding the write COMMITTED (or rejects with the write's error). */
  committed: Promise<T>;
  /**
   * Settles (never rejects) as soon as the caller may go on producing writes: at once while the
   * queue is within its bound, else when this write has committed or failed. A producer that
   * awaits `room` instead of `committed` overlaps its next work with the commit, and the queue
   * still cannot grow without bound.
   */
  room: Promise<void>;
}

export interface WriteBatcher {
  /**
   * Queues `write` (synchronous, like store.transaction's function) for the next batch. It runs
   * in its own savepoint: if it throws, only its own writes roll back and its promise rejects
   * with the error; the others commit. The promise settles after the batch COMMITTED, so a
   * caller acts on (notifies about) only what is durable. `weight`: e.g. numbers written.
   */
  run<T>(weight: number, write: () => T): Promise<T>;
  /** `run`, plus a `room` promise for a producer that should not wait for the commit. */
  enqueue<T>(weight: number, write: () => T): QueuedWrite<T>;
  /** Runs every queued write now (on quit, or before a read that must see them). */
  flush(): void;
  /** Writes queued and not yet committed. */
  readonly pending: number;
}

interface Job {
  weight: number;
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** What the batcher needs of the store; with flatTransaction, batches first run without savepoints. */
interface BatchStore {
  transaction<T>(fn: () => T): T;
  flatTransaction?<T>(fn: () => T): T;
}

export function createWriteBatcher(
  store: BatchStore,
  options: WriteBatcherOptions = {},
): WriteBatcher {
  const maxItems = options.maxItems ?? FETCHED_BATCH_LIMITS.maxItems;
  const maxWeight = options.maxWeight ?? FETCHED_BATCH_LIMITS.maxWeight;
  const maxWaitMs = options.maxWaitMs ?? 0;
  const maxBatchMs = options.maxBatchMs ?? 50;
  const maxQueuedItems = options.maxQueuedItems ?? 2 * maxItems;
  const maxQueuedWeight = options.maxQueuedWeight ?? 2 * maxWeight;
  const queue: Job[] = [];
  let queuedWeight = 0;
  let timer: { cancel(): void } | null = null;

  function schedule(delayMs: number): void {
    if (timer !== null) return;
    const fire = (): void => {
      timer = null;
      runOneBatch();
      if (queue.length > 0) schedule(0);
    };
    if (delayMs <= 0) {
      const immediate = setImmediate(fire);
      timer = { cancel: () => clearImmediate(immediate) };
    } else {
      const timeout = setTimeout(fire, delayMs);
      timer = { cancel: () => clearTimeout(timeout) };
    }
  }

  /** Whether the batch may take `next` after `taken` (of `weight`) since `started`. */
  function fits(taken: number, weight: number, next: Job, started: number): boolean {
    return (
      taken === 0 ||
      (taken < maxItems &&
        weight + next.weight <= maxWeight &&
        performance.now() - started < maxBatchMs)
    );
  }

  /**
   * One batch. First as one flat transaction (no savepoint per write: docs/data-model.md,
   * Batches); if a write throws, nothing of it is stored and the same writes run again, each in
   * its own savepoint, so only the failing one is lost. A failed commit fails every write.
   */
  function runOneBatch(): void {
    if (store.flatTransaction !== undefined && runFlatBatch(store.flatTransaction)) return;
    runSavepointBatch();
  }

  /** False when a write threw: nothing is stored and the batch's jobs are queued again. */
  function runFlatBatch(flatTransaction: <T>(fn: () => T) => T): boolean {
    const started = performance.now();
    const taken: Job[] = [];
    const values: unknown[] = [];
    let weight = 0;
    let writeFailed = false;
    try {
      flatTransaction(() => {
        while (queue.length > 0 && fits(taken.length, weight, queue[0] as Job, started)) {
          const next = queue.shift() as Job;
          queuedWeight -= next.weight;
          taken.push(next);
          weight += next.weight;
          try {
            values.push(store.transaction(next.write));
          } catch (error) {
            writeFailed = true;
            throw error;
          }
        }
      });
    } catch (error) {
      if (!writeFailed) {
        // The commit itself failed (e.g. the file is locked): nothing of this batch is stored,
        // and running it again at once would only wait for the lock a second time.
        for (const job of taken) job.reject(error);
        return true;
      }
      queue.unshift(...taken);
      queuedWeight += weight;
      return false;
    }
    taken.forEach((job, index) => job.resolve(values[index]));
    return true;
  }

  /** One transaction, each write in its own savepoint: takes jobs until a bound is reached. */
  function runSavepointBatch(): void {
    const started = performance.now();
    const taken: Job[] = [];
    const outcomes: Outcome[] = [];
    let weight = 0;
    try {
      store.transaction(() => {
        while (queue.length > 0) {
          const next = queue[0] as Job;
          if (!fits(taken.length, weight, next, started)) break;
          queue.shift();
          queuedWeight -= next.weight;
          taken.push(next);
          weight += next.weight;
          try {
            // Nested: a savepoint, so a failing write rolls back alone.
            outcomes.push({ ok: true, value: store.transaction(next.write) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: nothing of this batch is stored.
      for (const job of taken) job.reject(error);
      return;
    }
    taken.forEach((job, index) => {
      const outcome = outcomes[index] as Outcome;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }

  function run<T>(weight: number, write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ weight, write, resolve: resolve as (value: unknown) => void, reject });
      queuedWeight += weight;
      const full = queue.length >= maxItems || queuedWeight >= maxWeight;
      if (full && timer !== null) {
        // A full batch does not wait out the delay.
        timer.cancel();
        timer = null;
      }
      schedule(full ? 0 : maxWaitMs);
    });
  }

  return {
    run,
    enqueue<T>(weight: number, write: () => T): QueuedWrite<T> {
      const committed = run(weight, write);
      const withinBound = queue.length <= maxQueuedItems && queuedWeight <= maxQueuedWeight;
      const room = withinBound
        ? Promise.resolve()
        : committed.then(
            () => undefined,
            () => undefined,
          );
      return { committed, room };
    },
    flush() {
      if (timer !== null) {
        timer.cancel();
        timer = null;
      }
      while (queue.length > 0) runOneBatch();
    },
    get pending() {
      return queue.length;
    },
  };
}

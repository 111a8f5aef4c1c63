/**
 * Runs `work` over `items` with at most `limit` in flight, in order of start. A worker answering
 * 'stop' lets the calls in flight finish and starts no new ones. `work` must not throw: each
 * caller turns its own failures into values, so one bad item never hides the others.
 */
export async function forEachBounded<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<'continue' | 'stop'>,
): Promise<void> {
  let next = 0;
  let stopped = false;
  const worker = async (): Promise<void> => {
    while (!stopped && next < items.length) {
      const item = items[next] as T;
      next += 1;
      if ((await work(item)) === 'stop') stopped = true;
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(limit), items.length));
  await Promise.all(Array.from({ length: workers }, worker));
}

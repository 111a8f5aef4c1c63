import { describe, expect, it } from 'vitest';
import { Coalescer, SerialQueue } from '../../../main/core/sync/serial';

function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('SerialQueue', () => {
  it('runs tasks one at a time in call order, even when one fails', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const first = gate();
    const a = queue.run(async () => {
      log.push('a start');
      await first.promise;
      log.push('a end');
      throw new Error('a failed');
    });
    const b = queue.run(async () => {
      log.push('b');
      return 2;
    });
    first.open();
    await expect(a).rejects.toThrow('a failed');
    await expect(b).resolves.toBe(2);
    expect(log).toEqual(['a start', 'a end', 'b']);
  });
});

describe('Coalescer', () => {
  it('gives every call made during a run one shared next run, started after the current one', async () => {
    const coalescer = new Coalescer<number>();
    let runs = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const first = gate();
    const task = async (): Promise<number> => {
      runs += 1;
      const run = runs;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      if (run === 1) await first.promise;
      inFlight -= 1;
      return run;
    };
    const a = coalescer.run(task);
    const b = coalescer.run(task);
    const c = coalescer.run(task);
    first.open();
    expect(await a).toBe(1);
    expect(await b).toBe(2);
    expect(await c).toBe(2);
    expect(runs).toBe(2);
    expect(maxInFlight).toBe(1);
    await coalescer.idle();
    expect(await coalescer.run(task)).toBe(3);
  });
});

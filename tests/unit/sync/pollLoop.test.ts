import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PollLoop, type PollOutcome } from '../../../main/core/sync/pollLoop';

describe('PollLoop', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function loopWith(
    outcomes: PollOutcome[],
    options: Partial<ConstructorParameters<typeof PollLoop>[0]> = {},
  ) {
    const runs: number[] = [];
    const loop = new PollLoop({
      run: async () => {
        runs.push(Date.now());
        return outcomes.shift() ?? { kind: 'ok' };
      },
      intervalMs: () => 60_000,
      minIntervalMs: 1_000,
      random: () => 0.5,
      ...options,
    });
    return { loop, runs };
  }

  it('runs after the initial skew and then once per interval', async () => {
    const { loop, runs } = loopWith([], { initialSkewMs: 10_000 });
    loop.start();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toHaveLength(2);
    await loop.stop();
  });

  it('backs off exponentially with jitter after failures and honours Retry-After', async () => {
    const { loop, runs } = loopWith(
      [{ kind: 'failed' }, { kind: 'failed' }, { kind: 'failed', retryAfterMs: 120_000 }],
      { backoffBaseMs: 10_000, random: () => 1 - Number.EPSILON },
    );
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(9_000); // first backoff: just under its 10 s ceiling
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(18_000); // second backoff: just under 20 s
    expect(runs).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(110_000); // Retry-After 120 s beats the 40 s ceiling
    expect(runs).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toHaveLength(4);
    await loop.stop();
  });

  it('pauses while offline until resumed', async () => {
    const { loop, runs } = loopWith([{ kind: 'offline' }], { offlineProbeMs: 300_000 });
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200_000);
    expect(runs).toHaveLength(1);
    loop.resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(2);
    await loop.stop();
  });

  it('halts until resumed, e.g. after credentials were rejected', async () => {
    const { loop, runs } = loopWith([{ kind: 'halt' }]);
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(runs).toHaveLength(1);
    loop.resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(2);
    await loop.stop();
  });

  it('plans nothing while paused, whatever triggers it, and runs at once when unpaused', async () => {
    const scheduled: (number | null)[] = [];
    const { loop, runs } = loopWith([], { onScheduled: (delay) => scheduled.push(delay) });
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(1);
    loop.pause();
    expect(scheduled.at(-1)).toBeNull();
    loop.triggerNow();
    loop.resume();
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(runs).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
    loop.unpause();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toHaveLength(3);
    await loop.stop();
  });

  it('lets a run in flight finish when paused, and plans nothing after it', async () => {
    let release: () => void = () => {};
    let aborted = false;
    let finished = 0;
    const loop = new PollLoop({
      run: (signal) =>
        new Promise<PollOutcome>((resolve) => {
          signal.addEventListener('abort', () => (aborted = true));
          release = () => {
            finished += 1;
            resolve({ kind: 'ok' });
          };
        }),
      intervalMs: () => 60_000,
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    loop.pause();
    release();
    await loop.idle();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(aborted).toBe(false);
    expect(finished).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    loop.unpause();
    await vi.advanceTimersByTimeAsync(0);
    release();
    expect(finished).toBe(2);
    await loop.stop();
  });

  it('runs again right after a run that found no network when unpaused during it', async () => {
    let release: (outcome: PollOutcome) => void = () => {};
    let runs = 0;
    const loop = new PollLoop({
      run: () =>
        new Promise<PollOutcome>((resolve) => {
          runs += 1;
          release = resolve;
        }),
      intervalMs: () => 60_000,
      minIntervalMs: 1_000,
      offlineProbeMs: 300_000,
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    loop.pause();
    loop.unpause();
    release({ kind: 'offline' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
    release({ kind: 'ok' });
    await loop.stop();
  });

  it('stays halted when unpaused, until resumed', async () => {
    const { loop, runs } = loopWith([{ kind: 'halt' }]);
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    loop.pause();
    loop.unpause();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(runs).toHaveLength(1);
    loop.resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(2);
    await loop.stop();
  });

  it('never runs twice at once: a trigger during a run schedules one more run after it', async () => {
    let concurrent = 0;
    let maxConcurrent = 0;
    let release: () => void = () => {};
    let runs = 0;
    const loop = new PollLoop({
      run: async () => {
        runs += 1;
        concurrent += 1;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        await new Promise<void>((resolve) => (release = resolve));
        concurrent -= 1;
        return { kind: 'ok' };
      },
      intervalMs: () => 60_000,
      minIntervalMs: 1_000,
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    loop.triggerNow();
    loop.triggerNow();
    release();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(maxConcurrent).toBe(1);
    await loop.stop();
  });

  it('keeps polling when a run throws, and reports the error', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const loop = new PollLoop({
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error('boom');
        return { kind: 'ok' };
      },
      intervalMs: () => 60_000,
      backoffBaseMs: 1_000,
      minIntervalMs: 1_000,
      random: () => 0,
      onUnexpectedError: (e) => errors.push(e),
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
    await loop.stop();
  });

  it('aborts the run in flight on stop and does not run again', async () => {
    let aborted = false;
    let calls = 0;
    const loop = new PollLoop({
      run: (signal) =>
        new Promise<PollOutcome>((resolve) => {
          calls += 1;
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve({ kind: 'ok' });
          });
        }),
      intervalMs: () => 1_000,
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    await loop.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(aborted).toBe(true);
    expect(calls).toBe(1);
  });
});

import { networkInterfaces } from 'node:os';

/**
 * Node's stand-in for Electron's `net.isOnline()`: the machine has a network interface other than
 * loopback. Like Chromium's own check it says "maybe online", not "Twilio is reachable"; the sync
 * engine finds out the rest.
 */
export function hasExternalNetwork(): boolean {
  return Object.values(networkInterfaces()).some((addresses) =>
    (addresses ?? []).some((address) => !address.internal),
  );
}

export interface SleepWatcherOptions {
  onResume: () => void;
  /** Default 10 s. */
  intervalMs?: number;
  /** A tick this much later than due means the machine slept; default 30 s. */
  toleranceMs?: number;
  now?: () => number;
  timers?: {
    setTimeout: (callback: () => void, ms: number) => unknown;
    clearTimeout: (handle: unknown) => void;
  };
}

/**
 * Node has no powerMonitor: a chained timer that wakes up far later than it asked to means the
 * machine was asleep in between, which is when Electron would emit `resume`.
 */
export function watchForResume(options: SleepWatcherOptions): () => void {
  const intervalMs = options.intervalMs ?? 10_000;
  const toleranceMs = options.toleranceMs ?? 30_000;
  const now = options.now ?? Date.now;
  const timers = options.timers ?? {
    setTimeout: (callback: () => void, ms: number) => {
      const handle = setTimeout(callback, ms);
      handle.unref();
      return handle;
    },
    clearTimeout: (handle: unknown) => clearTimeout(handle as NodeJS.Timeout),
  };
  let stopped = false;
  let due = now() + intervalMs;
  let handle: unknown = null;
  const tick = () => {
    if (stopped) return;
    const late = now() - due;
    if (late > toleranceMs) options.onResume();
    due = now() + intervalMs;
    handle = timers.setTimeout(tick, intervalMs);
  };
  handle = timers.setTimeout(tick, intervalMs);
  return () => {
    stopped = true;
    if (handle !== null) timers.clearTimeout(handle);
  };
}

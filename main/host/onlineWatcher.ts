export interface OnlineWatcherOptions {
  /** Electron's `net.isOnline()`; in Node, a look at the network interfaces. */
  isOnline: () => boolean;
  /** Called with the first reading at once, then on every change. */
  onChange: (online: boolean) => void;
  /** Between readings; default 10 s. */
  intervalMs?: number;
  timers?: {
    setTimeout: (callback: () => void, ms: number) => unknown;
    clearTimeout: (handle: unknown) => void;
  };
}

export interface OnlineWatcher {
  /** Reads now (after resume from sleep, the network may have changed while we slept). */
  check(): void;
  stop(): void;
}

const DEFAULT_INTERVAL_MS = 10_000;

/**
 * Tells the core when the machine goes offline or comes back (ARCHITECTURE §6: sync pauses
 * offline and runs on reconnect). Neither Electron nor Node emits an event for this, so it polls
 * a cheap local reading on a chained timer (never an interval: a slow reading cannot pile up)
 * and reports changes only. A throwing reading counts as "no change".
 */
export function watchOnline(options: OnlineWatcherOptions): OnlineWatcher {
  const timers = options.timers ?? {
    setTimeout: (callback: () => void, ms: number) => {
      const handle = setTimeout(callback, ms);
      handle.unref();
      return handle;
    },
    clearTimeout: (handle: unknown) => clearTimeout(handle as NodeJS.Timeout),
  };
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  let last: boolean | null = null;
  let stopped = false;
  let handle: unknown = null;

  const check = () => {
    if (stopped) return;
    let online: boolean;
    try {
      online = options.isOnline();
    } catch {
      return;
    }
    if (online !== last) {
      last = online;
      options.onChange(online);
    }
  };
  const tick = () => {
    check();
    if (!stopped) handle = timers.setTimeout(tick, intervalMs);
  };
  tick();
  return {
    check,
    stop() {
      stopped = true;
      if (handle !== null) timers.clearTimeout(handle);
    },
  };
}

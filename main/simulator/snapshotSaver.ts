import type { RunningSimulator } from './api';
import { writeSnapshotFile } from './snapshotFile';

/** How often (real ms) a saver looks whether the world changed. */
export const SNAPSHOT_SAVE_INTERVAL_MS = 2_000;

export interface SnapshotSaver {
  /** Saves now if the world changed since the last save (always with `force`). */
  flush(options?: { force?: boolean }): Promise<void>;
  /** Stops looking and saves one last time, so the clock resumes exactly where it stopped. */
  close(): Promise<void>;
}

export interface SnapshotSaverOptions {
  file: string;
  /** Default SNAPSHOT_SAVE_INTERVAL_MS. */
  intervalMs?: number;
  /** One line when saving starts failing and one when it works again; never per attempt. */
  log?: (line: string) => void;
  /** Figures for benches and tests. */
  onSaved?: (save: { bytes: number; snapshotMs: number; writeMs: number }) => void;
}

/**
 * Keeps a simulator's world saved in a file: at most once per interval, and only when its
 * revision moved, so an idle world costs nothing. Saves never overlap; a failed save is retried
 * at the next interval and never stops the simulator. Uses a chained timer that does not keep
 * the process alive.
 */
export function keepSnapshotSaved(
  simulator: Pick<RunningSimulator, 'snapshot' | 'revision'>,
  options: SnapshotSaverOptions,
): SnapshotSaver {
  const intervalMs = options.intervalMs ?? SNAPSHOT_SAVE_INTERVAL_MS;
  const log = options.log ?? (() => undefined);
  let savedRevision: number | null = null;
  let failing = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let queue: Promise<void> = Promise.resolve();

  const save = async (force: boolean): Promise<void> => {
    if (!force && savedRevision === simulator.revision()) return;
    try {
      const started = performance.now();
      // Taken synchronously, so it is one consistent instant of the world.
      const snapshot = simulator.snapshot();
      const revision = simulator.revision();
      const snapshotMs = performance.now() - started;
      const bytes = await writeSnapshotFile(options.file, snapshot);
      savedRevision = revision;
      if (failing) log(`Simulator snapshot saved again to ${options.file}`);
      failing = false;
      options.onSaved?.({ bytes, snapshotMs, writeMs: performance.now() - started - snapshotMs });
    } catch (error) {
      // Never rejects: the queue of saves must keep going after a failure.
      if (!failing) {
        log(
          `Simulator snapshot could not be saved to ${options.file} (${error instanceof Error ? error.message : String(error)}); retrying every ${intervalMs} ms`,
        );
      }
      failing = true;
    }
  };

  const flush = (flushOptions: { force?: boolean } = {}): Promise<void> => {
    queue = queue.then(() => save(flushOptions.force === true));
    return queue;
  };

  const tick = (): void => {
    if (stopped) return;
    void flush().then(() => {
      if (stopped) return;
      timer = setTimeout(tick, intervalMs);
      timer.unref();
    });
  };
  timer = setTimeout(tick, intervalMs);
  timer.unref();

  return {
    flush,
    async close() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await flush({ force: true });
    },
  };
}

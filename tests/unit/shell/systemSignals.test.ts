import { describe, expect, it, vi } from 'vitest';
import { watchOnline } from '../../../main/host/onlineWatcher';
import { watchForResume } from '../../../main/browserHost/systemSignals';
import { electronSqliteBinding } from '../../../main/shell/system/nativeBinding';

/** Timers the test fires by hand: no waiting, no clock. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    timers: {
      setTimeout: (callback: () => void) => {
        pending.set(next, callback);
        return next++;
      },
      clearTimeout: (handle: unknown) => pending.delete(handle as number),
    },
    fire() {
      const [handle, callback] = [...pending.entries()][0] ?? [];
      if (handle === undefined || !callback) throw new Error('nothing scheduled');
      pending.delete(handle);
      callback();
    },
    get scheduled() {
      return pending.size;
    },
  };
}

describe('watchOnline', () => {
  it('reports the first reading at once, then only changes', () => {
    const clock = manualTimers();
    const readings = [true, true, false, false, true];
    const changes: boolean[] = [];
    watchOnline({
      isOnline: () => readings.shift() ?? true,
      onChange: (online) => changes.push(online),
      timers: clock.timers,
    });
    for (let tick = 0; tick < 4; tick += 1) clock.fire();
    expect(changes).toEqual([true, false, true]);
  });

  it('reads again on demand (after resume) and stops for good', () => {
    const clock = manualTimers();
    let online = true;
    const changes: boolean[] = [];
    const watcher = watchOnline({
      isOnline: () => online,
      onChange: (value) => changes.push(value),
      timers: clock.timers,
    });
    online = false;
    watcher.check();
    watcher.stop();
    online = true;
    watcher.check();
    expect(changes).toEqual([true, false]);
    expect(clock.scheduled).toBe(0);
  });

  it('treats a reading that throws as no change and keeps polling', () => {
    const clock = manualTimers();
    const onChange = vi.fn();
    let calls = 0;
    watchOnline({
      isOnline: () => {
        calls += 1;
        if (calls === 2) throw new Error('netlink');
        return true;
      },
      onChange,
      timers: clock.timers,
    });
    clock.fire();
    clock.fire();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(clock.scheduled).toBe(1);
  });
});

describe('watchForResume (the browser host’s stand-in for powerMonitor)', () => {
  it('calls onResume when a tick wakes up far later than it was due', () => {
    const clock = manualTimers();
    let now = 0;
    const onResume = vi.fn();
    watchForResume({
      onResume,
      now: () => now,
      intervalMs: 10_000,
      toleranceMs: 30_000,
      timers: clock.timers,
    });
    now = 10_500;
    clock.fire();
    expect(onResume).not.toHaveBeenCalled();
    now = 10_500 + 10_000 + 3_600_000;
    clock.fire();
    expect(onResume).toHaveBeenCalledOnce();
  });
});

describe('electronSqliteBinding', () => {
  it('uses native/electron/better_sqlite3.node beside the app when present', () => {
    expect(
      electronSqliteBinding('/app', (path) => path === '/app/native/electron/better_sqlite3.node'),
    ).toBe('/app/native/electron/better_sqlite3.node');
    expect(electronSqliteBinding('/app', () => false)).toBeUndefined();
  });
});

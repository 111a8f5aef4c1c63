import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  restoreWindow,
} from '../../../main/shell/window/windowBounds';
import { readWindowState, writeWindowState } from '../../../main/shell/window/windowStateFile';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('restoreWindow', () => {
  it('puts the window back where it was when that is still on a display', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1400, height: 900 }, maximized: true };
    expect(restoreWindow(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('centres a default-size window when nothing (or garbage) was saved', () => {
    for (const saved of [
      null,
      undefined,
      'x',
      { bounds: { x: 'a' } },
      { bounds: { x: 0, y: 0, width: -5, height: 10 }, maximized: false },
    ]) {
      expect(restoreWindow(saved, [laptop])).toEqual({
        bounds: { ...DEFAULT_WINDOW_SIZE },
        maximized: false,
      });
    }
  });

  it('centres the window on the primary display when its monitor is gone', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1400, height: 900 }, maximized: false };
    expect(restoreWindow(saved, [laptop])).toEqual({
      bounds: { width: 1400, height: 900 },
      maximized: false,
    });
  });

  it('pulls a window hanging off the edge fully onto the display it overlaps most', () => {
    const saved = { bounds: { x: 1700, y: -50, width: 1000, height: 700 }, maximized: false };
    expect(restoreWindow(saved, [laptop, rightMonitor]).bounds).toEqual({
      x: 1920,
      y: 0,
      width: 1000,
      height: 700,
    });
  });

  it('shrinks a window larger than its display and grows one below the minimum', () => {
    const huge = { bounds: { x: 0, y: 0, width: 5000, height: 3000 }, maximized: false };
    expect(restoreWindow(huge, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
    const tiny = { bounds: { x: 10, y: 10, width: 100, height: 50 }, maximized: false };
    expect(restoreWindow(tiny, [laptop]).bounds).toEqual({
      x: 10,
      y: 10,
      width: MIN_WINDOW_SIZE.width,
      height: MIN_WINDOW_SIZE.height,
    });
  });
});

describe('the window-state file', () => {
  it('round-trips through disk and reads a corrupt or missing file as nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portdesk-window-'));
    try {
      const file = join(dir, 'window-state.json');
      expect(await readWindowState(file)).toBeNull();
      const state = { bounds: { x: 1, y: 2, width: 1300, height: 800 }, maximized: false };
      await writeWindowState(file, state);
      expect(await readWindowState(file)).toEqual(state);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(state);
      await writeFile(file, '{"bounds":');
      expect(await readWindowState(file)).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered between launches (window-state.json in userData). */
export interface SavedWindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface RestoredWindow {
  /** x/y absent: let the OS centre the window. */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;

const coordinate = z.int().min(-100_000).max(100_000);
const length = z.int().min(1).max(100_000);
const SavedWindowStateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }),
  maximized: z.boolean(),
});

/**
 * Where to open the window, from what was saved last time (anything: the file may be missing,
 * corrupt or written by another version) and the work areas of the displays attached now.
 * The window lands on the display it overlapped most, clamped to fit inside it; a window that
 * would be off every display (a monitor unplugged) is centred on the primary one instead.
 */
export function restoreWindow(saved: unknown, workAreas: readonly Rect[]): RestoredWindow {
  const primary = workAreas[0];
  const parsed = SavedWindowStateSchema.safeParse(saved);
  if (!parsed.success || primary === undefined) {
    return { bounds: fitSize(DEFAULT_WINDOW_SIZE, primary), maximized: false };
  }
  const { bounds, maximized } = parsed.data;
  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(bounds, area);
    if (overlap > bestOverlap) {
      best = area;
      bestOverlap = overlap;
    }
  }
  if (best === undefined) return { bounds: fitSize(bounds, primary), maximized };
  const { width, height } = fitSize(bounds, best);
  return {
    bounds: {
      x: clamp(bounds.x, best.x, best.x + best.width - width),
      y: clamp(bounds.y, best.y, best.y + best.height - height),
      width,
      height,
    },
    maximized,
  };
}

function fitSize(
  size: { width: number; height: number },
  area: Rect | undefined,
): { width: number; height: number } {
  const maxWidth = area?.width ?? Number.MAX_SAFE_INTEGER;
  const maxHeight = area?.height ?? Number.MAX_SAFE_INTEGER;
  return {
    width: Math.min(Math.max(size.width, MIN_WINDOW_SIZE.width), maxWidth),
    height: Math.min(Math.max(size.height, MIN_WINDOW_SIZE.height), maxHeight),
  };
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

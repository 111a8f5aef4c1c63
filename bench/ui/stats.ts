/** Order statistics for the bench's samples (nearest rank, no interpolation). */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

export const median = (samples: readonly number[]): number => percentile(samples, 0.5);
export const p95 = (samples: readonly number[]): number => percentile(samples, 0.95);

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
}

export function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** A plain text table with right-aligned figures and a left-aligned first column. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * A first-row table: for each figure, the median, min and max of these pages and the control
 * desk's median (tables 1 and 1a of bench:ui).
 */
export function firstRowTable<T>(
  runs: readonly T[],
  control: readonly T[],
  controlLabel: string,
  figures: readonly (readonly [label: string, pick: (run: T) => number])[],
): string {
  return formatTable(
    ['', 'median', 'min', 'max', controlLabel],
    figures.map(([label, pick]) => {
      const values = runs.map(pick);
      return [
        label,
        ms(median(values)),
        ms(Math.min(...values)),
        ms(Math.max(...values)),
        ms(median(control.map(pick))),
      ];
    }),
  );
}

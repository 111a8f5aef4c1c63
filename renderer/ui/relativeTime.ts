import { formatRelative, formatShortDate } from './format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function instant(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : at;
}

/**
 * How long ago something happened, never in the future: after a clock jump or a wake from sleep
 * `now` can lag behind a fresh timestamp, and "Last synced tomorrow" is never true.
 */
export function formatSince(iso: string | null | undefined, now: number): string {
  const at = instant(iso);
  return formatRelative(iso, at === null ? now : Math.max(now, at));
}

/**
 * A past instant short enough for a narrow column on one line: "just now", "4 min ago",
 * "3 hr ago", "yesterday", "5 days ago", then the date ("Dec 4"). A future instant (clock skew)
 * reads "just now".
 */
export function formatAgoCompact(iso: string | null | undefined, now: number): string {
  const at = instant(iso);
  if (at === null) return '—';
  const ago = Math.max(0, now - at);
  if (ago < 45_000) return 'just now';
  if (ago < HOUR) return `${Math.max(1, Math.round(ago / MINUTE))} min ago`;
  if (ago < DAY) return `${Math.round(ago / HOUR)} hr ago`;
  const days = Math.round(ago / DAY);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return formatShortDate(iso);
}

/** Dates, times, sizes and counts in the agent's words (en-US, the app's only locale for now). */
const LOCALE = 'en-US';

const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});
const shortDateFormat = new Intl.DateTimeFormat(LOCALE, { month: 'short', day: 'numeric' });
const utcDateFormat = new Intl.DateTimeFormat(LOCALE, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const timeFormat = new Intl.DateTimeFormat(LOCALE, { hour: 'numeric', minute: '2-digit' });
const relativeFormat = new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' });
const countFormat = new Intl.NumberFormat(LOCALE);

function parseInstant(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  // A bare date (the list endpoint sends some) is a calendar day, not midnight UTC.
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = dateOnly
    ? new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]))
    : new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A `YYYY-MM-DD` calendar date: "Tue, Dec 4, 2025". */
export function formatCalendarDate(date: string | null | undefined): string {
  const parsed = parseInstant(date);
  return parsed ? dateFormat.format(parsed) : '—';
}

export function formatShortDate(iso: string | null | undefined): string {
  const parsed = parseInstant(iso);
  return parsed ? shortDateFormat.format(parsed) : '—';
}

/**
 * A confirmed (FOC) port date. Twilio sends it as midnight UTC of the port day, so it is shown
 * in UTC: in local time an agent west of Greenwich would see the day before.
 */
export function formatPortDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : utcDateFormat.format(date);
}

export function formatDateTime(iso: string | null | undefined): string {
  const parsed = parseInstant(iso);
  return parsed ? dateTimeFormat.format(parsed) : '—';
}

export function formatTime(iso: string | null | undefined): string {
  const parsed = parseInstant(iso);
  return parsed ? timeFormat.format(parsed) : '—';
}

/** "just now", "5 minutes ago", "yesterday", then the date. */
export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string {
  const parsed = parseInstant(iso);
  if (!parsed) return '—';
  const seconds = Math.round((parsed.getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 3600) return relativeFormat.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relativeFormat.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return relativeFormat.format(Math.round(seconds / 86_400), 'day');
  return shortDateFormat.format(parsed);
}

export function formatCount(n: number | null | undefined): string {
  return n == null ? '—' : countFormat.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${countFormat.format(n)} ${n === 1 ? one : many}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The local calendar day as YYYY-MM-DD. */
export function localIsoDate(date: Date = new Date()): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

const utcShortDateFormat = new Intl.DateTimeFormat(LOCALE, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** A confirmed port date, short ("Dec 4"), in UTC for the reason given at formatPortDate. */
export function formatPortDateShort(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : utcShortDateFormat.format(date);
}

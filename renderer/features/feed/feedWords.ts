import { formatCalendarDate, localIsoDate } from '../../ui/format';

/** The agent's calendar day of an instant, YYYY-MM-DD: the feed's grouping key. */
export function dayOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : localIsoDate(date);
}

/** "Today", "Yesterday", else "Tue, Dec 1, 2026". */
export function dayHeading(day: string, now: number): string {
  const today = new Date(now);
  if (day === localIsoDate(today)) return 'Today';
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (day === localIsoDate(yesterday)) return 'Yesterday';
  return formatCalendarDate(day);
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Days an LOA can wait for its signature before Twilio expires the request (ARCHITECTURE §7;
 * Twilio does not publish the window, PORTING-API §5).
 */
export const LOA_SIGNATURE_WINDOW_DAYS = 30;

// A port date is a calendar day: Twilio sends "2023-09-17" or "2023-09-17T00:00:00Z". Read in a
// US zone, midnight UTC is the evening before, so such values are shown as the day they name.
const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00))?$/;

interface DateWordsOptions {
  locale: string;
  timeZone: string;
}

function monthDay(instant: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone }).format(
    instant,
  );
}

/** "Dec 4" for a port date; the raw text when it is not a date at all (never hide it). */
export function portDateInWords(value: string, options: DateWordsOptions): string {
  const day = CALENDAR_DAY.exec(value);
  if (day) {
    const instant = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    return Number.isNaN(instant.getTime()) ? value : monthDay(instant, options.locale, 'UTC');
  }
  return instantInWords(value, options);
}

/** "Dec 4" for a moment in time, on the agent's calendar. */
export function instantInWords(value: string | Date, options: DateWordsOptions): string {
  const instant = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) return String(value);
  return monthDay(instant, options.locale, options.timeZone);
}

/** Milliseconds since the epoch, or null for a missing or unreadable date. */
export function parseInstant(value: string | null | undefined): number | null {
  if (!value) return null;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? null : time;
}

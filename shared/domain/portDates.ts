/**
 * Target port dates and time windows (PORTING-API §3.1, §4). Dates are calendar dates
 * (`YYYY-MM-DD`) with no time zone: "today" is the agent's local date, given by the caller
 * (`localDateString(new Date())`), so these rules are pure and testable.
 */

/** Twilio wants the target date at least this many days ahead for US ports. */
export const US_MIN_LEAD_DAYS = 7;

const DAY_MS = 86_400_000;
const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

// ── Calendar dates ──────────────────────────────────────────────────────────────────────────

function toUtcMs(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March: a round trip tells a real date from a typo.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1) return null;
  if (back.getUTCDate() !== day) return null;
  return ms;
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function ymd(year: number, month: number, day: number): string {
  return fromUtcMs(Date.UTC(year, month - 1, day));
}

export function isCalendarDate(date: string): boolean {
  return toUtcMs(date) !== null;
}

function requireDate(date: string): number {
  const ms = toUtcMs(date);
  if (ms === null)
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return ms;
}

/** The local calendar date of an instant, as `YYYY-MM-DD`. */
export function localDateString(instant: Date): string {
  return ymd(instant.getFullYear(), instant.getMonth() + 1, instant.getDate());
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(requireDate(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((requireDate(to) - requireDate(from)) / DAY_MS);
}

export function weekdayName(date: string): string {
  return WEEKDAY_NAMES[new Date(requireDate(date)).getUTCDay()] ?? '';
}

export function isWeekend(date: string): boolean {
  const day = new Date(requireDate(date)).getUTCDay();
  return day === 0 || day === 6;
}

// ── US federal holidays (5 U.S.C. 6103), computed by rule ───────────────────────────────────

export interface UsFederalHoliday {
  /** YYYY-MM-DD */
  date: string;
  name: string;
  /** true for the weekday a weekend holiday is observed on (Friday before / Monday after). */
  observed: boolean;
}

/** The n-th given weekday (0 = Sunday) of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const firstDay = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return ymd(year, month, 1 + ((weekday - firstDay + 7) % 7) + (n - 1) * 7);
  }
  const lastDate = new Date(Date.UTC(year, month, 0));
  const offset = (lastDate.getUTCDay() - weekday + 7) % 7;
  return ymd(year, month, lastDate.getUTCDate() - offset);
}

/** A fixed-date holiday plus, when it falls on a weekend, the weekday it is observed on. */
function fixedHoliday(year: number, month: number, day: number, name: string): UsFederalHoliday[] {
  const date = ymd(year, month, day);
  const weekday = new Date(requireDate(date)).getUTCDay();
  const actual = { date, name, observed: false };
  if (weekday === 6)
    return [actual, { date: addDays(date, -1), name: `${name} (observed)`, observed: true }];
  if (weekday === 0)
    return [actual, { date: addDays(date, 1), name: `${name} (observed)`, observed: true }];
  return [actual];
}

function holidaysByRule(year: number): UsFederalHoliday[] {
  const monday = (month: number, n: number, name: string): UsFederalHoliday => ({
    date: nthWeekday(year, month, 1, n),
    name,
    observed: false,
  });
  return [
    ...fixedHoliday(year, 1, 1, "New Year's Day"),
    monday(1, 3, 'Martin Luther King Jr. Day'),
    monday(2, 3, "Washington's Birthday (Presidents' Day)"),
    monday(5, -1, 'Memorial Day'),
    // Juneteenth became a federal holiday in 2021.
    ...(year >= 2021 ? fixedHoliday(year, 6, 19, 'Juneteenth National Independence Day') : []),
    ...fixedHoliday(year, 7, 4, 'Independence Day'),
    monday(9, 1, 'Labor Day'),
    monday(10, 2, 'Columbus Day'),
    ...fixedHoliday(year, 11, 11, 'Veterans Day'),
    { date: nthWeekday(year, 11, 4, 4), name: 'Thanksgiving Day', observed: false },
    ...fixedHoliday(year, 12, 25, 'Christmas Day'),
  ];
}

const holidayCache = new Map<number, UsFederalHoliday[]>();

/**
 * Every US federal holiday date that falls in `year`, actual and observed, sorted. A New Year's
 * Day on a Saturday is observed on December 31 of the year before, so it appears in that year.
 */
export function usFederalHolidays(year: number): UsFederalHoliday[] {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const prefix = `${String(year).padStart(4, '0')}-`;
  const list = [...holidaysByRule(year), ...holidaysByRule(year + 1)]
    .filter((holiday) => holiday.date.startsWith(prefix))
    .sort((a, b) => a.date.localeCompare(b.date));
  holidayCache.set(year, list);
  return list;
}

/** The holiday on that date, preferring the observed one (the day offices close), or null. */
export function usFederalHolidayOn(date: string): UsFederalHoliday | null {
  requireDate(date);
  const onDay = usFederalHolidays(Number(date.slice(0, 4))).filter((h) => h.date === date);
  return onDay.find((h) => h.observed) ?? onDay[0] ?? null;
}

/** A weekday that is not a federal holiday (nor the observed day of one). */
export function isBusinessDay(date: string): boolean {
  return !isWeekend(date) && usFederalHolidayOn(date) === null;
}

// ── Target port date ────────────────────────────────────────────────────────────────────────

export interface PortDateOptions {
  /** The agent's local date, YYYY-MM-DD. */
  today: string;
  /** Defaults to US_MIN_LEAD_DAYS. */
  minLeadDays?: number;
}

/** The first business day at least `minLeadDays` after today: what the wizard suggests. */
export function earliestTargetPortDate(options: PortDateOptions): string {
  let date = addDays(options.today, options.minLeadDays ?? US_MIN_LEAD_DAYS);
  while (!isBusinessDay(date)) date = addDays(date, 1);
  return date;
}

export type PortDateIssueCode = 'not_a_date' | 'too_soon' | 'weekend' | 'holiday';

export interface PortDateIssue {
  code: PortDateIssueCode;
  /** `error` blocks submitting; a `warning` is shown but Twilio accepts the date. */
  severity: 'error' | 'warning';
  message: string;
}

/**
 * What is wrong with a target port date, most serious first; empty when the date is fine.
 * Weekends and holidays are warnings: Twilio accepts them, but carriers rarely port then and
 * may reject the date (22158).
 */
export function checkTargetPortDate(date: string, options: PortDateOptions): PortDateIssue[] {
  if (!isCalendarDate(date)) {
    return [
      {
        code: 'not_a_date',
        severity: 'error',
        message: 'The target port date must be a date like 2026-06-01 (year-month-day).',
      },
    ];
  }
  const minLeadDays = options.minLeadDays ?? US_MIN_LEAD_DAYS;
  const issues: PortDateIssue[] = [];
  if (daysBetween(options.today, date) < minLeadDays) {
    const firstAllowed = addDays(options.today, minLeadDays);
    const earliest = earliestTargetPortDate(options);
    const suggestion =
      earliest === firstAllowed
        ? ''
        : ` The earliest business day is ${weekdayName(earliest)} ${earliest}.`;
    issues.push({
      code: 'too_soon',
      severity: 'error',
      message: `The target port date must be at least ${minLeadDays} days from today: ${weekdayName(firstAllowed)} ${firstAllowed} or later.${suggestion}`,
    });
  }
  if (isWeekend(date)) {
    issues.push({
      code: 'weekend',
      severity: 'warning',
      message: `${date} is a ${weekdayName(date)}: carriers rarely port on weekends. Pick a weekday.`,
    });
  }
  const holiday = usFederalHolidayOn(date);
  if (holiday) {
    issues.push({
      code: 'holiday',
      severity: 'warning',
      message: `${date} is ${holiday.name}, a US federal holiday: carriers may reject the date (22158). Pick another business day.`,
    });
  }
  return issues;
}

// ── Time windows: ISO offset times such as `10:00:00-05:00` ─────────────────────────────────

export interface OffsetTime {
  hours: number;
  minutes: number;
  seconds: number;
  /** Minutes east of UTC: -300 for `-05:00`. */
  offsetMinutes: number;
}

const OFFSET_TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(Z|[+-](?:0\d|1[0-4]):[0-5]\d)$/;

/** Reads `10:00:00-05:00`, `10:00-05:00` or `15:00:00Z`; null for anything else. */
export function parseOffsetTime(text: string): OffsetTime | null {
  const match = OFFSET_TIME.exec(text.trim());
  if (!match) return null;
  const zone = match[4] ?? 'Z';
  const offsetMinutes =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) *
        (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return {
    hours: Number(match[1]),
    minutes: Number(match[2]),
    seconds: Number(match[3] ?? '0'),
    offsetMinutes,
  };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The wire form, always with seconds and a numeric offset: `10:00:00-05:00`. */
export function formatOffsetTime(time: OffsetTime): string {
  const sign = time.offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(time.offsetMinutes);
  return `${pad2(time.hours)}:${pad2(time.minutes)}:${pad2(time.seconds)}${sign}${pad2(Math.floor(offset / 60))}:${pad2(offset % 60)}`;
}

/** Seconds from UTC midnight of the same calendar day (may be negative or past 24 h). */
function utcSeconds(time: OffsetTime): number {
  return time.hours * 3600 + time.minutes * 60 + time.seconds - time.offsetMinutes * 60;
}

/** Negative when `a` is earlier than `b` on the same day, 0 when equal; null if either is unreadable. */
export function compareOffsetTimes(a: string, b: string): number | null {
  const [first, second] = [parseOffsetTime(a), parseOffsetTime(b)];
  if (!first || !second) return null;
  return utcSeconds(first) - utcSeconds(second);
}

/**
 * `10:00` on a date in an IANA time zone, as the wire's offset time (`10:00:00-05:00` for
 * America/Chicago in summer). Uses Intl, which both Node and the renderer have.
 */
export function offsetTimeInZone(date: string, hhmm: string, timeZone: string): string {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new RangeError(`Not a time of day (HH:MM): ${JSON.stringify(hhmm)}`);
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  // The offset at noon UTC of that date is the day's offset everywhere in the US (DST switches at 2 am).
  const noon = new Date(requireDate(date) + DAY_MS / 2);
  const zoneName = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(noon)
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(zoneName ?? '');
  if (!offset) throw new RangeError(`Unknown time zone: ${JSON.stringify(timeZone)}`);
  const offsetMinutes = offset[1]
    ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]))
    : 0;
  return formatOffsetTime({ hours, minutes, seconds: 0, offsetMinutes });
}

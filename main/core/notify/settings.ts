import { DEFAULT_AGEING_DAYS } from '../../../shared/settings';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../shared/views';
import type { NoticeKind, NotifySettings, QuietHours } from './types';

export const DEFAULT_LOCALE = 'en-US';

/**
 * Everything on, no quiet hours, ageing after DEFAULT_AGEING_DAYS (14), LOA reminders at 7, 3 and 1 days left.
 * The time zone has no default here because the policy never reads the machine's clock or zone;
 * the composition root passes `Intl.DateTimeFormat().resolvedOptions().timeZone`.
 */
export function defaultNotifySettings(timeZone: string): NotifySettings {
  const kinds = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, true]));
  return {
    kinds,
    quietHours: null,
    timeZone,
    locale: DEFAULT_LOCALE,
    ageingDays: DEFAULT_AGEING_DAYS,
    loaReminderDaysLeft: [7, 3, 1],
  };
}

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOfDay(value: string, field: string): number {
  const match = CLOCK_TIME.exec(value);
  if (!match) throw new RangeError(`${field} must be a 24-hour time like "22:00", got "${value}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Throws a RangeError naming the field when settings cannot be used as given. */
export function checkNotifySettings(settings: NotifySettings): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: settings.timeZone });
  } catch {
    throw new RangeError(
      `settings.timeZone must be an IANA time zone like "America/Chicago", got "${settings.timeZone}"`,
    );
  }
  const locale = settings.locale ?? DEFAULT_LOCALE;
  try {
    // A well-formed tag the runtime has no data for is fine: Intl falls back to its default.
    Intl.getCanonicalLocales(locale);
  } catch {
    throw new RangeError(
      `settings.locale must be a BCP 47 language tag like "en-US", got "${locale}"`,
    );
  }
  if (!(settings.ageingDays > 0)) {
    throw new RangeError(`settings.ageingDays must be a positive number of days`);
  }
  for (const days of settings.loaReminderDaysLeft) {
    if (!(days > 0)) {
      throw new RangeError(`settings.loaReminderDaysLeft must hold positive numbers of days`);
    }
  }
  if (settings.quietHours) {
    minutesOfDay(settings.quietHours.start, 'settings.quietHours.start');
    minutesOfDay(settings.quietHours.end, 'settings.quietHours.end');
  }
}

/** The wall-clock minute of the day at `now` in `timeZone`. */
function localMinutes(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: 'hour' | 'minute'): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

/**
 * Whether `now` falls inside the quiet hours, read on the agent's wall clock. The start minute is
 * inside, the end minute is not; start == end means no quiet hours.
 */
export function inQuietHours(now: Date, quietHours: QuietHours | null, timeZone: string): boolean {
  if (!quietHours || quietHours.enabled === false) return false;
  const start = minutesOfDay(quietHours.start, 'settings.quietHours.start');
  const end = minutesOfDay(quietHours.end, 'settings.quietHours.end');
  const minute = localMinutes(now, timeZone);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * Which of the agent's switches governs each kind of notice. null: no switch — a send of the
 * agent's own that failed always tells them, or their work would be lost without a word.
 */
export const SWITCH_FOR_KIND: Readonly<Record<NoticeKind, NotificationKind | null>> = {
  loa_waiting: 'loa_waiting',
  loa_reminder: 'loa_waiting',
  action_required: 'rejected',
  port_date_set: 'port_date',
  port_date_moved: 'port_date',
  completed: 'completed',
  canceled: 'canceled',
  expired: 'expired',
  ageing: 'ageing',
  outbox_failed: null,
};

/** On unless its switch is off: settings saved before a switch existed keep getting the kind. */
export function kindEnabled(settings: NotifySettings, kind: NoticeKind): boolean {
  const toggle = SWITCH_FOR_KIND[kind];
  return toggle === null || settings.kinds[toggle] !== false;
}

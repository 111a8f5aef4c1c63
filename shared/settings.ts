import { z } from 'zod';

/**
 * Settings facts every side agrees on: the settings screen, the contract, the settings service,
 * the request list's attention flags and the notification policy read them from here.
 */

/** Where the settings service keeps the app settings in the store's settings table. */
export const APP_SETTINGS_KEY = 'app.settings';

/**
 * The sync intervals Settings offers, in minutes. The contract accepts the whole range between the
 * first and the last (docs/sync.md: 1 minute to 2 hours); 1 minute is safe because the
 * per-account limits (concurrency, Retry-After) keep it within Twilio's.
 */
export const SYNC_CADENCE_CHOICES_MINUTES = [1, 5, 10, 15, 30, 60, 120] as const;

const FASTEST_CADENCE = SYNC_CADENCE_CHOICES_MINUTES[0];
const SLOWEST_CADENCE = SYNC_CADENCE_CHOICES_MINUTES.at(-1) ?? FASTEST_CADENCE;

export const SyncCadenceMinutesSchema = z
  .int()
  .min(FASTEST_CADENCE, 'Sync at most once a minute')
  .max(SLOWEST_CADENCE, `Sync at least every ${SLOWEST_CADENCE / 60} hours`);

/** Days after submission with no port date before a request counts as ageing. */
export const DEFAULT_AGEING_DAYS = 14;

export const AgeingDaysSchema = z.int().min(1, 'At least 1 day').max(365, 'At most 365 days');

/** The stored ageing threshold, or the default when it is missing or in an older shape. */
export function storedAgeingDays(storedSettings: unknown): number {
  const days =
    typeof storedSettings === 'object' && storedSettings !== null
      ? (storedSettings as { ageingDays?: unknown }).ageingDays
      : undefined;
  const parsed = AgeingDaysSchema.safeParse(days);
  return parsed.success ? parsed.data : DEFAULT_AGEING_DAYS;
}

import { z } from 'zod';

/**
 * Settings facts every side agrees on: the settings screen, the contract, the settings service,
 * the request list's attention flags and the notification policy read them from here.
 */

/** Where the settings service keeps the app settings in the store's settings table. */
export const APP_SETTINGS_KEY = 'app.settings';

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

import { invalidInput } from './errors';

/**
 * Every instant the store writes is `Date#toISOString()` (UTC, milliseconds, `Z`), so text
 * comparison in SQL (`next_fetch_at <= ?`, sorting by last change) is time order. Twilio's own
 * dates are kept as sent; only the store's bookkeeping instants go through here.
 */
export function toInstant(value: string, field: string): string {
  const millis = Date.parse(value);
  if (Number.isNaN(millis)) throw invalidInput(field, `"${value}" is not a date-time`);
  return new Date(millis).toISOString();
}

/** Like toInstant, for a Twilio-sent value that may be garbage: null instead of an error. */
export function toInstantOrNull(value: string | null | undefined): string | null {
  if (value == null) return null;
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? null : new Date(millis).toISOString();
}

export function nowInstant(): string {
  return new Date().toISOString();
}

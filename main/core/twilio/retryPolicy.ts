import type { TwilioError } from './twilioError';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface RetrySettings {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** Backoff ceiling of the first retry; doubles with each further retry. */
  baseDelayMs: number;
  /** No single wait is longer; a Retry-After beyond it is handed to the caller instead. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetrySettings = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
};

/**
 * A request is replay-safe when sending it twice does no more than sending it once: GET, DELETE,
 * and the webhook-configuration POST, which overwrites. A create or an upload is not: Twilio has
 * no idempotency key, so a second copy is a second request.
 */
export function isReplaySafeMethod(method: HttpMethod): boolean {
  return method !== 'POST';
}

/**
 * Whether a failed attempt may be sent again.
 * - 429: Twilio documents that rate-limited requests were never processed, so always.
 * - 5xx, unreadable 2xx: only replay-safe requests; a create may have been carried out, and the
 *   outbox reconciles through the list endpoint instead of resending.
 * - Network errors and timeouts: replay-safe requests always; others only when the failure
 *   happened while connecting (`mayHaveReachedServer` false).
 * - Other 4xx, local refusals, aborts: never.
 */
export function isRetryable(error: TwilioError, replaySafe: boolean): boolean {
  switch (error.kind) {
    case 'rate_limited':
      return true;
    case 'server':
    case 'malformed_response':
      return replaySafe;
    case 'network':
    case 'timeout':
      return replaySafe || !error.mayHaveReachedServer;
    default:
      return false;
  }
}

/**
 * How long to wait before the next attempt, or null to stop and hand the error to the caller.
 * `failedAttempts` counts the attempts made so far (1 after the first failure).
 * Full jitter (random in [0, min(max, base·2^(n-1)))) keeps concurrent callers from retrying in
 * step; a Retry-After is a floor, with up to one base delay of jitter on top for the same reason.
 */
export function nextRetryDelayMs(
  failedAttempts: number,
  error: TwilioError,
  settings: RetrySettings,
  random: () => number,
): number | null {
  if (failedAttempts >= settings.maxAttempts) return null;
  if (error.retryAfterMs != null) {
    if (error.retryAfterMs > settings.maxDelayMs) return null;
    return Math.min(settings.maxDelayMs, error.retryAfterMs + random() * settings.baseDelayMs);
  }
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (failedAttempts - 1));
  return random() * ceiling;
}

/**
 * `Retry-After` as milliseconds: delta-seconds ("120") or an HTTP date. Null when absent or
 * unreadable; a date in the past is 0.
 */
export function parseRetryAfterMs(value: string | undefined | null, nowMs: number): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (text === '') return null;
  // Decimal seconds are not in RFC 9110 but cost nothing to honour; V8 would read "1.5" as a date.
  if (/^\d+(?:\.\d+)?$/.test(text)) return Math.round(Number.parseFloat(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

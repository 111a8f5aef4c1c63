import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY,
  isReplaySafeMethod,
  isRetryable,
  nextRetryDelayMs,
  parseRetryAfterMs,
} from '../../../main/core/twilio/retryPolicy';
import { TwilioError, type TwilioErrorKind } from '../../../main/core/twilio/twilioError';

function failure(
  kind: TwilioErrorKind,
  mayHaveReachedServer: boolean,
  retryAfterMs: number | null = null,
): TwilioError {
  return new TwilioError({
    kind,
    httpStatus: 0,
    message: kind,
    mayHaveReachedServer,
    retryAfterMs,
  });
}

describe('which failures are retried', () => {
  it('treats GET and DELETE as replay-safe and POST as not', () => {
    expect(isReplaySafeMethod('GET')).toBe(true);
    expect(isReplaySafeMethod('DELETE')).toBe(true);
    expect(isReplaySafeMethod('POST')).toBe(false);
  });

  it('retries 429 for every request, a create included: Twilio never processed it', () => {
    expect(isRetryable(failure('rate_limited', false), true)).toBe(true);
    expect(isRetryable(failure('rate_limited', false), false)).toBe(true);
  });

  it('retries 5xx and unreadable answers only for replay-safe requests', () => {
    for (const kind of ['server', 'malformed_response'] as const) {
      expect(isRetryable(failure(kind, true), true)).toBe(true);
      expect(isRetryable(failure(kind, true), false)).toBe(false);
    }
  });

  it('retries a POST after a network failure only when it failed while connecting', () => {
    expect(isRetryable(failure('network', false), false)).toBe(true);
    expect(isRetryable(failure('network', true), false)).toBe(false);
    expect(isRetryable(failure('timeout', true), false)).toBe(false);
    expect(isRetryable(failure('network', true), true)).toBe(true);
    expect(isRetryable(failure('timeout', true), true)).toBe(true);
  });

  it('never retries other 4xx or an abort', () => {
    for (const kind of ['unauthorized', 'not_found', 'invalid_request', 'aborted'] as const) {
      expect(isRetryable(failure(kind, false), true)).toBe(false);
      expect(isRetryable(failure(kind, false), false)).toBe(false);
    }
  });
});

describe('nextRetryDelayMs', () => {
  const settings = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };

  it('draws from [0, base·2^(n-1)) with full jitter', () => {
    const error = failure('server', true);
    expect(nextRetryDelayMs(1, error, settings, () => 0)).toBe(0);
    expect(nextRetryDelayMs(1, error, settings, () => 0.999)).toBeCloseTo(99.9);
    expect(nextRetryDelayMs(2, error, settings, () => 0.5)).toBe(100);
    expect(nextRetryDelayMs(3, error, settings, () => 0.5)).toBe(200);
  });

  it('never waits longer than maxDelayMs however many attempts failed', () => {
    expect(
      nextRetryDelayMs(4, failure('server', true), { ...settings, maxAttempts: 50 }, () => 0.999),
    ).toBeLessThanOrEqual(1_000);
    expect(
      nextRetryDelayMs(40, failure('server', true), { ...settings, maxAttempts: 50 }, () => 0.999),
    ).toBeLessThanOrEqual(1_000);
  });

  it('stops after maxAttempts attempts', () => {
    expect(nextRetryDelayMs(5, failure('server', true), settings, () => 0.5)).toBeNull();
    expect(nextRetryDelayMs(4, failure('server', true), settings, () => 0.5)).not.toBeNull();
  });

  it('waits at least Retry-After, plus up to one base delay of jitter', () => {
    const error = failure('rate_limited', false, 700);
    expect(nextRetryDelayMs(1, error, settings, () => 0)).toBe(700);
    expect(nextRetryDelayMs(1, error, settings, () => 0.5)).toBe(750);
  });

  it('hands a Retry-After longer than maxDelayMs back to the caller instead of sleeping on it', () => {
    expect(
      nextRetryDelayMs(1, failure('rate_limited', false, 60_000), settings, () => 0),
    ).toBeNull();
  });

  it('has defaults that allow a few retries', () => {
    expect(DEFAULT_RETRY.maxAttempts).toBeGreaterThan(1);
    expect(DEFAULT_RETRY.baseDelayMs).toBeLessThan(DEFAULT_RETRY.maxDelayMs);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-05-01T12:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfterMs('3', now)).toBe(3_000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
    expect(parseRetryAfterMs('1.5', now)).toBe(1_500);
  });

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfterMs('Fri, 01 May 2026 12:00:07 GMT', now)).toBe(7_000);
  });

  it('reads a date in the past as no wait', () => {
    expect(parseRetryAfterMs('Fri, 01 May 2026 11:59:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfterMs(undefined, now)).toBeNull();
    expect(parseRetryAfterMs('', now)).toBeNull();
    expect(parseRetryAfterMs('soon', now)).toBeNull();
  });
});

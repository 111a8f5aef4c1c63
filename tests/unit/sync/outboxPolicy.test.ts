import { describe, expect, it } from 'vitest';
import {
  decideAfterFailure,
  isAlreadyDone,
  type SendFailure,
} from '../../../main/core/sync/outboxPolicy';

const failure = (overrides: Partial<SendFailure>): SendFailure => ({
  kind: 'server',
  httpStatus: 500,
  code: null,
  message: 'Internal error',
  retryAfterMs: null,
  mayHaveReachedServer: false,
  ...overrides,
});
const now = 1_000_000;

describe('outbox failure policy', () => {
  it('reconciles a create that may have reached Twilio instead of resending it', () => {
    expect(
      decideAfterFailure(
        'create_port_in',
        failure({ kind: 'timeout', httpStatus: 0, mayHaveReachedServer: true }),
        1,
        now,
      ),
    ).toEqual({
      next: 'reconciling',
    });
    expect(
      decideAfterFailure(
        'create_port_in',
        failure({ kind: 'server', mayHaveReachedServer: true }),
        1,
        now,
      ),
    ).toEqual({
      next: 'reconciling',
    });
  });

  it('reconciles a create refused with 22137, which may be our own earlier attempt', () => {
    expect(
      decideAfterFailure(
        'create_port_in',
        failure({ kind: 'invalid_request', httpStatus: 400, code: 22137 }),
        1,
        now,
      ),
    ).toEqual({ next: 'reconciling' });
  });

  it('fails a create with field problems at once, for the agent to fix', () => {
    expect(
      decideAfterFailure(
        'create_port_in',
        failure({
          kind: 'invalid_request',
          httpStatus: 400,
          code: 22102,
          fields: ['phone_numbers'],
        }),
        1,
        now,
      ),
    ).toEqual({ next: 'failed' });
  });

  it('waits for the network without spending attempts when nothing was sent', () => {
    expect(
      decideAfterFailure('create_port_in', failure({ kind: 'network', httpStatus: 0 }), 3, now),
    ).toEqual({
      next: 'waiting_for_network',
    });
  });

  it('retries a rate-limited call no sooner than Retry-After', () => {
    const decision = decideAfterFailure(
      'cancel_number',
      failure({ kind: 'rate_limited', httpStatus: 429, retryAfterMs: 90_000 }),
      1,
      now,
      () => 0,
    );
    expect(decision).toEqual({ next: 'retry_wait', nextAttemptAt: now + 90_000 });
  });

  it('backs off exponentially within the ceiling', () => {
    const at = (attempts: number) =>
      decideAfterFailure('cancel_port_in', failure({}), attempts, now, () => 0.999_999);
    const delay = (attempts: number) => {
      const d = at(attempts);
      return d.next === 'retry_wait' ? d.nextAttemptAt - now : -1;
    };
    expect(delay(1)).toBeLessThanOrEqual(10_000);
    expect(delay(2)).toBeGreaterThan(10_000);
    expect(delay(2)).toBeLessThanOrEqual(20_000);
    expect(delay(11)).toBeLessThanOrEqual(15 * 60_000);
  });

  it('gives up after the last attempt and shows the operation as failed', () => {
    expect(decideAfterFailure('cancel_port_in', failure({}), 12, now)).toEqual({ next: 'failed' });
  });

  it('treats a cancel of something Twilio no longer knows as done', () => {
    expect(
      isAlreadyDone('cancel_number', failure({ kind: 'not_found', httpStatus: 404, code: 20404 })),
    ).toBe(true);
    expect(
      isAlreadyDone('create_port_in', failure({ kind: 'not_found', httpStatus: 404, code: 20404 })),
    ).toBe(false);
  });
});

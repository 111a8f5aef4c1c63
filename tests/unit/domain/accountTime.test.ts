import { describe, expect, it } from 'vitest';
import {
  accountNowMs,
  observedOffsetMs,
  toAccountTime,
  toAccountTimeOrNull,
} from '../../../shared/domain/accountTime';

const HOUR = 3_600_000;

describe('accountTime: one clock for what PortDesk observed and what Twilio sent', () => {
  it('moves an observation of ours onto the account clock by the offset', () => {
    // The demo simulator runs 12 h ahead: our 09:05 is its 21:05.
    expect(toAccountTime('2026-12-05T09:05:00.000Z', 12 * HOUR)).toBe('2026-12-05T21:05:00.000Z');
    expect(toAccountTime('2026-12-05T09:05:00.000Z', -90_000)).toBe('2026-12-05T09:03:30.000Z');
  });

  it('leaves the instant alone without an offset, and an unreadable one as it came', () => {
    expect(toAccountTime('2026-12-05T09:05:00.000Z', 0)).toBe('2026-12-05T09:05:00.000Z');
    expect(toAccountTime('not a time', HOUR)).toBe('not a time');
    expect(toAccountTime('2026-12-05T09:05:00.000Z', Number.NaN)).toBe('2026-12-05T09:05:00.000Z');
    expect(toAccountTimeOrNull(null, HOUR)).toBeNull();
  });

  it('counts "now" on the account clock, so "4 min ago" agrees with the times beside it', () => {
    const now = Date.parse('2026-12-05T09:05:00.000Z');
    const changed = toAccountTime('2026-12-05T09:01:00.000Z', 12 * HOUR);
    expect(accountNowMs(12 * HOUR, now) - Date.parse(changed)).toBe(4 * 60_000);
  });

  it('uses the offset stamped on an event when it was observed, else the fallback', () => {
    expect(observedOffsetMs({ clockOffsetMs: 5_000 }, 9_000)).toBe(5_000);
    expect(observedOffsetMs({}, 9_000)).toBe(9_000);
    expect(observedOffsetMs({ clockOffsetMs: '5000' }, 9_000)).toBe(9_000);
  });
});

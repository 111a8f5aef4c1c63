import { describe, expect, it } from 'vitest';
import {
  parseHttpDate,
  SERVER_CLOCK_SAMPLES,
  ServerClockEstimate,
} from '../../../main/core/twilio/serverClock';

const DAY = 86_400_000;
/** 12:00:00.400 local: not on a second boundary, as a real instant almost never is. */
const LOCAL = Date.parse('2026-05-01T12:00:00.400Z');

function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

describe('reading an HTTP Date header', () => {
  it('reads the IMF-fixdate servers send', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(Date.parse('1994-11-06T08:49:37Z'));
    expect(parseHttpDate(httpDate(LOCAL + 20 * DAY))).toBe(Date.parse('2026-05-21T12:00:00Z'));
  });

  it('refuses what is not an IMF-fixdate rather than guess', () => {
    for (const value of [
      '',
      'yesterday',
      '2026',
      '2026-05-01T12:00:00Z',
      // The obsolete forms: asctime has no zone, and Date.parse would read it as local time.
      'Sun Nov  6 08:49:37 1994',
      'Sunday, 06-Nov-94 08:49:37 GMT',
      'Sun, 31 Feb 2026 08:49:37 GMT',
      'Sun, 06 Nov 1994 25:49:37 GMT',
      'Sun, 06 Nov 1994 08:49:37 PST',
    ]) {
      expect(parseHttpDate(value), value).toBeNull();
    }
  });
});

describe('estimating the server clock', () => {
  it('knows nothing until a readable header arrives', () => {
    const clock = new ServerClockEstimate();
    expect(clock.offsetMs).toBeNull();
    expect(clock.observe(undefined, LOCAL, LOCAL)).toBeNull();
    expect(clock.observe('not a date', LOCAL, LOCAL)).toBeNull();
    expect(clock.offsetMs).toBeNull();
  });

  it('gives 0 for a server whose clock agrees with ours, although its header drops the milliseconds', () => {
    const clock = new ServerClockEstimate();
    expect(clock.observe(httpDate(LOCAL), LOCAL - 150, LOCAL + 150)).toBe(0);
  });

  it('gives whole seconds: 20 days ahead is 20 days, not 20 days and 100 ms', () => {
    const clock = new ServerClockEstimate();
    expect(clock.observe(httpDate(LOCAL + 20 * DAY), LOCAL, LOCAL)).toBe(20 * DAY);
  });

  it('reads the first of repeated Date headers', () => {
    const clock = new ServerClockEstimate();
    expect(clock.observe([httpDate(LOCAL - 90_000), 'junk'], LOCAL, LOCAL)).toBe(-90_000);
  });

  it('takes our instant as the middle of the round trip', () => {
    const clock = new ServerClockEstimate();
    // Sent 10 s before LOCAL, answered 10 s after: the server wrote its header at about LOCAL.
    expect(clock.observe(httpDate(LOCAL + 60_000), LOCAL - 10_000, LOCAL + 10_000)).toBe(60_000);
  });

  it('is the median of the last few answers: one slow answer does not move it', () => {
    const clock = new ServerClockEstimate();
    clock.observe(httpDate(LOCAL + 5 * DAY), LOCAL, LOCAL);
    clock.observe(httpDate(LOCAL + 5 * DAY), LOCAL, LOCAL);
    // Stamped by the server long before we read it: an outlier.
    expect(clock.observe(httpDate(LOCAL + 5 * DAY - 3_600_000), LOCAL, LOCAL)).toBe(5 * DAY);
  });

  it('forgets answers older than the last few, so a corrected clock wins', () => {
    const clock = new ServerClockEstimate();
    for (let i = 0; i < SERVER_CLOCK_SAMPLES; i += 1) {
      clock.observe(httpDate(LOCAL + DAY), LOCAL, LOCAL);
    }
    for (let i = 0; i < Math.ceil(SERVER_CLOCK_SAMPLES / 2); i += 1) {
      clock.observe(httpDate(LOCAL), LOCAL, LOCAL);
    }
    expect(clock.offsetMs).toBe(0);
  });
});

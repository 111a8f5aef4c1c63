import { describe, expect, it } from 'vitest';
import type { NumberRow, RequestDetailView } from '../../../shared/views';
import {
  cancelWarningFor,
  clockNote,
  portsWithinTwoDays,
} from '../../../renderer/features/detail/detailClock';

const NOW = Date.parse('2026-12-05T13:37:00Z');
const MIN = 60_000;
const DAY = 86_400_000;

describe('the detail says whose clock its times are on', () => {
  it('says nothing while the account clock agrees with ours, or is not known yet', () => {
    expect(clockNote('twilio', 0)).toBeNull();
    expect(clockNote('twilio', 20_000)).toBeNull();
    expect(clockNote('simulator', undefined)).toBeNull();
    expect(clockNote('simulator', Number.NaN)).toBeNull();
  });

  it('in demo mode, names the simulator’s fast clock (23 min ahead after 2.3 s at 600×)', () => {
    const note = clockNote('simulator', 23 * MIN);
    expect(note).toMatch(/demo simulator’s clock/);
    expect(note).toMatch(/ahead of this computer’s clock/);
  });

  it('for a Twilio account, says how far and which way', () => {
    expect(clockNote('twilio', 5 * MIN)).toMatch(/Twilio clock, 5 min ahead of this computer’s/);
    expect(clockNote('twilio', -3 * 60 * MIN)).toMatch(/3 hr behind this computer’s/);
    expect(clockNote('twilio', 25 * DAY)).toMatch(/25 days ahead/);
  });
});

describe('"close to the port date" counts on the account’s clock', () => {
  // The demo simulator 25 days ahead: a port date 26 days from our today is tomorrow there.
  const offset = 25 * DAY;
  const tomorrowThere = new Date(NOW + offset + DAY).toISOString();
  const number = { portDate: tomorrowThere } as NumberRow;

  it('warns when canceling numbers that port tomorrow on the account’s clock', () => {
    expect(portsWithinTwoDays([number], offset, NOW)).toBe(true);
    expect(portsWithinTwoDays([number], 0, NOW)).toBe(false);
  });

  it('warns when canceling a request whose port date is tomorrow on the account’s clock', () => {
    const detail = {
      actions: { cancelWarning: null },
      request: { firstPortDate: tomorrowThere },
      clockOffsetMs: offset,
    } as unknown as RequestDetailView;
    expect(cancelWarningFor(detail, NOW)).toMatch(/carriers often refuse a cancel/);
    expect(cancelWarningFor({ ...detail, clockOffsetMs: 0 }, NOW)).toBeNull();
  });
});

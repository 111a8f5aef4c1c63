import { describe, expect, it } from 'vitest';
import { dayHeading, dayOf } from '../../../renderer/features/feed/feedWords';

describe('the feed’s day headings', () => {
  const now = new Date(2026, 11, 5, 10, 30).getTime(); // Dec 5, 2026, local time

  it('groups by the agent’s calendar day', () => {
    expect(dayOf(new Date(2026, 11, 5, 0, 1).toISOString())).toBe('2026-12-05');
    expect(dayOf(new Date(2026, 11, 4, 23, 59).toISOString())).toBe('2026-12-04');
  });

  it('says Today and Yesterday, then the date', () => {
    expect(dayHeading('2026-12-05', now)).toBe('Today');
    expect(dayHeading('2026-12-04', now)).toBe('Yesterday');
    expect(dayHeading('2026-12-01', now)).toBe('Tue, Dec 1, 2026');
  });
});

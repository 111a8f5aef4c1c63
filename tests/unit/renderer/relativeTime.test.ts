import { describe, expect, it } from 'vitest';
import { formatAgoCompact, formatSince } from '../../../renderer/ui/relativeTime';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('compact "ago" for the requests list', () => {
  it.each([
    [10_000, 'just now'],
    [50_000, '1 min ago'],
    [4 * MIN, '4 min ago'],
    [59 * MIN, '59 min ago'],
    [3 * HOUR, '3 hr ago'],
    [DAY + HOUR, 'yesterday'],
    [5 * DAY, '5 days ago'],
  ])('%d ms ago reads %s', (ms, words) => {
    expect(formatAgoCompact(ago(ms), NOW)).toBe(words);
  });

  it('a week or more reads as the date', () => {
    expect(formatAgoCompact(ago(10 * DAY), NOW)).toMatch(/^Nov 1[67]$/);
  });

  it('never says something happened in the future', () => {
    expect(formatAgoCompact(ago(-3 * DAY), NOW)).toBe('just now');
  });

  it('stays short: no word of it is longer than a narrow column holds', () => {
    for (const ms of [4 * MIN, 23 * HOUR, 6 * DAY, 30 * DAY]) {
      expect(formatAgoCompact(ago(ms), NOW).length).toBeLessThanOrEqual(11);
    }
  });

  it('an unknown instant reads as a dash', () => {
    expect(formatAgoCompact(null, NOW)).toBe('—');
    expect(formatAgoCompact('not a date', NOW)).toBe('—');
  });
});

describe('"last synced" after a clock jump', () => {
  it('a timestamp ahead of the clock it is read with is "just now", not "tomorrow"', () => {
    expect(formatSince(ago(-DAY), NOW)).toBe('just now');
    expect(formatSince(ago(-3 * DAY), NOW)).toBe('just now');
  });

  it('a past timestamp reads as before', () => {
    expect(formatSince(ago(5 * MIN), NOW)).toBe('5 minutes ago');
    expect(formatSince(ago(2 * HOUR), NOW)).toBe('2 hours ago');
  });
});

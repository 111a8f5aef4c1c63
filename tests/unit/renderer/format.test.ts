import { describe, expect, it } from 'vitest';
import { formatCount, plural } from '../../../renderer/ui/format';

describe('counts in the agent’s words', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [10_000, '10,000'],
    [1_234_567, '1,234,567'],
  ])('%d reads %s', (n, shown) => {
    expect(formatCount(n)).toBe(shown);
  });

  it('an unknown count reads as a dash, not 0', () => {
    expect(formatCount(null)).toBe('—');
    expect(formatCount(undefined)).toBe('—');
  });

  it('a counted noun gets the separator and the right number', () => {
    expect(plural(1, 'number')).toBe('1 number');
    expect(plural(1000, 'number')).toBe('1,000 numbers');
    expect(plural(10_000, 'match', 'matches')).toBe('10,000 matches');
  });
});

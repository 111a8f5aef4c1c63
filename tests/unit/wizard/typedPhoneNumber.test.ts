import { describe, expect, it } from 'vitest';
import { formatTypedPhoneNumber } from '../../../renderer/features/wizard/typedPhoneNumber';

describe('a number the agent typed, shown on Review', () => {
  it.each([
    ['2125550100', '(212) 555-0100'],
    ['212.555.0100', '(212) 555-0100'],
    ['+1 212 555 0100', '(212) 555-0100'],
    ['1-212-555-0100', '(212) 555-0100'],
  ])('%s reads as %s', (typed, shown) => {
    expect(formatTypedPhoneNumber(typed)).toBe(shown);
  });

  it('shows what is not a valid US number as typed, trimmed', () => {
    expect(formatTypedPhoneNumber(' 212-555-01 ')).toBe('212-555-01');
    expect(formatTypedPhoneNumber('+44 20 7946 0958')).toBe('+44 20 7946 0958');
  });
});

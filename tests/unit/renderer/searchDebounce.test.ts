import { describe, expect, it } from 'vitest';
import {
  FREE_TEXT_DEBOUNCE_MS,
  searchDebounceMs,
} from '../../../renderer/features/requests/searchDebounce';

describe('searchDebounceMs', () => {
  it('asks at once for what the store answers through an index: digits and SID prefixes', () => {
    expect(searchDebounceMs('(512) 327')).toBe(0);
    expect(searchDebounceMs('5550132')).toBe(0);
    expect(searchDebounceMs('+1 415-555-0132')).toBe(0);
    expect(searchDebounceMs('KW4e61')).toBe(0);
    expect(searchDebounceMs('pu9cb45c08')).toBe(0);
  });

  it('asks at once for an emptied box: clearing is final', () => {
    expect(searchDebounceMs('')).toBe(0);
    expect(searchDebounceMs('   ')).toBe(0);
  });

  it('waits a little for free text', () => {
    expect(searchDebounceMs('acme')).toBe(FREE_TEXT_DEBOUNCE_MS);
    expect(searchDebounceMs('kwik mart')).toBe(FREE_TEXT_DEBOUNCE_MS);
    expect(FREE_TEXT_DEBOUNCE_MS).toBeLessThanOrEqual(100);
  });
});

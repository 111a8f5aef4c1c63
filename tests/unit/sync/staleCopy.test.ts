import { describe, expect, it } from 'vitest';
import { isOlderCopy } from '../../../main/core/sync/staleCopy';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';

const PU1 = 'PU00000000000000000000000000000001';
const PU2 = 'PU00000000000000000000000000000002';
const T1 = '2026-11-20T10:00:00Z';
const T2 = '2026-11-20T10:30:00Z';

/** A request whose two numbers were last updated at `first` and `second`. */
function copy(first: string | null, second: string | null) {
  return aRequest({
    phoneNumbers: [
      aNumber({ sid: PU1, statusUpdatedAt: first }),
      aNumber({ sid: PU2, phoneNumber: '+14155550102', statusUpdatedAt: second }),
    ],
  });
}

describe('isOlderCopy', () => {
  it('calls a copy older when a number it shares was updated before the stored one and none after', () => {
    expect(isOlderCopy(copy(T2, T1), copy(T1, T1), 'fetched')).toBe(true);
  });

  it('saves the same copy again, and a copy with any newer number', () => {
    expect(isOlderCopy(copy(T1, T1), copy(T1, T1), 'fetched')).toBe(false);
    expect(isOlderCopy(copy(T1, T1), copy(T2, T1), 'fetched')).toBe(false);
    // Mixed (never seen from real snapshots): the copy carries news, so it is saved.
    expect(isOlderCopy(copy(T2, T1), copy(T1, T2), 'fetched')).toBe(false);
  });

  it('reads timestamps as instants, whatever their offset or precision', () => {
    expect(isOlderCopy(copy('2026-11-20T11:00:00+01:00', T1), copy(T1, T1), 'fetched')).toBe(false);
    expect(isOlderCopy(copy('2026-11-20T10:00:00.500Z', T1), copy(T1, T1), 'fetched')).toBe(true);
  });

  it('never stops a save over a missing or unreadable timestamp (a renamed wire field)', () => {
    expect(isOlderCopy(copy(T2, T2), copy(null, null), 'fetched')).toBe(false);
    expect(isOlderCopy(copy(T2, T2), copy('yesterday', 'soon'), 'fetched')).toBe(false);
    expect(isOlderCopy(copy(null, null), copy(T1, T1), 'fetched')).toBe(false);
  });

  it('compares only numbers both copies have', () => {
    const stored = aRequest({ phoneNumbers: [aNumber({ sid: PU1, statusUpdatedAt: T2 })] });
    const incoming = aRequest({ phoneNumbers: [aNumber({ sid: PU2, statusUpdatedAt: T1 })] });
    expect(isOlderCopy(stored, incoming, 'fetched')).toBe(false);
  });

  it('calls the answer to our own create older than any stored copy, timestamps or not', () => {
    expect(isOlderCopy(copy(T1, T1), copy(null, null), 'create_answer')).toBe(true);
    expect(isOlderCopy(copy(T1, T1), copy(T1, T1), 'create_answer')).toBe(true);
  });
});

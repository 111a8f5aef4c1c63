import { describe, expect, it } from 'vitest';
import { diffRequest } from '../../../main/core/sync/diff';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';

const context = { observedAt: '2026-11-27T12:00:00Z', source: 'sync' as const };

function firstSeenPortDates(portDates: (string | null)[]): unknown {
  const numbers = portDates.map((portDate, i) =>
    aNumber({ sid: `PU${i + 1}`, phoneNumber: `+1415555${String(i).padStart(4, '0')}`, portDate }),
  );
  const [created] = diffRequest(null, aRequest({ phoneNumbers: numbers }), context);
  return (created?.detail as { portDates?: unknown }).portDates ?? null;
}

describe('the port dates of a request seen for the first time', () => {
  it('are the earliest and latest in time order, whatever the order or spelling', () => {
    expect(
      firstSeenPortDates(['2026-12-05', null, '2026-12-09T10:00:00Z', '2026-12-01T08:00:00-05:00']),
    ).toEqual({
      numbers: 3,
      earliest: '2026-12-01T08:00:00-05:00',
      latest: '2026-12-09T10:00:00Z',
    });
  });

  it('keep, of two spellings of one instant, the first as earliest and the last as latest', () => {
    expect(firstSeenPortDates(['2026-12-01T00:00:00Z', '2026-12-01', '2026-12-01T00:00Z'])).toEqual(
      { numbers: 3, earliest: '2026-12-01T00:00:00Z', latest: '2026-12-01T00:00Z' },
    );
  });

  it('put an unreadable date after the readable ones', () => {
    expect(firstSeenPortDates(['soon', '2026-12-05', 'later', '2026-12-01'])).toEqual({
      numbers: 4,
      earliest: '2026-12-01',
      latest: 'soon',
    });
    expect(firstSeenPortDates([null, null])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/views';
import { describeGroup, groupTimeline } from '../../../renderer/features/detail/timelineWords';

function entry(overrides: Partial<TimelineEntry>): TimelineEntry {
  return {
    id: 1,
    requestSid: 'KW00000000000000000000000000000001',
    numberSid: null,
    phoneNumber: null,
    kind: 'status_changed',
    from: null,
    to: null,
    detail: {},
    observedAt: '2026-11-27T10:00:00.000Z',
    source: 'sync',
    reason: null,
    ...overrides,
  };
}

function sentence(event: TimelineEntry): string {
  const [group] = groupTimeline([event]);
  if (!group) throw new Error('no group');
  return describeGroup(group).text;
}

describe('timeline words', () => {
  it('name the status of a request first seen by sync in the words of the status chip', () => {
    // Sync records Twilio's spelling as `to` and the canonical status as `detail.status`.
    const text = sentence(
      entry({
        kind: 'request_created',
        to: 'In Review',
        detail: { status: 'in_review', numbers: 2 },
      }),
    );
    expect(text).toBe('PortDesk first saw this request (In review) with 2 numbers');
  });

  it('sum up the port dates a request already had when first seen, with their range', () => {
    const firstSeen = (portDates: unknown) =>
      sentence(
        entry({
          kind: 'request_created',
          to: 'In Progress',
          detail: { status: 'in_progress', numbers: 10, portDates },
        }),
      );
    expect(
      firstSeen({ numbers: 10, earliest: '2026-12-04T00:00:00Z', latest: '2026-12-06T00:00:00Z' }),
    ).toBe(
      'PortDesk first saw this request (In progress) with 10 numbers; 10 port dates confirmed, Dec 4–6',
    );
    expect(
      firstSeen({ numbers: 1, earliest: '2026-12-04T00:00:00Z', latest: '2026-12-04T00:00:00Z' }),
    ).toBe(
      'PortDesk first saw this request (In progress) with 10 numbers; 1 port date confirmed, Dec 4',
    );
    expect(
      firstSeen({ numbers: 3, earliest: '2026-12-30T00:00:00Z', latest: '2027-01-02T00:00:00Z' }),
    ).toContain('3 port dates confirmed, Dec 30 – Jan 2');
    // Not that shape (an older event, or something else): the sentence without it.
    expect(firstSeen('soon')).toBe('PortDesk first saw this request (In progress) with 10 numbers');
  });

  it('show a status PortDesk does not know as Twilio sent it', () => {
    const text = sentence(
      entry({
        kind: 'request_created',
        to: 'Awaiting Carrier',
        detail: { status: 'unknown', numbers: 1 },
      }),
    );
    expect(text).toBe('PortDesk first saw this request (Awaiting Carrier) with 1 number');
  });

  it('name both ends of a status change in words', () => {
    const text = sentence(
      entry({
        from: 'In Review',
        to: 'Waiting for Signature',
        detail: { fromStatus: 'in_review', toStatus: 'waiting_for_signature' },
      }),
    );
    expect(text).toBe('Request status: In review → Waiting for signature');
  });
});

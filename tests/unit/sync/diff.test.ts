import { describe, expect, it } from 'vitest';
import type { PortInNumber } from '../../../shared/domain/portIn';
import { diffRequest } from '../../../main/core/sync/diff';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';

const context = { observedAt: '2026-11-27T12:00:00Z', source: 'sync' as const };
const kinds = (events: { kind: string }[]) => events.map((e) => e.kind);

describe('diffRequest', () => {
  it('records a request seen for the first time as created, without an event per plain number', () => {
    const events = diffRequest(
      null,
      aRequest({ phoneNumbers: [aNumber(), aNumber({ sid: 'PU2' })] }),
      context,
    );
    expect(kinds(events)).toEqual(['request_created']);
    expect(events[0]).toMatchObject({
      to: 'In Review',
      detail: { status: 'in_review', numbers: 2 },
      source: 'sync',
    });
  });

  it('produces nothing when nothing changed', () => {
    expect(diffRequest(aRequest(), aRequest(), context)).toEqual([]);
  });

  it('records a request status change with the raw strings and canonical statuses', () => {
    const events = diffRequest(
      aRequest({ status: 'In Progress' }),
      aRequest({ status: 'Action Required' }),
      context,
    );
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'status_changed',
        numberSid: null,
        from: 'In Progress',
        to: 'Action Required',
        detail: { fromStatus: 'in_progress', toStatus: 'action_required' },
      }),
    ]);
  });

  it('labels a move the lifecycle does not expect, and records it all the same', () => {
    // Submitted → Completed skips Pending (two polls apart); In Review → Completed skips all.
    const events = diffRequest(
      aRequest({ status: 'In Review', phoneNumbers: [aNumber({ status: 'Submitted' })] }),
      aRequest({ status: 'Completed', phoneNumbers: [aNumber({ status: 'Completed' })] }),
      context,
    );
    expect(events.map((e) => [e.kind, e.numberSid === null, e.detail.unexpected])).toEqual([
      ['status_changed', true, true],
      ['status_changed', false, true],
    ]);
    const expected = diffRequest(
      aRequest({ status: 'In Progress', phoneNumbers: [aNumber({ status: 'Submitted' })] }),
      aRequest({ status: 'Completed', phoneNumbers: [aNumber({ status: 'Pending' })] }),
      context,
    );
    expect(expected.map((e) => e.detail.unexpected)).toEqual([undefined, undefined]);
  });

  it('does not record a respelling of the same status as a change only when the raw text is equal', () => {
    // "In Review" → "in_review" is a different raw string: Twilio changed something, so record it.
    const events = diffRequest(
      aRequest({ status: 'In Review' }),
      aRequest({ status: 'in_review' }),
      context,
    );
    expect(kinds(events)).toEqual(['status_changed']);
  });

  it('records the LOA link when it appears', () => {
    const url = 'https://www.twilio.com/sign/abc';
    const events = diffRequest(
      aRequest({ status: 'In Review' }),
      aRequest({ status: 'Waiting for Signature', signatureRequestUrl: url }),
      context,
    );
    expect(kinds(events)).toEqual(['status_changed', 'loa_link_available']);
    expect(events[1]).toMatchObject({ to: url });
  });

  it('records a rejection with its reason code instead of a plain status change', () => {
    const events = diffRequest(
      aRequest({ phoneNumbers: [aNumber({ status: 'Submitted' })] }),
      aRequest({
        phoneNumbers: [
          aNumber({
            status: 'Rejected',
            rejectionReason: 'INVALID_PIN',
            rejectionReasonCode: 22155,
          }),
        ],
      }),
      context,
    );
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'rejected',
        numberSid: 'PU00000000000000000000000000000001',
        phoneNumber: '+14155550101',
        from: 'Submitted',
        to: 'Rejected',
        detail: { rejectionReason: 'INVALID_PIN', rejectionReasonCode: 22155 },
      }),
    ]);
  });

  it('records a number already rejected when first seen', () => {
    const events = diffRequest(
      null,
      aRequest({ phoneNumbers: [aNumber({ status: 'Rejected', rejectionReasonCode: 22154 })] }),
      context,
    );
    expect(kinds(events)).toEqual(['request_created', 'rejected']);
  });

  it('records the port date being set and then moved', () => {
    const submitted = aRequest({ phoneNumbers: [aNumber({ status: 'Submitted' })] });
    const pending = aRequest({
      phoneNumbers: [aNumber({ status: 'Pending', portDate: '2026-12-04T00:00:00Z' })],
    });
    const moved = aRequest({
      phoneNumbers: [aNumber({ status: 'Pending', portDate: '2026-12-08T00:00:00Z' })],
    });
    expect(kinds(diffRequest(submitted, pending, context))).toEqual([
      'status_changed',
      'port_date_set',
    ]);
    expect(diffRequest(pending, moved, context)).toEqual([
      expect.objectContaining({
        kind: 'port_date_moved',
        from: '2026-12-04T00:00:00Z',
        to: '2026-12-08T00:00:00Z',
      }),
    ]);
  });

  it('sums up the port dates a request already had when first seen in its one created event', () => {
    const numbers = Array.from({ length: 12 }, (_, i) =>
      aNumber({
        sid: `PU${String(i).padStart(32, '0')}`,
        phoneNumber: `+1415555${String(100 + i).padStart(4, '0')}`,
        status: i < 10 ? 'Pending' : 'Submitted',
        portDate: i < 10 ? `2026-12-0${4 + (i % 3)}T15:00:00Z` : null,
      }),
    );
    const events = diffRequest(
      null,
      aRequest({ status: 'In Progress', phoneNumbers: numbers }),
      context,
    );
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'request_created',
        numberSid: null,
        detail: {
          status: 'in_progress',
          numbers: 12,
          portDates: {
            numbers: 10,
            earliest: '2026-12-04T15:00:00Z',
            latest: '2026-12-06T15:00:00Z',
          },
        },
      }),
    ]);
  });

  it('keeps port dates set after the first sight one event per number', () => {
    const first = aNumber({ status: 'Submitted' });
    const second = aNumber({ sid: 'PU2', phoneNumber: '+14155550102', status: 'Submitted' });
    const confirmed = (n: PortInNumber) => ({ ...n, portDate: '2026-12-04T15:00:00Z' });
    const events = diffRequest(
      aRequest({ phoneNumbers: [first, second] }),
      aRequest({ phoneNumbers: [confirmed(first), confirmed(second)] }),
      context,
    );
    expect(events.map((e) => [e.kind, e.numberSid])).toEqual([
      ['port_date_set', first.sid],
      ['port_date_set', second.sid],
    ]);
  });

  it('records a canceled number as number_canceled', () => {
    const events = diffRequest(
      aRequest({ phoneNumbers: [aNumber({ status: 'Canceling' })] }),
      aRequest({ phoneNumbers: [aNumber({ status: 'Canceled' })] }),
      context,
    );
    expect(kinds(events)).toEqual(['number_canceled']);
  });

  it('records a number found not portable once', () => {
    const notPortable = aNumber({
      portable: false,
      notPortableReason: 'MANUAL_PORTING_AVAILABLE',
      notPortableReasonCode: 22133,
    });
    const first = diffRequest(
      aRequest({ phoneNumbers: [aNumber({ portable: null })] }),
      aRequest({ phoneNumbers: [notPortable] }),
      context,
    );
    expect(first).toEqual([
      expect.objectContaining({
        kind: 'not_portable',
        detail: { notPortableReason: 'MANUAL_PORTING_AVAILABLE', notPortableReasonCode: 22133 },
      }),
    ]);
    expect(
      diffRequest(
        aRequest({ phoneNumbers: [notPortable] }),
        aRequest({ phoneNumbers: [notPortable] }),
        context,
      ),
    ).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  digestLine,
  noticeForFailedSend,
  noticesForSyncCycle,
  type FailedSend,
} from '../../../main/core/notify';
import type { TimelineEvent } from '../../../shared/domain/timeline';
import {
  ACME,
  describeReason,
  event,
  numberSid,
  portDatesSet,
  rejected,
  request,
  requests,
  requestStatus,
  settings,
} from './notifyFixtures';

const NOW = new Date('2025-12-01T15:00:00Z'); // 10:00 in New York

function only(events: TimelineEvent[]) {
  const [notice, ...rest] = noticesForSyncCycle({
    events,
    requests: requests(request()),
    settings: settings(),
    now: NOW,
    describeReason,
  });
  expect(rest).toEqual([]);
  if (!notice) throw new Error('expected a notice');
  return notice;
}

describe('where a click on a sync notice lands', () => {
  it('opens the Numbers tab on the first rejected number', () => {
    const notice = only([rejected(7, 22155, 'Invalid PIN'), rejected(8, 22154, null)]);
    expect(notice.target).toEqual({
      screen: 'request',
      sid: ACME,
      tab: 'numbers',
      numberSid: numberSid(7),
    });
  });

  it('opens the Numbers tab on a not-portable number', () => {
    const notice = only([
      event({
        kind: 'not_portable',
        numberSid: numberSid(3),
        detail: { notPortableReasonCode: 1 },
      }),
    ]);
    expect(notice.target).toMatchObject({ tab: 'numbers', numberSid: numberSid(3) });
  });

  it('opens the Numbers tab for port dates, without singling out a number', () => {
    expect(only(portDatesSet(5, '2025-12-04')).target).toEqual({
      screen: 'request',
      sid: ACME,
      tab: 'numbers',
    });
  });

  it('opens the request itself for news about the request', () => {
    expect(only([requestStatus('Completed')]).target).toEqual({ screen: 'request', sid: ACME });
    expect(only([requestStatus('Action Required')]).target).toEqual({
      screen: 'request',
      sid: ACME,
    });
  });
});

const failure: FailedSend = {
  itemId: 42,
  kind: 'cancel_port_in',
  accountId: 'account-1',
  requestSid: ACME,
  customerName: 'Acme Inc',
  failedAt: '2025-12-01T14:59:00.000Z',
  message: 'Twilio refused the cancellation (22150)',
  advice: 'Retry it, or discard it.',
};

describe('a send that gave up', () => {
  it('says what failed, why and what to do, and opens the outbox', () => {
    const notice = noticeForFailedSend({ failure, settings: settings(), now: NOW });
    expect(notice).toEqual({
      key: 'outbox:42:failed:2025-12-01T14:59:00.000Z',
      kind: 'outbox_failed',
      requestSid: ACME,
      accountId: 'account-1',
      title: 'Acme Inc: the cancellation could not be sent',
      body: 'Twilio refused the cancellation (22150). Retry it, or discard it.',
      urgency: 'critical',
      silent: false,
      createdAt: NOW.toISOString(),
      target: { screen: 'outbox' },
    });
  });

  it('names the create by its customer when no request exists yet', () => {
    const notice = noticeForFailedSend({
      failure: {
        ...failure,
        kind: 'create_port_in',
        requestSid: null,
        message: null,
        advice: null,
      },
      settings: settings(),
      now: NOW,
    });
    expect(notice.requestSid).toBeNull();
    expect(notice.title).toBe('Acme Inc: the new port-in request could not be sent');
    expect(notice.body).toBe(
      'Twilio did not accept it. Open the outbox to retry it or discard it.',
    );
  });

  it('is not switched off by any notification switch, and is silent in quiet hours', () => {
    const allOff = settings({
      kinds: Object.fromEntries(
        ['loa_waiting', 'rejected', 'port_date', 'completed', 'canceled', 'expired', 'ageing'].map(
          (kind) => [kind, false],
        ),
      ),
      quietHours: { start: '09:00', end: '11:00' },
    });
    const notice = noticeForFailedSend({ failure, settings: allOff, now: NOW });
    expect(notice.kind).toBe('outbox_failed');
    expect(notice.silent).toBe(true);
  });

  it('gets a new key when the same item fails again after a retry', () => {
    const first = noticeForFailedSend({ failure, settings: settings(), now: NOW });
    const again = noticeForFailedSend({
      failure: { ...failure, failedAt: '2025-12-02T10:00:00.000Z' },
      settings: settings(),
      now: NOW,
    });
    expect(again.key).not.toBe(first.key);
  });
});

describe('the "since you last looked" line', () => {
  it('counts by kind, most important first', () => {
    expect(digestLine({ completed: 1, port_date_set: 2, action_required: 3 })).toBe(
      '3 rejections, 2 port dates confirmed, 1 completed',
    );
  });

  it('uses the singular for one, and groups thousands', () => {
    expect(digestLine({ port_date_moved: 1, outbox_failed: 1, canceled: 1200 })).toBe(
      '1 failed send, 1 port date moved, 1,200 canceled',
    );
  });

  it('says nothing when nothing happened', () => {
    expect(digestLine({})).toBeNull();
    expect(digestLine({ completed: 0 })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { dueReminders, type Notice, type RequestContext } from '../../../main/core/notify';
import { ACME, request, settings } from './notifyFixtures';

const DAY = 24 * 60 * 60 * 1000;
const LOA_SENT = '2025-11-01T15:00:00Z'; // expires Dec 1, 15:00 UTC (10:00 in New York)
const expiry = new Date(LOA_SENT).getTime() + 30 * DAY;

const waiting = request({ status: 'waiting_for_signature', loaSentAt: LOA_SENT });

function due(
  requests: RequestContext[],
  now: Date,
  alreadySent = new Set<string>(),
  overrides: Parameters<typeof settings>[0] = {},
): Notice[] {
  return dueReminders({ requests, settings: settings(overrides), now, alreadySent });
}

describe('LOA signature reminders', () => {
  it('fire once at each threshold (7, 3 and 1 days left) as the days go by', () => {
    const sent = new Set<string>();
    const shown: Notice[] = [];
    // Every six hours from the day the LOA went out until it expires.
    for (let t = new Date(LOA_SENT).getTime(); t <= expiry + DAY; t += DAY / 4) {
      for (const notice of due([waiting], new Date(t), sent)) {
        shown.push(notice);
        sent.add(notice.key);
      }
    }

    expect(shown.map((n) => n.title)).toEqual([
      'Acme Inc: LOA not signed, 7 days left',
      'Acme Inc: LOA not signed, 3 days left',
      'Acme Inc: LOA not signed, 1 day left',
    ]);
    expect(shown.map((n) => n.urgency)).toEqual(['normal', 'normal', 'critical']);
    expect(shown.every((n) => n.kind === 'loa_reminder' && n.requestSid === ACME)).toBe(true);
  });

  it('say when the LOA went out and when the request expires', () => {
    const [notice] = due([waiting], new Date(expiry - 2 * DAY));

    expect(notice?.body).toBe(
      "The LOA sent Nov 1 is still waiting for the authorized representative's signature. " +
        'Unsigned, the request expires on Dec 1.',
    );
  });

  it('are not due again once their key was sent', () => {
    const now = new Date(expiry - 5 * DAY);
    const [first] = due([waiting], now);

    expect(first).toBeDefined();
    expect(due([waiting], now, new Set([first?.key ?? '']))).toEqual([]);
  });

  it('send only the tightest threshold after the app was closed for a week', () => {
    const notices = due([waiting], new Date(expiry - DAY / 2));

    expect(notices.map((n) => n.title)).toEqual(['Acme Inc: LOA not signed, 1 day left']);
  });

  it('wait until the first threshold is reached', () => {
    expect(due([waiting], new Date(expiry - 8 * DAY))).toEqual([]);
  });

  it('start a new series when a new LOA goes out', () => {
    const now = new Date(expiry - 5 * DAY);
    const [old] = due([waiting], now);
    const resent = { ...waiting, loaSentAt: '2025-11-02T15:00:00Z' };
    const [fresh] = due([resent], new Date(now.getTime() + DAY), new Set([old?.key ?? '']));

    expect(fresh?.key).not.toBe(old?.key);
  });

  it('stop once the request left Waiting for Signature or expired', () => {
    const now = new Date(expiry - 2 * DAY);

    expect(due([{ ...waiting, status: 'in_progress' }], now)).toEqual([]);
    expect(due([{ ...waiting, status: 'expired' }], now)).toEqual([]);
    expect(due([waiting], new Date(expiry + 1))).toEqual([]);
    expect(due([{ ...waiting, loaSentAt: null }], now)).toEqual([]);
  });

  it('count down on the account’s clock, which may run weeks ahead of ours (demo mode)', () => {
    // The simulator's clock is 25 days ahead: 5 days left there, 30 by this computer's clock.
    const ahead = { ...waiting, clockOffsetMs: 25 * DAY };
    const now = new Date(LOA_SENT);

    expect(due([waiting], now)).toEqual([]);
    expect(due([ahead], now).map((n) => n.title)).toEqual([
      'Acme Inc: LOA not signed, 5 days left',
    ]);
    expect(due([{ ...ahead, clockOffsetMs: -25 * DAY }], now)).toEqual([]);
  });

  it('keep their key when the LOA’s time moves with the offset, given the LOA’s id', () => {
    const now = new Date(expiry - 5 * DAY);
    const [first] = due([{ ...waiting, loaId: LOA_SENT }], now);
    const moved = { ...waiting, loaId: LOA_SENT, loaSentAt: '2025-11-01T15:00:10Z' };

    expect(first).toBeDefined();
    expect(due([moved], now, new Set([first?.key ?? '']))).toEqual([]);
  });

  it('follow the configured thresholds', () => {
    const notices = due([waiting], new Date(expiry - 13 * DAY), new Set(), {
      loaReminderDaysLeft: [14],
    });

    expect(notices.map((n) => n.title)).toEqual(['Acme Inc: LOA not signed, 13 days left']);
  });
});

describe('ageing alerts', () => {
  const submitted = '2025-11-01T15:00:00Z';
  const open = request({ status: 'in_progress', submittedAt: submitted, firstPortDate: null });
  const afterDays = (days: number) => new Date(new Date(submitted).getTime() + days * DAY);

  it('fire when a request has no port date 14 days (the default) after submission, not before', () => {
    expect(due([open], new Date(afterDays(14).getTime() - 60_000))).toEqual([]);

    const [notice, ...rest] = due([open], afterDays(14));
    expect(rest).toEqual([]);
    expect(notice).toMatchObject({
      kind: 'ageing',
      requestSid: ACME,
      accountId: 'account-1',
      title: 'Acme Inc: no port date after 14 days',
      urgency: 'normal',
    });
    expect(notice?.body).toContain('Submitted Nov 1, and no number has a confirmed port date yet.');
  });

  it('count the days on the account’s clock', () => {
    // Two days by this computer's clock, fourteen on the account's (12 days ahead).
    const [notice, ...rest] = due([{ ...open, clockOffsetMs: 12 * DAY }], afterDays(2));

    expect(rest).toEqual([]);
    expect(notice?.title).toBe('Acme Inc: no port date after 14 days');
    expect(due([open], afterDays(2))).toEqual([]);
  });

  it('fire once', () => {
    const [notice] = due([open], afterDays(14));

    expect(due([open], afterDays(16), new Set([notice?.key ?? '']))).toEqual([]);
  });

  it('follow the configured number of days', () => {
    expect(due([open], afterDays(4), new Set(), { ageingDays: 5 })).toEqual([]);
    expect(due([open], afterDays(5), new Set(), { ageingDays: 5 })).toHaveLength(1);
  });

  it('stay quiet for a request that has a port date, has ended, or waits for its LOA', () => {
    const late = afterDays(20);

    expect(due([{ ...open, firstPortDate: '2025-11-20' }], late)).toEqual([]);
    expect(due([{ ...open, status: 'completed' }], late)).toEqual([]);
    expect(due([{ ...open, status: 'canceled' }], late)).toEqual([]);
    expect(due([{ ...open, status: 'waiting_for_signature' }], late)).toEqual([]);
    expect(due([{ ...open, submittedAt: null }], late)).toEqual([]);
  });
});

describe('reminder settings', () => {
  const open = request({ status: 'action_required', submittedAt: '2025-11-01T15:00:00Z' });
  const now = new Date(expiry - 2 * DAY);

  it('produce nothing when the LOA and ageing switches are off', () => {
    const kinds = { loa_waiting: false, ageing: false };

    expect(due([waiting, open], now, new Set(), { kinds })).toEqual([]);
  });

  it('hold reminders during quiet hours and release them when quiet hours end', () => {
    const quietHours = { start: '21:00', end: '08:00' };
    const sent = new Set<string>();
    const night = new Date('2025-11-29T06:00:00Z'); // 01:00 in New York
    const morning = new Date('2025-11-29T13:00:00Z'); // 08:00 in New York

    expect(due([waiting, open], night, sent, { quietHours })).toEqual([]);
    const released = due([waiting, open], morning, sent, { quietHours });
    expect(released.map((n) => n.kind)).toEqual(['loa_reminder', 'ageing']);
    expect(released.every((n) => n.silent === false)).toBe(true);
  });

  it('refuse a threshold that is not a positive number of days, naming the field', () => {
    expect(() => due([waiting], now, new Set(), { loaReminderDaysLeft: [7, 0] })).toThrow(
      'settings.loaReminderDaysLeft must hold positive numbers of days',
    );
  });
});

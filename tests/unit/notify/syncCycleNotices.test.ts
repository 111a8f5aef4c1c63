import { describe, expect, it } from 'vitest';
import { noticesForSyncCycle, type NotifySettings } from '../../../main/core/notify';
import type { TimelineEvent } from '../../../shared/domain/timeline';
import {
  ACME,
  describeReason,
  event,
  GLOBEX,
  numberSid,
  portDatesSet,
  rejected,
  request,
  requests,
  requestStatus,
  settings,
} from './notifyFixtures';

const NOW = new Date('2025-12-01T15:00:00Z'); // 10:00 in New York

function notices(events: TimelineEvent[], options: { settings?: NotifySettings; now?: Date } = {}) {
  return noticesForSyncCycle({
    events,
    requests: requests(
      request({ loaSentAt: '2025-12-01T14:00:00Z' }),
      request({ sid: GLOBEX, customerName: 'Globex', accountId: 'account-2' }),
    ),
    settings: options.settings ?? settings(),
    now: options.now ?? NOW,
    describeReason,
  });
}

describe('one notice per kind of news', () => {
  it('announces confirmed port dates as "Acme Inc: 120 numbers scheduled for Dec 4"', () => {
    // Midnight UTC is Dec 3 in New York: a port date is a calendar day and must stay Dec 4.
    const [notice, ...rest] = notices(portDatesSet(120, '2025-12-04T00:00:00Z'));

    expect(rest).toEqual([]);
    expect(notice).toMatchObject({
      kind: 'port_date_set',
      requestSid: ACME,
      accountId: 'account-1',
      title: 'Acme Inc: 120 numbers scheduled for Dec 4',
      body: 'The losing carrier confirmed the port date (FOC).',
      urgency: 'normal',
      silent: false,
      createdAt: NOW.toISOString(),
    });
  });

  it('lists each port date when numbers were scheduled for different days', () => {
    const [notice] = notices([
      ...portDatesSet(2, '2025-12-05'),
      ...portDatesSet(3, '2025-12-04', 100),
    ]);

    expect(notice?.title).toBe('Acme Inc: 5 numbers scheduled');
    expect(notice?.body).toBe(
      'Dec 4 (3), Dec 5 (2). The losing carrier confirmed the port date (FOC).',
    );
  });

  it('says which reasons rejected numbers, most frequent first: "3 numbers rejected — Invalid PIN (2), Invalid address (1)"', () => {
    const [notice] = notices([
      rejected(1, 22154, 'INVALID_ADDRESS'),
      rejected(2, '22155', 'INVALID_PIN'),
      rejected(3, 22155, 'INVALID_PIN'),
    ]);

    expect(notice).toMatchObject({
      kind: 'action_required',
      title: 'Acme Inc: 3 numbers rejected',
      body: 'Invalid PIN (2), Invalid address (1). Open the request to fix and resubmit.',
      urgency: 'critical',
    });
  });

  it('still gives words for a reason code the catalogue does not know, showing the raw code', () => {
    const [notice] = notices([
      rejected(1, 22999, 'SOME_NEW_REASON'),
      rejected(2, 22998, null),
      rejected(3, null, null),
    ]);

    expect(notice?.body).toBe(
      'SOME_NEW_REASON (22999) (1), Reason code 22998 (1), No reason given (1). Open the request to fix and resubmit.',
    );
  });

  it("uses the catalogue's own words for an unknown code when it has some", () => {
    const [notice] = noticesForSyncCycle({
      events: [rejected(1, 22999, null)],
      requests: requests(request()),
      settings: settings(),
      now: NOW,
      describeReason: (code) => `Unrecognised reason (code ${code})`,
    });

    expect(notice?.body).toContain('Unrecognised reason (code 22999) (1)');
  });

  it('reports numbers Twilio found not portable with the reason', () => {
    const [notice] = notices([
      event({
        kind: 'not_portable',
        numberSid: numberSid(1),
        to: 'ALREADY_IN_TWILIO_DIFFERENT_OWNER',
        detail: {
          notPortableReason: 'ALREADY_IN_TWILIO_DIFFERENT_OWNER',
          notPortableReasonCode: 22132,
        },
      }),
    ]);

    expect(notice).toMatchObject({
      kind: 'action_required',
      title: 'Acme Inc: 1 number not portable',
      urgency: 'critical',
    });
    expect(notice?.body).toContain('ALREADY_IN_TWILIO_DIFFERENT_OWNER (22132) (1)');
  });

  it('asks the agent to open the request when it needs action without a number-level reason', () => {
    const [notice] = notices([requestStatus('Action Required')]);

    expect(notice).toMatchObject({
      kind: 'action_required',
      title: 'Acme Inc: action required',
      urgency: 'critical',
    });
  });

  it('tells the agent the LOA waits for signature, and by when, once for both of its events', () => {
    const result = notices([
      requestStatus('Waiting for Signature', 'In Review'),
      event({ kind: 'loa_link_available', to: 'https://sign.example/loa' }),
    ]);

    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      kind: 'loa_waiting',
      title: 'Acme Inc: LOA waiting for signature',
      body: 'The authorized representative must sign it by Dec 31, or the request expires.',
      urgency: 'normal',
    });
  });

  it('counts the LOA’s deadline on the account’s clock the events were stamped with', () => {
    // Globex's context has no LOA time: the deadline counts from the events' observation, Dec 1
    // on this computer, Dec 21 on the simulator's clock (20 days ahead).
    const ahead = { clockOffsetMs: 20 * 86_400_000 };
    const [notice] = notices([
      { ...requestStatus('Waiting for Signature', 'In Review', GLOBEX), detail: ahead },
      event({
        kind: 'loa_link_available',
        requestSid: GLOBEX,
        to: 'https://x.example',
        detail: ahead,
      }),
    ]);

    expect(notice?.body).toBe(
      'The authorized representative must sign it by Jan 20, or the request expires.',
    );
  });

  it('says where a moved port date went and where it was', () => {
    const moves = Array.from({ length: 12 }, (_, i) =>
      event({
        kind: 'port_date_moved',
        numberSid: numberSid(i),
        from: '2025-12-04T00:00:00Z',
        to: '2025-12-06T00:00:00Z',
      }),
    );
    const [notice] = notices(moves);

    expect(notice).toMatchObject({
      kind: 'port_date_moved',
      title: 'Acme Inc: 12 numbers moved to Dec 6',
      body: 'Previously scheduled for Dec 4.',
    });
  });

  it('announces a completed port once, without repeating every number that ported', () => {
    const numbersDone = Array.from({ length: 120 }, (_, i) =>
      event({ kind: 'status_changed', numberSid: numberSid(i), from: 'Pending', to: 'Completed' }),
    );
    const result = notices([...numbersDone, requestStatus('Completed')]);

    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      kind: 'completed',
      title: 'Acme Inc: port completed',
      body: 'The request for 120 numbers is complete; its numbers are now on Twilio.',
      urgency: 'normal',
    });
  });

  it('announces numbers that ported while the rest of the request is still open', () => {
    const [notice] = notices([
      event({ kind: 'status_changed', numberSid: numberSid(1), from: 'Pending', to: 'completed' }),
      event({ kind: 'status_changed', numberSid: numberSid(2), from: 'Pending', to: 'completed' }),
    ]);

    expect(notice).toMatchObject({ kind: 'completed', title: 'Acme Inc: 2 numbers ported' });
  });

  it('announces a canceled request with the reason Twilio gave', () => {
    const [notice] = notices([
      event({
        kind: 'status_changed',
        from: 'In Progress',
        to: 'Canceled',
        detail: { orderCancellationReason: 'Customer request' },
      }),
    ]);

    expect(notice).toMatchObject({
      kind: 'canceled',
      title: 'Acme Inc: port request canceled',
      body: 'Reason: Customer request. No numbers will port on this request.',
    });
  });

  it('announces canceled numbers of a request that goes on', () => {
    const [notice] = notices([
      event({ kind: 'number_canceled', numberSid: numberSid(1), to: 'Canceled' }),
    ]);

    expect(notice).toMatchObject({
      kind: 'canceled',
      title: 'Acme Inc: 1 number canceled',
      body: 'It will not port on this request.',
    });
  });

  it('announces an expired request as critical', () => {
    const [notice] = notices([requestStatus('PortInExpired', 'Waiting for Signature')]);

    expect(notice).toMatchObject({
      kind: 'expired',
      title: 'Acme Inc: port request expired',
      urgency: 'critical',
    });
  });

  it('says nothing about a request that was only created', () => {
    expect(notices([event({ kind: 'request_created', to: 'In Review' })])).toEqual([]);
  });
});

describe('coalescing', () => {
  it('turns everything one sync cycle found on one request into one notice led by what needs the agent', () => {
    const result = notices([
      ...portDatesSet(5, '2025-12-04'),
      requestStatus('Action Required'),
      rejected(90, 22155, 'INVALID_PIN'),
      rejected(91, 22155, 'INVALID_PIN'),
    ]);

    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      kind: 'action_required',
      title: 'Acme Inc: 2 numbers rejected',
      body: 'Invalid PIN (2). Open the request to fix and resubmit. Also: 5 numbers scheduled for Dec 4.',
      urgency: 'critical',
    });
  });

  it('leads with an outcome that ends the request and mentions the rest briefly', () => {
    const [notice] = notices([
      requestStatus('Expired', 'Waiting for Signature'),
      event({ kind: 'number_canceled', numberSid: numberSid(1) }),
    ]);

    expect(notice?.title).toBe('Acme Inc: port request expired');
    expect(notice?.body).toMatch(/ Also: 1 number canceled\.$/);
  });

  it('counts a number once when two events report the same rejection', () => {
    const [notice] = notices([
      event({ kind: 'status_changed', numberSid: numberSid(7), from: 'Submitted', to: 'rejected' }),
      rejected(7, 22155, 'INVALID_PIN'),
    ]);

    expect(notice?.title).toBe('Acme Inc: 1 number rejected');
    expect(notice?.body).toContain('Invalid PIN (1)');
  });

  it('gives two requests two notices, each opening its own request', () => {
    const result = notices([
      ...portDatesSet(3, '2025-12-04'),
      requestStatus('Completed', 'In Progress', GLOBEX),
      ...portDatesSet(2, '2025-12-04', 3),
    ]);

    expect(result.map((n) => [n.requestSid, n.accountId, n.title])).toEqual([
      [ACME, 'account-1', 'Acme Inc: 5 numbers scheduled for Dec 4'],
      [GLOBEX, 'account-2', 'Globex: port completed'],
    ]);
  });

  it('keys a notice by its events, so the same cycle gives the same key and another cycle another', () => {
    const cycle = portDatesSet(3, '2025-12-04');
    const first = notices(cycle);
    const replayed = notices(cycle);
    const nextCycle = notices(portDatesSet(3, '2025-12-05'));

    expect(replayed[0]?.key).toBe(first[0]?.key);
    expect(nextCycle[0]?.key).not.toBe(first[0]?.key);
  });
});

describe('settings', () => {
  it('produces no notice for a kind that is switched off (port dates, set or moved)', () => {
    const off = settings({ kinds: { port_date: false } });

    expect(notices(portDatesSet(3, '2025-12-04'), { settings: off })).toEqual([]);
    expect(
      notices([event({ kind: 'port_date_moved', numberSid: numberSid(1), to: '2025-12-06' })], {
        settings: off,
      }),
    ).toEqual([]);
  });

  it('leaves a switched-off kind out of the "Also:" line of other notices', () => {
    const off = settings({ kinds: { port_date: false } });
    const [notice] = notices([...portDatesSet(3, '2025-12-04'), rejected(9, 22155, null)], {
      settings: off,
    });

    expect(notice?.kind).toBe('action_required');
    expect(notice?.body).not.toContain('Also');
  });

  it('picks the next most important kind when the leading one is switched off', () => {
    const off = settings({ kinds: { rejected: false } });
    const [notice] = notices([...portDatesSet(3, '2025-12-04'), rejected(9, 22155, null)], {
      settings: off,
    });

    expect(notice).toMatchObject({ kind: 'port_date_set', urgency: 'normal' });
  });

  it("writes dates in the agent's locale", () => {
    const [notice] = notices(portDatesSet(1, '2025-12-04'), {
      settings: settings({ locale: 'de-DE' }),
    });

    expect(notice?.title).toBe('Acme Inc: 1 number scheduled for 4. Dez.');
  });

  it.each([
    ['just after the start', '2025-12-02T03:01:00Z', true], // 22:01 in New York
    ['after midnight', '2025-12-02T09:30:00Z', true], // 04:30
    ['the last minute', '2025-12-02T11:59:00Z', true], // 06:59
    ['at the end minute', '2025-12-02T12:00:00Z', false], // 07:00
    ['in the afternoon', '2025-12-02T20:00:00Z', false], // 15:00
  ])(
    'marks notices silent during quiet hours across midnight (22:00–07:00): %s',
    (_, now, silent) => {
      const quiet = settings({ quietHours: { start: '22:00', end: '07:00' } });
      const [notice] = notices(portDatesSet(1, '2025-12-04'), {
        settings: quiet,
        now: new Date(now),
      });

      expect(notice?.silent).toBe(silent);
    },
  );

  it('ignores quiet hours the agent switched off', () => {
    const off = settings({ quietHours: { enabled: false, start: '00:00', end: '23:59' } });
    const [notice] = notices(portDatesSet(1, '2025-12-04'), { settings: off });

    expect(notice?.silent).toBe(false);
  });

  it("reads quiet hours on the agent's clock, not UTC", () => {
    const lunch = { start: '12:00', end: '13:00' };
    const noonInNewYork = new Date('2025-12-02T17:30:00Z');

    const [inNewYork] = notices(portDatesSet(1, '2025-12-04'), {
      settings: settings({ quietHours: lunch }),
      now: noonInNewYork,
    });
    const [inTokyo] = notices(portDatesSet(1, '2025-12-04'), {
      settings: settings({ quietHours: lunch, timeZone: 'Asia/Tokyo' }),
      now: noonInNewYork,
    });

    expect(inNewYork?.silent).toBe(true);
    expect(inTokyo?.silent).toBe(false);
  });

  it('refuses quiet hours that are not HH:MM, naming the field', () => {
    const bad = settings({ quietHours: { start: '7:00', end: '22:00' } });

    expect(() => notices(portDatesSet(1, '2025-12-04'), { settings: bad })).toThrow(
      'settings.quietHours.start must be a 24-hour time like "22:00", got "7:00"',
    );
  });

  it('refuses a time zone that is not an IANA zone, naming the field', () => {
    expect(() =>
      notices(portDatesSet(1, '2025-12-04'), { settings: settings({ timeZone: 'Mars/Olympus' }) }),
    ).toThrow('settings.timeZone must be an IANA time zone');
  });
});

it('refuses events for a request it was given no context for', () => {
  expect(() =>
    noticesForSyncCycle({
      events: portDatesSet(1, '2025-12-04'),
      requests: new Map(),
      settings: settings(),
      now: NOW,
      describeReason,
    }),
  ).toThrow(`requests has no context for ${ACME}`);
});

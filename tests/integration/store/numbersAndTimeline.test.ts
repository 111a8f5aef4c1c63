import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Account, NewTimelineEvent, Store } from '../../../main/core/store';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';
import { addAccount, numberSid, requestSid, rowCount, useTempFolders } from './storeHarness';

const temp = useTempFolders();
const T0 = '2026-11-27T10:00:00.000Z';
let store: Store;
let account: Account;

beforeEach(() => {
  store = temp.open();
  account = addAccount(store);
  store.requests.saveFetchedRequest(
    account.id,
    aRequest({
      sid: requestSid(1),
      phoneNumbers: [
        aNumber({ sid: numberSid(1), phoneNumber: '+14155550101', status: 'submitted' }),
        aNumber({
          sid: numberSid(2),
          phoneNumber: '+14155550102',
          status: 'rejected',
          rejectionReason: 'Invalid PIN',
          rejectionReasonCode: 22155,
        }),
        aNumber({ sid: numberSid(3), phoneNumber: '+12125550103', status: 'pending' }),
      ],
    }),
    T0,
  );
  store.requests.saveFetchedRequest(
    account.id,
    aRequest({
      sid: requestSid(2),
      phoneNumbers: [
        aNumber({ sid: numberSid(4), phoneNumber: '+14155550101', status: 'canceled' }),
      ],
    }),
    T0,
  );
});

describe('numbers', () => {
  it('list a request’s numbers, filtered by status or by what the agent typed', () => {
    const sids = (query?: Parameters<Store['numbers']['listNumbers']>[1]): string[] =>
      store.numbers.listNumbers(requestSid(1), query).map((n) => n.sid);
    expect(sids()).toEqual([numberSid(1), numberSid(2), numberSid(3)]);
    expect(sids({ statuses: ['rejected', 'pending'] })).toEqual([numberSid(2), numberSid(3)]);
    expect(sids({ search: '(415) 555' })).toEqual([numberSid(1), numberSid(2)]);
    expect(sids({ search: '0103' })).toEqual([numberSid(3)]);
    expect(sids({ search: 'invalid pin' })).toEqual([numberSid(2)]);
    expect(sids({ search: `pu${'0'.repeat(31)}3` })).toEqual([numberSid(3)]);
    expect(store.numbers.listNumbers(requestSid(9))).toEqual([]);
  });

  it('carry every number field and its request', () => {
    const [rejected] = store.numbers.getNumbersBySids([numberSid(2)]);
    expect(rejected).toEqual({
      ...aNumber({
        sid: numberSid(2),
        phoneNumber: '+14155550102',
        status: 'rejected',
        rejectionReason: 'Invalid PIN',
        rejectionReasonCode: 22155,
      }),
      requestSid: requestSid(1),
    });
  });

  it('look numbers up by SID and by E.164 across requests', () => {
    expect(
      store.numbers
        .getNumbersBySids([numberSid(3), numberSid(4), 'PUnope'])
        .map((n) => n.sid)
        .sort(),
    ).toEqual([numberSid(3), numberSid(4)]);
    expect(store.numbers.getNumbersBySids([])).toEqual([]);
    expect(
      store.numbers
        .findByPhoneNumber('+14155550101')
        .map((n) => [n.requestSid, n.status.canonical]),
    ).toEqual([
      [requestSid(1), 'submitted'],
      [requestSid(2), 'canceled'],
    ]);
  });
});

function event(overrides: Partial<NewTimelineEvent> = {}): NewTimelineEvent {
  return {
    requestSid: requestSid(1),
    numberSid: null,
    phoneNumber: null,
    kind: 'status_changed',
    from: 'In Review',
    to: 'In Progress',
    detail: { fromStatus: 'in_review', toStatus: 'in_progress' },
    observedAt: T0,
    source: 'sync',
    ...overrides,
  };
}

describe('timeline', () => {
  it('append events in order and hand them back with ids', () => {
    const appended = store.timeline.appendEvents([
      event(),
      event({
        kind: 'rejected',
        numberSid: numberSid(2),
        phoneNumber: '+14155550102',
        detail: { rejectionReasonCode: 22155 },
      }),
    ]);
    expect(appended.map((e) => e.kind)).toEqual(['status_changed', 'rejected']);
    expect(appended[1]?.id).toBeGreaterThan(appended[0]?.id ?? Infinity);
    expect(store.timeline.listEvents(requestSid(1))).toEqual([...appended].reverse());
  });

  it('page newest first with before', () => {
    const appended = store.timeline.appendEvents(
      Array.from({ length: 5 }, (_, i) => event({ to: `step ${i}` })),
    );
    const first = store.timeline.listEvents(requestSid(1), { limit: 2 });
    expect(first.map((e) => e.to)).toEqual(['step 4', 'step 3']);
    const next = store.timeline.listEvents(requestSid(1), { limit: 2, before: first[1]?.id });
    expect(next.map((e) => e.to)).toEqual(['step 2', 'step 1']);
    expect(store.timeline.listEvents(requestSid(2))).toEqual([]);
    expect(appended).toHaveLength(5);
  });

  it('store all of a batch or none of it', () => {
    expect(() =>
      store.timeline.appendEvents([event(), event({ observedAt: 'yesterday-ish' })]),
    ).toThrow(/events\[1\]\.observedAt/);
    expect(() =>
      store.timeline.appendEvents([event(), event({ requestSid: requestSid(9) })]),
    ).toThrow();
    expect(rowCount(store, 'timeline_events')).toBe(0);
  });

  it('refuse to edit an event once written, even from another connection', () => {
    store.timeline.appendEvents([event()]);
    const other = new Database(store.file);
    try {
      expect(() => other.prepare("UPDATE timeline_events SET to_value = 'forged'").run()).toThrow(
        /append-only/,
      );
    } finally {
      other.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { NoticeFeed } from '../../../main/core/app/noticeFeed';
import { DEFAULT_SETTINGS } from '../../../main/core/app/settingsService';
import type { Notice } from '../../../main/core/notify';
import type { Store } from '../../../main/core/store';
import type { TimelineEvent } from '../../../shared/domain/timeline';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';
import { aSummary, addAccount, numberSid, requestSid, useTempFolders } from '../store/storeHarness';

const temp = useTempFolders();
const NOW = Date.parse('2026-12-01T15:00:00Z');
const SID = requestSid(7);

function setUp(now = () => NOW, clocks?: { clockOffsetMs: (accountId: string) => number }) {
  const store: Store = temp.open();
  const account = addAccount(store);
  store.requests.saveFetchedRequest(account.id, aRequest({ sid: SID }), '2026-11-20T10:00:00Z');
  const popped: Notice[] = [];
  const recordedBatches: number[] = [];
  const feed = new NoticeFeed({
    store,
    settings: () => DEFAULT_SETTINGS,
    timeZone: 'America/New_York',
    now,
    ...(clocks ? { clocks } : {}),
    emit: (notice) => popped.push(notice),
    onRecorded: (recorded) => recordedBatches.push(recorded.length),
  });
  return { store, account, feed, popped, recordedBatches };
}

let nextId = 100;
function rejectedEvent(n: number): TimelineEvent {
  return {
    id: nextId++,
    requestSid: SID,
    numberSid: numberSid(n),
    phoneNumber: null,
    kind: 'rejected',
    from: 'Submitted',
    to: 'Rejected',
    detail: { rejectionReasonCode: 22155, rejectionReason: 'Invalid PIN' },
    observedAt: '2026-12-01T15:00:00Z',
    source: 'sync',
  };
}

describe('every notice the policy produces is kept in the feed', () => {
  it('records a sync cycle notice with its target, then pops it up', () => {
    const { store, feed, popped, recordedBatches } = setUp();
    feed.afterSyncCycle({ events: [rejectedEvent(1), rejectedEvent(2)], firstSync: false });

    const { rows } = store.notices.list();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'action_required',
      requestSid: SID,
      title: 'Acme Inc: 2 numbers rejected',
      target: { screen: 'request', sid: SID, tab: 'numbers', numberSid: numberSid(1) },
      readAt: null,
    });
    expect(popped.map((notice) => notice.key)).toEqual([rows[0]?.key]);
    expect(recordedBatches).toEqual([1]);
  });

  it('neither records nor pops up the same cycle twice', () => {
    const { store, feed, popped } = setUp();
    const events = [rejectedEvent(1)];
    feed.afterSyncCycle({ events, firstSync: false });
    feed.afterSyncCycle({ events, firstSync: false });
    expect(store.notices.list().total).toBe(1);
    expect(popped).toHaveLength(1);
  });

  it('records nothing for an account’s first sync', () => {
    const { store, feed, popped } = setUp();
    feed.afterSyncCycle({ events: [rejectedEvent(1)], firstSync: true });
    expect(store.notices.list().total).toBe(0);
    expect(popped).toEqual([]);
  });

  it('records a send that gave up, once, and not one still being retried', () => {
    const { store, account, feed, popped } = setUp();
    const item = store.outbox.enqueue({
      accountId: account.id,
      kind: 'cancel_port_in',
      payload: { requestSid: SID },
      requestSid: SID,
    });
    feed.afterOutboxChange({ itemIds: [item.id] });
    expect(store.notices.list().total).toBe(0);

    store.outbox.update(item.id, {
      state: 'failed',
      lastError: { message: 'Twilio refused it', advice: 'Retry it, or discard it.' },
    });
    feed.afterOutboxChange({ itemIds: [item.id, item.id] });
    feed.afterOutboxChange({ itemIds: [item.id] });

    expect(store.notices.list().rows).toEqual([
      expect.objectContaining({
        kind: 'outbox_failed',
        title: 'Acme Inc: the cancellation could not be sent',
        body: 'Twilio refused it. Retry it, or discard it.',
        target: { screen: 'outbox' },
      }),
    ]);
    expect(popped).toHaveLength(1);
  });

  it('records reminders too', () => {
    const { store, account, feed } = setUp(() => Date.parse('2027-01-01T15:00:00Z'));
    store.requests.saveFetchedRequest(
      account.id,
      aRequest({ sid: requestSid(8), status: 'In Progress', phoneNumbers: [] }),
      '2026-11-20T10:00:00Z',
    );
    feed.checkReminders();
    expect(store.notices.list().rows.map((notice) => notice.kind)).toContain('ageing');
  });

  it('prunes notices older than 90 days', () => {
    let now = NOW;
    const { store, feed } = setUp(() => now);
    feed.afterSyncCycle({ events: [rejectedEvent(1)], firstSync: false });
    now = NOW + 89 * 86_400_000;
    expect(feed.prune()).toBe(0);
    now = NOW + 91 * 86_400_000;
    expect(feed.prune()).toBe(1);
    expect(store.notices.list().total).toBe(0);
  });
});

describe('reminders and LOA deadlines count on the account’s clock', () => {
  const DAY = 86_400_000;
  const at = (ms: number) => new Date(ms).toISOString();
  const WAITING = requestSid(9);
  const AGEING = requestSid(10);

  /**
   * A demo-like account 27 days ahead of us. Its LOA went out 25 days ago by its clock (5 days
   * left), two days ahead of ours, so the store keeps PortDesk's first sight (our now); its
   * other request was created 16 of its days ago and has no port date.
   */
  function aheadOfUs() {
    let offsetMs = 27 * DAY;
    const clocked = setUp(() => NOW, { clockOffsetMs: () => offsetMs });
    const sentAt = at(NOW + offsetMs - 25 * DAY);
    const { store, account } = clocked;
    store.requests.upsertSummary(
      account.id,
      aSummary(WAITING, { status: 'Waiting for Signature', statusUpdatedAt: sentAt }),
      at(NOW),
      offsetMs,
    );
    store.requests.saveFetchedRequest(
      account.id,
      aRequest({
        sid: WAITING,
        status: 'Waiting for Signature',
        signatureRequestUrl: 'https://www.twilio.com/loa/sign/abc',
        dateCreated: sentAt,
        phoneNumbers: [
          aNumber({ sid: numberSid(9), status: 'Waiting for Signature', statusUpdatedAt: sentAt }),
        ],
      }),
      at(NOW),
      offsetMs,
    );
    store.requests.saveFetchedRequest(
      account.id,
      aRequest({
        sid: AGEING,
        status: 'In Progress',
        dateCreated: at(NOW + offsetMs - 16 * DAY),
        phoneNumbers: [aNumber({ sid: numberSid(10), status: 'Submitted' })],
      }),
      at(NOW),
      offsetMs,
    );
    return { ...clocked, moveClock: (ms: number) => (offsetMs += ms) };
  }

  it('reminds of an unsigned LOA by the days left on the account’s clock, once', () => {
    const { feed, popped, moveClock } = aheadOfUs();
    feed.checkReminders();
    const reminders = popped.filter((notice) => notice.kind === 'loa_reminder');
    expect(reminders).toEqual([
      expect.objectContaining({
        requestSid: WAITING,
        title: 'Acme Inc: LOA not signed, 5 days left',
        body:
          "The LOA sent Dec 3 is still waiting for the authorized representative's signature. " +
          'Unsigned, the request expires on Jan 2.',
      }),
    ]);

    // The demo's clock runs on: the same LOA is the same series, not a new reminder.
    moveClock(DAY / 2);
    feed.checkReminders();
    expect(popped.filter((notice) => notice.kind === 'loa_reminder')).toHaveLength(1);
  });

  it('alerts on a request without a port date by its age on the account’s clock', () => {
    const { feed, popped } = aheadOfUs();
    feed.checkReminders();
    expect(popped.find((notice) => notice.requestSid === AGEING)).toMatchObject({
      kind: 'ageing',
      title: 'Acme Inc: no port date after 16 days',
    });
  });

  it('dates the LOA’s deadline in a sync notice on the account’s clock', () => {
    const { feed, popped } = aheadOfUs();
    const linkSeen: TimelineEvent = {
      id: nextId++,
      requestSid: WAITING,
      numberSid: null,
      phoneNumber: null,
      kind: 'loa_link_available',
      from: null,
      to: 'https://www.twilio.com/loa/sign/abc',
      detail: { clockOffsetMs: 27 * DAY },
      observedAt: at(NOW),
      source: 'sync',
    };
    feed.afterSyncCycle({ events: [linkSeen], firstSync: false });
    expect(popped).toEqual([
      expect.objectContaining({
        kind: 'loa_waiting',
        body: 'The authorized representative must sign it by Jan 2, or the request expires.',
      }),
    ]);
  });
});

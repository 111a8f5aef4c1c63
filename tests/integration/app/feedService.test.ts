import { describe, expect, it } from 'vitest';
import { FeedService, targetOf } from '../../../main/core/app/feedService';
import type { NewNotice, Store } from '../../../main/core/store';
import type { NoticesChangedView } from '../../../shared/feed';
import { addAccount, requestSid, useTempFolders } from '../store/storeHarness';

const temp = useTempFolders();
const NOW = Date.parse('2026-12-01T15:00:00Z');

function setUp() {
  const store: Store = temp.open();
  const account = addAccount(store);
  const changes: NoticesChangedView[] = [];
  const feed = new FeedService({
    store,
    now: () => NOW,
    popups: 'page',
    onChanged: (change) => changes.push(change),
  });
  let seq = 0;
  const record = (overrides: Partial<NewNotice> = {}) =>
    store.notices.record([
      {
        key: `k${++seq}`,
        kind: 'completed',
        accountId: account.id,
        requestSid: requestSid(1),
        title: `Acme Inc: notice ${seq}`,
        body: 'Body.',
        urgency: 'normal',
        silent: false,
        createdAt: new Date(NOW).toISOString(),
        target: { screen: 'request', sid: requestSid(1) },
        ...overrides,
      },
    ]);
  return { store, account, feed, changes, record };
}

describe('the feed service', () => {
  it('lists notices with their account label, read state and target', () => {
    const { feed, record } = setUp();
    record({
      kind: 'action_required',
      target: { screen: 'request', sid: requestSid(1), tab: 'numbers', numberSid: 'PU1' },
    });
    const page = feed.list({ limit: 10 });
    expect(page).toEqual({
      total: 1,
      unread: 1,
      rows: [
        expect.objectContaining({
          kind: 'action_required',
          accountLabel: 'Desk 1',
          read: false,
          target: { screen: 'request', sid: requestSid(1), tab: 'numbers', numberSid: 'PU1' },
        }),
      ],
    });
  });

  it('marks read and pushes the new unread count, but only when something changed', () => {
    const { feed, record, changes } = setUp();
    const [first] = record();
    record({ requestSid: requestSid(2), target: { screen: 'request', sid: requestSid(2) } });
    record();
    expect(feed.markRead([first?.id ?? 0])).toEqual({ unread: 2 });
    expect(feed.markRead([first?.id ?? 0])).toEqual({ unread: 2 });
    expect(changes).toEqual([{ unread: 2, added: [] }]);
    expect(feed.markRequestRead(requestSid(1))).toEqual({ unread: 1 });
    expect(feed.markAllRead({})).toEqual({ unread: 0 });
    expect(feed.summary()).toEqual({ unread: 0, popups: 'page' });
    expect(feed.list({ limit: 10 }).rows.every((row) => row.read)).toBe(true);
  });

  it('sums up what came since the agent last looked, and forgets it once seen', () => {
    const { feed, record } = setUp();
    record({ kind: 'action_required' });
    record({ kind: 'action_required' });
    record({ kind: 'port_date_set' });
    const digest = feed.digest();
    expect(digest).toMatchObject({ line: '2 rejections, 1 port date confirmed', count: 3 });

    feed.markSeen(digest.upToId);
    expect(feed.digest()).toMatchObject({ line: null, count: 0 });
    record({ kind: 'completed' });
    expect(feed.digest().line).toBe('1 completed');
    // An older id never moves "last seen" back; an id past the newest is clamped.
    feed.markSeen(1);
    expect(feed.digest().line).toBe('1 completed');
    feed.markSeen(10_000);
    record({ kind: 'expired' });
    expect(feed.digest().line).toBe('1 expired');
  });

  it('passes recorded notices on with what a page needs to pop them up', () => {
    const { feed, record, changes } = setUp();
    const recorded = record({ silent: true, urgency: 'critical' });
    feed.recorded(recorded);
    expect(changes).toEqual([
      {
        unread: 1,
        added: [
          {
            id: recorded[0]?.id,
            key: 'k1',
            title: 'Acme Inc: notice 1',
            body: 'Body.',
            urgency: 'critical',
            silent: true,
            target: { screen: 'request', sid: requestSid(1) },
          },
        ],
      },
    ]);
  });
});

describe('reading a stored target back', () => {
  it('keeps a well-formed target and falls back for anything else', () => {
    const sid = requestSid(3);
    expect(targetOf({ screen: 'request', sid, tab: 'numbers', numberSid: 'PU9' }, sid)).toEqual({
      screen: 'request',
      sid,
      tab: 'numbers',
      numberSid: 'PU9',
    });
    expect(targetOf({ screen: 'outbox' }, sid)).toEqual({ screen: 'outbox' });
    expect(targetOf({ screen: 'nowhere' }, sid)).toEqual({ screen: 'request', sid });
    expect(targetOf({}, null)).toEqual({ screen: 'outbox' });
  });
});

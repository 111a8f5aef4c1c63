import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/ipc';
import type { NoticeKind, NoticeView } from '../../../shared/feed';
import { createFeedStore, FEED_PAGE_SIZE, type FeedApi } from '../../../renderer/store/feedPages';

const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });

/** A feed of `count` notices, newest first, every third one a rejection. */
function fakeApi(count: number) {
  const notices: NoticeView[] = Array.from({ length: count }, (_, i) => ({
    id: count - i,
    kind: (i % 3 === 0 ? 'action_required' : 'completed') as NoticeKind,
    accountId: 'acc-1',
    accountLabel: 'Main',
    requestSid: `KW${i % 10}`,
    title: `Notice ${count - i}`,
    body: 'Body.',
    urgency: 'normal',
    createdAt: '2026-12-01T10:00:00.000Z',
    read: false,
    target: { screen: 'request', sid: `KW${i % 10}` },
  }));
  let lastSeen = 0;
  const calls: string[] = [];
  const unread = () => notices.filter((n) => !n.read).length;
  const api: FeedApi = {
    async listNotices(query) {
      calls.push(`list ${query.offset}`);
      const matching = notices.filter(
        (n) =>
          (query.kinds.length === 0 || query.kinds.includes(n.kind)) &&
          (!query.unreadOnly || !n.read),
      );
      return ok({
        rows: matching.slice(query.offset, query.offset + query.limit).map((n) => ({ ...n })),
        total: matching.length,
        unread: unread(),
      });
    },
    getFeedSummary: async () => ok({ unread: unread(), popups: 'page' as const }),
    async markNoticesRead({ ids }) {
      for (const n of notices) if (ids.includes(n.id)) n.read = true;
      return ok({ unread: unread() });
    },
    async markAllNoticesRead({ kinds }) {
      for (const n of notices) if (kinds.length === 0 || kinds.includes(n.kind)) n.read = true;
      return ok({ unread: unread() });
    },
    async markRequestNoticesRead({ sid }) {
      for (const n of notices) if (n.requestSid === sid) n.read = true;
      return ok({ unread: unread() });
    },
    getFeedDigest: async () => {
      const fresh = notices.filter((n) => n.id > lastSeen).length;
      return ok({ line: fresh ? `${fresh} new` : null, count: fresh, upToId: count });
    },
    async markFeedSeen({ upToId }) {
      lastSeen = upToId;
      return ok({ lastSeenId: upToId });
    },
  };
  return { api, calls, notices };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the feed store', () => {
  it('starts with the unread count, who shows pop-ups, and the digest', async () => {
    const { api } = fakeApi(30);
    const feed = createFeedStore(api);
    await feed.getState().start();
    expect(feed.getState()).toMatchObject({ unread: 30, popups: 'page', digest: { count: 30 } });
    await feed.getState().digestSeen();
    expect(feed.getState().digest).toBeNull();
    await feed.getState().start();
    expect(feed.getState().digest).toBeNull();
  });

  it('fetches only the pages on screen, newest first', async () => {
    const { api, calls } = fakeApi(10_000);
    const feed = createFeedStore(api);
    feed.getState().setFilters({});
    await settle();
    expect(feed.getState().total).toBe(10_000);
    feed.getState().ensureRows(5_000, 5_020);
    await settle();
    expect(calls).toEqual(['list 0', `list ${50 * FEED_PAGE_SIZE}`]);
    expect(feed.getState().rowAt(5_000)?.title).toBe('Notice 5000');
    expect(feed.getState().rowAt(300)).toBeUndefined();
  });

  it('filters by kind and unread, and marks read one, by request and all', async () => {
    const { api } = fakeApi(9);
    const feed = createFeedStore(api);
    feed.getState().setFilters({ kinds: ['action_required'] });
    await settle();
    expect(feed.getState().total).toBe(3);

    const first = feed.getState().rowAt(0);
    await feed.getState().markRead(first?.id ?? 0);
    expect(feed.getState().rowAt(0)?.read).toBe(true);
    expect(feed.getState().unread).toBe(8);

    feed.getState().setFilters({ unreadOnly: true });
    await settle();
    expect(feed.getState().total).toBe(2);

    await feed.getState().requestOpened('KW1');
    expect(feed.getState().unread).toBe(7);

    await feed.getState().markAllRead();
    expect(feed.getState().unread).toBe(5);
    expect(feed.getState().total).toBe(0);
  });

  it('follows main: a pushed change updates the count and the rows shown', async () => {
    const { api, notices } = fakeApi(5);
    const feed = createFeedStore(api);
    feed.getState().setFilters({});
    await settle();
    const newest = notices[0];
    if (newest) newest.read = true;
    feed.getState().noticesChanged({ unread: 4, added: [] });
    await settle();
    expect(feed.getState().unread).toBe(4);
    expect(feed.getState().rowAt(0)?.read).toBe(true);
  });
});

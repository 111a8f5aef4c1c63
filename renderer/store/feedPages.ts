import { create } from 'zustand';
import type { Envelope, IpcError } from '../../shared/ipc';
import type {
  FeedDigestView,
  FeedSummaryView,
  NoticeKind,
  NoticePageView,
  NoticesChangedView,
  NoticeView,
  PopupMode,
} from '../../shared/feed';

/** Notices are fetched in pages as the virtual list scrolls, like the requests list. */
export const FEED_PAGE_SIZE = 100;

export interface FeedFilters {
  kinds: NoticeKind[];
  accountIds: string[];
  unreadOnly: boolean;
}

export const DEFAULT_FEED_FILTERS: FeedFilters = { kinds: [], accountIds: [], unreadOnly: false };

/** What the feed needs from main; the bridge in the app, a scripted fake in tests. */
export interface FeedApi {
  listNotices(
    query: FeedFilters & { offset: number; limit: number },
  ): Promise<Envelope<NoticePageView>>;
  getFeedSummary(): Promise<Envelope<FeedSummaryView>>;
  markNoticesRead(payload: { ids: number[] }): Promise<Envelope<{ unread: number }>>;
  markAllNoticesRead(payload: {
    kinds: NoticeKind[];
    accountIds: string[];
  }): Promise<Envelope<{ unread: number }>>;
  markRequestNoticesRead(payload: { sid: string }): Promise<Envelope<{ unread: number }>>;
  getFeedDigest(): Promise<Envelope<FeedDigestView>>;
  markFeedSeen(payload: { upToId: number }): Promise<Envelope<{ lastSeenId: number }>>;
}

export interface FeedState {
  filters: FeedFilters;
  /** null until the first page of a query arrived. */
  total: number | null;
  pages: Record<number, NoticeView[]>;
  error: IpcError | null;
  /** Bumped on every new query: answers to older queries are dropped. */
  generation: number;
  /** Unread notices in the whole feed: the sidebar's count. */
  unread: number;
  popups: PopupMode;
  /** The "since you last looked" line; null once seen or when nothing is new. */
  digest: FeedDigestView | null;

  /** Unread count, pop-up mode and the digest, once at start. */
  start(): Promise<void>;
  setFilters(patch: Partial<FeedFilters>): void;
  ensureRows(first: number, last: number): void;
  refresh(): Promise<void>;
  rowAt(index: number): NoticeView | undefined;
  markRead(id: number): Promise<void>;
  markAllRead(): Promise<void>;
  /** The agent opened a request: its own notices are read. */
  requestOpened(sid: string): Promise<void>;
  /** main pushed a change: new notices, or some were marked read elsewhere. */
  noticesChanged(change: NoticesChangedView): void;
  /** The feed was opened, or the digest line closed: what it summed up is seen. */
  digestSeen(): Promise<void>;
}

/**
 * The activity feed's state: filters, the pages fetched so far, the unread count and the digest,
 * for whatever answers the FeedApi.
 */
export function createFeedStore(api: FeedApi) {
  return create<FeedState>()((set, get) => {
    const inFlight = new Map<string, Promise<void>>();

    function fetchPage(page: number, generation: number): Promise<void> {
      const key = `${generation}:${page}`;
      const pending = inFlight.get(key);
      if (pending) return pending;
      const call = (async () => {
        const result = await api.listNotices({
          ...get().filters,
          offset: page * FEED_PAGE_SIZE,
          limit: FEED_PAGE_SIZE,
        });
        inFlight.delete(key);
        if (get().generation !== generation) return;
        if (!result.ok) {
          set({ error: result.error });
          return;
        }
        set((s) => ({
          error: null,
          total: result.data.total,
          unread: result.data.unread,
          pages: { ...s.pages, [page]: result.data.rows },
        }));
      })();
      inFlight.set(key, call);
      return call;
    }

    function restart(filters: FeedFilters): void {
      const generation = get().generation + 1;
      set({ filters, generation, error: null, pages: {}, total: null });
      void fetchPage(0, generation);
    }

    function setUnread(result: Envelope<{ unread: number }>): void {
      if (result.ok) set({ unread: result.data.unread });
    }

    return {
      filters: DEFAULT_FEED_FILTERS,
      total: null,
      pages: {},
      error: null,
      generation: 0,
      unread: 0,
      popups: 'os',
      digest: null,

      async start() {
        const [summary, digest] = await Promise.all([api.getFeedSummary(), api.getFeedDigest()]);
        if (summary.ok) set({ unread: summary.data.unread, popups: summary.data.popups });
        if (digest.ok) set({ digest: digest.data.line === null ? null : digest.data });
      },

      setFilters(patch) {
        restart({ ...get().filters, ...patch });
      },

      ensureRows(first, last) {
        const { pages, generation } = get();
        const from = Math.floor(first / FEED_PAGE_SIZE);
        for (let page = from; page <= Math.floor(last / FEED_PAGE_SIZE); page++) {
          if (!pages[page]) void fetchPage(page, generation);
        }
      },

      async refresh() {
        const { pages, generation } = get();
        const loaded = Object.keys(pages).map(Number);
        await Promise.all(
          (loaded.length ? loaded : [0]).map((page) => fetchPage(page, generation)),
        );
      },

      rowAt(index) {
        return get().pages[Math.floor(index / FEED_PAGE_SIZE)]?.[index % FEED_PAGE_SIZE];
      },

      async markRead(id) {
        // Shown read at once; the next refresh brings main's word.
        set((s) => ({
          pages: Object.fromEntries(
            Object.entries(s.pages).map(([page, rows]) => [
              page,
              rows.map((row) => (row.id === id ? { ...row, read: true } : row)),
            ]),
          ),
        }));
        setUnread(await api.markNoticesRead({ ids: [id] }));
      },

      async markAllRead() {
        const { kinds, accountIds } = get().filters;
        setUnread(await api.markAllNoticesRead({ kinds, accountIds }));
        await get().refresh();
      },

      async requestOpened(sid) {
        setUnread(await api.markRequestNoticesRead({ sid }));
      },

      noticesChanged(change) {
        set({ unread: change.unread });
        if (get().total !== null) void get().refresh();
        // While the digest line is up, news that arrives (the first sync after start) joins it.
        if (get().digest !== null && change.added.length > 0) {
          void api.getFeedDigest().then((digest) => {
            if (digest.ok && get().digest !== null) set({ digest: digest.data });
          });
        }
      },

      async digestSeen() {
        const upToId = get().digest?.upToId;
        set({ digest: null });
        if (upToId !== undefined) await api.markFeedSeen({ upToId });
        else {
          const digest = await api.getFeedDigest();
          if (digest.ok) await api.markFeedSeen({ upToId: digest.data.upToId });
        }
      },
    };
  });
}

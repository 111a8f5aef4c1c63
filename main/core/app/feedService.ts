import {
  NOTICE_KINDS,
  type FeedDigestView,
  type FeedSummaryView,
  type NoticeKind,
  type NoticePageView,
  type NoticeTarget,
  type NoticeView,
  type NoticesChangedView,
  type PopupMode,
} from '../../../shared/feed';
import { digestLine } from '../notify';
import type { JsonObject, NoticeFilter, Store, StoredNotice } from '../store';

/** The newest notice id the agent has seen the digest or the feed up to. */
const LAST_SEEN_KEY = 'feed.lastSeenNoticeId';

const KNOWN_KINDS = new Set<string>(NOTICE_KINDS);

function kindOf(stored: string): NoticeKind {
  // Rows are written by this version's policy; a kind it does not know cannot be stored (a file
  // from a newer PortDesk is refused at open). Shown as the gravest kind rather than dropped.
  return KNOWN_KINDS.has(stored) ? (stored as NoticeKind) : 'action_required';
}

/** The stored JSON back into a target; anything unexpected opens the request, or the outbox. */
export function targetOf(json: JsonObject, requestSid: string | null): NoticeTarget {
  if (json.screen === 'request' && typeof json.sid === 'string') {
    const target: NoticeTarget = { screen: 'request', sid: json.sid };
    if (json.tab === 'numbers') target.tab = 'numbers';
    if (typeof json.numberSid === 'string') target.numberSid = json.numberSid;
    return target;
  }
  if (json.screen === 'outbox' || requestSid === null) return { screen: 'outbox' };
  return { screen: 'request', sid: requestSid };
}

export interface FeedQuery extends NoticeFilter {
  offset?: number;
  limit?: number;
}

/**
 * The activity feed's use cases behind the IPC channels: pages of notices with account labels,
 * read state, the unread count, and the "since you last looked" digest. Every change is pushed
 * through `onChanged` so the sidebar's count follows.
 */
export class FeedService {
  constructor(
    private readonly deps: {
      store: Store;
      now: () => number;
      popups: PopupMode;
      onChanged: (change: NoticesChangedView) => void;
    },
  ) {}

  list(query: FeedQuery): NoticePageView {
    const { store } = this.deps;
    const page = store.notices.list(query);
    const labels = new Map(store.accounts.list().map((account) => [account.id, account.label]));
    return {
      rows: page.rows.map((row) => this.toView(row, labels)),
      total: page.total,
      unread: store.notices.unreadCount(),
    };
  }

  summary(): FeedSummaryView {
    return { unread: this.deps.store.notices.unreadCount(), popups: this.deps.popups };
  }

  markRead(ids: readonly number[]): { unread: number } {
    return this.changed(this.deps.store.notices.markRead(ids, this.isoNow()));
  }

  markAllRead(filter: NoticeFilter): { unread: number } {
    return this.changed(this.deps.store.notices.markAllRead(filter, this.isoNow()));
  }

  /** The agent opened the request: its own notices are read. */
  markRequestRead(requestSid: string): { unread: number } {
    return this.changed(this.deps.store.notices.markReadForRequest(requestSid, this.isoNow()));
  }

  digest(): FeedDigestView {
    const { notices } = this.deps.store;
    const counts = notices.countsSince(this.lastSeen());
    const count = Object.values(counts).reduce((sum, n) => sum + n, 0);
    return {
      line: digestLine(counts as Partial<Record<NoticeKind, number>>),
      count,
      upToId: notices.latestId(),
    };
  }

  /** The agent looked (opened the feed, or closed the digest line) up to this notice. */
  markSeen(upToId: number): { lastSeenId: number } {
    const lastSeenId = Math.max(
      this.lastSeen(),
      Math.min(upToId, this.deps.store.notices.latestId()),
    );
    this.deps.store.settings.set(LAST_SEEN_KEY, lastSeenId);
    return { lastSeenId };
  }

  /** NoticeFeed recorded these: tell the renderer (a page that shows pop-ups pops them up). */
  recorded(stored: readonly StoredNotice[]): void {
    this.deps.onChanged({
      unread: this.deps.store.notices.unreadCount(),
      added: stored.map((row) => ({
        id: row.id,
        key: row.key,
        title: row.title,
        body: row.body,
        urgency: row.urgency,
        silent: row.silent,
        target: targetOf(row.target, row.requestSid),
      })),
    });
  }

  private changed(marked: number): { unread: number } {
    const unread = this.deps.store.notices.unreadCount();
    if (marked > 0) this.deps.onChanged({ unread, added: [] });
    return { unread };
  }

  private lastSeen(): number {
    return this.deps.store.settings.get<number>(LAST_SEEN_KEY, 0, (value) => {
      if (typeof value !== 'number' || !Number.isInteger(value)) throw new TypeError('not an id');
      return value;
    });
  }

  private isoNow(): string {
    return new Date(this.deps.now()).toISOString();
  }

  private toView(row: StoredNotice, labels: Map<string, string>): NoticeView {
    return {
      id: row.id,
      kind: kindOf(row.kind),
      accountId: row.accountId,
      accountLabel: labels.get(row.accountId) ?? row.accountId,
      requestSid: row.requestSid,
      title: row.title,
      body: row.body,
      urgency: row.urgency,
      createdAt: row.createdAt,
      read: row.readAt !== null,
      target: targetOf(row.target, row.requestSid),
    };
  }
}

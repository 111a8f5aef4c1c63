/**
 * The activity feed as the renderer sees it (docs/notifications.md): the notices the notify
 * policy produced, with their read state, where a click lands, and the "since you last looked"
 * digest. The policy (main/core/notify) owns the words; these are only their shapes.
 */

/** A page of the feed is at most this many notices (the IPC schema's and the store's cap). */
export const NOTICE_PAGE_MAX = 500;

/**
 * What a notice is about. Finer than the agent's switches (NOTIFICATION_KINDS in views/); the
 * notify policy says which switch governs which kind.
 */
export const NOTICE_KINDS = [
  'loa_waiting',
  'loa_reminder',
  'action_required',
  'port_date_set',
  'port_date_moved',
  'completed',
  'canceled',
  'expired',
  'ageing',
  /** Something the agent queued (a create, a cancel, a bill upload) could not be sent. */
  'outbox_failed',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The feed's kind filter, in words, most important first. */
export const NOTICE_KIND_LABELS: Readonly<Record<NoticeKind, string>> = {
  action_required: 'Action required',
  outbox_failed: 'Failed to send',
  expired: 'Expired',
  loa_reminder: 'LOA reminder',
  loa_waiting: 'LOA waiting',
  port_date_moved: 'Port date moved',
  port_date_set: 'Port date confirmed',
  completed: 'Completed',
  canceled: 'Canceled',
  ageing: 'No port date',
};

/**
 * Where a click on a notice lands: a request (on its Numbers tab, on one number, when the news
 * is about numbers), or the outbox for a send that failed before a request existed.
 */
export type NoticeTarget =
  { screen: 'request'; sid: string; tab?: 'numbers'; numberSid?: string } | { screen: 'outbox' };

export interface NoticeView {
  id: number;
  kind: NoticeKind;
  accountId: string;
  accountLabel: string;
  requestSid: string | null;
  title: string;
  body: string;
  urgency: 'normal' | 'critical';
  /** ISO instant. */
  createdAt: string;
  read: boolean;
  target: NoticeTarget;
}

export interface NoticePageView {
  rows: NoticeView[];
  /** How many notices match the filter. */
  total: number;
  /** Unread notices in the whole feed (the sidebar's count). */
  unread: number;
}

export interface FeedDigestView {
  /** "3 rejections, 2 port dates confirmed, 1 completed"; null when nothing is new. */
  line: string | null;
  /** Notices counted in the line. */
  count: number;
  /** The newest notice counted: pass it back to markFeedSeen. */
  upToId: number;
}

/**
 * Who shows pop-ups: 'os' — the host itself (Electron's Notification); 'page' — this page,
 * through the Web Notifications API, once the agent has allowed it (the browser host).
 */
export type PopupMode = 'os' | 'page';

export interface FeedSummaryView {
  unread: number;
  popups: PopupMode;
}

/** A notice just recorded, with what a page needs to pop it up. */
export interface NewNoticeView {
  id: number;
  key: string;
  title: string;
  body: string;
  urgency: 'normal' | 'critical';
  /** Recorded during quiet hours: no pop-up. */
  silent: boolean;
  target: NoticeTarget;
}

/** Pushed whenever the feed changed: new notices, or some were marked read. */
export interface NoticesChangedView {
  unread: number;
  /** Only the notices recorded by this change (empty when notices were only marked read). */
  added: NewNoticeView[];
}

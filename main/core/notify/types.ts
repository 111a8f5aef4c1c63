import type { RequestStatus } from '../../../shared/domain/statuses';
import type { NoticeKind, NoticeTarget } from '../../../shared/feed';
import type { NotificationKind } from '../../../shared/views';

// The kinds (NOTICE_KINDS) and click targets are shapes the renderer shows too: shared/feed.ts.
export type { NoticeKind, NoticeTarget } from '../../../shared/feed';

export type NoticeUrgency = 'normal' | 'critical';

/** One OS pop-up (or, when silent, one in-app entry). Clicking it opens `target`. */
export interface Notice {
  /** Stable for the same facts, so the shell can drop a notice it has already shown. */
  key: string;
  kind: NoticeKind;
  /** null only for a failed send that never became a request (a create). */
  requestSid: string | null;
  accountId: string;
  title: string;
  body: string;
  urgency: NoticeUrgency;
  /** true during quiet hours: record it in the app, do not pop it up. */
  silent: boolean;
  /** ISO date-time: the `now` the policy was called with. */
  createdAt: string;
  target: NoticeTarget;
}

/** What the policy needs to know about a request besides its events. Dates are ISO strings. */
export interface RequestContext {
  sid: string;
  /** The local PortDesk account the request belongs to. */
  accountId: string;
  customerName: string;
  numbersRequested: number | null;
  status: RequestStatus | 'unknown';
  /**
   * When the LOA went out for signature, on the account's clock (Twilio expires it 30 days later
   * by that clock): noticeFeed takes it from the attention view's rule, `loaSentOnAccountClock`.
   */
  loaSentAt?: string | null;
  /**
   * Names this LOA in reminder keys; `loaSentAt` when absent. `loaSentAt` may be moved by today's
   * clock offset, which grows in demo mode, so the caller passes the stored sending time here: a
   * key that moved would repeat the reminder. A new LOA has a new one (a new series).
   */
  loaId?: string | null;
  /** When the request was submitted to Twilio: Twilio's date, on the account's clock. */
  submittedAt?: string | null;
  /**
   * The account's server clock minus ours in ms (0 or absent: unknown). Reminders count Twilio's
   * dates from now on the account's clock (shared/domain/accountTime.ts, docs/ui.md "One clock").
   */
  clockOffsetMs?: number;
  /** The earliest confirmed port date of any of its numbers; null while none has one. */
  firstPortDate?: string | null;
}

/**
 * Words for a rejection or not-portable reason. Injected so the policy does not depend on the
 * reason-code catalogue; the composition root passes the catalogue's lookup.
 */
export type DescribeReason = (code: number | null, reason: string | null) => string;

/** 'HH:MM' in the agent's time zone, 24-hour clock. Same shape as the settings view's. */
export interface QuietHours {
  /** false turns quiet hours off while keeping the times; absent means on. */
  enabled?: boolean;
  start: string;
  end: string;
}

export interface NotifySettings {
  /**
   * The agent's switches (SettingsView.notifications). false switches the kinds it governs off
   * entirely: no pop-up and no in-app notice from the policy. A missing switch counts as on.
   */
  kinds: Partial<Record<NotificationKind, boolean>>;
  /** null for none. A range whose end is before its start crosses midnight. */
  quietHours: QuietHours | null;
  /** IANA zone of the agent, e.g. 'America/Chicago': quiet hours and dates are read in it. */
  timeZone: string;
  /** BCP 47 locale for dates in words ("Dec 4"); 'en-US' when absent. */
  locale?: string;
  /** Alert when a request has no port date this many days after it was submitted. */
  ageingDays: number;
  /** Remind when an unsigned LOA has this many days or fewer left, once per threshold. */
  loaReminderDaysLeft: number[];
}

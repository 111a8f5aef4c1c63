import { explainReason } from '../../../shared/domain/reasonCodes';
import { REQUEST_STATUSES, isTerminalRequestStatus } from '../../../shared/domain/statuses';
import type { TimelineEvent } from '../../../shared/domain/timeline';
import type { SettingsView } from '../../../shared/views';
import type { AccountClocks } from '../accounts/clientProvider';
import { dueReminders, noticeForFailedSend, noticesForSyncCycle } from '../notify';
import type { DescribeReason, Notice, NotifySettings, RequestContext } from '../notify/types';
import { loaSentOnAccountClock } from '../porting/views/attentionView';
import { NOTICE_RETENTION_DAYS } from '../store';
import type { NewNotice, Store, StoredNotice, StoredPortInRequest } from '../store';
import { failedSendsIn } from './failedSends';

const SENT_REMINDERS_KEY = 'notify.sentReminderKeys';
/** Remind at 7, 3 and 1 day(s) before an unsigned LOA expires. */
export const LOA_REMINDER_DAYS_LEFT = [7, 3, 1];
/** Reminder keys older than this many are dropped from the sent list (it only grows otherwise). */
const MAX_SENT_REMINDER_KEYS = 5_000;

const DAY_MS = 24 * 60 * 60_000;

const OPEN_STATUSES = REQUEST_STATUSES.filter((status) => !isTerminalRequestStatus(status));

const describeReason: DescribeReason = (code, reason) => {
  const entry = explainReason({ code, name: reason, kind: 'rejection' });
  return entry.known ? entry.title : reason ? `${reason}${code ? ` (${code})` : ''}` : entry.title;
};

export function notifySettingsFrom(settings: SettingsView, timeZone: string): NotifySettings {
  return {
    kinds: settings.notifications,
    quietHours: settings.quietHours,
    timeZone,
    ageingDays: settings.ageingDays,
    loaReminderDaysLeft: LOA_REMINDER_DAYS_LEFT,
  };
}

/**
 * The policy's view of a stored request. Twilio's dates are on the account's clock, so its
 * offset goes along, and the LOA's sending is read by the attention view's rule (the stored time
 * may be our first sight of the link): the banner and the reminders count the same days.
 */
function requestContext(stored: StoredPortInRequest, clockOffsetMs: number): RequestContext {
  const loaSentAt = loaSentOnAccountClock(stored, clockOffsetMs);
  return {
    sid: stored.sid,
    accountId: stored.accountId,
    customerName: stored.customerName ?? stored.sid,
    numbersRequested: stored.numbersRequested,
    status: stored.status.canonical,
    loaSentAt: loaSentAt === null ? null : new Date(loaSentAt).toISOString(),
    // Stays put while the offset moves: the reminder keys must not.
    loaId: stored.signatureRequestedAt,
    submittedAt: stored.dateCreated,
    firstPortDate: stored.firstPortDate,
    clockOffsetMs,
  };
}

function toNewNotice(notice: Notice): NewNotice {
  return {
    key: notice.key,
    kind: notice.kind,
    accountId: notice.accountId,
    requestSid: notice.requestSid,
    title: notice.title,
    body: notice.body,
    urgency: notice.urgency,
    silent: notice.silent,
    createdAt: notice.createdAt,
    target: { ...notice.target },
  };
}

/**
 * Feeds the pure notification policy: each sync cycle's saved events, the outbox's failed sends,
 * and the time-based reminders (LOA expiry, ageing). Every notice it produces is recorded in the
 * activity feed first, then handed to the host for a pop-up; a notice already recorded (the same
 * key) is neither recorded nor popped up again. An account's first sync raises nothing — an
 * agent adding an account with 300 open requests wants a list, not 300 notifications; the
 * timeline keeps it all.
 */
export class NoticeFeed {
  constructor(
    private readonly deps: {
      store: Store;
      settings: () => SettingsView;
      timeZone: string;
      now: () => number;
      /** Each account's server clock offset (0 unknown); without it, every clock is ours. */
      clocks?: AccountClocks;
      /** A new notice for the host to pop up (unless `silent`). */
      emit: (notice: Notice) => void;
      /** Notices just recorded in the feed (for the renderer's unread count). */
      onRecorded?: (recorded: StoredNotice[]) => void;
      /** Recording failed; the pop-ups still go out. Default: console.error. */
      onError?: (error: unknown) => void;
    },
  ) {}

  private contextOf(stored: StoredPortInRequest): RequestContext {
    return requestContext(stored, this.deps.clocks?.clockOffsetMs(stored.accountId) ?? 0);
  }

  /** Records, then pops up only what was not recorded before. */
  private publish(notices: Notice[]): void {
    if (notices.length === 0) return;
    let recorded: StoredNotice[];
    try {
      recorded = this.deps.store.notices.record(notices.map(toNewNotice));
    } catch (error) {
      // The feed missing a row is bad; the agent missing the pop-up as well would be worse.
      (this.deps.onError ?? ((e: unknown) => console.error('[core] feed: not recorded', e)))(error);
      for (const notice of notices) this.deps.emit(notice);
      return;
    }
    const fresh = new Set(recorded.map((notice) => notice.key));
    for (const notice of notices) if (fresh.has(notice.key)) this.deps.emit(notice);
    if (recorded.length > 0) this.deps.onRecorded?.(recorded);
  }

  /** The outbox changed: a send that gave up needs the agent. */
  afterOutboxChange(change: { itemIds: readonly number[] }): void {
    const failures = failedSendsIn(this.deps.store, change.itemIds);
    if (failures.length === 0) return;
    const settings = notifySettingsFrom(this.deps.settings(), this.deps.timeZone);
    const now = new Date(this.deps.now());
    this.publish(failures.map((failure) => noticeForFailedSend({ failure, settings, now })));
  }

  /** Drops notices older than the retention (90 days); returns how many. */
  prune(): number {
    const cutoff = new Date(this.deps.now() - NOTICE_RETENTION_DAYS * DAY_MS).toISOString();
    return this.deps.store.notices.pruneBefore(cutoff);
  }

  afterSyncCycle(cycle: { events: TimelineEvent[]; firstSync: boolean }): void {
    if (cycle.firstSync || cycle.events.length === 0) return;
    const requests = new Map<string, RequestContext>();
    for (const event of cycle.events) {
      if (requests.has(event.requestSid)) continue;
      const stored = this.deps.store.requests.getRequest(event.requestSid);
      if (stored) requests.set(stored.sid, this.contextOf(stored));
    }
    const notices = noticesForSyncCycle({
      events: cycle.events.filter((event) => requests.has(event.requestSid)),
      requests,
      settings: notifySettingsFrom(this.deps.settings(), this.deps.timeZone),
      now: new Date(this.deps.now()),
      describeReason,
    });
    this.publish(notices);
  }

  /** Time-based reminders over every open request; each fires once (keys kept in settings). */
  checkReminders(): void {
    const open = this.openRequests();
    const sent = this.deps.store.settings.get<string[]>(SENT_REMINDERS_KEY, []);
    const notices = dueReminders({
      requests: open,
      settings: notifySettingsFrom(this.deps.settings(), this.deps.timeZone),
      now: new Date(this.deps.now()),
      alreadySent: new Set(sent),
    });
    if (notices.length === 0) return;
    const keys = [...sent, ...notices.map((notice) => notice.key)].slice(-MAX_SENT_REMINDER_KEYS);
    this.deps.store.settings.set(SENT_REMINDERS_KEY, keys);
    this.publish(notices);
  }

  private openRequests(): RequestContext[] {
    const contexts: RequestContext[] = [];
    const pageSize = 500;
    for (let offset = 0; ; offset += pageSize) {
      const page = this.deps.store.requests.listRequests({
        statuses: OPEN_STATUSES,
        offset,
        limit: pageSize,
      });
      for (const row of page.rows) {
        const stored = this.deps.store.requests.getRequest(row.sid);
        if (stored) contexts.push(this.contextOf(stored));
      }
      if (page.rows.length < pageSize) break;
    }
    return contexts;
  }
}

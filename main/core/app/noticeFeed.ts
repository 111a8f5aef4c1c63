import { explainReason } from '../../../shared/domain/reasonCodes';
import { REQUEST_STATUSES, isTerminalRequestStatus } from '../../../shared/domain/statuses';
import type { TimelineEvent } from '../../../shared/domain/timeline';
import type { SettingsView } from '../../../shared/views';
import { dueReminders, noticesForSyncCycle } from '../notify';
import type { DescribeReason, Notice, NotifySettings, RequestContext } from '../notify/types';
import type { Store, StoredPortInRequest } from '../store';

const SENT_REMINDERS_KEY = 'notify.sentReminderKeys';
/** Remind at 7, 3 and 1 day(s) before an unsigned LOA expires. */
export const LOA_REMINDER_DAYS_LEFT = [7, 3, 1];
/** Reminder keys older than this many are dropped from the sent list (it only grows otherwise). */
const MAX_SENT_REMINDER_KEYS = 5_000;

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

export function requestContext(stored: StoredPortInRequest): RequestContext {
  return {
    sid: stored.sid,
    accountId: stored.accountId,
    customerName: stored.customerName ?? stored.sid,
    numbersRequested: stored.numbersRequested,
    status: stored.status.canonical,
    loaSentAt: stored.signatureRequestedAt,
    submittedAt: stored.dateCreated,
    firstPortDate: stored.firstPortDate,
  };
}

/**
 * Feeds the pure notification policy: each sync cycle's saved events, and the time-based
 * reminders (LOA expiry, ageing). An account's first sync raises no pop-ups — an agent adding an
 * account with 300 open requests wants a list, not 300 notifications; the timeline keeps it all.
 */
export class NoticeFeed {
  constructor(
    private readonly deps: {
      store: Store;
      settings: () => SettingsView;
      timeZone: string;
      now: () => number;
      emit: (notice: Notice) => void;
    },
  ) {}

  afterSyncCycle(cycle: { events: TimelineEvent[]; firstSync: boolean }): void {
    if (cycle.firstSync || cycle.events.length === 0) return;
    const requests = new Map<string, RequestContext>();
    for (const event of cycle.events) {
      if (requests.has(event.requestSid)) continue;
      const stored = this.deps.store.requests.getRequest(event.requestSid);
      if (stored) requests.set(stored.sid, requestContext(stored));
    }
    const notices = noticesForSyncCycle({
      events: cycle.events.filter((event) => requests.has(event.requestSid)),
      requests,
      settings: notifySettingsFrom(this.deps.settings(), this.deps.timeZone),
      now: new Date(this.deps.now()),
      describeReason,
    });
    for (const notice of notices) this.deps.emit(notice);
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
    for (const notice of notices) this.deps.emit(notice);
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
        if (stored) contexts.push(requestContext(stored));
      }
      if (page.rows.length < pageSize) break;
    }
    return contexts;
  }
}

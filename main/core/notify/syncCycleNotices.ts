import type { TimelineEvent } from '../../../shared/domain/timeline';
import { addEvent, emptyFacts, type CycleFacts } from './cycleFacts';
import { cycleTopics, type Topic } from './cycleTopics';
import { checkNotifySettings, DEFAULT_LOCALE, inQuietHours, kindEnabled } from './settings';
import type { DescribeReason, Notice, NoticeTarget, NotifySettings, RequestContext } from './types';
import { displayName } from './wording';

export interface SyncCycleInput {
  /** The timeline events one sync cycle produced, for any number of requests. */
  events: TimelineEvent[];
  /** Context of every request the events mention, by request SID. */
  requests: Map<string, RequestContext>;
  settings: NotifySettings;
  now: Date;
  describeReason: DescribeReason;
}

function body(headline: Topic, others: Topic[]): string {
  if (others.length === 0) return headline.detail;
  return `${headline.detail} Also: ${others.map((topic) => topic.headline).join('; ')}.`;
}

/**
 * Where a click lands: news about numbers opens the Numbers tab (on the first rejected or
 * not-portable number when there is one); news about the request opens the request.
 */
function targetFor(headline: Topic, facts: CycleFacts): NoticeTarget {
  const sid = facts.requestSid;
  const numberNews =
    (headline.kind === 'action_required' && facts.rejected.size + facts.notPortable.size > 0) ||
    headline.kind === 'port_date_set' ||
    headline.kind === 'port_date_moved' ||
    ((headline.kind === 'completed' || headline.kind === 'canceled') && facts.outcome === null);
  if (!numberNews) return { screen: 'request', sid };
  return headline.kind === 'action_required' && facts.firstActionNumberSid !== null
    ? { screen: 'request', sid, tab: 'numbers', numberSid: facts.firstActionNumberSid }
    : { screen: 'request', sid, tab: 'numbers' };
}

/**
 * One notice per request that had news in this sync cycle: the most important topic is the
 * notice's kind and title, the others are mentioned in one "Also:" line. Kinds switched off in
 * the settings are dropped before choosing; during quiet hours notices come back `silent`.
 * Pure: the same input gives the same notices, keys included.
 */
export function noticesForSyncCycle(input: SyncCycleInput): Notice[] {
  const { settings, now } = input;
  checkNotifySettings(settings);
  const words = {
    describeReason: input.describeReason,
    locale: settings.locale ?? DEFAULT_LOCALE,
    timeZone: settings.timeZone,
  };
  const silent = inQuietHours(now, settings.quietHours, settings.timeZone);

  // Requests in the order their first event appears; events by id within each.
  const byRequest = new Map<string, { facts: CycleFacts; firstId: number; lastId: number }>();
  for (const event of [...input.events].sort((a, b) => a.id - b.id)) {
    let entry = byRequest.get(event.requestSid);
    if (!entry) {
      entry = { facts: emptyFacts(event.requestSid), firstId: event.id, lastId: event.id };
      byRequest.set(event.requestSid, entry);
    }
    entry.lastId = event.id;
    addEvent(entry.facts, event);
  }

  const notices: Notice[] = [];
  for (const [requestSid, { facts, firstId, lastId }] of byRequest) {
    const request = input.requests.get(requestSid);
    if (!request) {
      throw new TypeError(
        `noticesForSyncCycle: requests has no context for ${requestSid}, which the events mention`,
      );
    }
    const topics = cycleTopics(facts, request, words).filter((t) => kindEnabled(settings, t.kind));
    const [headline, ...others] = topics;
    if (!headline) continue;
    notices.push({
      // Event ids are unique and never reused, so two cycles never share a first and last id.
      key: `${requestSid}:events:${firstId}-${lastId}`,
      kind: headline.kind,
      requestSid,
      accountId: request.accountId,
      title: `${displayName(request)}: ${headline.headline}`,
      body: body(headline, others),
      urgency: topics.some((topic) => topic.critical) ? 'critical' : 'normal',
      silent,
      createdAt: now.toISOString(),
      target: targetFor(headline, facts),
    });
  }
  return notices;
}

import type { TimelineEvent } from '../../../shared/domain/timeline';
import type { PayloadInput } from '../../../shared/ipc';
import type { RequestDetailView, RequestListResult } from '../../../shared/views';
import { APP_SETTINGS_KEY, storedAgeingDays as readAgeingDays } from '../../../shared/settings';
import type { OutboxItem, Store } from '../store';
import { ageingClockAt, clockOffsetOf, type PortingDeps } from './deps';
import { readDraftPayload } from './draftPayload';
import { notFound } from './errors';
import { parseInput } from './input';
import { outboxViewLookups } from './views/lookups';
import { toOutboxItemView } from './views/outboxItemView';
import { toRequestDetailView } from './views/requestDetailView';
import { toRequestListResult } from './views/requestListView';

export interface RequestQueries {
  listRequests(input?: PayloadInput<'listRequests'>): Promise<RequestListResult>;
  getRequestDetail(input: PayloadInput<'getRequestDetail'>): Promise<RequestDetailView>;
}

function storedAgeingDays(store: Store): number {
  return readAgeingDays(store.settings.get(APP_SETTINGS_KEY, {}));
}

const TIMELINE_PAGE = 500;

/** The whole timeline, oldest first (the store pages newest first). */
function wholeTimeline(store: Store, requestSid: string): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  let before: number | undefined;
  for (;;) {
    const page = store.timeline.listEvents(requestSid, { limit: TIMELINE_PAGE, before });
    events.push(...page);
    const last = page.at(-1);
    if (page.length < TIMELINE_PAGE || last === undefined) break;
    before = last.id;
  }
  return events.reverse();
}

function isCancel(item: OutboxItem): boolean {
  return item.kind === 'cancel_port_in' || item.kind === 'cancel_number';
}

/**
 * What the header's pending state needs (shared/domain/requestHeaderState.ts): the request's
 * operations not done, its cancels even once done (Twilio may still be canceling), and the
 * corrected creates still waiting behind those cancels (they have no request SID yet).
 */
function headerItems(store: Store, about: readonly OutboxItem[]): OutboxItem[] {
  const cancelIds = new Set(about.filter(isCancel).map((item) => item.id));
  const corrections =
    cancelIds.size === 0
      ? []
      : store.outbox
          .list({ states: ['queued', 'sending', 'reconciling', 'waiting_for_network', 'failed'] })
          .filter(
            (item) =>
              item.kind === 'create_port_in' && item.awaitsRelease.some((id) => cancelIds.has(id)),
          );
  const own = about.filter((item) => item.state !== 'done' || isCancel(item));
  return [...own, ...corrections].sort((a, b) => a.id - b.id);
}

export function requestQueries(deps: PortingDeps): RequestQueries {
  const { store } = deps;
  const ageingDays = deps.ageingDays ?? (() => storedAgeingDays(store));

  return {
    async listRequests(input) {
      const query = parseInput('listRequests', input);
      const now = deps.now();
      const ageing = ageingClockAt(deps, now, ageingDays());
      const page = store.requests.listRequests({ ...query, ageing });
      return toRequestListResult(page, store.requests.counts({ ageing }), now, (accountId) =>
        clockOffsetOf(deps, accountId),
      );
    },

    async getRequestDetail(input) {
      const { sid } = parseInput('getRequestDetail', input);
      const stored = store.requests.getRequest(sid);
      if (!stored)
        throw notFound('sid', `PortDesk has no port-in request ${sid}; sync, then try again.`);
      const account = store.accounts.get(stored.accountId);
      if (!account) throw notFound('sid', `The account of port-in request ${sid} was removed.`);
      const now = deps.now();
      // The list's query computes the attention flags; a full SID matches exactly one row.
      const listRow =
        store.requests
          .listRequests({
            search: sid,
            limit: 5,
            ageing: ageingClockAt(deps, now, ageingDays()),
          })
          .rows.find((row) => row.sid === sid) ?? null;
      const about = store.outbox.list({ requestSid: sid });
      const pendingItems = about.filter((i) => i.state !== 'done');
      // The draft this request was created from knows what it corrects; a submitted draft whose
      // origin is this request names the request that corrects it. Drafts are few (the agent's own).
      const ownDraft = store.drafts.findByRequestSid(sid);
      const corrects = ownDraft
        ? (readDraftPayload(ownDraft.payload).origin?.requestSid ?? null)
        : null;
      const correctedBy =
        store.drafts
          .list({ statuses: ['submitted'] })
          .find((draft) => readDraftPayload(draft.payload).origin?.requestSid === sid)
          ?.requestSid ?? null;
      const lookups = outboxViewLookups(store);
      return toRequestDetailView({
        stored,
        listRow,
        account,
        events: wholeTimeline(store, sid),
        pendingItems,
        pendingViews: pendingItems.map((item) => toOutboxItemView(item, lookups)),
        outboxViews: headerItems(store, about).map((item) => toOutboxItemView(item, lookups)),
        resubmission: { corrects, correctedBy },
        now,
        clockOffsetMs: clockOffsetOf(deps, stored.accountId),
      });
    },
  };
}

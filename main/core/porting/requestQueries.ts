import type { TimelineEvent } from '../../../shared/domain/timeline';
import type { PayloadInput } from '../../../shared/ipc';
import type { RequestDetailView, RequestListResult } from '../../../shared/views';
import { APP_SETTINGS_KEY, storedAgeingDays as readAgeingDays } from '../../../shared/settings';
import type { Store } from '../store';
import { clockOffsetOf, type PortingDeps } from './deps';
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

export function requestQueries(deps: PortingDeps): RequestQueries {
  const { store } = deps;
  const ageingDays = deps.ageingDays ?? (() => storedAgeingDays(store));

  return {
    async listRequests(input) {
      const query = parseInput('listRequests', input);
      const now = deps.now();
      const ageing = { now: new Date(now).toISOString(), noPortDateAfterDays: ageingDays() };
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
            ageing: { now: new Date(now).toISOString(), noPortDateAfterDays: ageingDays() },
          })
          .rows.find((row) => row.sid === sid) ?? null;
      const pendingItems = store.outbox.list({ requestSid: sid }).filter((i) => i.state !== 'done');
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
        resubmission: { corrects, correctedBy },
        now,
        clockOffsetMs: clockOffsetOf(deps, stored.accountId),
      });
    },
  };
}

import type { PortInRequest } from '../../../shared/domain/portIn';
import type { TimelineEvent, TimelineSource } from '../../../shared/domain/timeline';
import type { Store } from '../store';
import { afterFetch, type CadenceSettings } from './cadence';
import { diffRequest } from './diff';
import { isOlderCopy, type CopyOrigin } from './staleCopy';

export interface SaveFetchedContext {
  accountId: string;
  nowMs: number;
  source: TimelineSource;
  /** The request is open on screen: next fetch in ~30 s instead of the cadence. */
  openOnScreen: boolean;
  cadence: CadenceSettings;
  random: () => number;
  /** Default 'fetched'. */
  origin?: CopyOrigin;
  /**
   * The account's server clock minus ours when the copy arrived (0 unknown). Stamped into each
   * new event's detail and given to the store, so what PortDesk observed is shown on the
   * account's clock as it was then (shared/domain/accountTime.ts).
   */
  clockOffsetMs?: number;
}

export interface SavedRequest {
  /** The timeline events this save appended, with their ids. */
  events: TimelineEvent[];
  created: boolean;
  changed: boolean;
  nextFetchAt: string | null;
  /** The store already held a newer copy, which was kept; nothing was written. */
  keptNewer: boolean;
}

/**
 * Saves a fetched request in ONE transaction: the diff against the stored copy becomes timeline
 * events, the request and its numbers are replaced, and the next fetch is scheduled. A crash
 * leaves either the old state with the old schedule or the new state with its events, never a
 * new state whose events were lost (they could never be derived again). A copy older than the
 * stored one (staleCopy.ts) is not saved: the timeline never steps back.
 */
export function saveFetchedWithEvents(
  store: Store,
  fetched: PortInRequest,
  context: SaveFetchedContext,
): SavedRequest {
  const observedAt = new Date(context.nowMs).toISOString();
  return store.transaction(() => {
    const stored = store.requests.getRequest(fetched.sid);
    if (stored?.request && isOlderCopy(stored.request, fetched, context.origin ?? 'fetched')) {
      // The newer copy's save scheduled the next fetch; an older one changes nothing.
      return {
        events: [],
        created: false,
        changed: false,
        nextFetchAt: stored.sync.nextFetchAt,
        keptNewer: true,
      };
    }
    const clockOffsetMs = context.clockOffsetMs ?? 0;
    const newEvents = diffRequest(stored?.request ?? null, fetched, {
      observedAt,
      source: context.source,
    }).map((event) =>
      clockOffsetMs === 0 ? event : { ...event, detail: { ...event.detail, clockOffsetMs } },
    );
    const saved = store.requests.saveFetchedRequest(
      context.accountId,
      fetched,
      observedAt,
      clockOffsetMs,
    );
    const events = store.timeline.appendEvents(newEvents);
    // "Once more after turning terminal" is owed unless the previous fetch already saw this same
    // terminal status (the store clears the flag whenever the status moves).
    const alreadyFetchedTerminal =
      stored !== null &&
      stored.sync.terminalFetched &&
      stored.status.canonical === fetched.status.canonical;
    const next = afterFetch(
      {
        status: fetched.status.canonical,
        terminalFetched: alreadyFetchedTerminal,
        openOnScreen: context.openOnScreen,
      },
      context.nowMs,
      context.cadence,
      context.random,
    );
    const nextFetchAt = next.nextFetchAt === null ? null : new Date(next.nextFetchAt).toISOString();
    store.requests.markFetched(fetched.sid, { nextFetchAt, terminalFetched: next.terminalFetched });
    return {
      events,
      created: saved.created,
      changed: saved.changed,
      nextFetchAt,
      keptNewer: false,
    };
  });
}

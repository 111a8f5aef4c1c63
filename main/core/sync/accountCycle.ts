import { setMaxListeners } from 'node:events';
import type { TimelineEvent } from '../../../shared/domain/timeline';
import type { ClientProvider } from '../accounts/clientProvider';
import type { Store } from '../store';
import type { PortingClient } from '../twilio';
import { forEachBounded } from './boundedPool';
import type { DetailFetcher, DetailOutcome } from './detailFetcher';
import { discoverRequests, type DiscoveryResult } from './discovery';
import type { DrainResult } from './outboxRunner';
import { cycleStopFor, HOST_OFFLINE_MESSAGE, type CycleStop } from './syncErrors';

/** `paused`: the host said offline, so the cycle stopped before its next call (nothing failed). */
export type CycleOutcome = 'ok' | 'offline' | 'unauthorized' | 'failed' | 'aborted' | 'paused';

/** What one cycle of one account did (also what `runCycle` answers, for tests). */
export interface CycleResult {
  accountId: string;
  outcome: CycleOutcome;
  /** In words; null after a clean cycle. */
  message: string | null;
  retryAfterMs: number | null;
  /** No cycle of this account had completed before this one. */
  firstSync: boolean;
  /** Timeline events saved by this cycle's fetches, as stored (with ids), in order. */
  events: TimelineEvent[];
  /** Requests new or changed in this cycle (listing or detail). */
  changedRequestSids: string[];
  discovered: boolean;
  listPages: number;
  /** Detail fetches that were saved. */
  fetched: number;
  /** Requests whose fetch failed this cycle; they are tried again later. */
  fetchFailures: { sid: string; message: string }[];
  outboxSteps: number;
}

export interface CycleDeps {
  store: Store;
  clients: ClientProvider;
  details: DetailFetcher;
  /** Drains the account's outbox (serialised with other drains of the same account). */
  drainOutbox: (
    accountId: string,
    client: PortingClient,
    signal: AbortSignal,
  ) => Promise<DrainResult>;
  now: () => number;
  concurrency: number;
  accountLabel: (accountId: string) => string;
  hasSucceededBefore: (accountId: string) => boolean;
  /** The host says there is no network: start no further call (calls in flight finish). */
  hostOffline: () => boolean;
  /**
   * The listing answered: recovery (recovery.ts) cuts the account's outage backoffs short.
   * Answers how many outbox items became due, which the cycle then sends before the details.
   */
  afterListing?: (accountId: string) => { outboxItems: number };
}

function hasReadyOutboxWork(store: Store, accountId: string, now: number): boolean {
  return (
    store.outbox.nextReady(new Date(now).toISOString(), {
      accountIds: [accountId],
      states: ['queued', 'reconciling'],
    }) !== null
  );
}

/** After this many detail fetches in a row fail with server errors, the cycle stops. */
const SERVER_FAILURES_BEFORE_STOP = 5;
/** More than this many due requests are left for the next cycle. */
const MAX_FETCHES_PER_CYCLE = 20_000;

/**
 * One sync cycle of one account (ARCHITECTURE §6): the outbox first, so a queued cancel or create
 * goes out before we read again; then discovery (every page of the list endpoint); then the
 * details that are due (new or changed in the listing, open requests on their cadence, the one
 * on screen, a just-terminal one once more), `concurrency` at a time. One request's bad fetch
 * never fails the cycle; offline, refused credentials and rate limiting stop it early. While the
 * host says offline the cycle starts no call: it ends `paused` before the next one.
 */
export async function runAccountCycle(
  deps: CycleDeps,
  accountId: string,
  options: { discover: boolean; signal: AbortSignal },
): Promise<CycleResult> {
  const { store } = deps;
  const { signal } = options;
  // Each call in flight listens for the abort; `concurrency` of them at once is expected.
  setMaxListeners(Math.max(10, deps.concurrency * 3 + 10), signal);
  const result: CycleResult = {
    accountId,
    outcome: 'ok',
    message: null,
    retryAfterMs: null,
    firstSync: !deps.hasSucceededBefore(accountId),
    events: [],
    changedRequestSids: [],
    discovered: false,
    listPages: 0,
    fetched: 0,
    fetchFailures: [],
    outboxSteps: 0,
  };
  const label = deps.accountLabel(accountId);
  const stopWith = (stop: CycleStop | { kind: 'paused'; message: string }): CycleResult => {
    result.outcome = stop.kind;
    result.message = stop.message;
    result.retryAfterMs = stop.kind === 'failed' ? stop.retryAfterMs : null;
    return result;
  };
  const paused = { kind: 'paused', message: HOST_OFFLINE_MESSAGE } as const;
  if (deps.hostOffline()) return stopWith(paused);

  let client: PortingClient;
  try {
    client = await deps.clients.clientFor(accountId);
  } catch (error) {
    return stopWith(cycleStopFor(error, label));
  }

  /** Drains the outbox; the stop that ends the cycle when the drain stopped early. */
  const drainOutbox = async (): Promise<CycleResult | null> => {
    const drain = await deps.drainOutbox(accountId, client, signal);
    result.outboxSteps += drain.steps;
    if (drain.stoppedBy === null) return null;
    return stopWith(
      drain.stoppedBy === 'aborted'
        ? { kind: 'aborted', message: drain.message ?? 'Stopped.' }
        : { kind: drain.stoppedBy, message: drain.message ?? '' },
    );
  };
  const drainStopped = await drainOutbox();
  if (drainStopped !== null) return drainStopped;
  if (deps.hostOffline()) return stopWith(paused);

  let discovery: DiscoveryResult | null = null;
  if (options.discover) {
    try {
      discovery = await discoverRequests(
        client,
        store,
        accountId,
        new Date(deps.now()).toISOString(),
        signal,
        deps.hostOffline,
      );
    } catch (error) {
      return stopWith(cycleStopFor(error, label));
    }
    result.listPages = discovery.pages;
    // A partial listing must not reach the detail fetcher: "not listed" would read as deleted.
    if (discovery.paused) return stopWith(paused);
    result.discovered = true;
    const recovered = deps.afterListing?.(accountId) ?? { outboxItems: 0 };
    if (recovered.outboxItems > 0) {
      const stopped = await drainOutbox();
      if (stopped !== null) return stopped;
    }
  }
  const changed = new Set(discovery?.changedSids ?? []);

  // Requests whose last fetch failed go first, so that under faults every request progresses.
  const due = deps.details.failedFirst(
    accountId,
    store.requests.dueForFetch(new Date(deps.now()).toISOString(), MAX_FETCHES_PER_CYCLE, {
      accountIds: [accountId],
    }),
  );
  // Written by the workers; a holder, because TypeScript does not track writes in callbacks.
  const halt: { stop: CycleStop | typeof paused | null } = { stop: null };
  let serverFailuresInARow = 0;
  /** Records one request's final outcome; 'stop' when it ends the cycle's fetching. */
  const record = (sid: string, outcome: DetailOutcome): 'continue' | 'stop' => {
    switch (outcome.kind) {
      case 'saved':
        result.fetched += 1;
        result.events.push(...outcome.events);
        if (outcome.changed) changed.add(sid);
        return 'continue';
      case 'joined':
      case 'gone':
        return 'continue';
      case 'failed':
        result.fetchFailures.push({ sid, message: outcome.message });
        if (outcome.stop !== null) {
          halt.stop ??= outcome.stop;
          return 'stop';
        }
        serverFailuresInARow += 1;
        if (serverFailuresInARow >= SERVER_FAILURES_BEFORE_STOP) {
          halt.stop ??= {
            kind: 'failed',
            message: `${outcome.message} PortDesk tries again shortly.`,
            retryAfterMs: null,
          };
          return 'stop';
        }
        return 'continue';
    }
  };
  // A fetch's slot is free once its answer is queued for the writer (docs/sync.md, Details):
  // the saves commit while the next fetches are on the wire. Each settles after its commit.
  const saves: Promise<void>[] = [];
  await forEachBounded(due, deps.concurrency, async (request) => {
    if (halt.stop !== null) return 'stop';
    if (signal.aborted) {
      halt.stop ??= { kind: 'aborted', message: 'Sync stopped.' };
      return 'stop';
    }
    if (deps.hostOffline()) {
      halt.stop ??= paused;
      return 'stop';
    }
    const outcome = await deps.details.fetchAndQueue(client, accountId, request.sid, {
      signal,
      listedSids: discovery?.listedSids,
    });
    if (outcome.kind !== 'queued') return record(request.sid, outcome);
    // Twilio answered: the run of server failures is broken, whatever the save does.
    serverFailuresInARow = 0;
    saves.push(
      outcome.saved.then((saved) => {
        record(request.sid, saved);
      }),
    );
    return 'continue';
  });
  // No more answers are coming: commit the queued ones now rather than wait for company.
  deps.details.flushWrites();
  await Promise.all(saves);
  // Events in the order they were saved (ids grow with commit order).
  result.events.sort((a, b) => a.id - b.id);
  result.changedRequestSids = [...changed];
  if (halt.stop !== null) return stopWith(halt.stop);
  // A fetch may have released what an outbox item waited for (the numbers of a cancel now seen
  // Canceled, behind which a corrected create waits): send it now, not a cycle later.
  if (result.fetched > 0 && hasReadyOutboxWork(store, accountId, deps.now())) {
    const again = await deps.drainOutbox(accountId, client, signal);
    result.outboxSteps += again.steps;
  }
  if (result.fetchFailures.length > 0) {
    const count = result.fetchFailures.length;
    result.message = `${count} request${count === 1 ? '' : 's'} could not be refreshed; PortDesk tries again in a minute.`;
  }
  return result;
}

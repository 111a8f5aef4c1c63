import type { TimelineEvent } from '../../../shared/domain/timeline';
import type { Store, WriteBatcher } from '../store';
import { isTwilioError, type PortingClient } from '../twilio';
import type { CadenceSettings } from './cadence';
import { isOutageKind } from './recovery';
import { saveFetchedWithEvents, type SavedRequest } from './requestWriter';
import { cycleStopFor, type CycleStop } from './syncErrors';

/** A fetch that failed for this request alone is tried again after about this long. */
export const FAILED_FETCH_RETRY_MS = 60_000;

export type DetailOutcome =
  | { kind: 'saved'; events: TimelineEvent[]; changed: boolean }
  /** Another caller is fetching the same request right now; its result will be saved. */
  | { kind: 'joined' }
  /** 404: Twilio has no such request (any more). */
  | { kind: 'gone' }
  /**
   * This request could not be refreshed. `stop` is set when the cause is not this request but
   * the account or the connection (offline, unauthorized, rate limited, aborted): the caller
   * should start no more fetches.
   */
  | { kind: 'failed'; message: string; stop: CycleStop | null };

/** What `fetchAndQueue` answers: a final outcome, or the answer queued for the writer. */
export type QueuedDetail = DetailOutcome | { kind: 'queued'; saved: Promise<DetailOutcome> };

/** A fetched answer queued for the writer; `room`: when the next fetch may start. */
type QueuedSave = { kind: 'queued'; saved: Promise<DetailOutcome>; room: Promise<void> };

export interface DetailFetcherDeps {
  store: Store;
  now: () => number;
  random: () => number;
  cadence: () => CadenceSettings;
  isOpenOnScreen: (sid: string) => boolean;
  accountLabel: (accountId: string) => string;
  /**
   * Saves through the store's write batcher: the answers that arrive close together are saved
   * in one transaction (each in its own savepoint, settled after the commit). Absent: one
   * transaction each, at once.
   */
  writes?: WriteBatcher;
}

export interface FetchOptions {
  signal: AbortSignal;
  /** SIDs the listing of this cycle returned; absent when this cycle did not list. */
  listedSids?: ReadonlySet<string>;
}

/**
 * Fetches one request's detail and saves it with its timeline events. At most one fetch per
 * request is in flight across the engine: a slow answer saved after a newer one would make the
 * timeline step back and forth.
 */
export class DetailFetcher {
  private readonly inFlight = new Map<string, Promise<DetailOutcome>>();
  /**
   * Per account, the requests whose last fetch failed for an outage reason (5xx, reset, timeout,
   * garbled answer): fetched first in the next cycle (fairness), and due at once on recovery.
   * In memory: after a restart every request is due on its own schedule anyway.
   */
  private readonly outageFailures = new Map<string, Set<string>>();

  constructor(private readonly deps: DetailFetcherDeps) {}

  /** The requests of this account whose last fetch failed for an outage reason. */
  failedFetches(accountId: string): string[] {
    return [...(this.outageFailures.get(accountId) ?? [])];
  }

  /** `due` with the requests whose last fetch failed first, each group in its given order. */
  failedFirst<T extends { sid: string }>(accountId: string, due: readonly T[]): T[] {
    const failed = this.outageFailures.get(accountId);
    if (failed === undefined || failed.size === 0) return [...due];
    return [...due.filter((r) => failed.has(r.sid)), ...due.filter((r) => !failed.has(r.sid))];
  }

  private noteOutcome(accountId: string, sid: string, outageFailure: boolean): void {
    let failed = this.outageFailures.get(accountId);
    if (outageFailure) {
      if (failed === undefined) {
        failed = new Set();
        this.outageFailures.set(accountId, failed);
      }
      failed.add(sid);
    } else {
      failed?.delete(sid);
    }
  }

  /** Fetches the request and saves it; settles once the save committed (or failed). */
  async fetchAndSave(
    client: PortingClient,
    accountId: string,
    sid: string,
    options: FetchOptions,
  ): Promise<DetailOutcome> {
    const outcome = await this.fetchAndQueue(client, accountId, sid, options);
    return outcome.kind === 'queued' ? outcome.saved : outcome;
  }

  /**
   * Fetches the request and queues its save with the write batcher. Settles as soon as the
   * caller may start its next fetch: when the answer is queued (while the write queue has
   * room) with `saved` settling after the commit, or with the outcome of a fetch that failed.
   * The request counts as in flight until its save settled, so a second fetch of it joins.
   */
  async fetchAndQueue(
    client: PortingClient,
    accountId: string,
    sid: string,
    options: FetchOptions,
  ): Promise<QueuedDetail> {
    const running = this.inFlight.get(sid);
    if (running) {
      await running;
      return { kind: 'joined' };
    }
    const answered = this.fetchOnce(client, accountId, sid, options);
    const work = answered
      .then((outcome) => (outcome.kind === 'queued' ? outcome.saved : outcome))
      .finally(() => {
        this.inFlight.delete(sid);
      });
    this.inFlight.set(sid, work);
    const outcome = await answered;
    if (outcome.kind !== 'queued') return outcome;
    await outcome.room;
    return { kind: 'queued', saved: work };
  }

  private async fetchOnce(
    client: PortingClient,
    accountId: string,
    sid: string,
    options: FetchOptions,
  ): Promise<DetailOutcome | QueuedSave> {
    const { store } = this.deps;
    try {
      const fetched = await client.fetchPortIn(sid, { signal: options.signal });
      const context = {
        accountId,
        nowMs: this.deps.now(),
        source: 'sync' as const,
        openOnScreen: this.deps.isOpenOnScreen(sid),
        cadence: this.deps.cadence(),
        random: this.deps.random,
        clockOffsetMs: client.serverClockOffsetMs ?? 0,
      };
      const save = () => saveFetchedWithEvents(store, fetched, context);
      const { writes } = this.deps;
      if (!writes) return this.savedOutcome(accountId, sid, save());
      const queued = writes.enqueue(Math.max(1, fetched.phoneNumbers.length), save);
      return {
        kind: 'queued',
        room: queued.room,
        saved: queued.committed.then(
          (saved) => this.savedOutcome(accountId, sid, saved),
          (error: unknown) => this.failedOutcome(accountId, sid, error, options),
        ),
      };
    } catch (error) {
      return this.failedOutcome(accountId, sid, error, options);
    }
  }

  private savedOutcome(accountId: string, sid: string, saved: SavedRequest): DetailOutcome {
    this.noteOutcome(accountId, sid, false);
    return { kind: 'saved', events: saved.events, changed: saved.created || saved.changed };
  }

  private failedOutcome(
    accountId: string,
    sid: string,
    error: unknown,
    options: FetchOptions,
  ): DetailOutcome {
    if (isTwilioError(error) && error.kind === 'not_found') {
      // Listed this cycle: Twilio may just be catching up, so keep the cadence. Not listed:
      // it was deleted at Twilio; keep the last copy and stop asking.
      const stillListed = options.listedSids?.has(sid) ?? true;
      this.reschedule(sid, stillListed ? this.cadenceMs() : null);
      this.noteOutcome(accountId, sid, false);
      return { kind: 'gone' };
    }
    const stop = cycleStopFor(error, this.deps.accountLabel(accountId));
    const accountWide =
      stop.kind !== 'failed' || (isTwilioError(error) && error.kind === 'rate_limited');
    if (!accountWide) {
      this.reschedule(sid, FAILED_FETCH_RETRY_MS);
      this.noteOutcome(accountId, sid, isTwilioError(error) && isOutageKind(error.kind));
    }
    return {
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
      stop: accountWide ? stop : null,
    };
  }

  /** Runs every queued save now (the end of a cycle's fetches: no more company is coming). */
  flushWrites(): void {
    this.deps.writes?.flush();
  }

  private cadenceMs(): number {
    return Math.max(1, this.deps.cadence().syncCadenceMinutes) * 60_000;
  }

  /** Moves this request's next fetch `delayMs` from now (null: never); keeps the terminal flag. */
  private reschedule(sid: string, delayMs: number | null): void {
    try {
      this.deps.store.requests.markFetched(sid, {
        nextFetchAt: delayMs === null ? null : new Date(this.deps.now() + delayMs).toISOString(),
      });
    } catch {
      // The request row is gone (account removed mid-cycle): nothing to schedule.
    }
  }
}

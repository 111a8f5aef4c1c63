import type { TimelineEvent } from '../../../shared/domain/timeline';
import type { Store } from '../store';
import { isTwilioError, type PortingClient } from '../twilio';
import type { CadenceSettings } from './cadence';
import { isOutageKind } from './recovery';
import { saveFetchedWithEvents } from './requestWriter';
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

export interface DetailFetcherDeps {
  store: Store;
  now: () => number;
  random: () => number;
  cadence: () => CadenceSettings;
  isOpenOnScreen: (sid: string) => boolean;
  accountLabel: (accountId: string) => string;
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

  async fetchAndSave(
    client: PortingClient,
    accountId: string,
    sid: string,
    options: FetchOptions,
  ): Promise<DetailOutcome> {
    const running = this.inFlight.get(sid);
    if (running) {
      await running;
      return { kind: 'joined' };
    }
    const work = this.fetchOnce(client, accountId, sid, options).finally(() => {
      this.inFlight.delete(sid);
    });
    this.inFlight.set(sid, work);
    return work;
  }

  private async fetchOnce(
    client: PortingClient,
    accountId: string,
    sid: string,
    options: FetchOptions,
  ): Promise<DetailOutcome> {
    const { store } = this.deps;
    try {
      const fetched = await client.fetchPortIn(sid, { signal: options.signal });
      const saved = saveFetchedWithEvents(store, fetched, {
        accountId,
        nowMs: this.deps.now(),
        source: 'sync',
        openOnScreen: this.deps.isOpenOnScreen(sid),
        cadence: this.deps.cadence(),
        random: this.deps.random,
      });
      this.noteOutcome(accountId, sid, false);
      return { kind: 'saved', events: saved.events, changed: saved.created || saved.changed };
    } catch (error) {
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

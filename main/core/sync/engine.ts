import { AccountLoop } from './accountLoop';
import { DEFAULT_SYNC_CADENCE_MINUTES, type CadenceSettings } from './cadence';
import { ConnectivityWatch } from './connectivity';
import { DetailFetcher } from './detailFetcher';
import { createWriteBatcher } from '../store';
import {
  DEFAULT_TIMING,
  type SyncEngine,
  type SyncEngineOptions,
  type SyncTiming,
} from './engineApi';
import { OutboxRunner, PENDING_STATES } from './outboxRunner';
import { OutboxScheduler } from './outboxScheduler';
import { cutOutageBackoffs, type RecoveryResult } from './recovery';
import { summariseStatus, type SyncStatusSnapshot } from './syncStatus';

export type { CycleNotice, SyncEngine, SyncEngineOptions, SyncTiming } from './engineApi';
export type { OutboxChange } from './outboxRunner';
export type { SyncStatusSnapshot } from './syncStatus';

/**
 * How long a fetched answer may wait in the write queue for company. A fetch does not wait for
 * its save (its slot is free once the answer is queued), so waiting costs the sync nothing and
 * lets a first sync's answers share a commit; main's thread is held only by the transaction
 * itself (at most 50 ms, FETCHED_BATCH_LIMITS).
 */
const SYNC_WRITE_WAIT_MS = 100;
/**
 * A batch of fetched answers stops at 2,000 numbers or 20 ms: main's thread is busy for the
 * whole transaction, and the answers of the fetches in flight wait that long to be read.
 */
const SYNC_WRITE_LIMITS = { maxWeight: 2_000, maxBatchMs: 20 };

/**
 * The sync engine (docs/sync.md), composed of three parts with their own state: the
 * connectivity watch (the host's offline signal and the probe), the outbox scheduler (when the
 * outbox drains) and one AccountLoop per account (its cycles and status). This file wires them
 * and answers the public API.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store, clients } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const timing: SyncTiming = { ...DEFAULT_TIMING, ...options.timing };
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const report = options.onError ?? ((error: unknown) => console.error('[sync]', error));
  const log = options.onLog ?? ((line: string) => console.info(`[sync] ${line}`));
  const safely = (fn: () => void): void => {
    try {
      fn();
    } catch (error) {
      report(error);
    }
  };

  const loops = new Map<string, AccountLoop>();
  let started = false;
  let focusedSid: string | null = null;
  let engineAbort = new AbortController();

  const cadence = (): CadenceSettings => {
    let minutes = Number.NaN;
    try {
      minutes = Number(options.settings().syncCadenceMinutes);
    } catch (error) {
      report(error);
    }
    return {
      syncCadenceMinutes:
        Number.isFinite(minutes) && minutes >= 1 ? minutes : DEFAULT_SYNC_CADENCE_MINUTES,
    };
  };
  const accountLabel = (accountId: string): string =>
    store.accounts.get(accountId)?.label ?? accountId;

  const snapshot = (): SyncStatusSnapshot => {
    const planned = [...loops.values()]
      .map((rt) => rt.nextRunAt)
      .filter((at): at is number => at !== null);
    const nextSyncAt = planned.length === 0 ? null : new Date(Math.min(...planned)).toISOString();
    return summariseStatus(
      [...loops.values()].map((rt) => rt.status),
      nextSyncAt,
      {
        queuedOps: store.outbox.list({ states: PENDING_STATES }).length,
        failedOps: store.outbox.list({ states: ['failed'] }).length,
      },
    );
  };
  const emitStatus = (): void => {
    if (options.onStatus) safely(() => options.onStatus?.(snapshot()));
  };

  const connectivity: ConnectivityWatch = new ConnectivityWatch({
    store,
    clients,
    offlineProbeMs: timing.offlineProbeMs,
    isStarted: () => started,
    signal: () => engineAbort.signal,
    hasAccount: (accountId) => loops.has(accountId),
    onWentOffline: () => wentOffline(),
    onBackOnline: () => resumeAll(),
    log,
    report,
  });
  const hostOffline = (): boolean => connectivity.isOffline();

  // Fetched answers are saved several to a transaction (docs/data-model.md, Batches).
  const writes = createWriteBatcher(store, {
    maxWaitMs: SYNC_WRITE_WAIT_MS,
    ...SYNC_WRITE_LIMITS,
  });
  const details = new DetailFetcher({
    store,
    now,
    random,
    cadence,
    isOpenOnScreen: (sid) => sid === focusedSid,
    accountLabel,
    writes,
  });
  const runner = new OutboxRunner({
    store,
    now,
    random,
    cadence,
    readDocumentBytes: options.readDocumentBytes,
    accountLabel,
    onChanged: (change) => {
      if (options.onOutboxChanged) safely(() => options.onOutboxChanged?.(change));
      emitStatus();
    },
    hostOffline,
  });
  const outbox = new OutboxScheduler({
    store,
    clients,
    runner,
    now,
    accountLabel,
    isStarted: () => started,
    hostOffline,
    signal: () => engineAbort.signal,
    account: (accountId) => loops.get(accountId),
    report,
  });

  /** Recovery (recovery.ts): the account's outage backoffs become due. Never throws. */
  const recover = (accountId: string): RecoveryResult => {
    try {
      return cutOutageBackoffs(store, accountId, now(), details.failedFetches(accountId));
    } catch (error) {
      report(error);
      return { outboxItems: 0, fetches: 0 };
    }
  };

  const loopFor = (accountId: string): AccountLoop => {
    const existing = loops.get(accountId);
    if (existing) return existing;
    const rt = new AccountLoop(accountId, {
      store,
      clients,
      details,
      drainOutbox: (id, client, signal) => outbox.drainAccount(id, client, signal),
      now,
      random,
      concurrency,
      timing,
      cadence,
      accountLabel,
      hostOffline,
      recover,
      ensureRecovered: () => outbox.ensureRecovered(),
      emitStatus,
      onCycle: (notice) => safely(() => options.onCycle?.(notice)),
      report,
    });
    loops.set(accountId, rt);
    return rt;
  };

  /**
   * On reconnect and on wake: the outbox, then a full cycle, at once (ARCHITECTURE §6). The kick
   * and the cycle's own drain share one Coalescer, and the cycle drains before it lists, so
   * everything queued goes out before the listing and exactly once.
   */
  const resumeAll = (): void => {
    for (const rt of loops.values()) {
      rt.loop.unpause();
      if (rt.status.state === 'unauthorized') continue;
      // The network is back: what the outage put off is due now, not at the end of its backoff.
      recover(rt.id);
      rt.forceDiscovery = true;
      if (started) {
        rt.apply({ kind: 'resumed' });
        rt.loop.resume();
      } else {
        rt.apply({ kind: 'host_online' });
      }
    }
    if (started) outbox.kick();
  };

  const wentOffline = (): void => {
    outbox.clearTimer();
    for (const rt of loops.values()) {
      rt.loop.pause();
      // syncNow callers waiting for a run that will not come now: their answer is "offline".
      rt.releaseWaiters();
      rt.apply({ kind: 'host_offline' });
    }
    try {
      runner.holdForNetwork();
    } catch (error) {
      report(error);
    }
  };

  const engine: SyncEngine = {
    start() {
      if (started) return;
      started = true;
      outbox.ensureRecovered();
      for (const account of store.accounts.list()) engine.addAccount(account.id);
      outbox.kick();
      outbox.armTimer();
      connectivity.armProbe();
      emitStatus();
    },

    async stop() {
      if (!started) return;
      started = false;
      outbox.clearTimer();
      engineAbort.abort();
      await connectivity.stop();
      await Promise.all([...loops.values()].map((rt) => rt.loop.stop()));
      writes.flush();
      await outbox.idle();
      for (const rt of loops.values()) rt.releaseWaiters();
      // A stopped engine still answers runCycle/drainOutbox (tools, tests) with a live signal.
      engineAbort = new AbortController();
      emitStatus();
    },

    async syncNow(accountId) {
      if (hostOffline()) {
        // Not a call while the host says offline: the status already says why, in words.
        emitStatus();
        return;
      }
      const ids = accountId
        ? [accountId]
        : started
          ? [...loops.keys()]
          : store.accounts.list().map((account) => account.id);
      await Promise.all(
        ids.map(async (id) => {
          const rt = loopFor(id);
          if (!started) await engine.runCycle(id);
          else await rt.nextCycle();
        }),
      );
    },

    runCycle(accountId) {
      return loopFor(accountId).runCycle(engineAbort.signal);
    },

    drainOutbox: (accountId) => outbox.drainNow(accountId),

    kickOutbox: () => outbox.kick(),

    focusRequest(sid) {
      focusedSid = sid;
      if (sid === null) return;
      const stored = store.requests.getRequest(sid);
      if (stored === null || stored.sync.nextFetchAt === null) return;
      store.requests.markFetched(sid, { nextFetchAt: new Date(now()).toISOString() });
      const rt = loops.get(stored.accountId);
      if (started && rt && rt.status.state !== 'unauthorized') rt.loop.triggerNow();
    },

    networkChanged: (online) => connectivity.networkChanged(online),

    isOnline: () => !hostOffline(),

    resumedFromSleep() {
      if (hostOffline()) connectivity.probeSoon();
      else resumeAll();
    },

    credentialsChanged(accountId) {
      const rt = loops.get(accountId);
      clients
        .invalidate(accountId)
        .catch(report)
        .finally(() => {
          if (!rt) return;
          rt.forceDiscovery = true;
          if (hostOffline()) {
            // Leaves the halt (a rejected secret); the cycle runs when the network is back.
            rt.loop.triggerNow();
            rt.apply({ kind: 'credentials_changed' }, { kind: 'host_offline' });
            return;
          }
          rt.apply({ kind: 'credentials_changed' });
          if (started) {
            rt.loop.resume();
            outbox.kick();
          }
        });
    },

    addAccount(accountId) {
      const rt = loopFor(accountId);
      if (started) rt.loop.start();
      emitStatus();
    },

    async removeAccount(accountId) {
      const rt = loops.get(accountId);
      if (!rt) return;
      loops.delete(accountId);
      await rt.loop.stop();
      rt.releaseWaiters();
      emitStatus();
    },

    status: snapshot,
  };
  return engine;
}

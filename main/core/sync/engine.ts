import type { TimelineEvent } from '../../../shared/domain/timeline';
import type { ClientProvider } from '../accounts/clientProvider';
import type { Store } from '../store';
import { isTwilioError, type PortingClient } from '../twilio';
import { runAccountCycle, type CycleResult } from './accountCycle';
import { DEFAULT_SYNC_CADENCE_MINUTES, type CadenceSettings } from './cadence';
import { DetailFetcher } from './detailFetcher';
import { OutboxRunner, PENDING_STATES, type DrainResult, type OutboxChange } from './outboxRunner';
import { PollLoop, type PollOutcome } from './pollLoop';
import { Coalescer, SerialQueue } from './serial';
import { cycleStopFor, HOST_OFFLINE_MESSAGE } from './syncErrors';
import {
  summariseStatus,
  SYNCING_MESSAGE,
  type AccountSyncStatus,
  type SyncStatusSnapshot,
} from './syncStatus';

export type { CycleResult } from './accountCycle';
export type { OutboxChange } from './outboxRunner';
export type { AccountSyncStatus, SyncStatusSnapshot } from './syncStatus';

/** What the composition root hears after each cycle: feed `events` to the notify policy. */
export interface CycleNotice {
  accountId: string;
  /** Saved timeline events of this cycle's fetches, with their ids, in commit order. */
  events: TimelineEvent[];
  changedRequestSids: string[];
  /** The account had never completed a cycle before (no pop-ups for its backlog). */
  firstSync: boolean;
}

/** Timings; the defaults suit the app, tests shorten them. */
export interface SyncTiming {
  /** Each account's first cycle starts at a random moment within this (default 3 s). */
  initialSkewMs: number;
  /** The loop never wakes more often than this for due fetches (default 15 s). */
  minWakeMs: number;
  /**
   * While offline, probe this often in case no reconnect signal comes (default 60 s): while the
   * host says offline, one light call (a one-row listing); after a cycle found no network, the
   * account's next cycle.
   */
  offlineProbeMs: number;
  /** Backoff after a failed cycle: full jitter from this, doubling, up to backoffMaxMs. */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

const DEFAULT_TIMING: SyncTiming = {
  initialSkewMs: 3_000,
  minWakeMs: 15_000,
  offlineProbeMs: 60_000,
  backoffBaseMs: 5_000,
  backoffMaxMs: 5 * 60_000,
};

export interface SyncEngineOptions {
  store: Store;
  clients: ClientProvider;
  /** Epoch ms; default Date.now. */
  now?: () => number;
  random?: () => number;
  /** Read before each use, so a settings change applies at once. */
  settings: () => { syncCadenceMinutes: number };
  /** Detail fetches in flight per account (default 4). */
  concurrency?: number;
  onCycle?: (cycle: CycleNotice) => void;
  onStatus?: (status: SyncStatusSnapshot) => void;
  onOutboxChanged?: (change: OutboxChange) => void;
  /** The bytes of a stored bill (documents.localPath), for its upload. */
  readDocumentBytes: (localPath: string) => Promise<Uint8Array>;
  /** Errors thrown by the callbacks above, or unexpected ones in a loop. Default: console.error. */
  onError?: (error: unknown) => void;
  /** A line worth a log (the host's offline signal proved wrong). Default: console.info. */
  onLog?: (line: string) => void;
  timing?: Partial<SyncTiming>;
}

export interface SyncEngine {
  /** Recovers interrupted sends, starts one loop per stored account, runs the outbox. */
  start(): void;
  /** Stops the loops, aborts calls in flight, and resolves when everything has settled. */
  stop(): Promise<void>;
  /**
   * Runs a full cycle now (all accounts, or one) and resolves when it has finished. While the
   * host says offline it resolves at once without a call; `status()` says offline, in words.
   */
  syncNow(accountId?: string): Promise<void>;
  /** One full cycle of one account, serialised with its loop; for tests and tools. */
  runCycle(accountId: string): Promise<CycleResult>;
  /** Sends everything ready in the outbox (all accounts, or one); resolves when nothing is. */
  drainOutbox(accountId?: string): Promise<void>;
  /** A local write queued something: run the outbox at once. */
  kickOutbox(): void;
  /** The request open on screen (null: none); it is fetched about every 30 s. */
  focusRequest(sid: string | null): void;
  /**
   * The host's network watcher. Offline: no cycle and no send starts (work stays queued, as
   * `waiting_for_network`), calls in flight finish, and one light probe every `offlineProbeMs`
   * checks whether the signal was wrong. Online: the outbox drains and a full sync runs at once.
   */
  networkChanged(online: boolean): void;
  /** False while the host says offline (and no probe has reached Twilio since). */
  isOnline(): boolean;
  /** A sync now; while the host says offline, a probe instead. */
  resumedFromSleep(): void;
  /** The account's secret was rotated: forget the old client and resume a halted loop. */
  credentialsChanged(accountId: string): void;
  addAccount(accountId: string): void;
  removeAccount(accountId: string): Promise<void>;
  status(): SyncStatusSnapshot;
}

interface AccountRuntime {
  id: string;
  loop: PollLoop;
  cycles: SerialQueue;
  status: AccountSyncStatus;
  lastDiscoveryAt: number | null;
  forceDiscovery: boolean;
  /** syncNow callers waiting for the next cycle to finish. */
  waiters: (() => void)[];
  nextRunAt: number | null;
}

const lastSuccessKey = (accountId: string): string => `sync.lastSuccessAt.${accountId}`;
const FAR_FUTURE = '9999-12-31T00:00:00.000Z';

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

  const runtimes = new Map<string, AccountRuntime>();
  const drains = new Map<string, Coalescer<DrainResult>>();
  let started = false;
  let recovered = false;
  let focusedSid: string | null = null;
  let engineAbort = new AbortController();
  let outboxTimer: ReturnType<typeof setTimeout> | null = null;
  /** The host's word (networkChanged), corrected by a probe that reached Twilio. */
  let hostOffline = false;
  let probeTimer: ReturnType<typeof setTimeout> | null = null;
  let probing: Promise<void> | null = null;

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
  const isoNow = (): string => new Date(now()).toISOString();

  // ── status ────────────────────────────────────────────────────────────────────────────

  const snapshot = (): SyncStatusSnapshot => {
    const planned = [...runtimes.values()]
      .map((rt) => rt.nextRunAt)
      .filter((at): at is number => at !== null);
    const nextSyncAt = planned.length === 0 ? null : new Date(Math.min(...planned)).toISOString();
    return summariseStatus(
      [...runtimes.values()].map((rt) => rt.status),
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
  const setStatus = (rt: AccountRuntime, patch: Partial<AccountSyncStatus>): void => {
    rt.status = { ...rt.status, ...patch };
    emitStatus();
  };

  // ── the parts ─────────────────────────────────────────────────────────────────────────

  const details = new DetailFetcher({
    store,
    now,
    random,
    cadence,
    isOpenOnScreen: (sid) => sid === focusedSid,
    accountLabel,
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
    hostOffline: () => hostOffline,
  });

  const ensureRecovered = (): void => {
    if (recovered) return;
    recovered = true;
    runner.recoverInterruptedSends();
  };

  /** Drains of one account never overlap; a drain asked for mid-drain runs right after it. */
  const drainAccount = (
    accountId: string,
    client: PortingClient,
    signal: AbortSignal,
  ): Promise<DrainResult> => {
    let coalescer = drains.get(accountId);
    if (!coalescer) {
      coalescer = new Coalescer<DrainResult>();
      drains.set(accountId, coalescer);
    }
    return coalescer.run(async () => {
      const result = await runner.drain(accountId, client, signal);
      armOutboxTimer();
      return result;
    });
  };

  /** A drain outside a cycle (kick, timer, drainOutbox): gets its own client. */
  const drainOutside = async (accountId: string): Promise<void> => {
    const rt = runtimes.get(accountId);
    if (hostOffline) {
      runner.holdForNetwork(accountId);
      return;
    }
    let client: PortingClient;
    try {
      client = await clients.clientFor(accountId);
    } catch (error) {
      const stop = cycleStopFor(error, accountLabel(accountId));
      if (rt && stop.kind === 'unauthorized') {
        setStatus(rt, { state: 'unauthorized', message: stop.message });
      }
      return;
    }
    const result = await drainAccount(accountId, client, engineAbort.signal);
    if (!rt) return;
    if (result.stoppedBy === 'unauthorized') {
      setStatus(rt, { state: 'unauthorized', message: result.message });
    } else if (hostOffline) {
      // Went offline while this drain was sending: the host's word is the status now.
      if (rt.status.state !== 'unauthorized') {
        setStatus(rt, { state: 'offline', message: HOST_OFFLINE_MESSAGE });
      }
      return;
    } else if (result.stoppedBy === 'offline') {
      setStatus(rt, { state: 'offline', message: result.message });
    } else if (result.stoppedBy === null && result.steps > 0 && rt.status.state === 'offline') {
      // Twilio answered: the network is back. Sync now rather than at the next probe.
      setStatus(rt, { state: 'idle', message: null });
      if (started) rt.loop.resume();
    }
    if (started && result.refreshSids.length > 0) rt.loop.triggerNow();
  };

  const accountsWithWork = (accountId?: string): string[] => {
    const ids = accountId ? [accountId] : store.accounts.list().map((account) => account.id);
    return ids.filter(
      (id) =>
        store.outbox.nextReady(isoNow(), {
          accountIds: [id],
          states: ['queued', 'reconciling', 'waiting_for_network'],
        }) !== null,
    );
  };

  /** Wakes the outbox when the earliest retry is due (a cycle may be minutes away). */
  const armOutboxTimer = (): void => {
    if (outboxTimer !== null) clearTimeout(outboxTimer);
    outboxTimer = null;
    if (!started || hostOffline) return;
    const waiting = store.outbox
      .list({ states: ['queued', 'reconciling', 'waiting_for_network'] })
      .map((item) => (item.nextAttemptAt === null ? null : Date.parse(item.nextAttemptAt)))
      .filter((at): at is number => at !== null && !Number.isNaN(at));
    if (waiting.length === 0) return;
    const delay = Math.max(250, Math.min(...waiting) - now());
    outboxTimer = setTimeout(() => {
      outboxTimer = null;
      kickOutbox();
    }, delay);
    outboxTimer.unref?.();
  };

  const kickOutbox = (): void => {
    try {
      ensureRecovered();
      if (hostOffline) {
        // Queued just now while offline: it waits for the network, and says so.
        runner.holdForNetwork();
        return;
      }
      for (const accountId of accountsWithWork()) {
        if (runtimes.get(accountId)?.status.state === 'unauthorized') continue;
        drainOutside(accountId).catch(report);
      }
    } catch (error) {
      // Called from timers and OS signals: nothing above would catch it.
      report(error);
    }
  };

  // ── cycles and loops ──────────────────────────────────────────────────────────────────

  const hasSucceededBefore = (accountId: string): boolean =>
    store.settings.get<string | null>(lastSuccessKey(accountId), null) !== null;

  const cycle = async (
    rt: AccountRuntime,
    discover: boolean,
    signal: AbortSignal,
  ): Promise<CycleResult> => {
    ensureRecovered();
    const before = rt.status;
    if (discover && !hostOffline) setStatus(rt, { state: 'syncing', message: SYNCING_MESSAGE });
    const result = await runAccountCycle(
      {
        store,
        clients,
        details,
        drainOutbox: drainAccount,
        now,
        concurrency,
        accountLabel,
        hasSucceededBefore,
        hostOffline: () => hostOffline,
      },
      rt.id,
      { discover, signal },
    );
    if (result.discovered) rt.lastDiscoveryAt = now();
    switch (result.outcome) {
      case 'ok': {
        const at = isoNow();
        if (discover) safely(() => store.settings.set(lastSuccessKey(rt.id), at));
        setStatus(rt, {
          state: 'idle',
          message: result.message,
          lastSuccessAt: discover ? at : rt.status.lastSuccessAt,
        });
        break;
      }
      case 'failed':
        setStatus(rt, { state: 'error', message: result.message });
        break;
      case 'offline':
      case 'unauthorized':
        setStatus(rt, { state: result.outcome, message: result.message });
        break;
      case 'aborted':
        setStatus(rt, { state: before.state, message: before.message });
        break;
      case 'paused':
        // Online again already (a reconnect during the cycle): its rerun sets the status.
        break;
    }
    if (hostOffline && rt.status.state !== 'unauthorized') {
      // Whatever this cycle managed before the host went offline, the truth now is "offline".
      setStatus(rt, { state: 'offline', message: HOST_OFFLINE_MESSAGE });
    }
    if ((result.outcome !== 'aborted' && result.outcome !== 'paused') || result.events.length > 0) {
      safely(() =>
        options.onCycle?.({
          accountId: rt.id,
          events: result.events,
          changedRequestSids: result.changedRequestSids,
          firstSync: result.firstSync,
        }),
      );
    }
    return result;
  };

  const pollOutcomeOf = (result: CycleResult): PollOutcome => {
    switch (result.outcome) {
      case 'ok':
      case 'aborted':
        return { kind: 'ok' };
      case 'offline':
      case 'paused':
        return { kind: 'offline' };
      case 'unauthorized':
        return { kind: 'halt' };
      case 'failed':
        return { kind: 'failed', retryAfterMs: result.retryAfterMs };
    }
  };

  /** Until the next discovery or the earliest due fetch, whichever is first. Never throws. */
  const nextWakeMs = (rt: AccountRuntime): number => {
    const at = now();
    const cadenceMs = cadence().syncCadenceMinutes * 60_000;
    let wake = (rt.lastDiscoveryAt ?? at) + cadenceMs - at;
    try {
      const [earliest] = store.requests.dueForFetch(FAR_FUTURE, 1, { accountIds: [rt.id] });
      if (earliest) wake = Math.min(wake, Date.parse(earliest.nextFetchAt) - at);
    } catch (error) {
      report(error);
    }
    return Math.max(timing.minWakeMs, wake);
  };

  const discoveryDue = (rt: AccountRuntime): boolean =>
    rt.lastDiscoveryAt === null ||
    now() - rt.lastDiscoveryAt >= cadence().syncCadenceMinutes * 60_000 - timing.minWakeMs;

  const ensureRuntime = (accountId: string): AccountRuntime => {
    const existing = runtimes.get(accountId);
    if (existing) return existing;
    const lastSuccessAt = store.settings.get<string | null>(lastSuccessKey(accountId), null);
    const rt: AccountRuntime = {
      id: accountId,
      cycles: new SerialQueue(),
      status: { accountId, state: 'idle', lastSuccessAt, message: null },
      lastDiscoveryAt: null,
      forceDiscovery: false,
      waiters: [],
      nextRunAt: null,
      loop: new PollLoop({
        run: async (signal) => {
          const waiters = rt.waiters.splice(0);
          const discover = rt.forceDiscovery || waiters.length > 0 || discoveryDue(rt);
          rt.forceDiscovery = false;
          try {
            return pollOutcomeOf(await rt.cycles.run(() => cycle(rt, discover, signal)));
          } finally {
            for (const wake of waiters) wake();
          }
        },
        intervalMs: () => nextWakeMs(rt),
        minIntervalMs: 1_000,
        initialSkewMs: timing.initialSkewMs,
        backoffBaseMs: timing.backoffBaseMs,
        backoffMaxMs: timing.backoffMaxMs,
        offlineProbeMs: timing.offlineProbeMs,
        random,
        onUnexpectedError: report,
        onScheduled: (delayMs) => {
          rt.nextRunAt = delayMs === null ? null : now() + delayMs;
          emitStatus();
        },
      }),
    };
    if (hostOffline) {
      rt.loop.pause();
      rt.status = { ...rt.status, state: 'offline', message: HOST_OFFLINE_MESSAGE };
    }
    runtimes.set(accountId, rt);
    return rt;
  };

  /**
   * On reconnect and on wake: the outbox, then a full cycle, at once (ARCHITECTURE §6). The kick
   * and the cycle's own drain share one Coalescer, and the cycle drains before it lists, so
   * everything queued goes out before the listing and exactly once.
   */
  const resumeAll = (): void => {
    for (const rt of runtimes.values()) {
      rt.loop.unpause();
      if (rt.status.state === 'unauthorized') continue;
      rt.forceDiscovery = true;
      if (started) {
        setStatus(rt, { state: 'syncing', message: SYNCING_MESSAGE });
        rt.loop.resume();
      } else if (rt.status.state === 'offline') {
        setStatus(rt, { state: 'idle', message: null });
      }
    }
    if (started) kickOutbox();
  };

  // ── the host's offline signal ─────────────────────────────────────────────────────────

  const clearProbe = (): void => {
    if (probeTimer !== null) clearTimeout(probeTimer);
    probeTimer = null;
  };

  const goOffline = (): void => {
    hostOffline = true;
    if (outboxTimer !== null) clearTimeout(outboxTimer);
    outboxTimer = null;
    for (const rt of runtimes.values()) {
      rt.loop.pause();
      // syncNow callers waiting for a run that will not come now: their answer is "offline".
      for (const wake of rt.waiters.splice(0)) wake();
      if (rt.status.state !== 'unauthorized') {
        setStatus(rt, { state: 'offline', message: HOST_OFFLINE_MESSAGE });
      }
    }
    try {
      runner.holdForNetwork();
    } catch (error) {
      report(error);
    }
    armProbe();
  };

  const goOnline = (): void => {
    hostOffline = false;
    clearProbe();
    resumeAll();
  };

  const armProbe = (): void => {
    clearProbe();
    if (!started || !hostOffline) return;
    probeTimer = setTimeout(() => {
      probeTimer = null;
      probeNow();
    }, timing.offlineProbeMs);
    probeTimer.unref?.();
  };

  /** One light call to Twilio; a probe already in flight answers for this one too. */
  const probeNow = (): void => {
    if (!started || !hostOffline || probing !== null) return;
    const run = (async () => {
      const reached = await probeTwilio(engineAbort.signal);
      if (!started || !hostOffline) return;
      if (reached === null) {
        armProbe();
        return;
      }
      log(
        `The system reports no network, but Twilio answered a probe for “${reached}”: syncing again.`,
      );
      goOnline();
    })()
      .catch(report)
      .finally(() => {
        probing = null;
      });
    probing = run;
  };

  /**
   * Whether Twilio can be reached: a one-row listing through one account's client (an account
   * at Twilio before a simulator on this machine, whose answer proves nothing about the
   * network). Any HTTP answer counts, even a refusal; only "no answer" does not. Resolves to the
   * label of the account that answered, or null.
   */
  const probeTwilio = async (signal: AbortSignal): Promise<string | null> => {
    const candidates = store.accounts
      .list()
      .filter((account) => runtimes.has(account.id))
      .sort((a, b) => Number(a.kind !== 'twilio') - Number(b.kind !== 'twilio'));
    for (const account of candidates) {
      let client: PortingClient;
      try {
        client = await clients.clientFor(account.id);
      } catch {
        continue; // no secret for this one: try the next account
      }
      try {
        await client.listPortInsPage({ size: 1 }, { signal });
        return account.label;
      } catch (error) {
        if (isTwilioError(error) && error.httpStatus > 0) return account.label;
        return null;
      }
    }
    return null;
  };

  // ── the engine ────────────────────────────────────────────────────────────────────────

  const engine: SyncEngine = {
    start() {
      if (started) return;
      started = true;
      ensureRecovered();
      for (const account of store.accounts.list()) engine.addAccount(account.id);
      kickOutbox();
      armOutboxTimer();
      armProbe();
      emitStatus();
    },

    async stop() {
      if (!started) return;
      started = false;
      if (outboxTimer !== null) clearTimeout(outboxTimer);
      outboxTimer = null;
      clearProbe();
      engineAbort.abort();
      await probing;
      await Promise.all([...runtimes.values()].map((rt) => rt.loop.stop()));
      await Promise.all([...drains.values()].map((coalescer) => coalescer.idle()));
      for (const rt of runtimes.values()) {
        for (const wake of rt.waiters.splice(0)) wake();
      }
      // A stopped engine still answers runCycle/drainOutbox (tools, tests) with a live signal.
      engineAbort = new AbortController();
      emitStatus();
    },

    async syncNow(accountId) {
      if (hostOffline) {
        // Not a call while the host says offline: the status already says why, in words.
        emitStatus();
        return;
      }
      const ids = accountId
        ? [accountId]
        : started
          ? [...runtimes.keys()]
          : store.accounts.list().map((account) => account.id);
      await Promise.all(
        ids.map(async (id) => {
          const rt = ensureRuntime(id);
          if (!started) {
            await engine.runCycle(id);
            return;
          }
          await new Promise<void>((resolve) => {
            rt.waiters.push(resolve);
            rt.loop.start();
            rt.loop.resume();
          });
        }),
      );
    },

    runCycle(accountId) {
      const rt = ensureRuntime(accountId);
      return rt.cycles.run(() => cycle(rt, true, engineAbort.signal));
    },

    async drainOutbox(accountId) {
      ensureRecovered();
      await Promise.all(accountsWithWork(accountId).map((id) => drainOutside(id)));
    },

    kickOutbox,

    focusRequest(sid) {
      focusedSid = sid;
      if (sid === null) return;
      const stored = store.requests.getRequest(sid);
      if (stored === null || stored.sync.nextFetchAt === null) return;
      store.requests.markFetched(sid, { nextFetchAt: isoNow() });
      const rt = runtimes.get(stored.accountId);
      if (started && rt && rt.status.state !== 'unauthorized') rt.loop.triggerNow();
    },

    networkChanged(online) {
      if (online) goOnline();
      else if (!hostOffline) goOffline();
    },

    isOnline: () => !hostOffline,

    resumedFromSleep() {
      if (hostOffline) {
        clearProbe();
        probeNow();
        return;
      }
      resumeAll();
    },

    credentialsChanged(accountId) {
      const rt = runtimes.get(accountId);
      clients
        .invalidate(accountId)
        .catch(report)
        .finally(() => {
          if (!rt) return;
          rt.forceDiscovery = true;
          if (hostOffline) {
            // Leaves the halt (a rejected secret); the cycle runs when the network is back.
            rt.loop.triggerNow();
            setStatus(rt, { state: 'offline', message: HOST_OFFLINE_MESSAGE });
            return;
          }
          setStatus(rt, { state: 'idle', message: null });
          if (started) {
            rt.loop.resume();
            kickOutbox();
          }
        });
    },

    addAccount(accountId) {
      const rt = ensureRuntime(accountId);
      if (started) rt.loop.start();
      emitStatus();
    },

    async removeAccount(accountId) {
      const rt = runtimes.get(accountId);
      if (!rt) return;
      runtimes.delete(accountId);
      await rt.loop.stop();
      for (const wake of rt.waiters.splice(0)) wake();
      emitStatus();
    },

    status: snapshot,
  };
  return engine;
}

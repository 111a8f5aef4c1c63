import type { ClientProvider } from '../accounts/clientProvider';
import type { Store } from '../store';
import type { PortingClient } from '../twilio';
import { runAccountCycle, type CycleResult } from './accountCycle';
import type { CadenceSettings } from './cadence';
import type { DetailFetcher } from './detailFetcher';
import type { CycleNotice, SyncTiming } from './engineApi';
import type { DrainResult } from './outboxRunner';
import type { RecoveryResult } from './recovery';
import { PollLoop, type PollOutcome } from './pollLoop';
import { SerialQueue } from './serial';
import {
  initialMachine,
  nextMachine,
  stateOfPhase,
  type AccountSyncMachine,
  type SyncEvent,
} from './accountState';
import type { AccountSyncStatus } from './syncStatus';

export interface AccountLoopDeps {
  store: Store;
  clients: ClientProvider;
  details: DetailFetcher;
  drainOutbox: (
    accountId: string,
    client: PortingClient,
    signal: AbortSignal,
  ) => Promise<DrainResult>;
  now: () => number;
  random: () => number;
  concurrency: number;
  timing: SyncTiming;
  cadence: () => CadenceSettings;
  accountLabel: (accountId: string) => string;
  hostOffline: () => boolean;
  /** Cuts the account's outage backoffs short (recovery.ts); after every complete listing. */
  recover: (accountId: string) => RecoveryResult;
  /** Interrupted sends are recovered before the first cycle of any account. */
  ensureRecovered: () => void;
  /** The account's status changed: the engine emits a new snapshot. */
  emitStatus: () => void;
  onCycle: (notice: CycleNotice) => void;
  report: (error: unknown) => void;
}

/** Written after every complete cycle: the account has synced before (no pop-ups for backlog). */
const lastSuccessKey = (accountId: string): string => `sync.lastSuccessAt.${accountId}`;
/** Written after every complete cycle in which every call succeeded: "Last complete sync". */
const lastCleanKey = (accountId: string): string => `sync.lastCompleteAt.${accountId}`;
const FAR_FUTURE = '9999-12-31T00:00:00.000Z';

/**
 * One account's loop and status: its PollLoop (when to run), its SerialQueue (one cycle at a
 * time, shared by the loop, `syncNow` and `runCycle`), when it last listed, and the `syncNow`
 * callers waiting for its next cycle.
 */
export class AccountLoop {
  readonly loop: PollLoop;
  readonly cycles = new SerialQueue();
  /** What the account's status says; only `apply` moves it (accountState.ts). */
  private machine: AccountSyncMachine;
  /** The next full listing is run even if the cadence has not come round (reconnect, wake…). */
  forceDiscovery = false;
  /** When the loop plans to run next (epoch ms); null while paused or halted. */
  nextRunAt: number | null = null;
  private lastDiscoveryAt: number | null = null;
  /** A failed cycle's Retry-After: recovery does not run the loop before it. */
  private retryAfterUntil = 0;
  /** syncNow callers waiting for the next cycle to finish. */
  private waiters: (() => void)[] = [];

  constructor(
    readonly id: string,
    private readonly deps: AccountLoopDeps,
  ) {
    const { settings } = deps.store;
    this.machine = initialMachine(
      settings.get<string | null>(lastCleanKey(id), null) ??
        settings.get<string | null>(lastSuccessKey(id), null),
    );
    const { timing } = deps;
    this.loop = new PollLoop({
      run: async (signal) => {
        const waiters = this.waiters.splice(0);
        const discover = this.forceDiscovery || waiters.length > 0 || this.discoveryDue();
        this.forceDiscovery = false;
        try {
          return pollOutcomeOf(await this.cycles.run(() => this.cycle(discover, signal)));
        } finally {
          for (const wake of waiters) wake();
        }
      },
      intervalMs: () => this.nextWakeMs(),
      minIntervalMs: 1_000,
      initialSkewMs: timing.initialSkewMs,
      backoffBaseMs: timing.backoffBaseMs,
      backoffMaxMs: timing.backoffMaxMs,
      offlineProbeMs: timing.offlineProbeMs,
      random: deps.random,
      onUnexpectedError: deps.report,
      onScheduled: (delayMs) => {
        this.nextRunAt = delayMs === null ? null : deps.now() + delayMs;
        deps.emitStatus();
      },
    });
    if (deps.hostOffline()) {
      this.loop.pause();
      this.machine = nextMachine(this.machine, { kind: 'host_offline' });
    }
  }

  get status(): AccountSyncStatus {
    const { phase, message, lastSuccessAt } = this.machine;
    const waiting = phase === 'retrying' || phase === 'offline';
    return {
      accountId: this.id,
      state: stateOfPhase(phase),
      phase,
      lastSuccessAt,
      message,
      nextAttemptAt:
        waiting && this.nextRunAt !== null ? new Date(this.nextRunAt).toISOString() : null,
    };
  }

  /** Moves the account's state machine by these events, then emits one status. */
  apply(...events: SyncEvent[]): void {
    this.machine = events.reduce(nextMachine, this.machine);
    this.deps.emitStatus();
  }

  /** One full cycle, serialised with the loop's. */
  runCycle(signal: AbortSignal): Promise<CycleResult> {
    return this.cycles.run(() => this.cycle(true, signal));
  }

  /** Resolves when the loop's next cycle (a full one) has finished; starts it now. */
  nextCycle(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.waiters.push(resolve);
      this.loop.start();
      this.loop.resume();
    });
  }

  /**
   * A call outside a cycle (an outbox send) succeeded: if the loop is backing off after failed
   * cycles, the outage is over — run a full cycle now instead of at the end of the backoff
   * (unless Twilio asked us to wait with Retry-After).
   */
  callSucceeded(): void {
    if (this.machine.phase !== 'retrying' || this.deps.now() < this.retryAfterUntil) return;
    this.forceDiscovery = true;
    this.loop.resume();
  }

  /** syncNow callers waiting for a cycle that will not come now (offline, stopped, removed). */
  releaseWaiters(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  private async cycle(discover: boolean, signal: AbortSignal): Promise<CycleResult> {
    const { deps } = this;
    deps.ensureRecovered();
    if (discover && !deps.hostOffline()) this.apply({ kind: 'cycle_started', full: true });
    const result = await runAccountCycle(
      {
        store: deps.store,
        clients: deps.clients,
        details: deps.details,
        drainOutbox: deps.drainOutbox,
        now: deps.now,
        concurrency: deps.concurrency,
        accountLabel: deps.accountLabel,
        hasSucceededBefore: (accountId) =>
          deps.store.settings.get<string | null>(lastSuccessKey(accountId), null) !== null,
        hostOffline: deps.hostOffline,
        afterListing: deps.recover,
      },
      this.id,
      { discover, signal },
    );
    const at = new Date(deps.now()).toISOString();
    if (result.discovered) this.lastDiscoveryAt = deps.now();
    const failures = result.fetchFailures.length;
    if (result.outcome === 'ok' && discover) {
      this.remember(lastSuccessKey(this.id), at);
      if (failures === 0) this.remember(lastCleanKey(this.id), at);
    }
    if (result.outcome === 'failed') {
      this.retryAfterUntil = deps.now() + (result.retryAfterMs ?? 0);
    }
    // After any failure the next cycle lists again: only a complete clean one is "up to date".
    if (result.outcome === 'failed' || failures > 0) this.forceDiscovery = true;
    const events: SyncEvent[] = [
      {
        kind: 'cycle_ended',
        full: discover,
        outcome: result.outcome,
        failures,
        message: result.message,
        at,
      },
    ];
    // Whatever this cycle managed before the host went offline, the truth now is "offline".
    if (deps.hostOffline()) events.push({ kind: 'host_offline' });
    this.apply(...events);
    if ((result.outcome !== 'aborted' && result.outcome !== 'paused') || result.events.length > 0) {
      deps.onCycle({
        accountId: this.id,
        events: result.events,
        changedRequestSids: result.changedRequestSids,
        firstSync: result.firstSync,
      });
    }
    return result;
  }

  private remember(key: string, at: string): void {
    try {
      this.deps.store.settings.set(key, at);
    } catch (error) {
      this.deps.report(error);
    }
  }

  /** Until the next discovery or the earliest due fetch, whichever is first. Never throws. */
  private nextWakeMs(): number {
    const { deps } = this;
    const at = deps.now();
    const cadenceMs = deps.cadence().syncCadenceMinutes * 60_000;
    let wake = (this.lastDiscoveryAt ?? at) + cadenceMs - at;
    try {
      const [earliest] = deps.store.requests.dueForFetch(FAR_FUTURE, 1, { accountIds: [this.id] });
      if (earliest) wake = Math.min(wake, Date.parse(earliest.nextFetchAt) - at);
    } catch (error) {
      deps.report(error);
    }
    return Math.max(deps.timing.minWakeMs, wake);
  }

  private discoveryDue(): boolean {
    const { deps } = this;
    return (
      this.lastDiscoveryAt === null ||
      deps.now() - this.lastDiscoveryAt >=
        deps.cadence().syncCadenceMinutes * 60_000 - deps.timing.minWakeMs
    );
  }
}

function pollOutcomeOf(result: CycleResult): PollOutcome {
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
}

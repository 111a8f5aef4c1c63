import type { ClientProvider } from '../accounts/clientProvider';
import type { Store } from '../store';
import type { PortingClient } from '../twilio';
import { runAccountCycle, type CycleResult } from './accountCycle';
import type { CadenceSettings } from './cadence';
import type { DetailFetcher } from './detailFetcher';
import type { CycleNotice, SyncTiming } from './engineApi';
import type { DrainResult } from './outboxRunner';
import { PollLoop, type PollOutcome } from './pollLoop';
import { SerialQueue } from './serial';
import { HOST_OFFLINE_MESSAGE } from './syncErrors';
import { SYNCING_MESSAGE, type AccountSyncStatus } from './syncStatus';

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
  /** Interrupted sends are recovered before the first cycle of any account. */
  ensureRecovered: () => void;
  /** The account's status changed: the engine emits a new snapshot. */
  emitStatus: () => void;
  onCycle: (notice: CycleNotice) => void;
  report: (error: unknown) => void;
}

const lastSuccessKey = (accountId: string): string => `sync.lastSuccessAt.${accountId}`;
const FAR_FUTURE = '9999-12-31T00:00:00.000Z';

/**
 * One account's loop and status: its PollLoop (when to run), its SerialQueue (one cycle at a
 * time, shared by the loop, `syncNow` and `runCycle`), when it last listed, and the `syncNow`
 * callers waiting for its next cycle.
 */
export class AccountLoop {
  readonly loop: PollLoop;
  readonly cycles = new SerialQueue();
  status: AccountSyncStatus;
  /** The next full listing is run even if the cadence has not come round (reconnect, wake…). */
  forceDiscovery = false;
  /** When the loop plans to run next (epoch ms); null while paused or halted. */
  nextRunAt: number | null = null;
  private lastDiscoveryAt: number | null = null;
  /** syncNow callers waiting for the next cycle to finish. */
  private waiters: (() => void)[] = [];

  constructor(
    readonly id: string,
    private readonly deps: AccountLoopDeps,
  ) {
    const lastSuccessAt = deps.store.settings.get<string | null>(lastSuccessKey(id), null);
    this.status = { accountId: id, state: 'idle', lastSuccessAt, message: null };
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
      this.status = { ...this.status, state: 'offline', message: HOST_OFFLINE_MESSAGE };
    }
  }

  setStatus(patch: Partial<AccountSyncStatus>): void {
    this.status = { ...this.status, ...patch };
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

  /** syncNow callers waiting for a cycle that will not come now (offline, stopped, removed). */
  releaseWaiters(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  private async cycle(discover: boolean, signal: AbortSignal): Promise<CycleResult> {
    const { deps } = this;
    deps.ensureRecovered();
    const before = this.status;
    if (discover && !deps.hostOffline()) {
      this.setStatus({ state: 'syncing', message: SYNCING_MESSAGE });
    }
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
      },
      this.id,
      { discover, signal },
    );
    if (result.discovered) this.lastDiscoveryAt = deps.now();
    switch (result.outcome) {
      case 'ok': {
        const at = new Date(deps.now()).toISOString();
        if (discover) {
          try {
            deps.store.settings.set(lastSuccessKey(this.id), at);
          } catch (error) {
            deps.report(error);
          }
        }
        this.setStatus({
          state: 'idle',
          message: result.message,
          lastSuccessAt: discover ? at : this.status.lastSuccessAt,
        });
        break;
      }
      case 'failed':
        this.setStatus({ state: 'error', message: result.message });
        break;
      case 'offline':
      case 'unauthorized':
        this.setStatus({ state: result.outcome, message: result.message });
        break;
      case 'aborted':
        this.setStatus({ state: before.state, message: before.message });
        break;
      case 'paused':
        // Online again already (a reconnect during the cycle): its rerun sets the status.
        break;
    }
    if (deps.hostOffline() && this.status.state !== 'unauthorized') {
      // Whatever this cycle managed before the host went offline, the truth now is "offline".
      this.setStatus({ state: 'offline', message: HOST_OFFLINE_MESSAGE });
    }
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

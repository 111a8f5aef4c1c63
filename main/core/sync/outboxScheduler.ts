import type { ClientProvider } from '../accounts/clientProvider';
import type { Store } from '../store';
import type { PortingClient } from '../twilio';
import type { AccountLoop } from './accountLoop';
import type { DrainResult, OutboxRunner } from './outboxRunner';
import { Coalescer } from './serial';
import { cycleStopFor } from './syncErrors';

export interface OutboxSchedulerDeps {
  store: Store;
  clients: ClientProvider;
  runner: OutboxRunner;
  now: () => number;
  accountLabel: (accountId: string) => string;
  isStarted: () => boolean;
  hostOffline: () => boolean;
  /** The engine's abort signal, for drains outside a cycle. */
  signal: () => AbortSignal;
  /** The account's loop, when the engine runs it (its status follows a drain's outcome). */
  account: (accountId: string) => AccountLoop | undefined;
  report: (error: unknown) => void;
}

const WORK_STATES = ['queued', 'reconciling', 'waiting_for_network'] as const;

/**
 * When the outbox sends: inside each cycle (first), at a kick (a local write), and at the
 * earliest retry time (a timer, since a cycle may be minutes away). Drains of one account never
 * overlap; a drain asked for mid-drain runs right after it. Interrupted sends are recovered once,
 * before the first drain.
 */
export class OutboxScheduler {
  private readonly drains = new Map<string, Coalescer<DrainResult>>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private recovered = false;

  constructor(private readonly deps: OutboxSchedulerDeps) {}

  ensureRecovered(): void {
    if (this.recovered) return;
    this.recovered = true;
    this.deps.runner.recoverInterruptedSends();
  }

  /** Drains one account's outbox with the caller's client (a cycle's, or its own). */
  drainAccount(
    accountId: string,
    client: PortingClient,
    signal: AbortSignal,
  ): Promise<DrainResult> {
    let coalescer = this.drains.get(accountId);
    if (!coalescer) {
      coalescer = new Coalescer<DrainResult>();
      this.drains.set(accountId, coalescer);
    }
    return coalescer.run(async () => {
      const result = await this.deps.runner.drain(accountId, client, signal);
      this.armTimer();
      return result;
    });
  }

  /** Drains every account with work (or one), outside a cycle; resolves when they are done. */
  async drainNow(accountId?: string): Promise<void> {
    this.ensureRecovered();
    await Promise.all(this.accountsWithWork(accountId).map((id) => this.drainOutside(id)));
  }

  /** A local write queued something (or a retry is due): send at once. Never throws. */
  kick(): void {
    try {
      this.ensureRecovered();
      if (this.deps.hostOffline()) {
        // Queued just now while offline: it waits for the network, and says so.
        this.deps.runner.holdForNetwork();
        return;
      }
      for (const accountId of this.accountsWithWork()) {
        if (this.deps.account(accountId)?.status.state === 'unauthorized') continue;
        this.drainOutside(accountId).catch(this.deps.report);
      }
    } catch (error) {
      // Called from timers and OS signals: nothing above would catch it.
      this.deps.report(error);
    }
  }

  /** Wakes the outbox when the earliest retry is due (a cycle may be minutes away). */
  armTimer(): void {
    this.clearTimer();
    if (!this.deps.isStarted() || this.deps.hostOffline()) return;
    const waiting = this.deps.store.outbox
      .list({ states: WORK_STATES })
      .map((item) => (item.nextAttemptAt === null ? null : Date.parse(item.nextAttemptAt)))
      .filter((at): at is number => at !== null && !Number.isNaN(at));
    if (waiting.length === 0) return;
    const delay = Math.max(250, Math.min(...waiting) - this.deps.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, delay);
    this.timer.unref?.();
  }

  clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Resolves when no drain is running. */
  async idle(): Promise<void> {
    await Promise.all([...this.drains.values()].map((coalescer) => coalescer.idle()));
  }

  private accountsWithWork(accountId?: string): string[] {
    const { store } = this.deps;
    const ids = accountId ? [accountId] : store.accounts.list().map((account) => account.id);
    const at = new Date(this.deps.now()).toISOString();
    return ids.filter(
      (id) => store.outbox.nextReady(at, { accountIds: [id], states: WORK_STATES }) !== null,
    );
  }

  /** A drain outside a cycle (kick, timer, drainOutbox): gets its own client. */
  private async drainOutside(accountId: string): Promise<void> {
    const { deps } = this;
    const rt = deps.account(accountId);
    if (deps.hostOffline()) {
      deps.runner.holdForNetwork(accountId);
      return;
    }
    let client: PortingClient;
    try {
      client = await deps.clients.clientFor(accountId);
    } catch (error) {
      const stop = cycleStopFor(error, deps.accountLabel(accountId));
      if (rt && stop.kind === 'unauthorized') {
        rt.apply({ kind: 'credentials_refused', message: stop.message });
      }
      return;
    }
    const result = await this.drainAccount(accountId, client, deps.signal());
    if (!rt) return;
    // The outbox's own successes and failures never move the listing's status (accountState.ts);
    // refused credentials are the account's, whoever met them. What a send learnt about the
    // network or the outage goes to the loop, whose cycle then says what is true.
    if (result.stoppedBy === 'unauthorized') {
      rt.apply({ kind: 'credentials_refused', message: result.message ?? '' });
      return;
    }
    if (deps.hostOffline() || !deps.isStarted()) return;
    if (result.stoppedBy === 'offline') {
      // No network for this send: a cycle now finds out (and says "offline"), then probes.
      rt.loop.triggerNow();
    } else if (result.stoppedBy === null && result.steps > 0) {
      if (rt.status.phase === 'offline') {
        // Twilio answered: the network is back. Sync now rather than at the next probe.
        rt.loop.resume();
      } else {
        // Twilio answered after failed cycles: the listing's backoff is cut short (recovery).
        rt.callSucceeded();
      }
    }
    if (result.refreshSids.length > 0) rt.loop.triggerNow();
  }
}

import type { ClientProvider } from '../accounts/clientProvider';
import type { Store } from '../store';
import { isTwilioError, type PortingClient } from '../twilio';

export interface ConnectivityDeps {
  store: Store;
  clients: ClientProvider;
  offlineProbeMs: number;
  isStarted: () => boolean;
  /** The engine's abort signal (stop() aborts a probe in flight). */
  signal: () => AbortSignal;
  /** Accounts the engine runs: only these are probed. */
  hasAccount: (accountId: string) => boolean;
  /** Called after the flag went to offline; then the probe is armed. */
  onWentOffline: () => void;
  /** Called after the flag went to online (the host said so, or a probe reached Twilio). */
  onBackOnline: () => void;
  log: (line: string) => void;
  report: (error: unknown) => void;
}

/**
 * The host's word on the network (`networkChanged`), corrected by a probe that reaches Twilio:
 * while the host says offline, one light call every `offlineProbeMs` (the OS can be wrong).
 */
export class ConnectivityWatch {
  private hostOffline = false;
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  private probing: Promise<void> | null = null;

  constructor(private readonly deps: ConnectivityDeps) {}

  isOffline(): boolean {
    return this.hostOffline;
  }

  networkChanged(online: boolean): void {
    if (online) this.goOnline();
    else if (!this.hostOffline) {
      this.hostOffline = true;
      this.deps.onWentOffline();
      this.armProbe();
    }
  }

  /** Resumed from sleep while offline: probe at once rather than at the next tick. */
  probeSoon(): void {
    this.clearProbe();
    this.probeNow();
  }

  armProbe(): void {
    this.clearProbe();
    if (!this.deps.isStarted() || !this.hostOffline) return;
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      this.probeNow();
    }, this.deps.offlineProbeMs);
    this.probeTimer.unref?.();
  }

  /** Stops the probe timer and waits for a probe in flight (the engine aborted its signal). */
  async stop(): Promise<void> {
    this.clearProbe();
    await this.probing;
  }

  private clearProbe(): void {
    if (this.probeTimer !== null) clearTimeout(this.probeTimer);
    this.probeTimer = null;
  }

  private goOnline(): void {
    this.hostOffline = false;
    this.clearProbe();
    this.deps.onBackOnline();
  }

  /** One light call to Twilio; a probe already in flight answers for this one too. */
  private probeNow(): void {
    if (!this.deps.isStarted() || !this.hostOffline || this.probing !== null) return;
    const run = (async () => {
      const reached = await this.probeTwilio(this.deps.signal());
      if (!this.deps.isStarted() || !this.hostOffline) return;
      if (reached === null) {
        this.armProbe();
        return;
      }
      this.deps.log(
        `The system reports no network, but Twilio answered a probe for “${reached}”: syncing again.`,
      );
      this.goOnline();
    })()
      .catch(this.deps.report)
      .finally(() => {
        this.probing = null;
      });
    this.probing = run;
  }

  /**
   * Whether Twilio can be reached: a one-row listing through one account's client (an account
   * at Twilio before a simulator on this machine, whose answer proves nothing about the
   * network). Any HTTP answer counts, even a refusal; only "no answer" does not. Resolves to the
   * label of the account that answered, or null.
   */
  private async probeTwilio(signal: AbortSignal): Promise<string | null> {
    const candidates = this.deps.store.accounts
      .list()
      .filter((account) => this.deps.hasAccount(account.id))
      .sort((a, b) => Number(a.kind !== 'twilio') - Number(b.kind !== 'twilio'));
    for (const account of candidates) {
      let client: PortingClient;
      try {
        client = await this.deps.clients.clientFor(account.id);
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
  }
}

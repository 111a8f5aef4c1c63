import { startSimulator, type RunningSimulator } from '../../simulator';
import type { Account, Store } from '../store';
import type { Vault } from '../vault';
import type { AccountEndpoints } from './clientProvider';

/** Demo mode's clock: ten simulated minutes per real second, so a port completes in minutes. */
export const DEMO_ACCELERATION = 600;
/** A fixed seed: the demo data set (and its SIDs) is the same at every launch. */
export const DEMO_SEED = 'portdesk-demo';
export const DEMO_ACCOUNT_LABEL = 'Demo (built-in simulator)';

/**
 * The built-in simulator behind demo mode. It runs in-process on 127.0.0.1 and is started on
 * first use; its account is an ordinary account of kind `simulator` whose secret sits in the
 * keychain like any other, so the rest of the app cannot tell it from Twilio.
 *
 * The simulator keeps its state in memory: the seeded data comes back identical at every launch,
 * but requests created during a demo session are gone after a restart (docs/demo-mode.md).
 */
export class DemoMode {
  private running: Promise<RunningSimulator> | null = null;

  constructor(
    private readonly deps: {
      store: Store;
      vault: Vault;
      accelerate?: number;
      log?: (line: string) => void;
    },
  ) {}

  /** The simulator account, creating it (and starting the simulator) on first use. */
  async ensureAccount(): Promise<Account> {
    const existing = this.deps.store.accounts
      .list()
      .find((account) => account.kind === 'simulator');
    if (existing) {
      await this.ensureRunning(existing);
      return existing;
    }
    const simulator = await this.ensureRunning(null);
    const { credentials } = simulator;
    const account = this.deps.store.accounts.insert({
      label: DEMO_ACCOUNT_LABEL,
      accountSid: credentials.accountSid,
      keySid: credentials.apiKeySid,
      credentialKind: 'api_key',
      kind: 'simulator',
      baseUrl: simulator.url,
      uploadBaseUrl: simulator.uploadUrl,
    });
    try {
      await this.deps.vault.saveSecret(account.id, credentials.apiKeySecret);
    } catch (error) {
      // Without its secret the account is useless: leave nothing half-made behind.
      this.deps.store.accounts.remove(account.id);
      throw error;
    }
    return account;
  }

  /** Where a simulator account's API is in this launch; null for Twilio accounts. */
  async endpointsFor(account: Account): Promise<AccountEndpoints | null> {
    if (account.kind !== 'simulator') return null;
    const simulator = await this.ensureRunning(account);
    return { baseUrl: simulator.url, uploadBaseUrl: simulator.uploadUrl };
  }

  /** The running simulator's origin, so the LOA page it serves may be opened in demo mode. */
  async simulatorOrigin(): Promise<string | null> {
    if (!this.running) return null;
    return new URL((await this.running).url).origin;
  }

  async close(): Promise<void> {
    const running = this.running;
    this.running = null;
    if (running) await (await running.catch(() => null))?.close();
  }

  private ensureRunning(account: Account | null): Promise<RunningSimulator> {
    if (!this.running) {
      this.running = this.start(account);
      this.running.catch(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async start(account: Account | null): Promise<RunningSimulator> {
    // A relaunch reuses the stored credentials so the account keeps working.
    const secret = account ? await this.deps.vault.readSecret(account.id) : null;
    return startSimulator({
      demo: true,
      seed: DEMO_SEED,
      accelerate: this.deps.accelerate ?? DEMO_ACCELERATION,
      ...(account && secret
        ? {
            credentials: {
              accountSid: account.accountSid,
              apiKeySid: account.keySid ?? undefined,
              apiKeySecret: secret.reveal(),
            },
          }
        : {}),
      ...(this.deps.log ? { log: this.deps.log } : {}),
    });
  }
}

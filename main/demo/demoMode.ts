import { join } from 'node:path';
import {
  keepSnapshotSaved,
  readSnapshotFile,
  setSnapshotAside,
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
  type SimulatorSnapshot,
  type SnapshotSaver,
} from '../simulator';
import type { AccountEndpoints } from '../core/accounts/clientProvider';
import type { DemoProvider } from '../core/accounts/demoProvider';
import type { Logger } from '../core/log/logger';
import type { Account, Store } from '../core/store';
import { Secret, type Vault } from '../core/vault';
import {
  DEMO_CREDENTIALS_FILE,
  freshDemoSecret,
  readDemoCredentials,
  writeDemoCredentials,
  type DemoCredentials,
} from './demoCredentials';

/** Demo mode's clock: ten simulated minutes per real second, so a port completes in minutes. */
export const DEMO_ACCELERATION = 600;
/** A fixed seed: the demo data set (and its SIDs) is the same at every launch. */
export const DEMO_SEED = 'portdesk-demo';
export const DEMO_ACCOUNT_LABEL = 'Demo (built-in simulator)';
/** The demo world between launches, in the data folder (docs/demo-mode.md). */
export const DEMO_SNAPSHOT_FILE = 'demo-simulator.json';

interface DemoSession {
  simulator: RunningSimulator;
  /** Null when there is no data folder to save into (the world then lives for one launch). */
  saver: SnapshotSaver | null;
}

/**
 * The built-in simulator behind demo mode. It runs in-process on 127.0.0.1 and is started on
 * first use; its account is an ordinary account of kind `simulator`, so the rest of the app
 * cannot tell it from Twilio — except that its credentials are kept with the demo world in
 * `<dataDir>/demo-credentials.json` (0600), never in the OS keychain, so demo mode works on a
 * machine that has none.
 *
 * The demo world persists: the simulator's snapshot is saved in `<dataDir>/demo-simulator.json`
 * while it changes and on close, and the next launch continues it, its clock resuming where it
 * stopped (docs/demo-mode.md).
 */
export class DemoMode implements DemoProvider {
  private running: Promise<DemoSession> | null = null;

  constructor(
    private readonly deps: {
      store: Store;
      vault: Vault;
      /** Where the demo world and its credentials are kept; without it, they last one launch. */
      dataDir?: string;
      accelerate?: number;
      /** The simulator's per-call lines. */
      log?: (line: string) => void;
      /** Where problems with the saved world go (one warning each). */
      logger: Logger;
      /** Test seam: how often the world is saved while it changes. */
      saveIntervalMs?: number;
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
    const { simulator } = await this.ensureRunning(null);
    const { credentials } = simulator;
    // The credentials first: an account whose credentials were not kept would only fail later.
    await this.keepCredentials({
      accountSid: credentials.accountSid,
      apiKeySid: credentials.apiKeySid,
      apiKeySecret: credentials.apiKeySecret,
    });
    const account = this.deps.store.accounts.insert({
      label: DEMO_ACCOUNT_LABEL,
      accountSid: credentials.accountSid,
      keySid: credentials.apiKeySid,
      credentialKind: 'api_key',
      kind: 'simulator',
      baseUrl: simulator.url,
      uploadBaseUrl: simulator.uploadUrl,
    });
    return account;
  }

  /** The demo account's secret, from the running simulator (started if need be). */
  async secretFor(account: Account): Promise<Secret | null> {
    if (account.kind !== 'simulator') return null;
    const { simulator } = await this.ensureRunning(account);
    return Secret.from(simulator.credentials.apiKeySecret);
  }

  /** Where a simulator account's API is in this launch; null for Twilio accounts. */
  async endpointsFor(account: Account): Promise<AccountEndpoints | null> {
    if (account.kind !== 'simulator') return null;
    const { simulator } = await this.ensureRunning(account);
    return { baseUrl: simulator.url, uploadBaseUrl: simulator.uploadUrl };
  }

  /** The running simulator's origin, so the LOA page it serves may be opened in demo mode. */
  async simulatorOrigin(): Promise<string | null> {
    if (!this.running) return null;
    return new URL((await this.running).simulator.url).origin;
  }

  /** Stops the simulator, then saves its world one last time (the clock stops with it). */
  async close(): Promise<void> {
    const running = this.running;
    this.running = null;
    const session = running ? await running.catch(() => null) : null;
    if (!session) return;
    await session.simulator.close();
    await session.saver?.close();
  }

  private ensureRunning(account: Account | null): Promise<DemoSession> {
    if (!this.running) {
      this.running = this.start(account);
      this.running.catch(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async start(account: Account | null): Promise<DemoSession> {
    // A relaunch reuses the account's credentials so it keeps working.
    const credentials = account ? await this.credentialsOf(account) : null;
    const file = this.deps.dataDir ? join(this.deps.dataDir, DEMO_SNAPSHOT_FILE) : null;
    const restore = file ? await this.savedWorld(file, account) : null;
    const simulator = await startOnEarlierPorts(account, {
      demo: true,
      seed: DEMO_SEED,
      accelerate: this.deps.accelerate ?? DEMO_ACCELERATION,
      ...(credentials
        ? {
            credentials: {
              accountSid: credentials.accountSid,
              apiKeySecret: credentials.apiKeySecret,
              ...(credentials.apiKeySid ? { apiKeySid: credentials.apiKeySid } : {}),
            },
          }
        : {}),
      ...(restore ? { restore } : {}),
      ...(this.deps.log ? { log: this.deps.log } : {}),
    });
    const saver = file
      ? keepSnapshotSaved(simulator, {
          file,
          log: this.warn,
          ...(this.deps.saveIntervalMs ? { intervalMs: this.deps.saveIntervalMs } : {}),
        })
      : null;
    return { simulator, saver };
  }

  /**
   * An existing demo account's credentials: from the file; else from the keychain where an
   * earlier version kept them (if it answers); else the account's own SIDs with a fresh secret —
   * it only opens our own simulator. Whatever was found is written to the file for next time.
   */
  private async credentialsOf(account: Account): Promise<DemoCredentials> {
    const file = this.credentialsFile();
    const kept = file ? await readDemoCredentials(file) : null;
    if (kept && kept.accountSid === account.accountSid) return kept;
    const legacy = await this.deps.vault.readSecret(account.id).catch(() => null);
    // A demo account is always an API-key account (DemoMode creates it so).
    const credentials: DemoCredentials = {
      accountSid: account.accountSid,
      apiKeySid: account.keySid ?? '',
      apiKeySecret: legacy?.reveal() ?? freshDemoSecret(),
    };
    await this.keepCredentials(credentials).catch((error: unknown) =>
      this.warn(`could not keep the demo credentials: ${String(error)}`),
    );
    return credentials;
  }

  private async keepCredentials(credentials: DemoCredentials): Promise<void> {
    const file = this.credentialsFile();
    if (file) await writeDemoCredentials(file, credentials);
  }

  private credentialsFile(): string | null {
    return this.deps.dataDir ? join(this.deps.dataDir, DEMO_CREDENTIALS_FILE) : null;
  }

  /** The world saved by an earlier launch, if there is one this account can continue. */
  private async savedWorld(
    file: string,
    account: Account | null,
  ): Promise<SimulatorSnapshot | null> {
    const snapshot = await readSnapshotFile(file, this.warn);
    if (snapshot && account && snapshot.credentials.accountSid !== account.accountSid) {
      // Its requests would answer "not found" to this account: keep the file, start afresh.
      await setSnapshotAside(file, 'it belongs to another simulator account', this.warn);
      return null;
    }
    return snapshot;
  }

  private readonly warn = (line: string): void => {
    this.deps.logger.warn(`demo: ${line}`);
  };
}

/**
 * Listens where the account's simulator listened at the last launch when those ports are free,
 * so the LOA links stored in the database still lead to it; anywhere otherwise (the simulator's
 * copies of the links follow its new origin, the stored ones are refreshed as sync fetches).
 */
async function startOnEarlierPorts(
  account: Account | null,
  options: SimulatorOptions,
): Promise<RunningSimulator> {
  const port = account ? loopbackPort(account.baseUrl) : null;
  const uploadPort = account ? loopbackPort(account.uploadBaseUrl) : null;
  if (port !== null && uploadPort !== null) {
    try {
      return await startSimulator({ ...options, port, uploadPort });
    } catch {
      // Taken by something else since: any free port will do.
    }
  }
  return startSimulator(options);
}

function loopbackPort(url: string): number | null {
  try {
    const parsed = new URL(url);
    const port = Number(parsed.port);
    return parsed.hostname === '127.0.0.1' && Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

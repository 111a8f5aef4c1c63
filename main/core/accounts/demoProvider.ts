import type { Logger } from '../log/logger';
import type { Account, Store } from '../store';
import type { Secret, Vault } from '../vault';
import type { AccountEndpoints } from './clientProvider';

/**
 * What the core needs from demo mode, without knowing it is a simulator: the demo account, where
 * a demo account's API is in this launch, and the origin whose LOA page may be opened. The
 * implementation lives in main/demo (it composes the simulator and the core from outside), so
 * the product core never carries a test server (docs/architecture-decisions.md).
 */
export interface DemoProvider {
  /** The demo account, creating it (and starting whatever serves it) on first use. */
  ensureAccount(): Promise<Account>;
  /** Where a demo account's API is in this launch; null for Twilio accounts. */
  endpointsFor(account: Account): Promise<AccountEndpoints | null>;
  /**
   * A demo account's secret. Demo credentials are not secrets (they open a simulator on
   * 127.0.0.1), so they live with the demo world in the data folder, never in the OS keychain:
   * demo mode works on a machine without one. Null for Twilio accounts.
   */
  secretFor(account: Account): Promise<Secret | null>;
  /** The running demo server's origin, so its own LOA page may be opened; null when not running. */
  simulatorOrigin(): Promise<string | null>;
  close(): Promise<void>;
}

/** The core's parts a demo provider is built from (it needs the core's store and vault). */
export interface DemoProviderDeps {
  store: Store;
  vault: Vault;
  dataDir: string;
  logger: Logger;
}

export type DemoProviderFactory = (deps: DemoProviderDeps) => DemoProvider;

/** The core without demo mode (a host that did not compose it in): no demo, said in words. */
export class DemoUnavailableError extends Error {
  constructor() {
    super('The built-in simulator is not part of this build of PortDesk.');
    this.name = 'DemoUnavailableError';
  }
}

export const NO_DEMO: DemoProvider = {
  ensureAccount: () => Promise.reject(new DemoUnavailableError()),
  endpointsFor: async () => null,
  secretFor: async () => null,
  simulatorOrigin: async () => null,
  close: async () => undefined,
};

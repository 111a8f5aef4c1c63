/**
 * Runs the vault in a child process whose D-Bus environment the parent test chose, and prints one
 * JSON line describing what each operation did. A child is needed because the native module keeps
 * its first D-Bus connection for the life of the process: changing DBUS_SESSION_BUS_ADDRESS in
 * the test process itself has no effect once any test has reached the keyring.
 */
import { inspect } from 'node:util';
import { createVault, KeychainError, KeychainUnavailableError } from '../../../main/core/vault';

export interface ChildOutcome {
  ok: boolean;
  value?: unknown;
  name?: string;
  message?: string;
  reason?: string;
  isKeychainError?: boolean;
  isUnavailable?: boolean;
  /** Everything an error printer could show: message, stack, own properties. */
  printed?: string;
}

export interface ChildReport {
  save: ChildOutcome;
  read: ChildOutcome;
  delete: ChildOutcome;
  probe: ChildOutcome;
}

async function outcome(run: () => Promise<unknown>): Promise<ChildOutcome> {
  try {
    const value = await run();
    return { ok: true, value: value == null ? null : String(value) };
  } catch (error) {
    return {
      ok: false,
      name: error instanceof Error ? error.name : typeof error,
      message: error instanceof Error ? error.message : String(error),
      reason: error instanceof KeychainUnavailableError ? error.reason : undefined,
      isKeychainError: error instanceof KeychainError,
      isUnavailable: error instanceof KeychainUnavailableError,
      printed: `${inspect(error, { depth: 10 })}\n${JSON.stringify(error)}`,
    };
  }
}

const service = process.env.PORTDESK_TEST_SERVICE ?? '';
const secret = process.env.PORTDESK_TEST_SECRET ?? '';
const vault = createVault({ service });

const report: ChildReport = {
  save: await outcome(() => vault.saveSecret('account-1', secret)),
  read: await outcome(() => vault.readSecret('account-1')),
  delete: await outcome(() => vault.deleteSecret('account-1')),
  probe: await outcome(() => vault.probe().then((probe) => JSON.stringify(probe))),
};
process.stdout.write(`${JSON.stringify(report)}\n`);

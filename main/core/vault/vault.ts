import { randomUUID } from 'node:crypto';
import { createNapiKeyringBackend, type KeychainBackend } from './keychainBackend';
import { toKeychainError, type KeychainOperation } from './keychainErrors';
import { Secret } from './secret';

export const DEFAULT_KEYCHAIN_SERVICE = 'PortDesk';

export type KeychainProbe = { available: true } | { available: false; reason: string };

export interface Vault {
  readonly service: string;
  /** Creates or overwrites (rotates) the secret stored for the account. */
  saveSecret(accountKey: string, secret: Secret | string): Promise<void>;
  /** null when nothing is stored for the account. */
  readSecret(accountKey: string): Promise<Secret | null>;
  /** true when a secret was deleted, false when there was none. */
  deleteSecret(accountKey: string): Promise<boolean>;
  /** Writes, reads back and deletes a throwaway item: a locked keyring passes reads but not this. */
  probe(): Promise<KeychainProbe>;
}

export interface VaultOptions {
  /** The keychain's service name; tests pass a unique one per run. */
  service?: string;
  backend?: KeychainBackend;
  /** Chooses the wording of "no keychain" errors; defaults to this machine's platform. */
  platform?: NodeJS.Platform;
}

function checkName(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new TypeError(`${field} must be a non-empty string`);
  }
  return value;
}

function secretText(secret: Secret | string): string {
  // Never echo the value: a wrong type or an empty string is all the message says.
  if (secret instanceof Secret) return secret.reveal();
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new TypeError('secret must be a non-empty string or a Secret');
  }
  return secret;
}

/**
 * Twilio API key secrets in the OS keychain, one item per PortDesk account: service "PortDesk",
 * keychain account = the local account id (see docs/vault.md for why not the key SID).
 * Every failure is a KeychainError without the secret in it; there is no fallback store.
 */
export function createVault(options: VaultOptions = {}): Vault {
  const service = checkName(options.service ?? DEFAULT_KEYCHAIN_SERVICE, 'service');
  const backend = options.backend ?? createNapiKeyringBackend();
  const platform = options.platform ?? process.platform;

  async function call<T>(
    operation: KeychainOperation,
    accountKey: string | null,
    run: () => Promise<T>,
    secret?: string,
  ): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toKeychainError(error, { operation, service, accountKey }, platform, secret);
    }
  }

  return {
    service,

    async saveSecret(accountKey, secret) {
      const account = checkName(accountKey, 'accountKey');
      const text = secretText(secret);
      await call('save', account, () => backend.setPassword(service, account, text), text);
    },

    async readSecret(accountKey) {
      const account = checkName(accountKey, 'accountKey');
      const text = await call('read', account, () => backend.getPassword(service, account));
      return text ? Secret.from(text) : null;
    },

    async deleteSecret(accountKey) {
      const account = checkName(accountKey, 'accountKey');
      return call('delete', account, () => backend.deletePassword(service, account));
    },

    async probe() {
      const account = `portdesk-probe-${randomUUID()}`;
      const token = randomUUID();
      try {
        await call('probe', null, () => backend.setPassword(service, account, token));
        const readBack = await call('probe', null, () => backend.getPassword(service, account));
        await call('probe', null, () => backend.deletePassword(service, account));
        return readBack === token
          ? { available: true }
          : {
              available: false,
              reason:
                'The system keychain accepted a test item but returned something else when asked ' +
                'for it, so PortDesk cannot trust it with credentials.',
            };
      } catch (error) {
        await backend.deletePassword(service, account).catch(() => false);
        return { available: false, reason: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

import { AsyncEntry, findCredentialsAsync } from '@napi-rs/keyring';

/**
 * keytar's API, which the vault is written against. keytar itself was archived in Dec 2022 and
 * builds from source; `@napi-rs/keyring` ships prebuilt binaries with the same surface.
 */
export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  /** true when a credential was deleted, false when there was none. */
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials?(service: string): Promise<{ account: string; password: string }[]>;
}

/*
 * Pinning the Linux store: without it @napi-rs/keyring falls back to the kernel keyring when no
 * Secret Service answers, and the kernel keyring forgets everything at reboot — the agent would
 * lose their credentials silently. Pinned, a missing Secret Service is an error we can explain.
 * The option is ignored on macOS and Windows, which have one keychain each.
 */
const PINNED = { linux: { store: 'secret-service' } } as const;

/**
 * The default backend: @napi-rs/keyring's AsyncEntry with the Linux store pinned to the Secret
 * Service. Entries are built per call because the constructor itself can throw when the store
 * is missing, and the caller wraps each call.
 */
export function createNapiKeyringBackend(): KeychainBackend {
  return {
    getPassword: async (service, account) => new AsyncEntry(service, account, PINNED).getPassword(),
    setPassword: async (service, account, password) =>
      new AsyncEntry(service, account, PINNED).setPassword(password),
    deletePassword: async (service, account) =>
      new AsyncEntry(service, account, PINNED).deletePassword(),
    // findCredentialsAsync takes no store option; on Linux it talks to the Secret Service over
    // D-Bus directly and fails (rather than falling back) when there is none.
    findCredentials: async (service) => findCredentialsAsync(service),
  };
}

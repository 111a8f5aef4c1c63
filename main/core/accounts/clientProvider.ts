import { PortingClient, type PortingClientOptions } from '../twilio';
import type { Account, Store } from '../store';
import type { Vault } from '../vault';

/** Where an account's API lives right now (a simulator account's port changes per launch). */
export interface AccountEndpoints {
  baseUrl: string;
  uploadBaseUrl: string;
}

export class MissingCredentialsError extends Error {
  readonly accountId: string;
  constructor(account: Pick<Account, 'id' | 'label'>) {
    super(
      `The secret for “${account.label}” is not in the system keychain any more. Open Accounts and enter it again (Rotate secret).`,
    );
    this.name = 'MissingCredentialsError';
    this.accountId = account.id;
  }
}

export class UnknownAccountError extends Error {
  constructor(accountId: string) {
    super(`There is no account with id ${accountId}.`);
    this.name = 'UnknownAccountError';
  }
}

/**
 * One keep-alive PortingClient per account, built from the account row (no secret) and its
 * keychain entry. The secret lives only inside the client; `invalidate` drops the client after
 * a rotation or removal so the next call reads the keychain again.
 */
export interface ClientProvider {
  clientFor(accountId: string): Promise<PortingClient>;
  invalidate(accountId: string): Promise<void>;
  closeAll(): Promise<void>;
}

export interface ClientProviderOptions {
  store: Store;
  vault: Vault;
  /** Overrides the stored URLs, e.g. for the demo simulator, which listens on a new port each launch. */
  endpointsFor?: (account: Account) => Promise<AccountEndpoints | null>;
  clientOptions?: Partial<
    Omit<PortingClientOptions, 'credentials' | 'accountSid' | 'baseUrl' | 'uploadBaseUrl'>
  >;
}

export function createClientProvider(options: ClientProviderOptions): ClientProvider {
  const clients = new Map<string, Promise<PortingClient>>();

  async function build(accountId: string): Promise<PortingClient> {
    const account = options.store.accounts.get(accountId);
    if (!account) throw new UnknownAccountError(accountId);
    const secret = await options.vault.readSecret(account.id);
    if (!secret) throw new MissingCredentialsError(account);
    const endpoints = (await options.endpointsFor?.(account)) ?? {
      baseUrl: account.baseUrl,
      uploadBaseUrl: account.uploadBaseUrl,
    };
    return new PortingClient({
      ...options.clientOptions,
      credentials: { username: account.keySid ?? account.accountSid, password: secret.reveal() },
      accountSid: account.accountSid,
      baseUrl: endpoints.baseUrl,
      uploadBaseUrl: endpoints.uploadBaseUrl,
    });
  }

  return {
    clientFor(accountId) {
      let client = clients.get(accountId);
      if (!client) {
        client = build(accountId);
        clients.set(accountId, client);
        // A failed build is not cached: the next call tries the keychain again.
        client.catch(() => clients.delete(accountId));
      }
      return client;
    },
    async invalidate(accountId) {
      const client = clients.get(accountId);
      clients.delete(accountId);
      await client?.then((c) => c.close()).catch(() => undefined);
    },
    async closeAll() {
      const all = [...clients.keys()];
      await Promise.all(all.map((id) => this.invalidate(id)));
    },
  };
}

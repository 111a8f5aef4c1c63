import { PortingClient, type PortingClientOptions } from '../twilio';
import type { Account, Store } from '../store';
import type { Secret, Vault } from '../vault';

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

/**
 * Each account's server clock as its answers' `Date` headers tell it (docs/twilio-client.md,
 * "The server's clock"). Date rules ("at least 7 days ahead") use it: Twilio judges by its clock.
 */
export interface AccountClocks {
  /** The account's server clock minus ours in ms (whole seconds); 0 until an answer told it. */
  clockOffsetMs(accountId: string): number;
}

/** A change in an account's clock offset smaller than this is not worth a refresh. */
export const MATERIAL_CLOCK_CHANGE_MS = 60_000;
/** At most one refresh per account this often: the demo's clock moves a minute every 0.1 s. */
export const CLOCK_ANNOUNCE_GAP_MS = 2_000;

export interface ClientProviderOptions {
  store: Store;
  vault: Vault;
  /** Overrides the stored URLs, e.g. for the demo simulator, which listens on a new port each launch. */
  endpointsFor?: (account: Account) => Promise<AccountEndpoints | null>;
  /** A demo (simulator) account's secret, kept by demo mode instead of the keychain. */
  demoSecretFor?: (account: Account) => Promise<Secret | null>;
  clientOptions?: Partial<
    Omit<
      PortingClientOptions,
      'credentials' | 'accountSid' | 'baseUrl' | 'uploadBaseUrl' | 'onServerClock'
    >
  >;
  /**
   * An account's clock offset moved by more than MATERIAL_CLOCK_CHANGE_MS from the last one
   * announced (from 0 at first), at most once per CLOCK_ANNOUNCE_GAP_MS: views that carry it
   * are stale.
   */
  onClockOffsetChanged?: (accountId: string, offsetMs: number) => void;
  /** Test seam for the announcement gap. Default Date.now. */
  now?: () => number;
}

export function createClientProvider(
  options: ClientProviderOptions,
): ClientProvider & AccountClocks {
  const clients = new Map<string, Promise<PortingClient>>();
  // Kept across a rebuilt client (a rotated secret): the server's clock is the same.
  const offsets = new Map<string, number>();
  const announced = new Map<string, { offsetMs: number; at: number }>();
  const now = options.now ?? Date.now;

  function learnOffset(accountId: string, offsetMs: number): void {
    offsets.set(accountId, offsetMs);
    const last = announced.get(accountId);
    if (Math.abs(offsetMs - (last?.offsetMs ?? 0)) <= MATERIAL_CLOCK_CHANGE_MS) return;
    const at = now();
    // Within the gap the change waits for the next answer: a sync keeps answering.
    if (last && at - last.at < CLOCK_ANNOUNCE_GAP_MS) return;
    announced.set(accountId, { offsetMs, at });
    options.onClockOffsetChanged?.(accountId, offsetMs);
  }

  async function build(accountId: string): Promise<PortingClient> {
    const account = options.store.accounts.get(accountId);
    if (!account) throw new UnknownAccountError(accountId);
    // Demo accounts never touch the keychain, so demo mode runs where there is none.
    const secret =
      account.kind === 'simulator'
        ? ((await options.demoSecretFor?.(account)) ?? null)
        : await options.vault.readSecret(account.id);
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
      onServerClock: (offsetMs) => learnOffset(accountId, offsetMs),
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
    clockOffsetMs(accountId) {
      return offsets.get(accountId) ?? 0;
    },
    async closeAll() {
      const all = [...clients.keys()];
      await Promise.all(all.map((id) => this.invalidate(id)));
    },
  };
}

import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { IpcCommandError, type CredentialInput, type PayloadOf } from '../../../shared/ipc';
import type { AccountRemovalPreview, AccountView } from '../../../shared/views';
import type { Account, Store } from '../store';
import type { Vault } from '../vault';
import { toAccountView } from './accountViews';
import type { AccountClocks, ClientProvider } from './clientProvider';
import { checkCredentials, secretOf } from './credentialCheck';

export const TWILIO_BASE_URL = 'https://numbers.twilio.com';
export const TWILIO_UPLOAD_BASE_URL = 'https://numbers-upload.twilio.com';
/** A removal confirmation is good for this long after the preview. */
const CONFIRMATION_TTL_MS = 10 * 60_000;

export interface AccountServiceDeps {
  store: Store;
  vault: Vault;
  /** With AccountClocks, views carry each account's clock offset (0 without). */
  clients: ClientProvider & Partial<AccountClocks>;
  now: () => number;
  /** Sync starts or stops an account's loop. */
  onAccountAdded: (accountId: string) => void;
  onAccountRemoved: (accountId: string) => Promise<void> | void;
  /** Resumes an account halted by a refused secret. */
  onCredentialsChanged: (accountId: string) => void;
  /** Test seam: where a Twilio account's API lives. */
  endpoints?: { baseUrl: string; uploadBaseUrl: string };
  /** Test seam: the credential check (one cheap authenticated call). */
  checkCredentials?: typeof checkCredentials;
}

/**
 * Accounts the agent works with. A secret is typed once, tested against Twilio before anything
 * is stored, kept only in the OS keychain, and never comes back out through IPC.
 */
export class AccountService {
  private readonly confirmations = new Map<string, { token: string; expiresAt: number }>();

  constructor(private readonly deps: AccountServiceDeps) {}

  list(): AccountView[] {
    return this.deps.store.accounts.list().map((account) => this.view(account));
  }

  async add(input: PayloadOf<'addAccount'>): Promise<AccountView> {
    const endpoints = this.endpoints();
    this.refuseDuplicate(input.accountSid, endpoints.baseUrl);
    await this.check(input.accountSid, input.credential, endpoints);
    const account = this.deps.store.accounts.insert({
      label: input.label,
      accountSid: input.accountSid,
      keySid: input.credential.kind === 'api_key' ? input.credential.keySid : null,
      credentialKind: input.credential.kind,
      kind: 'twilio',
      baseUrl: endpoints.baseUrl,
      uploadBaseUrl: endpoints.uploadBaseUrl,
    });
    try {
      await this.deps.vault.saveSecret(account.id, secretOf(input.credential));
    } catch (error) {
      // No keychain, no account: a row without its secret would only fail later.
      this.deps.store.accounts.remove(account.id);
      throw error;
    }
    this.deps.onAccountAdded(account.id);
    return this.view(account);
  }

  rename(input: PayloadOf<'renameAccount'>): AccountView {
    return this.view(this.deps.store.accounts.rename(input.accountId, input.label));
  }

  async rotateSecret(input: PayloadOf<'rotateAccountSecret'>): Promise<AccountView> {
    const account = this.require(input.accountId);
    if (account.kind === 'simulator') {
      throw new IpcCommandError(
        'conflict',
        'The demo account’s credentials belong to the built-in simulator and cannot be changed.',
      );
    }
    await this.check(account.accountSid, input.credential, account);
    // The keychain first: if it refuses, the old secret and the stored key SID stay as they were.
    await this.deps.vault.saveSecret(account.id, secretOf(input.credential));
    const updated = this.deps.store.accounts.updateCredential(account.id, {
      credentialKind: input.credential.kind,
      keySid: input.credential.kind === 'api_key' ? input.credential.keySid : null,
    });
    await this.deps.clients.invalidate(account.id);
    this.deps.onCredentialsChanged(account.id);
    return this.view(updated);
  }

  prepareRemove(input: PayloadOf<'prepareRemoveAccount'>): AccountRemovalPreview {
    const account = this.require(input.accountId);
    const usage = this.deps.store.accounts.usage(account.id);
    const token = randomBytes(16).toString('hex');
    this.confirmations.set(account.id, { token, expiresAt: this.deps.now() + CONFIRMATION_TTL_MS });
    return {
      accountId: account.id,
      label: account.label,
      confirmationToken: token,
      requestCount: usage?.requests ?? 0,
      draftCount: usage?.drafts ?? 0,
      pendingOutboxCount: usage?.pendingOutbox ?? 0,
    };
  }

  /** Deletes the keychain entry, then the account's local data and bill files. */
  async remove(input: PayloadOf<'removeAccount'>): Promise<{ removed: true }> {
    const account = this.require(input.accountId);
    const confirmation = this.confirmations.get(account.id);
    if (
      !confirmation ||
      confirmation.token !== input.confirmationToken ||
      confirmation.expiresAt < this.deps.now()
    ) {
      throw new IpcCommandError(
        'conflict',
        'This removal was not confirmed, or the confirmation is older than 10 minutes. Ask to remove the account again.',
        [{ field: 'confirmationToken', message: 'Confirm the removal again' }],
      );
    }
    this.confirmations.delete(account.id);
    await this.deps.onAccountRemoved(account.id);
    await this.deps.clients.invalidate(account.id);
    if (account.kind === 'simulator') {
      // Demo credentials live with the demo world; only an older version put them in the
      // keychain, which may not even exist here: tidy that up if it can, never fail on it.
      await this.deps.vault.deleteSecret(account.id).catch(() => false);
    } else {
      await this.deps.vault.deleteSecret(account.id);
    }
    const billPaths = this.deps.store.documents.list(account.id).map((doc) => doc.localPath);
    this.deps.store.accounts.remove(account.id);
    // Bills are content-addressed: keep a file another account still uses.
    const stillUsed = new Set(
      this.deps.store.accounts
        .list()
        .flatMap((other) => this.deps.store.documents.list(other.id).map((doc) => doc.localPath)),
    );
    await Promise.all(
      billPaths.filter((path) => !stillUsed.has(path)).map((path) => rm(path, { force: true })),
    );
    return { removed: true };
  }

  private view(account: Account): AccountView {
    return toAccountView(account, this.deps.clients.clockOffsetMs?.(account.id) ?? 0);
  }

  private endpoints(): { baseUrl: string; uploadBaseUrl: string } {
    return (
      this.deps.endpoints ?? { baseUrl: TWILIO_BASE_URL, uploadBaseUrl: TWILIO_UPLOAD_BASE_URL }
    );
  }

  private async check(
    accountSid: string,
    credential: CredentialInput,
    endpoints: { baseUrl: string; uploadBaseUrl: string },
  ): Promise<void> {
    await (this.deps.checkCredentials ?? checkCredentials)({
      accountSid,
      credential,
      ...endpoints,
    });
  }

  private refuseDuplicate(accountSid: string, baseUrl: string): void {
    const existing = this.deps.store.accounts
      .list()
      .find((account) => account.accountSid === accountSid && account.baseUrl === baseUrl);
    if (existing) {
      throw new IpcCommandError(
        'conflict',
        `This Twilio account is already in PortDesk as “${existing.label}”.`,
        [{ field: 'accountSid', message: `Already added as “${existing.label}”` }],
      );
    }
  }

  private require(accountId: string): Account {
    const account = this.deps.store.accounts.get(accountId);
    if (!account)
      throw new IpcCommandError('not_found', 'That account is not in PortDesk any more.');
    return account;
  }
}

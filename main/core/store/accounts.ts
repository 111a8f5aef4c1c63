import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { StoreError, notFound } from './errors';
import { nowInstant, toInstant } from './time';
import { parseInput } from './validation';
import { TWILIO_SID_PATTERNS } from '../../../shared/domain/identifiers';

export type AccountKind = 'twilio' | 'simulator';
export type CredentialKind = 'api_key' | 'auth_token';

/** A Twilio (or simulator) account the agent works with. Its secret is in the OS keychain only. */
export interface Account {
  /** Random UUID, also the keychain entry's name: never reused, even after the file is deleted. */
  id: string;
  label: string;
  accountSid: string;
  /** SK… of the API key when credentialKind is 'api_key'; null for an auth token. */
  keySid: string | null;
  credentialKind: CredentialKind;
  kind: AccountKind;
  baseUrl: string;
  uploadBaseUrl: string;
  createdAt: string;
}

export interface AccountUsage {
  requests: number;
  drafts: number;
  /** Outbox items not done yet: they would never be sent. */
  pendingOutbox: number;
}

export interface NewAccount {
  label: string;
  accountSid: string;
  keySid?: string | null;
  credentialKind: CredentialKind;
  kind: AccountKind;
  baseUrl: string;
  uploadBaseUrl: string;
  /** Defaults to a new random UUID. */
  id?: string;
  createdAt?: string;
}

const label = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');
const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .transform((value) => value.replace(/\/+$/, ''));

const keySid = z
  .string()
  .regex(TWILIO_SID_PATTERNS.SK, 'must be SK followed by 32 hex digits')
  .nullish();

function checkCredential(
  input: { credentialKind: CredentialKind; keySid?: string | null | undefined },
  context: z.RefinementCtx,
): void {
  if (input.credentialKind === 'api_key' && !input.keySid) {
    context.addIssue({ code: 'custom', path: ['keySid'], message: 'is required for an API key' });
  }
  if (input.credentialKind === 'auth_token' && input.keySid) {
    context.addIssue({
      code: 'custom',
      path: ['keySid'],
      message: 'must be empty when the credential is an auth token',
    });
  }
}

const credentialSchema = z
  .object({ credentialKind: z.enum(['api_key', 'auth_token']), keySid })
  .superRefine(checkCredential);

const newAccountSchema = z
  .object({
    id: z.string().min(1).optional(),
    label,
    accountSid: z.string().regex(TWILIO_SID_PATTERNS.AC, 'must be AC followed by 32 hex digits'),
    keySid,
    credentialKind: z.enum(['api_key', 'auth_token']),
    kind: z.enum(['twilio', 'simulator']),
    baseUrl: httpUrl,
    uploadBaseUrl: httpUrl,
    createdAt: z.string().optional(),
  })
  .superRefine(checkCredential);

interface AccountRow {
  id: string;
  label: string;
  account_sid: string;
  key_sid: string | null;
  credential_kind: CredentialKind;
  kind: AccountKind;
  base_url: string;
  upload_base_url: string;
  created_at: string;
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    label: row.label,
    accountSid: row.account_sid,
    keySid: row.key_sid,
    credentialKind: row.credential_kind,
    kind: row.kind,
    baseUrl: row.base_url,
    uploadBaseUrl: row.upload_base_url,
    createdAt: row.created_at,
  };
}

export interface AccountsRepository {
  insert(input: NewAccount): Account;
  list(): Account[];
  get(id: string): Account | null;
  rename(id: string, label: string): Account;
  /** After the secret in the keychain was replaced: which kind of credential, which key. */
  updateCredential(
    id: string,
    credential: { credentialKind: CredentialKind; keySid: string | null },
  ): Account;
  /** What remove(id) would take with it, for the confirmation; null for an unknown account. */
  usage(id: string): AccountUsage | null;
  /**
   * Removes the account and, by cascade, its requests, numbers, timeline, drafts (with their
   * portability checks), documents and outbox. Returns false when there was no such account.
   * Deleting the keychain entry and the local bill files is the caller's job.
   */
  remove(id: string): boolean;
}

export function accountsRepository(db: Database): AccountsRepository {
  const insertRow = db.prepare<AccountRow>(
    `INSERT INTO accounts (id, label, account_sid, key_sid, credential_kind, kind, base_url,
       upload_base_url, created_at)
     VALUES (@id, @label, @account_sid, @key_sid, @credential_kind, @kind, @base_url,
       @upload_base_url, @created_at)`,
  );
  const findDuplicate = db.prepare<[string, string, string], { label: string }>(
    'SELECT label FROM accounts WHERE kind = ? AND base_url = ? AND account_sid = ?',
  );
  const selectAll = db.prepare<[], AccountRow>(
    'SELECT * FROM accounts ORDER BY label COLLATE NOCASE, created_at',
  );
  const selectOne = db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE id = ?');
  const updateLabel = db.prepare<[string, string]>('UPDATE accounts SET label = ? WHERE id = ?');
  const updateCredentialRow = db.prepare<[string, string | null, string]>(
    'UPDATE accounts SET credential_kind = ?, key_sid = ? WHERE id = ?',
  );
  const deleteOne = db.prepare<[string]>('DELETE FROM accounts WHERE id = ?');
  const countUsage = db.prepare<[string], { requests: number; drafts: number; pending: number }>(
    `SELECT
       (SELECT count(*) FROM port_in_requests WHERE account_id = a.id) AS requests,
       (SELECT count(*) FROM drafts WHERE account_id = a.id) AS drafts,
       (SELECT count(*) FROM outbox WHERE account_id = a.id AND state <> 'done') AS pending
     FROM accounts a WHERE a.id = ?`,
  );

  const get = (id: string): Account | null => {
    const row = selectOne.get(id);
    return row ? toAccount(row) : null;
  };

  return {
    insert(input) {
      const account = parseInput(newAccountSchema, input, 'account');
      const duplicate = findDuplicate.get(account.kind, account.baseUrl, account.accountSid);
      if (duplicate) {
        throw new StoreError(
          'conflict',
          `Account ${account.accountSid} is already added as "${duplicate.label}".`,
          'accountSid',
        );
      }
      const row: AccountRow = {
        id: account.id ?? randomUUID(),
        label: account.label,
        account_sid: account.accountSid,
        key_sid: account.keySid ?? null,
        credential_kind: account.credentialKind,
        kind: account.kind,
        base_url: account.baseUrl,
        upload_base_url: account.uploadBaseUrl,
        created_at:
          account.createdAt === undefined
            ? nowInstant()
            : toInstant(account.createdAt, 'account.createdAt'),
      };
      insertRow.run(row);
      return toAccount(row);
    },
    list: () => selectAll.all().map(toAccount),
    get,
    rename(id, newLabel) {
      const parsed = parseInput(label, newLabel, 'label');
      if (updateLabel.run(parsed, id).changes === 0) throw notFound('Account', id);
      const account = get(id);
      if (!account) throw notFound('Account', id);
      return account;
    },
    updateCredential(id, credential) {
      const parsed = parseInput(credentialSchema, credential, 'credential');
      const result = updateCredentialRow.run(parsed.credentialKind, parsed.keySid ?? null, id);
      if (result.changes === 0) throw notFound('Account', id);
      const account = get(id);
      if (!account) throw notFound('Account', id);
      return account;
    },
    usage(id) {
      const row = countUsage.get(id);
      return row
        ? { requests: row.requests, drafts: row.drafts, pendingOutbox: row.pending }
        : null;
    },
    remove: (id) => deleteOne.run(id).changes > 0,
  };
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { PortInRequestSummary } from '../../../shared/domain/portIn';
import { normaliseRequestStatus } from '../../../shared/domain/statuses';
import { openStore } from '../../../main/core/store';
import type { Account, NewAccount, Store } from '../../../main/core/store';

/**
 * Real SQLite files in a fresh temporary folder per test, closed and removed after it, so test
 * files run in parallel without sharing anything.
 */
export function useTempFolders(): { folder(): string; open(file?: string): Store } {
  const folders: string[] = [];
  const stores: Store[] = [];
  afterEach(() => {
    for (const store of stores.splice(0)) store.close();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const folder = (): string => {
    const path = mkdtempSync(join(tmpdir(), 'portdesk-store-test-'));
    folders.push(path);
    return path;
  };
  return {
    folder,
    open(file = join(folder(), 'portdesk.sqlite')) {
      const store = openStore({ file });
      stores.push(store);
      return store;
    },
  };
}

/** A 32-hex-digit tail from a number, so SIDs in tests are valid and readable. */
export function hex32(n: number, fill = '0'): string {
  return n.toString(16).padStart(32, fill);
}

export const requestSid = (n: number): string => `KW${hex32(n)}`;
export const numberSid = (n: number): string => `PU${hex32(n)}`;

export function anAccount(n = 1, overrides: Partial<NewAccount> = {}): NewAccount {
  return {
    label: `Desk ${n}`,
    accountSid: `AC${hex32(n)}`,
    keySid: `SK${hex32(n)}`,
    credentialKind: 'api_key',
    kind: 'twilio',
    baseUrl: 'https://numbers.twilio.com',
    uploadBaseUrl: 'https://numbers-upload.twilio.com',
    ...overrides,
  };
}

export function addAccount(store: Store, n = 1, overrides: Partial<NewAccount> = {}): Account {
  return store.accounts.insert(anAccount(n, overrides));
}

export function aSummary(
  sid: string,
  overrides: Partial<Omit<PortInRequestSummary, 'status'>> & { status?: string } = {},
): PortInRequestSummary {
  const { status = 'In Review', ...rest } = overrides;
  return {
    sid,
    status: normaliseRequestStatus(status),
    statusUpdatedAt: null,
    numbersRequested: 1,
    numbersPorted: 0,
    suggestedAction: null,
    ...rest,
  };
}

/** A second connection to the store's file, to look at it the way another tool would. */
export function peek<T>(store: Store, sql: string, ...params: unknown[]): T[] {
  const db = new Database(store.file, { readonly: true });
  try {
    return db.prepare<unknown[], T>(sql).all(...params);
  } finally {
    db.close();
  }
}

/** Counts rows straight from the file, bypassing the repositories. */
export function rowCount(store: Store, table: string): number {
  return peek<{ n: number }>(store, `SELECT count(*) AS n FROM ${table}`)[0]?.n ?? 0;
}

/** The item at `index`, or a failed test saying it is missing. */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`expected an item at index ${index}`);
  return item;
}

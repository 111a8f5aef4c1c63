import type { Database } from 'better-sqlite3';
import { StoreError, notFound } from './errors';

/**
 * SQLite says only "FOREIGN KEY constraint failed"; checking first lets the error name the
 * missing account.
 */
export function accountGuard(db: Database): (accountId: string) => void {
  const exists = db.prepare<[string], { one: number }>(
    'SELECT 1 AS one FROM accounts WHERE id = ?',
  );
  return (accountId) => {
    if (!exists.get(accountId)) throw notFound('Account', accountId);
  };
}

export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

export function conflict(message: string, field?: string): StoreError {
  return new StoreError('conflict', message, field);
}

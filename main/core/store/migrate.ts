import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { StoreError } from './errors';
import type { Migration } from './migrations';
import { nowInstant } from './time';

/** Marks the file as PortDesk's (PRAGMA application_id): "PDsk". */
export const PORTDESK_APPLICATION_ID = 0x5044736b;

export function migrationChecksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/**
 * Versions only grow. Gaps are allowed: migration numbers are reserved per piece of work, so a
 * build may carry 001 and 004 before 002 and 003 exist; each file runs the ones above its version.
 */
function assertIncreasing(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const previous = index === 0 ? 0 : (migrations[index - 1]?.version ?? 0);
    if (!Number.isInteger(migration.version) || migration.version <= previous) {
      throw new Error(
        `Migration list is broken: position ${index + 1} holds version ${migration.version} (${migration.name}) after version ${previous}.`,
      );
    }
  });
}

/**
 * Brings the schema to the latest version: every pending migration runs inside ONE immediate
 * transaction together with the user_version bump and the schema_migrations rows, so a crash or
 * an error leaves the file exactly as it was. Refuses a file written by a newer PortDesk, and a
 * file that belongs to another application.
 */
export function migrate(db: Database, file: string, migrations: readonly Migration[]): number {
  assertIncreasing(migrations);
  const latest = latestVersion(migrations);

  const applicationId = db.pragma('application_id', { simple: true });
  if (applicationId !== 0 && applicationId !== PORTDESK_APPLICATION_ID) {
    throw new StoreError(
      'not_portdesk_database',
      `${file} is not a PortDesk database (its application id is ${String(applicationId)}). Choose another file or move this one away.`,
    );
  }

  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > latest) {
    throw new StoreError(
      'newer_schema',
      `${file} was written by a newer version of PortDesk (schema ${current}; this version knows up to ${latest}). Update PortDesk to open it; the file was left untouched.`,
    );
  }
  if (current === latest) return current;

  const apply = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      checksum TEXT NOT NULL,
      applied_at TEXT NOT NULL
    ) STRICT`);
    const record = db.prepare(
      'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
    );
    const appliedAt = nowInstant();
    for (const migration of migrations.filter((m) => m.version > current)) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, migrationChecksum(migration), appliedAt);
    }
    const violations = db.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new Error(`Migrating ${file} left ${violations.length} foreign key violation(s).`);
    }
    // Both pragmas are part of the transaction: they roll back with it.
    db.pragma(`application_id = ${PORTDESK_APPLICATION_ID}`);
    db.pragma(`user_version = ${latest}`);
  });
  apply.immediate();
  return latest;
}

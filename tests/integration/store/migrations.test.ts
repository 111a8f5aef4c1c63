import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StoreError, openStore } from '../../../main/core/store';
import {
  migrate,
  migrationChecksum,
  PORTDESK_APPLICATION_ID,
} from '../../../main/core/store/migrate';
import { MIGRATIONS } from '../../../main/core/store/migrations';
import type { Migration } from '../../../main/core/store/migrations';
import { peek, useTempFolders } from './storeHarness';

const temp = useTempFolders();

/**
 * Shipped migrations are frozen: a database in the field has run exactly this SQL. A failure
 * here means a shipped migration was edited — revert it and add a new numbered one instead.
 * Add the checksum of each new migration when it ships.
 */
const SHIPPED_CHECKSUMS: Record<number, string> = {
  1: '27478ddbda2ebfffe6e05f9009ac23d705551667ddc74763b1df9d4ecb4f12f9',
};

function openRaw(file: string): Database.Database {
  return new Database(file);
}

describe('migrations', () => {
  it('bring a new file to the latest version with WAL and a history row per migration', () => {
    const store = temp.open();
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    expect(store.schemaVersion).toBe(latest);
    expect(peek<{ user_version: number }>(store, 'PRAGMA user_version')[0]?.user_version).toBe(
      latest,
    );
    expect(peek<{ journal_mode: string }>(store, 'PRAGMA journal_mode')[0]?.journal_mode).toBe(
      'wal',
    );
    expect(
      peek<{ application_id: number }>(store, 'PRAGMA application_id')[0]?.application_id,
    ).toBe(PORTDESK_APPLICATION_ID);
    const history = peek<{ version: number; name: string; checksum: string }>(
      store,
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    expect(history).toEqual(
      MIGRATIONS.map((m) => ({ version: m.version, name: m.name, checksum: migrationChecksum(m) })),
    );
  });

  it('leave an up-to-date file alone when it is opened again', () => {
    const file = join(temp.folder(), 'portdesk.sqlite');
    const first = openStore({ file });
    const account = first.accounts.insert({
      label: 'Kept',
      accountSid: `AC${'1'.repeat(32)}`,
      credentialKind: 'auth_token',
      kind: 'simulator',
      baseUrl: 'http://127.0.0.1:4010',
      uploadBaseUrl: 'http://127.0.0.1:4010',
    });
    first.close();

    const again = temp.open(file);
    expect(again.schemaVersion).toBe(first.schemaVersion);
    expect(again.accounts.get(account.id)?.label).toBe('Kept');
    expect(peek(again, 'SELECT version FROM schema_migrations')).toHaveLength(MIGRATIONS.length);
  });

  it('refuse a file written by a newer PortDesk and leave it untouched', () => {
    const file = join(temp.folder(), 'portdesk.sqlite');
    openStore({ file }).close();
    const raw = openRaw(file);
    raw.pragma('user_version = 999');
    raw.close();

    expect(() => openStore({ file })).toThrow(StoreError);
    try {
      openStore({ file });
    } catch (error) {
      expect(error).toMatchObject({ code: 'newer_schema' });
      expect(String((error as Error).message)).toMatch(/newer version of PortDesk.*999/);
    }
    const check = openRaw(file);
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    check.close();
  });

  it("refuse another application's SQLite file", () => {
    const file = join(temp.folder(), 'other.sqlite');
    const raw = openRaw(file);
    raw.pragma('application_id = 1234');
    raw.exec('CREATE TABLE notes (body TEXT)');
    raw.close();
    expect(() => openStore({ file })).toThrow(/not a PortDesk database/);
  });

  it('refuse a file that is not SQLite at all', () => {
    const file = join(temp.folder(), 'garbage.sqlite');
    writeFileSync(file, 'this is not a database, just text that is long enough to have a header');
    expect(() => openStore({ file })).toThrow(StoreError);
  });

  it('roll back every pending migration when one of them fails', () => {
    const db = new Database(':memory:');
    const broken: Migration[] = [
      { version: 1, name: 'good', sql: 'CREATE TABLE first_table (id INTEGER PRIMARY KEY);' },
      {
        version: 2,
        name: 'bad',
        sql: 'CREATE TABLE second_table (id INTEGER PRIMARY KEY); NOT SQL',
      },
    ];
    expect(() => migrate(db, ':memory:', broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(tables).toEqual([]);
    db.close();
  });

  it('reject a migration list whose versions do not grow', () => {
    const db = new Database(':memory:');
    const backwards: Migration[] = [
      { version: 2, name: 'two', sql: 'SELECT 1;' },
      { version: 2, name: 'two_again', sql: 'SELECT 1;' },
    ];
    expect(() => migrate(db, ':memory:', backwards)).toThrow(/position 2 holds version 2/);
    db.close();
  });

  it('accept a gap in the numbers (reserved ones not merged yet), and fill it in later', () => {
    const db = new Database(':memory:');
    const v1: Migration = { version: 1, name: 'one', sql: 'CREATE TABLE one (id INTEGER);' };
    const v2: Migration = { version: 2, name: 'two', sql: 'CREATE TABLE two (id INTEGER);' };
    const v4: Migration = { version: 4, name: 'four', sql: 'CREATE TABLE four (id INTEGER);' };
    expect(migrate(db, ':memory:', [v1, v4])).toBe(4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    // A file already at 4 never runs 2 afterwards: the lead orders reserved numbers before release.
    expect(migrate(db, ':memory:', [v1, v2, v4])).toBe(4);
    const fresh = new Database(':memory:');
    expect(migrate(fresh, ':memory:', [v1, v2, v4])).toBe(4);
    expect(
      fresh.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(),
    ).toEqual([1, 2, 4]);
    db.close();
    fresh.close();
  });

  it('apply only the migrations a file has not run yet', () => {
    const db = new Database(':memory:');
    const v1: Migration = { version: 1, name: 'one', sql: 'CREATE TABLE one (id INTEGER);' };
    const v2: Migration = { version: 2, name: 'two', sql: 'CREATE TABLE two (id INTEGER);' };
    expect(migrate(db, ':memory:', [v1])).toBe(1);
    expect(migrate(db, ':memory:', [v1, v2])).toBe(2);
    expect(
      db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(),
    ).toEqual([1, 2]);
    db.close();
  });

  it('keep shipped migrations byte-for-byte as they shipped', () => {
    for (const migration of MIGRATIONS) {
      const pinned = SHIPPED_CHECKSUMS[migration.version];
      if (pinned !== undefined) {
        expect(migrationChecksum(migration), `migration ${migration.version} was edited`).toBe(
          pinned,
        );
      }
    }
    expect(Object.keys(SHIPPED_CHECKSUMS).length).toBeGreaterThan(0);
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('load the native binding it is given, and say which file it could not open', () => {
    const binding = createRequire(import.meta.url).resolve(
      'better-sqlite3/build/Release/better_sqlite3.node',
    );
    const file = join(temp.folder(), 'portdesk.sqlite');
    const store = openStore({ file, nativeBinding: binding });
    expect(store.schemaVersion).toBe(MIGRATIONS.at(-1)?.version);
    store.close();
    const missing = join(temp.folder(), 'electron-abi.node');
    expect(() => openStore({ file, nativeBinding: missing })).toThrow(
      `Could not open the database at ${file}`,
    );
  });

  it('open an in-memory store for quick tests', () => {
    const store = openStore({ file: ':memory:' });
    expect(store.schemaVersion).toBe(MIGRATIONS.at(-1)?.version);
    store.close();
  });
});

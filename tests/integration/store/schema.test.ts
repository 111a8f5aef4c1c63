import { describe, expect, it } from 'vitest';
import { peek, useTempFolders } from './storeHarness';

const temp = useTempFolders();

/** Secrets live in the OS keychain only (ARCHITECTURE §9). Add a name here only with a reason. */
const ALLOWED_SENSITIVE_LOOKING_COLUMNS: string[] = [];
const SECRET_LIKE = /secret|token|passw|passphrase|private|(^|_)pin($|_)|auth/i;

describe('schema', () => {
  it('has no column that could hold a secret', () => {
    const store = temp.open();
    const tables = peek<{ name: string }>(
      store,
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    ).map((t) => t.name);
    expect(tables).toContain('accounts');
    const suspicious = tables.flatMap((table) =>
      peek<{ name: string }>(store, `SELECT name FROM pragma_table_xinfo(?)`, table)
        .map((column) => `${table}.${column.name}`)
        .filter((name) => SECRET_LIKE.test(name.split('.')[1] ?? '')),
    );
    expect(suspicious.filter((name) => !ALLOWED_SENSITIVE_LOOKING_COLUMNS.includes(name))).toEqual(
      [],
    );
  });

  it('keeps its keys and its customer search index consistent', () => {
    const store = temp.open();
    expect(peek(store, 'PRAGMA foreign_key_check')).toEqual([]);
    expect(peek(store, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});

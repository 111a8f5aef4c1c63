import type { Database } from 'better-sqlite3';
import { invalidInput } from './errors';
import type { JsonValue } from './json';
import { fromJson, toJson } from './json';
import { nowInstant } from './time';

export interface SettingsRepository {
  /**
   * The stored value, or `fallback` when the key was never set. With `parse` (e.g. a zod
   * schema's parse), a stored value it rejects — say, written by an older version in another
   * shape — also yields `fallback`.
   */
  get<T extends JsonValue>(key: string, fallback: T, parse?: (value: unknown) => T): T;
  set(key: string, value: JsonValue): void;
  remove(key: string): boolean;
}

export function settingsRepository(db: Database): SettingsRepository {
  const select = db.prepare<[string], { value: string }>(
    'SELECT value FROM settings WHERE key = ?',
  );
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const deleteOne = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');

  const checkKey = (key: string): void => {
    if (typeof key !== 'string' || key.trim() === '')
      throw invalidInput('key', 'must not be empty');
  };

  return {
    get<T extends JsonValue>(key: string, fallback: T, parse?: (value: unknown) => T): T {
      checkKey(key);
      const row = select.get(key);
      if (!row) return fallback;
      const value = fromJson<unknown>(row.value);
      if (!parse) return value as T;
      try {
        return parse(value);
      } catch {
        return fallback;
      }
    },
    set(key, value) {
      checkKey(key);
      if (value === undefined) throw invalidInput('value', 'must be JSON (use remove to unset)');
      upsert.run(key, toJson(value), nowInstant());
    },
    remove: (key) => deleteOne.run(key).changes > 0,
  };
}

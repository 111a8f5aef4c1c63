import type { Database } from 'better-sqlite3';

/**
 * Flat transactions: one transaction in which nested store transactions open no savepoint.
 *
 * A savepoint makes SQLite copy every existing page a statement changes into the statement
 * journal (so it can roll back to it), and it flushes FTS5's pending terms into a new segment.
 * A batch of fetched requests, each saved in its own savepoints, pays both per request; the same
 * batch as one flat transaction pays neither. The price: a failure anywhere rolls back the whole
 * flat transaction, so its caller (the write batcher) runs the batch again with savepoints.
 */
const flat = new WeakSet<Database>();

/** db.transaction(fn), except that inside a flat transaction it runs fn as it is. */
export function nestable<A extends unknown[], R>(
  db: Database,
  fn: (...args: A) => R,
): (...args: A) => R {
  const wrapped = db.transaction(fn);
  return (...args: A): R => (flat.has(db) && db.inTransaction ? fn(...args) : wrapped(...args));
}

/** True while `db` runs a flat transaction: nested transactions run without a savepoint. */
export function inFlatTransaction(db: Database): boolean {
  return flat.has(db) && db.inTransaction;
}

/** Runs `fn` in one transaction (a savepoint if one is open) with nested savepoints off. */
export function runFlat<T>(db: Database, fn: () => T): T {
  if (flat.has(db)) return fn();
  return db.transaction(() => {
    flat.add(db);
    try {
      return fn();
    } finally {
      flat.delete(db);
    }
  })();
}

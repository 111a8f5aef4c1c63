import Database from 'better-sqlite3';
import { StoreError } from './errors';

export interface ConnectionOptions {
  /** Path of the database file, or ':memory:' (tests). */
  file: string;
  /**
   * Path of better-sqlite3's compiled `.node` addon, passed straight to its `nativeBinding`
   * option. Under Electron the composition root points it at the binding built for Electron's
   * ABI; under Node (tests, benches, CLIs) leave it out to load the default one.
   */
  nativeBinding?: string;
  /** SQLite's page cache, allocated as used. Default DEFAULT_CACHE_MIB. */
  cacheMiB?: number;
}

/**
 * Enough for the list's table and indexes and a first sync's random-keyed index (number SID
 * keys, ~20 MiB at a million numbers) to stay in memory; bench:memory and bench/store/tune.ts
 * measure other sizes.
 */
export const DEFAULT_CACHE_MIB = 64;

/** How long a statement waits for a lock held by another connection before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens the connection with the settings every PortDesk database runs under:
 * - WAL: readers never block the writer, and a commit appends to the log instead of rewriting
 *   pages, which keeps keystroke-frequent draft saves cheap.
 * - synchronous = NORMAL: in WAL mode this fsyncs at checkpoints, not at every commit. A power
 *   loss or OS crash can lose the last few commits but never corrupts the file or splits a
 *   transaction; an app crash loses nothing. Everything lost that way is re-fetched by the next
 *   sync, and the outbox writes its state before each send, so the worst case is a draft's last
 *   keystrokes. That trade buys an order of magnitude on small writes.
 * - foreign_keys on: account removal cascades, and a dangling reference is an error.
 */
export function openConnection(options: ConnectionOptions): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(options.file, {
      timeout: BUSY_TIMEOUT_MS,
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    });
  } catch (error) {
    // A missing folder, a permission problem, or a binding built for another ABI.
    throw new Error(`Could not open the database at ${options.file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Checkpoint every ~40 MiB of WAL rather than SQLite's 4 MiB: a first sync writes a million
    // numbers into two random-keyed indexes (SID, reversed digits), and fewer checkpoints write
    // each hot index page back once instead of many times (measured: docs/benchmarks.md).
    db.pragma('wal_autocheckpoint = 10000');
    // …and truncate the WAL back to 64 MiB after a checkpoint, so it does not stay at its peak.
    db.pragma('journal_size_limit = 67108864');
    db.pragma('temp_store = MEMORY');
    // Page cache (allocated as used): the list's tables and indexes stay in memory.
    const cacheMiB = options.cacheMiB ?? DEFAULT_CACHE_MIB;
    if (!Number.isInteger(cacheMiB) || cacheMiB < 1) {
      throw new RangeError(`cacheMiB must be a whole number of MiB, 1 or more (got ${cacheMiB}).`);
    }
    db.pragma(`cache_size = -${cacheMiB * 1024}`);
  } catch (error) {
    db.close();
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new StoreError(
        'not_portdesk_database',
        `${options.file} is not a SQLite database. Choose another file or move this one away.`,
      );
    }
    throw error;
  }
  return db;
}

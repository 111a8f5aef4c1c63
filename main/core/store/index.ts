import type { Database } from 'better-sqlite3';
import type { AccountsRepository } from './accounts';
import { accountsRepository } from './accounts';
import type { ConnectionOptions } from './connection';
import { openConnection } from './connection';
import type { DocumentsRepository } from './documents';
import { documentsRepository } from './documents';
import type { DraftsRepository } from './drafts';
import type { ExportPages } from './exportPages';
import { exportPages } from './exportPages';
import { inFlatTransaction, runFlat } from './flatTransaction';
import { draftsRepository } from './drafts';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import type { NoticesRepository } from './notices';
import { noticesRepository } from './notices';
import type { NumbersRepository } from './numbers';
import { numbersRepository } from './numbers';
import type { OutboxRepository } from './outbox';
import { outboxRepository } from './outbox';
import type { PortabilityChecksRepository } from './portabilityChecks';
import { portabilityChecksRepository } from './portabilityChecks';
import type { RequestsRepository } from './requests';
import { requestsRepository } from './requests';
import type { SettingsRepository } from './settings';
import { settingsRepository } from './settings';
import type { TimelineRepository } from './timeline';
import { timelineRepository } from './timeline';

export type StoreOptions = ConnectionOptions;

/** PortDesk's local database: one connection, owned by main, shared by every repository. */
export interface Store {
  readonly file: string;
  /** The schema version the file is at (PRAGMA user_version). */
  readonly schemaVersion: number;
  /**
   * Runs `fn` in one transaction: it commits when `fn` returns and rolls back when it throws.
   * Calls nest (the inner one becomes a savepoint). `fn` must be synchronous: an async function
   * would commit at its first await, so a promise result is refused and rolled back.
   */
  transaction<T>(fn: () => T): T;
  /**
   * Runs `fn` in one transaction in which nested `transaction` calls and a fetched request's
   * save (`saveFetchedRequest`, `appendEvents`) open no savepoint: cheaper for a batch of big
   * writes (other repository methods still do, harmlessly). Nothing
   * nested rolls back on its own: a throw caught inside `fn` leaves the writes made before it,
   * so let every throw out (all of `fn` then rolls back). For the write batcher.
   */
  flatTransaction<T>(fn: () => T): T;
  readonly accounts: AccountsRepository;
  readonly requests: RequestsRepository;
  readonly numbers: NumbersRepository;
  readonly timeline: TimelineRepository;
  readonly drafts: DraftsRepository;
  readonly documents: DocumentsRepository;
  readonly portabilityChecks: PortabilityChecksRepository;
  readonly outbox: OutboxRepository;
  readonly settings: SettingsRepository;
  /** The activity feed: every notice the notify policy produced (docs/notifications.md). */
  readonly notices: NoticesRepository;
  /** Paged reads for CSV export. */
  readonly exportPages: ExportPages;
  /** Checkpoints the WAL into the main file and closes. The store is unusable afterwards. */
  close(): void;
}

export function openStore(options: StoreOptions): Store {
  const db = openConnection(options);
  let schemaVersion: number;
  try {
    schemaVersion = migrate(db, options.file, MIGRATIONS);
  } catch (error) {
    db.close();
    throw error;
  }
  return composeStore(db, options.file, schemaVersion);
}

/** Runs fn, refusing a promise: a transaction would commit at its first await. */
function synchronously<T>(fn: () => T): T {
  const result = fn();
  if (result instanceof Promise) {
    // The caller will never see this result; keep it from becoming an unhandled rejection.
    result.catch(() => undefined);
    throw new TypeError(
      'store.transaction needs a synchronous function; the transaction was rolled back.',
    );
  }
  return result;
}

function composeStore(db: Database, file: string, schemaVersion: number): Store {
  return {
    file,
    schemaVersion,
    transaction<T>(fn: () => T): T {
      return inFlatTransaction(db) ? synchronously(fn) : db.transaction(() => synchronously(fn))();
    },
    flatTransaction<T>(fn: () => T): T {
      return runFlat(db, () => synchronously(fn));
    },
    accounts: accountsRepository(db),
    requests: requestsRepository(db),
    numbers: numbersRepository(db),
    timeline: timelineRepository(db),
    drafts: draftsRepository(db),
    documents: documentsRepository(db),
    portabilityChecks: portabilityChecksRepository(db),
    outbox: outboxRepository(db),
    settings: settingsRepository(db),
    notices: noticesRepository(db),
    exportPages: exportPages(db),
    close() {
      if (!db.open) return;
      if (!db.memory) db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

export { StoreError } from './errors';
export type { Account, NewAccount } from './accounts';
export type { StoredPortInRequest } from './requests';
export { FETCHED_BATCH_LIMITS, chunkWithin, createWriteBatcher } from './writeBatch';
export type { WriteBatcher } from './writeBatch';
export { ATTENTION_FLAGS } from './requestList';
export type {
  RequestCounts,
  RequestListPage,
  RequestListQuery,
  RequestListRow,
} from './requestList';
export type { ExportNumberTuple } from './exportPages';
export type { NewTimelineEvent } from './timeline';
export type { Draft, DraftPatch, FieldError } from './drafts';
export type { StoredDocument } from './documents';
export type { PortabilityCheck, PortabilityOutcome } from './portabilityChecks';
export type { OutboxItem, OutboxState } from './outbox';
export type { OutboxPayloadOf } from './outboxPayloads';
export type { JsonObject, JsonValue } from './json';
export { NOTICE_RETENTION_DAYS } from './notices';
export type { NewNotice, NoticeFilter, NoticeListQuery, StoredNotice } from './notices';

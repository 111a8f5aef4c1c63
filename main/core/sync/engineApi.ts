import type { TimelineEvent } from '../../../shared/domain/timeline';
import type { ClientProvider } from '../accounts/clientProvider';
import type { Store } from '../store';
import type { CycleResult } from './accountCycle';
import type { OutboxChange } from './outboxRunner';
import type { SyncStatusSnapshot } from './syncStatus';

/** What the composition root hears after each cycle: feed `events` to the notify policy. */
export interface CycleNotice {
  accountId: string;
  /** Saved timeline events of this cycle's fetches, with their ids, in commit order. */
  events: TimelineEvent[];
  changedRequestSids: string[];
  /** The account had never completed a cycle before (no pop-ups for its backlog). */
  firstSync: boolean;
}

/** Timings; the defaults suit the app, tests shorten them. */
export interface SyncTiming {
  /** Each account's first cycle starts at a random moment within this (default 3 s). */
  initialSkewMs: number;
  /** The loop never wakes more often than this for due fetches (default 15 s). */
  minWakeMs: number;
  /**
   * While offline, probe this often in case no reconnect signal comes (default 60 s): while the
   * host says offline, one light call (a one-row listing); after a cycle found no network, the
   * account's next cycle.
   */
  offlineProbeMs: number;
  /** Backoff after a failed cycle: full jitter from this, doubling, up to backoffMaxMs. */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_TIMING: SyncTiming = {
  initialSkewMs: 3_000,
  minWakeMs: 15_000,
  offlineProbeMs: 60_000,
  backoffBaseMs: 5_000,
  backoffMaxMs: 5 * 60_000,
};

export interface SyncEngineOptions {
  store: Store;
  clients: ClientProvider;
  /** Epoch ms; default Date.now. */
  now?: () => number;
  random?: () => number;
  /** Read before each use, so a settings change applies at once. */
  settings: () => { syncCadenceMinutes: number };
  /** Detail fetches in flight per account (default 4). */
  concurrency?: number;
  onCycle?: (cycle: CycleNotice) => void;
  onStatus?: (status: SyncStatusSnapshot) => void;
  onOutboxChanged?: (change: OutboxChange) => void;
  /** The bytes of a stored bill (documents.localPath), for its upload. */
  readDocumentBytes: (localPath: string) => Promise<Uint8Array>;
  /** Errors thrown by the callbacks above, or unexpected ones in a loop. Default: console.error. */
  onError?: (error: unknown) => void;
  /** A line worth a log (the host's offline signal proved wrong). Default: console.info. */
  onLog?: (line: string) => void;
  timing?: Partial<SyncTiming>;
}

export interface SyncEngine {
  /** Recovers interrupted sends, starts one loop per stored account, runs the outbox. */
  start(): void;
  /** Stops the loops, aborts calls in flight, and resolves when everything has settled. */
  stop(): Promise<void>;
  /**
   * Runs a full cycle now (all accounts, or one) and resolves when it has finished. While the
   * host says offline it resolves at once without a call; `status()` says offline, in words.
   */
  syncNow(accountId?: string): Promise<void>;
  /** One full cycle of one account, serialised with its loop; for tests and tools. */
  runCycle(accountId: string): Promise<CycleResult>;
  /** Sends everything ready in the outbox (all accounts, or one); resolves when nothing is. */
  drainOutbox(accountId?: string): Promise<void>;
  /** A local write queued something: run the outbox at once. */
  kickOutbox(): void;
  /** The request open on screen (null: none); it is fetched about every 30 s. */
  focusRequest(sid: string | null): void;
  /**
   * The host's network watcher. Offline: no cycle and no send starts (work stays queued, as
   * `waiting_for_network`), calls in flight finish, and one light probe every `offlineProbeMs`
   * checks whether the signal was wrong. Online: the outbox drains and a full sync runs at once.
   */
  networkChanged(online: boolean): void;
  /** False while the host says offline (and no probe has reached Twilio since). */
  isOnline(): boolean;
  /** A sync now; while the host says offline, a probe instead. */
  resumedFromSleep(): void;
  /** The account's secret was rotated: forget the old client and resume a halted loop. */
  credentialsChanged(accountId: string): void;
  addAccount(accountId: string): void;
  removeAccount(accountId: string): Promise<void>;
  status(): SyncStatusSnapshot;
}

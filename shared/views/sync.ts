// View models: sync (see ./index.ts).

export type SyncState = 'idle' | 'syncing' | 'offline' | 'error' | 'unauthorized';

/**
 * One account's sync, finer than `state` (docs/sync.md "Status"): `up_to_date` only after a
 * complete cycle in which every call succeeded; `retrying` after a failure, until the next
 * attempt; `catching_up`: the cycle after an outage; `paused`: the computer says offline;
 * `offline`: a call found no network; `waiting`: no cycle has run yet.
 */
export const SYNC_PHASES = [
  'waiting',
  'syncing',
  'catching_up',
  'up_to_date',
  'retrying',
  'offline',
  'paused',
  'unauthorized',
] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];

export interface AccountSyncView {
  accountId: string;
  label: string;
  state: SyncState;
  /** The last complete sync in which every call succeeded. */
  lastSuccessAt: string | null;
  /** In words, e.g. "Twilio rejected the API key: rotate the secret in Accounts". */
  message: string | null;
  /** Absent from an older main: read `state`. */
  phase?: SyncPhase;
  /** When retrying or offline: the next attempt. */
  nextAttemptAt?: string | null;
}

export interface SyncStatusView {
  /** The worst state over all accounts (unauthorized > error > offline > syncing > idle). */
  state: SyncState;
  lastSuccessAt: string | null;
  nextSyncAt: string | null;
  message: string | null;
  accounts: AccountSyncView[];
  queuedOps: number;
  failedOps: number;
  /** The worst account's phase, and that account (null: none). */
  phase?: SyncPhase;
  worstAccountId?: string | null;
}

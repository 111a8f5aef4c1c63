import type { SyncPhase, SyncState } from '../../../shared/views';
import { PHASE_SEVERITY, stateOfPhase } from './accountState';

export type { SyncState };

export interface AccountSyncStatus {
  accountId: string;
  /** The coarse state (tray, older views), derived from `phase`. */
  state: SyncState;
  /** Where the account's state machine is (accountState.ts). */
  phase: SyncPhase;
  /** ISO instant of the account's last complete clean cycle; null before the first. */
  lastSuccessAt: string | null;
  /** In words, for the status bar; null when there is nothing to say. */
  message: string | null;
  /** When retrying or offline: the loop's next attempt. */
  nextAttemptAt: string | null;
}

/** What the status bar shows; maps onto shared/views/ SyncStatusView (plus account labels). */
export interface SyncStatusSnapshot {
  /** The worst account's state (unauthorized > error > offline > syncing > idle). */
  state: SyncState;
  /** The worst account's phase (accountState.ts PHASE_SEVERITY), and that account. */
  phase: SyncPhase;
  worstAccountId: string | null;
  /** The oldest last success among accounts that have one: everything is at least this fresh. */
  lastSuccessAt: string | null;
  /** The earliest planned cycle over all accounts. */
  nextSyncAt: string | null;
  message: string | null;
  accounts: AccountSyncStatus[];
  /** Outbox items not done and not failed. */
  queuedOps: number;
  /** Outbox items that need the agent (retry or discard). */
  failedOps: number;
}

export const SYNCING_MESSAGE = 'Syncing with Twilio…';

/** Folds the per-account statuses into one snapshot, with the headline in words. */
export function summariseStatus(
  accounts: readonly AccountSyncStatus[],
  nextSyncAt: string | null,
  ops: { queuedOps: number; failedOps: number },
): SyncStatusSnapshot {
  let worst: AccountSyncStatus | null = null;
  for (const account of accounts) {
    if (worst === null || PHASE_SEVERITY[account.phase] > PHASE_SEVERITY[worst.phase]) {
      worst = account;
    }
  }
  const successes = accounts
    .map((account) => account.lastSuccessAt)
    .filter((at): at is string => at !== null)
    .sort();
  const phase = worst?.phase ?? 'up_to_date';
  return {
    state: stateOfPhase(phase),
    phase,
    worstAccountId: worst?.accountId ?? null,
    lastSuccessAt: successes[0] ?? null,
    nextSyncAt,
    message: headline(phase, worst, accounts.length, ops),
    accounts: accounts.map((account) => ({ ...account })),
    queuedOps: ops.queuedOps,
    failedOps: ops.failedOps,
  };
}

function headline(
  phase: SyncPhase,
  worst: AccountSyncStatus | null,
  accountCount: number,
  ops: { queuedOps: number; failedOps: number },
): string {
  if (phase === 'syncing' || phase === 'waiting') return SYNCING_MESSAGE;
  if (phase !== 'up_to_date') return worst?.message ?? 'Sync needs attention.';
  const parts = [accountCount === 0 ? 'No accounts to sync' : 'Up to date'];
  if (ops.queuedOps > 0) {
    parts.push(`${ops.queuedOps} change${ops.queuedOps === 1 ? '' : 's'} waiting to be sent`);
  }
  if (ops.failedOps > 0) {
    parts.push(
      `${ops.failedOps} change${ops.failedOps === 1 ? '' : 's'} could not be sent — open the outbox to retry or discard`,
    );
  }
  return `${parts.join('; ')}.`;
}

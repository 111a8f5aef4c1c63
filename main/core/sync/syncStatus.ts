import type { SyncState } from '../../../shared/views';

export type { SyncState };

export interface AccountSyncStatus {
  accountId: string;
  state: SyncState;
  /** ISO instant of the account's last complete cycle; null before the first. */
  lastSuccessAt: string | null;
  /** In words, for the status bar; null when there is nothing to say. */
  message: string | null;
}

/** What the status bar shows; maps onto shared/views.ts SyncStatusView (plus account labels). */
export interface SyncStatusSnapshot {
  /** The worst state over all accounts (unauthorized > error > offline > syncing > idle). */
  state: SyncState;
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

const SEVERITY: Readonly<Record<SyncState, number>> = {
  idle: 0,
  syncing: 1,
  offline: 2,
  error: 3,
  unauthorized: 4,
};

export const SYNCING_MESSAGE = 'Syncing with Twilio…';

/** Folds the per-account statuses into one snapshot, with the headline in words. */
export function summariseStatus(
  accounts: readonly AccountSyncStatus[],
  nextSyncAt: string | null,
  ops: { queuedOps: number; failedOps: number },
): SyncStatusSnapshot {
  let worst: AccountSyncStatus | null = null;
  for (const account of accounts) {
    if (worst === null || SEVERITY[account.state] > SEVERITY[worst.state]) worst = account;
  }
  const successes = accounts
    .map((account) => account.lastSuccessAt)
    .filter((at): at is string => at !== null)
    .sort();
  const state = worst?.state ?? 'idle';
  return {
    state,
    lastSuccessAt: successes[0] ?? null,
    nextSyncAt,
    message: headline(state, worst, accounts.length, ops),
    accounts: accounts.map((account) => ({ ...account })),
    queuedOps: ops.queuedOps,
    failedOps: ops.failedOps,
  };
}

function headline(
  state: SyncState,
  worst: AccountSyncStatus | null,
  accountCount: number,
  ops: { queuedOps: number; failedOps: number },
): string {
  if (state === 'syncing') return SYNCING_MESSAGE;
  if (state !== 'idle') return worst?.message ?? 'Sync needs attention.';
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

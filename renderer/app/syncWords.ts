import type { AccountSyncView, SyncPhase, SyncState, SyncStatusView } from '../../shared/views';
import { formatTime } from '../ui/format';
import { formatAgoCompact, formatSince } from '../ui/relativeTime';

/** The phase, from an older main that only sends `state`. */
function phaseOf(view: { phase?: SyncPhase; state: SyncState }): SyncPhase {
  if (view.phase !== undefined) return view.phase;
  switch (view.state) {
    case 'idle':
      return 'up_to_date';
    case 'error':
      return 'retrying';
    default:
      return view.state;
  }
}

/**
 * Whether the last complete sync is older than twice the sync interval: the list may be out of
 * date, and the panel and the list header say so. Never before the first sync (that is
 * "Waiting for the first sync"), never in the future.
 */
export function isSyncStale(
  lastSuccessAt: string | null,
  cadenceMinutes: number | null,
  now: number,
): boolean {
  if (lastSuccessAt === null || cadenceMinutes === null) return false;
  const at = Date.parse(lastSuccessAt);
  if (Number.isNaN(at)) return false;
  return now - at > 2 * cadenceMinutes * 60_000;
}

export function staleWords(lastSuccessAt: string, now: number): string {
  return `Last complete sync ${formatAgoCompact(lastSuccessAt, now)}`;
}

export interface SyncPanelWords {
  phase: SyncPhase;
  headline: string;
  /** "Last synced …", or the stale warning. */
  last: string;
  stale: boolean;
  /** The account the panel speaks of, named when there are several; null: all of them. */
  account: AccountSyncView | null;
  /** Why, in words, with the next attempt when there is one; null: nothing to add. */
  detail: string | null;
}

const HEADLINES: Readonly<Record<SyncPhase, string>> = {
  waiting: 'Waiting for the first sync',
  syncing: 'Syncing…',
  catching_up: 'Catching up after an outage',
  up_to_date: 'Up to date',
  retrying: 'Sync problem — retrying',
  offline: 'Offline',
  paused: 'Offline',
  unauthorized: 'Credentials rejected',
};

/**
 * What the sync panel says, derived from main's per-account state machine (docs/sync.md
 * "Status"): the worst account, named when there are several; "Up to date" only when main says
 * the last complete cycle was clean; the next attempt when retrying; stale data in words.
 */
export function syncPanelWords(
  sync: SyncStatusView | null,
  options: { requested: boolean; cadenceMinutes: number | null; now: number },
): SyncPanelWords {
  const lastSuccessAt = sync?.lastSuccessAt ?? null;
  const reported: SyncPhase = options.requested ? 'syncing' : sync ? phaseOf(sync) : 'waiting';
  // Nothing fetched yet is never "up to date" (an older main says idle before the first sync).
  const phase = reported === 'up_to_date' && lastSuccessAt === null ? 'waiting' : reported;
  const accounts = sync?.accounts ?? [];
  const worst =
    accounts.find((a) => a.accountId === sync?.worstAccountId) ??
    (accounts.length === 1 ? (accounts[0] ?? null) : null);
  const stale = isSyncStale(lastSuccessAt, options.cadenceMinutes, options.now);
  const last =
    lastSuccessAt === null
      ? 'Not synced yet'
      : stale
        ? staleWords(lastSuccessAt, options.now)
        : `Last synced ${formatSince(lastSuccessAt, options.now)}`;
  const headline =
    phase === 'waiting' && lastSuccessAt !== null
      ? 'Syncing…'
      : phase === 'catching_up' && worst?.message
        ? worst.message.replace(/…$/, '')
        : HEADLINES[phase];
  const named = accounts.length > 1 && phase !== 'up_to_date' && worst !== null;
  const next = worst?.nextAttemptAt ?? null;
  const nextWords =
    next !== null && (phase === 'retrying' || phase === 'offline')
      ? `Next attempt at ${formatTime(next)}.`
      : null;
  const message =
    phase === 'syncing' || phase === 'waiting' || phase === 'catching_up'
      ? null
      : (worst?.message ?? (phase === 'up_to_date' ? null : (sync?.message ?? null)));
  const detail = [named && worst ? `${worst.label}:` : null, message, nextWords]
    .filter((part): part is string => part !== null && part !== '')
    .join(' ');
  return {
    phase,
    headline,
    last,
    stale,
    account: named ? worst : null,
    detail: detail === '' ? null : detail,
  };
}

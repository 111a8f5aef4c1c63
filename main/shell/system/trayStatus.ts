import type { SyncPhase, SyncStatusView } from '../../../shared/views';

export interface TrayStatus {
  /** The tray icon's tooltip: what the agent sees when hovering it. */
  tooltip: string;
  /** First line of the tray menu (disabled item): the sync state in words. */
  syncLine: string;
  /** Second line: how many requests need the agent. */
  attentionLine: string;
}

/** The tray's words for the sync state and the count of requests that need attention. */
export function trayStatus(sync: SyncStatusView | null, attentionCount: number): TrayStatus {
  const syncLine = syncWords(sync);
  const attentionLine =
    attentionCount <= 0
      ? 'Nothing needs your attention'
      : `${attentionCount.toLocaleString('en-US')} ${attentionCount === 1 ? 'request needs' : 'requests need'} your attention`;
  return { tooltip: `PortDesk — ${syncLine} · ${attentionLine}`, syncLine, attentionLine };
}

/**
 * The phase the tray speaks of (docs/sync.md, "Status"). The coarse `state` is `idle` both
 * before the first sync and after a clean one, so the tray reads `phase`; without one (an older
 * core) it falls back to `state`. Nothing fetched yet is never "up to date".
 */
function phaseOf(sync: SyncStatusView): SyncPhase {
  const reported =
    sync.phase ??
    (sync.state === 'idle' ? 'up_to_date' : sync.state === 'error' ? 'retrying' : sync.state);
  return reported === 'up_to_date' && sync.lastSuccessAt === null ? 'waiting' : reported;
}

function syncWords(sync: SyncStatusView | null): string {
  if (sync === null) return 'Starting…';
  const failed =
    sync.failedOps > 0
      ? ` (${sync.failedOps} ${sync.failedOps === 1 ? 'change' : 'changes'} failed to send)`
      : '';
  const words: Record<SyncPhase, () => string> = {
    waiting: () => `Waiting for the first sync${failed}`,
    syncing: () => `Syncing…${failed}`,
    catching_up: () => `Catching up after an outage…${failed}`,
    up_to_date: () => `Up to date${failed}`,
    retrying: () => sync.message ?? 'The last sync failed; PortDesk will retry',
    offline: () => `Offline — will sync when the network is back${failed}`,
    paused: () => `Offline — will sync when the network is back${failed}`,
    unauthorized: () =>
      sync.message ?? 'Twilio rejected the credentials: rotate the secret in Accounts',
  };
  return words[phaseOf(sync)]();
}

import type { SyncStatusView } from '../../../shared/views';

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

function syncWords(sync: SyncStatusView | null): string {
  if (sync === null) return 'Starting…';
  const failed =
    sync.failedOps > 0
      ? ` (${sync.failedOps} ${sync.failedOps === 1 ? 'change' : 'changes'} failed to send)`
      : '';
  switch (sync.state) {
    case 'syncing':
      return `Syncing…${failed}`;
    case 'offline':
      return `Offline — will sync when the network is back${failed}`;
    case 'unauthorized':
      return sync.message ?? 'Twilio rejected the credentials: rotate the secret in Accounts';
    case 'error':
      return sync.message ?? 'The last sync failed; PortDesk will retry';
    case 'idle':
      return `Up to date${failed}`;
  }
}

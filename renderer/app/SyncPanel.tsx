import type { SyncStatusView } from '../../shared/views';
import { buttonClassName } from '../ui/NativeButton';
import { TipButton } from '../ui/TipButton';
import { formatCount } from '../ui/format';
import { IconAlert, IconCheck, IconCloudOff, IconRefresh } from '../ui/icons';
import { useNowAwake } from '../ui/useNowAwake';
import { Spinner } from '../ui/states';
import { useApp } from '../store/appStore';
import { shortcutHint } from './shortcuts';
import { syncPanelWords } from './syncWords';

/** The sync state in words, always visible in the sidebar, with "Sync now". */
export function SyncPanel({
  sync,
  requested,
  onSyncNow,
}: {
  sync: SyncStatusView | null;
  requested: boolean;
  onSyncNow: () => void;
}) {
  const now = useNowAwake();
  const cadenceMinutes = useApp((s) => s.settings?.syncCadenceMinutes ?? null);
  const words = syncPanelWords(sync, { requested, cadenceMinutes, now });
  const { phase } = words;
  const state = requested ? 'syncing' : (sync?.state ?? 'idle');
  const icon =
    phase === 'syncing' || phase === 'catching_up' || requested ? (
      <Spinner />
    ) : phase === 'offline' || phase === 'paused' ? (
      <IconCloudOff />
    ) : phase === 'retrying' || phase === 'unauthorized' ? (
      <IconAlert />
    ) : (
      <IconCheck />
    );
  return (
    <section
      className={`sync-panel sync-panel--${state}`}
      aria-label="Sync status"
      data-phase={phase}
    >
      <div className="sync-panel__status" role="status" aria-live="polite" data-testid="sync-state">
        <span className="sync-panel__icon">{icon}</span>
        <span className="sync-panel__text">
          <span className="sync-panel__headline">{words.headline}</span>
          <span
            className={`sync-panel__detail${words.stale ? ' sync-panel__detail--stale' : ''}`}
            data-testid={words.stale ? 'sync-stale' : undefined}
          >
            {words.stale ? <IconAlert size={12} /> : null}
            {words.last}
          </span>
        </span>
      </div>
      {words.detail ? <p className="sync-panel__message">{words.detail}</p> : null}
      {sync && sync.queuedOps + sync.failedOps > 0 ? (
        <p className="sync-panel__detail">
          {sync.queuedOps > 0 ? `${formatCount(sync.queuedOps)} waiting to send` : null}
          {sync.queuedOps > 0 && sync.failedOps > 0 ? ' · ' : null}
          {sync.failedOps > 0 ? `${formatCount(sync.failedOps)} failed` : null}
        </p>
      ) : null}
      <TipButton
        tip={`Fetch the latest from Twilio now (${shortcutHint('sync')})`}
        className={buttonClassName({ size: 'sm', className: 'sync-panel__button' })}
        onPress={onSyncNow}
        isDisabled={requested || phase === 'syncing' || phase === 'catching_up'}
      >
        <IconRefresh size={14} />
        Sync now
      </TipButton>
    </section>
  );
}

import type { SyncStatusView } from '../../shared/views';
import { Button, WithTooltip } from '../ui/Button';
import { formatCount } from '../ui/format';
import { IconAlert, IconCheck, IconCloudOff, IconRefresh } from '../ui/icons';
import { formatSince } from '../ui/relativeTime';
import { useNowAwake } from '../ui/useNowAwake';
import { Spinner } from '../ui/states';
import { shortcutHint } from './shortcuts';

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
  const state = sync?.state ?? 'idle';
  const neverSynced = !sync?.lastSuccessAt;
  const last = sync?.lastSuccessAt
    ? `Last synced ${formatSince(sync.lastSuccessAt, now)}`
    : 'Not synced yet';
  const headline =
    state === 'syncing' || requested
      ? 'Syncing…'
      : state === 'offline'
        ? 'Offline'
        : state === 'error'
          ? 'Sync problem'
          : state === 'unauthorized'
            ? 'Credentials rejected'
            : // Nothing fetched yet is not "up to date": say the first sync is still to come.
              neverSynced
              ? 'Waiting for the first sync'
              : 'Up to date';
  const detail =
    state === 'offline'
      ? (sync?.message ?? 'Work is saved and queued; it is sent when the network is back.')
      : state === 'error' || state === 'unauthorized'
        ? (sync?.message ?? 'Twilio could not be reached.')
        : null;
  const icon =
    state === 'syncing' || requested ? (
      <Spinner />
    ) : state === 'offline' ? (
      <IconCloudOff />
    ) : state === 'error' || state === 'unauthorized' ? (
      <IconAlert />
    ) : (
      <IconCheck />
    );
  return (
    <section className={`sync-panel sync-panel--${state}`} aria-label="Sync status">
      <div className="sync-panel__status" role="status" aria-live="polite" data-testid="sync-state">
        <span className="sync-panel__icon">{icon}</span>
        <span className="sync-panel__text">
          <span className="sync-panel__headline">{headline}</span>
          <span className="sync-panel__detail">{last}</span>
        </span>
      </div>
      {detail ? <p className="sync-panel__message">{detail}</p> : null}
      {sync && (state === 'error' || state === 'unauthorized')
        ? sync.accounts
            .filter((a) => a.message && a.state !== 'idle')
            .map((a) => (
              <p key={a.accountId} className="sync-panel__message">
                <strong>{a.label}:</strong> {a.message}
              </p>
            ))
        : null}
      {sync && sync.queuedOps + sync.failedOps > 0 ? (
        <p className="sync-panel__detail">
          {sync.queuedOps > 0 ? `${formatCount(sync.queuedOps)} waiting to send` : null}
          {sync.queuedOps > 0 && sync.failedOps > 0 ? ' · ' : null}
          {sync.failedOps > 0 ? `${formatCount(sync.failedOps)} failed` : null}
        </p>
      ) : null}
      <WithTooltip tip={`Fetch the latest from Twilio now (${shortcutHint('sync')})`}>
        <Button
          size="sm"
          className="sync-panel__button"
          onPress={onSyncNow}
          isDisabled={requested || state === 'syncing'}
        >
          <IconRefresh size={14} />
          Sync now
        </Button>
      </WithTooltip>
    </section>
  );
}

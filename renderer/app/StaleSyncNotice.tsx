import { useApp } from '../store/appStore';
import { IconAlert } from '../ui/icons';
import { useNowAwake } from '../ui/useNowAwake';
import { isSyncStale, staleWords } from './syncWords';

/**
 * The requests list's word on sync: nothing while the data is fresh; when the last complete sync
 * is older than twice the interval, "Last complete sync N min ago" as a warning, so a list that
 * may be out of date never passes for current.
 */
export function StaleSyncNotice() {
  const now = useNowAwake();
  const lastSuccessAt = useApp((s) => s.sync?.lastSuccessAt ?? null);
  const cadenceMinutes = useApp((s) => s.settings?.syncCadenceMinutes ?? null);
  if (lastSuccessAt === null || !isSyncStale(lastSuccessAt, cadenceMinutes, now)) return null;
  return (
    <p
      className="banner tone-warning stale-sync-notice"
      role="status"
      data-testid="list-sync-stale"
    >
      <IconAlert size={14} />
      {staleWords(lastSuccessAt, now)}: the list may be out of date.
    </p>
  );
}

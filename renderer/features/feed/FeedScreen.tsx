import { useEffect } from 'react';
import {
  NOTICE_KIND_LABELS,
  NOTICE_KINDS,
  type NoticeKind,
  type NoticeView,
} from '../../../shared/feed';
import { useApp } from '../../store/appStore';
import { routeForTarget, useFeed } from '../../store/feedStore';
import { Button } from '../../ui/Button';
import { Switch } from '../../ui/fields';
import { plural } from '../../ui/format';
import { IconCheck } from '../../ui/icons';
import { Screen } from '../../ui/Screen';
import { Select } from '../../ui/Select';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { FeedList } from './FeedList';
import { PopupPermission } from './PopupPermission';

const ALL = 'all';
const KIND_ORDER = Object.keys(NOTICE_KIND_LABELS) as NoticeKind[];

/**
 * The activity feed: every notice PortDesk raised, newest first, grouped by day, with filters by
 * kind, account and unread. Opening a notice marks it read and goes where it points.
 */
export function FeedScreen() {
  const accounts = useApp((s) => s.accounts);
  const navigate = useApp((s) => s.navigate);
  const filters = useFeed((s) => s.filters);
  const total = useFeed((s) => s.total);
  const unread = useFeed((s) => s.unread);
  const error = useFeed((s) => s.error);
  const setFilters = useFeed((s) => s.setFilters);
  const markRead = useFeed((s) => s.markRead);
  const markAllRead = useFeed((s) => s.markAllRead);
  const digestSeen = useFeed((s) => s.digestSeen);

  useEffect(() => {
    // Opening the feed is looking: the "since you last looked" line has done its work.
    void digestSeen();
    setFilters({});
  }, [digestSeen, setFilters]);

  const narrowed = filters.kinds.length > 0 || filters.accountIds.length > 0;
  const filtered = narrowed || filters.unreadOnly;
  const kind = filters.kinds[0] ?? ALL;
  const account = filters.accountIds[0] ?? ALL;

  function open(notice: NoticeView) {
    if (!notice.read) void markRead(notice.id);
    navigate(routeForTarget(notice.target));
  }

  return (
    <Screen
      className="feed-screen"
      title="Activity"
      subtitle={
        <span role="status">{unread === 0 ? 'All read' : plural(unread, 'unread notice')}</span>
      }
      actions={
        <>
          <PopupPermission />
          <Button onPress={() => void markAllRead()} isDisabled={unread === 0}>
            {/* With a kind or account chosen, only what the filters show is marked. */}
            <IconCheck /> {narrowed ? 'Mark these read' : 'Mark all read'}
          </Button>
        </>
      }
    >
      <div className="toolbar feed-screen__filters">
        <Select
          label="Kind"
          value={kind}
          onChange={(value) => setFilters({ kinds: value === ALL ? [] : [value as NoticeKind] })}
          options={[
            { value: ALL, label: 'All kinds' },
            ...KIND_ORDER.filter((k) => NOTICE_KINDS.includes(k)).map((k) => ({
              value: k,
              label: NOTICE_KIND_LABELS[k],
            })),
          ]}
        />
        {accounts.length > 1 ? (
          <Select
            label="Account"
            value={account}
            onChange={(value) => setFilters({ accountIds: value === ALL ? [] : [value] })}
            options={[
              { value: ALL, label: 'All accounts' },
              ...accounts.map((a) => ({ value: a.id, label: a.label })),
            ]}
          />
        ) : null}
        <Switch
          isSelected={filters.unreadOnly}
          onChange={(unreadOnly) => setFilters({ unreadOnly })}
        >
          Unread only
        </Switch>
        {filtered && total !== null ? (
          <span className="muted small" role="status">
            {plural(total, 'notice')}
          </span>
        ) : null}
      </div>
      <div className="feed-screen__list">
        {error && total === null ? (
          <ErrorState
            title="The activity could not be loaded"
            error={error}
            onRetry={() => setFilters({})}
          />
        ) : total === null ? (
          <LoadingState label="Loading activity…" />
        ) : total === 0 ? (
          filtered ? (
            <EmptyState
              title="Nothing matches these filters"
              action={
                <Button
                  onPress={() => setFilters({ kinds: [], accountIds: [], unreadOnly: false })}
                >
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyState title="No activity yet">
              Rejections, port dates, LOA reminders and completions appear here as sync finds them.
            </EmptyState>
          )
        ) : (
          <FeedList onOpen={open} showAccount={accounts.length > 1} />
        )}
      </div>
    </Screen>
  );
}

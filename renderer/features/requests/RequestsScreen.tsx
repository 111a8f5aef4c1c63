import { useEffect, useRef, useState } from 'react';
import { REQUEST_STATUSES } from '../../../shared/domain/statuses';
import {
  ATTENTION_FLAGS,
  type AttentionFlag,
  type RequestStatusFilter,
} from '../../../shared/views';
import { shortcutHint } from '../../app/shortcuts';
import { StaleSyncNotice } from '../../app/StaleSyncNotice';
import { useApp } from '../../store/appStore';
import { useRequests } from '../../store/requestsStore';
import { formatCount, plural } from '../../ui/format';
import { IconList, IconPlus, IconSearch } from '../../ui/icons';
import { PlainButton, buttonClassName } from '../../ui/NativeButton';
import { Screen } from '../../ui/Screen';
import { TipButton } from '../../ui/TipButton';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { REQUEST_STATUS_LABELS } from '../../ui/status';
import { ATTENTION_LABELS } from './AttentionFlags';
import { AttentionToggle } from './AttentionToggle';
import { ExportMenuButton, FilterMenuButton } from './LazyMenus';
import { RequestSearchField } from './RequestSearchField';
import { RequestTable } from './RequestTable';
import { searchDebounceMs } from './searchDebounce';

export function RequestsScreen() {
  const filters = useRequests((s) => s.filters);
  const total = useRequests((s) => s.total);
  const stale = useRequests((s) => s.stale);
  const facets = useRequests((s) => s.facets);
  const error = useRequests((s) => s.error);
  const setFilters = useRequests((s) => s.setFilters);
  const resetFilters = useRequests((s) => s.resetFilters);
  const accounts = useApp((s) => s.accounts);
  const navigate = useApp((s) => s.navigate);
  const focusRequest = useApp((s) => s.searchFocusRequest);
  const [search, setSearch] = useState(filters.search);
  const heldUpdates = useRequests((s) => s.heldUpdates);
  const showUpdates = useRequests((s) => s.showUpdates);
  const [focusFirstRow, setFocusFirstRow] = useState(0);
  const searchInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusRequest > 0) {
      searchInput.current?.focus();
      searchInput.current?.select();
    }
  }, [focusRequest]);

  // The text typed but not yet asked for: leaving the screen asks for it rather than dropping it.
  const pendingSearch = useRef<string | null>(null);
  useEffect(() => {
    if (search === filters.search) {
      pendingSearch.current = null;
      return undefined;
    }
    const wait = searchDebounceMs(search);
    if (wait === 0) {
      pendingSearch.current = null;
      setFilters({ search });
      return undefined;
    }
    pendingSearch.current = search;
    const id = window.setTimeout(() => {
      pendingSearch.current = null;
      setFilters({ search });
    }, wait);
    return () => window.clearTimeout(id);
  }, [search, filters.search, setFilters]);
  useEffect(
    () => () => {
      if (pendingSearch.current !== null) setFilters({ search: pendingSearch.current });
    },
    [setFilters],
  );

  const filtered =
    filters.statuses.length > 0 ||
    filters.accountIds.length > 0 ||
    filters.attention.length > 0 ||
    filters.search.trim() !== '';

  const statusOptions = ([...REQUEST_STATUSES, 'unknown'] as RequestStatusFilter[])
    .filter((status) => status !== 'unknown' || (facets?.byStatus.unknown ?? 0) > 0)
    .map((status) => ({
      value: status,
      label: status === 'unknown' ? 'Other (as Twilio sent it)' : REQUEST_STATUS_LABELS[status],
      count: facets?.byStatus[status] ?? 0,
    }));

  function toggleAttention(flag: AttentionFlag, on: boolean) {
    const next = on ? [...filters.attention, flag] : filters.attention.filter((f) => f !== flag);
    setFilters({ attention: next });
  }

  const subtitle =
    facets === null
      ? null
      : `${plural(facets.all, 'request')} · ${formatCount(facets.needsAttention)} need attention`;

  return (
    <Screen
      title="Requests"
      subtitle={subtitle}
      className="requests-screen"
      actions={
        <>
          <ExportMenuButton />
          <TipButton
            tip={`New port-in (${shortcutHint('new-port-in')})`}
            className={buttonClassName({ variant: 'primary' })}
            onPress={() => navigate({ screen: 'new-port-in' })}
          >
            <IconPlus />
            New port-in
          </TipButton>
        </>
      }
    >
      <StaleSyncNotice />
      <div className="toolbar">
        <RequestSearchField
          value={search}
          onChange={setSearch}
          onClear={() => setFilters({ search: '' })}
          inputRef={searchInput}
        />
        <FilterMenuButton
          label="Status"
          options={statusOptions}
          selected={filters.statuses}
          onChange={(statuses) => setFilters({ statuses })}
        />
        {accounts.length > 1 ? (
          <FilterMenuButton
            label="Account"
            options={accounts.map((a) => ({
              value: a.id,
              label: a.label,
              count: facets?.byAccount[a.id] ?? 0,
            }))}
            selected={filters.accountIds}
            onChange={(accountIds) => setFilters({ accountIds })}
          />
        ) : null}
        {filtered ? (
          <PlainButton
            variant="ghost"
            onPress={() => {
              setSearch('');
              resetFilters();
            }}
          >
            Clear filters
          </PlainButton>
        ) : null}
      </div>
      <div
        className="attention-filters"
        role="group"
        aria-label="Show only requests that need attention"
      >
        {ATTENTION_FLAGS.map((flag) => (
          <AttentionToggle
            key={flag}
            isSelected={filters.attention.includes(flag)}
            onChange={(on) => toggleAttention(flag, on)}
          >
            {ATTENTION_LABELS[flag]}
            <span className="toggle-chip__count">
              {formatCount(facets?.byAttention[flag] ?? 0)}
            </span>
          </AttentionToggle>
        ))}
        {total !== null && !stale && filtered ? (
          <span className="muted small attention-filters__result" role="status">
            {plural(total, 'match', 'matches')}
          </span>
        ) : null}
      </div>
      <div className="requests-screen__list">
        {/* Always in the page, so screen readers hear the count when it appears. */}
        <div className="updates-bar-slot" role="status">
          {heldUpdates > 0 ? (
            <div className="updates-bar">
              <span>{plural(heldUpdates, 'request')} updated</span>
              <span aria-hidden="true">—</span>
              <PlainButton
                size="sm"
                variant="primary"
                onPress={() => {
                  showUpdates();
                  setFocusFirstRow((n) => n + 1);
                }}
              >
                Show
              </PlainButton>
            </div>
          ) : null}
        </div>
        {error && total === null ? (
          <ErrorState
            title="The requests could not be loaded"
            error={error}
            onRetry={() => setFilters({})}
          />
        ) : total === null ? (
          <LoadingState label="Loading requests…" />
        ) : total === 0 ? (
          filtered ? (
            <EmptyState
              icon={<IconSearch size={28} />}
              title="No requests match"
              action={
                <PlainButton
                  onPress={() => {
                    setSearch('');
                    resetFilters();
                  }}
                >
                  Clear filters
                </PlainButton>
              }
            >
              Try another spelling, fewer digits of the number, or clear the filters.
            </EmptyState>
          ) : (
            <EmptyState
              icon={<IconList size={28} />}
              title="No port-in requests yet"
              action={
                <PlainButton variant="primary" onPress={() => navigate({ screen: 'new-port-in' })}>
                  <IconPlus /> New port-in
                </PlainButton>
              }
            >
              Requests from your Twilio accounts appear here after the first sync.
            </EmptyState>
          )
        ) : (
          <RequestTable
            onOpen={(sid) => navigate({ screen: 'request', sid })}
            showAccount={accounts.length > 1}
            focusFirstRow={focusFirstRow}
          />
        )}
      </div>
    </Screen>
  );
}

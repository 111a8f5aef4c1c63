import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { accountNowMs } from '../../../shared/domain/accountTime';
import type { RequestSortField } from '../../../shared/ipc';
import type { RequestListRow } from '../../../shared/views';
import { useRequests } from '../../store/requestsStore';
import {
  formatCount,
  formatDateTime,
  formatPortDate,
  formatPortDateShort,
  formatShortDate,
} from '../../ui/format';
import { IconSort } from '../../ui/icons';
import { formatAgoCompact } from '../../ui/relativeTime';
import { useNowAwake } from '../../ui/useNowAwake';
import { RequestStatusChip } from '../../ui/StatusChip';
import { AttentionFlags } from './AttentionFlags';

const ROW_HEIGHT = 56;
/**
 * Rows kept in the DOM above and below the visible ones. Each one is re-rendered on every scroll
 * frame, so fewer scroll more smoothly (bench:ui, docs/benchmarks.md); keyboard moves further
 * than this scroll first and focus the row once it is rendered.
 */
const OVERSCAN = 4;

interface Column {
  id: string;
  label: string;
  sort?: RequestSortField;
  className?: string;
}

const COLUMNS: readonly Column[] = [
  { id: 'customer', label: 'Customer', sort: 'customerName' },
  { id: 'status', label: 'Status', sort: 'status' },
  { id: 'attention', label: 'Needs attention' },
  { id: 'numbers', label: 'Numbers', sort: 'numbersRequested', className: 'cell--num' },
  { id: 'target', label: 'Target', sort: 'targetPortInDate' },
  { id: 'portDate', label: 'Port date', sort: 'firstPortDate' },
  { id: 'changed', label: 'Changed', sort: 'lastChangedAt' },
];

/** Where the list was scrolled, kept across visits to a request's detail (same query only). */
const saved = { generation: -1, scroll: 0, active: 0 };

/**
 * The requests as a virtualised grid: only the rows on screen are in the DOM and only their
 * pages are fetched, so 10,000 requests scroll like 10. Arrow keys move between rows, Enter
 * opens one.
 */
export function RequestTable({
  onOpen,
  showAccount,
  focusFirstRow,
}: {
  onOpen: (sid: string) => void;
  showAccount: boolean;
  /** Bumped when the agent applied held updates: the first row takes the focus. */
  focusFirstRow: number;
}) {
  const total = useRequests((s) => s.total) ?? 0;
  const pages = useRequests((s) => s.pages);
  const stale = useRequests((s) => s.stale);
  const generation = useRequests((s) => s.generation);
  const sort = useRequests((s) => s.filters.sort);
  const setFilters = useRequests((s) => s.setFilters);
  const ensureRows = useRequests((s) => s.ensureRows);
  const rowAt = useRequests((s) => s.rowAt);
  const setHoldOrder = useRequests((s) => s.setHoldOrder);
  const now = useNowAwake();
  // A sync never moves rows the agent is looking at (docs/ui.md, "A list that stays still").
  const [pointerInside, setPointerInside] = useState(false);
  const [focusInside, setFocusInside] = useState(false);
  const [scrolled, setScrolled] = useState(saved.scroll > 0);
  const looking = pointerInside || focusInside || scrolled;
  useEffect(() => {
    setHoldOrder(looking);
  }, [looking, setHoldOrder]);
  useEffect(() => () => setHoldOrder(false), [setHoldOrder]);
  const scroller = useRef<HTMLDivElement>(null);
  const [mountedFor] = useState(() => {
    if (saved.generation !== generation) Object.assign(saved, { generation, scroll: 0, active: 0 });
    return generation;
  });
  const [active, setActive] = useState(() => Math.min(saved.active, Math.max(0, total - 1)));
  const focusPending = useRef(false);
  const [activeQuery, setActiveQuery] = useState(generation);
  if (activeQuery !== generation) {
    // A new query starts at its first row (set while rendering: no frame with the old one).
    setActiveQuery(generation);
    setActive(0);
  }

  // This build has no React Compiler; the rule only says the compiler would skip this component.
  // Nothing here memoizes the virtualizer's functions, so each render reads them fresh.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialOffset: saved.scroll,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  const scrolledQuery = useRef(mountedFor);
  useLayoutEffect(() => {
    if (scrolledQuery.current === generation) return;
    scrolledQuery.current = generation;
    // A new query starts at the top; the previous query's rows stay there, dimmed, until the
    // new ones replace them.
    Object.assign(saved, { generation, scroll: 0, active: 0 });
    virtualizer.scrollToOffset(0);
  }, [generation, virtualizer]);

  useEffect(() => {
    if (total > 0) ensureRows(first, last);
  }, [first, last, total, pages, ensureRows]);

  useEffect(() => {
    if (!focusPending.current) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusPending.current = false;
    }
  });

  useEffect(() => {
    if (active >= total && total > 0) setActive(total - 1);
  }, [active, total]);

  const [focusToken, setFocusToken] = useState(focusFirstRow);
  if (focusToken !== focusFirstRow) {
    // "Show" took the focus with it as its bar went away: it goes to the list's first row.
    setFocusToken(focusFirstRow);
    setActive(0);
    saved.active = 0;
    focusPending.current = true;
  }

  function move(to: number) {
    const index = Math.max(0, Math.min(total - 1, to));
    setActive(index);
    saved.active = index;
    focusPending.current = true;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }

  /**
   * Keys move from the active row, not from the row that received the key: a key pressed before
   * the list has scrolled to a row out of the rendered window still reaches the previous row.
   */
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const pageRows = Math.max(
      1,
      Math.floor((scroller.current?.clientHeight ?? 560) / ROW_HEIGHT) - 1,
    );
    const open = () => {
      const row = rowAt(active);
      if (row) onOpen(row.sid);
    };
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + pageRows),
      PageUp: () => move(active - pageRows),
      Home: () => move(0),
      End: () => move(total - 1),
      Enter: open,
      ' ': open,
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  function toggleSort(field: RequestSortField) {
    const direction: 'asc' | 'desc' =
      sort.field === field
        ? sort.direction === 'asc'
          ? 'desc'
          : 'asc'
        : field === 'customerName'
          ? 'asc'
          : 'desc';
    setFilters({ sort: { field, direction } });
  }

  return (
    <div
      className={`request-table ${stale ? 'request-table--stale' : ''}`}
      role="grid"
      aria-label="Port-in requests"
      aria-busy={stale || undefined}
      aria-rowcount={total + 1}
      aria-colcount={COLUMNS.length}
      onPointerEnter={() => setPointerInside(true)}
      onPointerLeave={() => setPointerInside(false)}
      onFocus={() => setFocusInside(true)}
      onBlur={(event) => {
        const grid = event.currentTarget;
        if (grid.contains(event.relatedTarget as Node | null)) return;
        // No next target: the window lost focus (the row keeps it, and gets it back) or a click
        // landed on nothing focusable. Only the latter leaves the list.
        window.setTimeout(() => {
          if (!grid.contains(document.activeElement)) setFocusInside(false);
        }, 0);
      }}
    >
      <div className="request-table__head" role="rowgroup">
        <div className="request-row request-row--head" role="row" aria-rowindex={1}>
          {COLUMNS.map((column) => {
            const sorted = column.sort && sort.field === column.sort ? sort.direction : null;
            return (
              <div
                key={column.id}
                role="columnheader"
                className={`cell ${column.className ?? ''}`}
                aria-sort={
                  sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                }
              >
                {column.sort ? (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => column.sort && toggleSort(column.sort)}
                  >
                    {column.label}
                    <IconSort sortOrder={sorted} size={14} />
                  </button>
                ) : (
                  column.label
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div
        className="request-table__body"
        role="rowgroup"
        ref={scroller}
        onScroll={(event) => {
          saved.scroll = event.currentTarget.scrollTop;
          setScrolled(saved.scroll > 0);
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                data-testid={row ? `request-row-${row.sid}` : undefined}
                tabIndex={item.index === active ? 0 : -1}
                className={`request-row ${row?.attention.actionRequired || row?.attention.failedToSend ? 'request-row--alert' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => {
                  setActive(item.index);
                  saved.active = item.index;
                  if (row) onOpen(row.sid);
                }}
                onFocus={() => {
                  if (active !== item.index) setActive(item.index);
                }}
                onKeyDown={onKeyDown}
              >
                {row ? (
                  <RowCells row={row} now={now} showAccount={showAccount} />
                ) : (
                  <SkeletonCells />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function RowCells({
  row,
  now,
  showAccount,
}: {
  row: RequestListRow;
  now: number;
  showAccount: boolean;
}) {
  return (
    <>
      <div role="gridcell" className="cell cell--customer">
        {row.customerName ? (
          <CustomerName name={row.customerName} />
        ) : (
          <span className="cell__primary muted">Details not fetched yet</span>
        )}
        <span className="cell__secondary">
          <span className="mono">{row.sid}</span>
          {showAccount ? (
            <>
              <span aria-hidden="true"> · </span>
              {row.accountLabel}
            </>
          ) : null}
        </span>
      </div>
      <div role="gridcell" className="cell cell--status">
        <RequestStatusChip status={row.status} />
      </div>
      <div role="gridcell" className="cell cell--flags">
        <AttentionFlags attention={row.attention} compact />
      </div>
      <div
        role="gridcell"
        className="cell cell--num tabular"
        title={`${formatCount(row.numbersPorted)} ported of ${formatCount(row.numbersRequested)} requested`}
      >
        <span aria-hidden="true">
          {formatCount(row.numbersPorted)} / {formatCount(row.numbersRequested)}
        </span>
        <span className="visually-hidden">
          {formatCount(row.numbersPorted)} ported of {formatCount(row.numbersRequested)}
        </span>
      </div>
      <div role="gridcell" className="cell tabular">
        {row.targetPortInDate ? (
          formatShortDate(row.targetPortInDate)
        ) : (
          <span className="muted">—</span>
        )}
      </div>
      <div
        role="gridcell"
        className="cell tabular"
        title={row.firstPortDate ? formatPortDate(row.firstPortDate) : undefined}
      >
        {row.firstPortDate ? (
          formatPortDateShort(row.firstPortDate)
        ) : (
          <span className="muted">Not set</span>
        )}
      </div>
      <div role="gridcell" className="cell cell--changed" title={formatDateTime(row.lastChangedAt)}>
        {/* lastChangedAt is on the account's clock (main moved it there): so is "now". */}
        {formatAgoCompact(row.lastChangedAt, accountNowMs(row.clockOffsetMs ?? 0, now))}
      </div>
    </>
  );
}

/**
 * The customer's name on one line. A name too long for the column loses letters from its middle,
 * not its end: "Lakeshore Property Manag… #10" and "… #3" stay apart. The full name is the title.
 */
function CustomerName({ name }: { name: string }) {
  const cut = name.lastIndexOf(' ');
  const head = cut > 0 ? name.slice(0, cut) : name;
  const tail = cut > 0 ? name.slice(cut) : '';
  return (
    <span className="cell__primary customer-name" title={name}>
      <span className="customer-name__head">{head}</span>
      {tail ? <span className="customer-name__tail">{tail}</span> : null}
    </span>
  );
}

function SkeletonCells() {
  return (
    <>
      {COLUMNS.map((column) => (
        <div role="gridcell" key={column.id} className="cell">
          <span className="skeleton" style={{ width: column.id === 'customer' ? '70%' : '60%' }} />
        </div>
      ))}
    </>
  );
}

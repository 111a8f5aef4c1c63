import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Input, SearchField } from 'react-aria-components';
import { NUMBER_STATUSES, type NumberStatus } from '../../../shared/domain/statuses';
import { isTerminalNumberStatus } from '../../../shared/domain/statuses';
import { formatUsPhoneNumber } from '../../../shared/domain/phoneNumbers';
import type { NumberRow } from '../../../shared/views';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/fields';
import { formatCount, formatPortDate, plural } from '../../ui/format';
import { IconSearch } from '../../ui/icons';
import { Select } from '../../ui/Select';
import { EmptyState } from '../../ui/states';
import { NUMBER_STATUS_LABELS } from '../../ui/status';
import { NumberStatusChip } from '../../ui/StatusChip';
import { ExportNumbersButton } from './ExportNumbersButton';
import { ReasonCard } from './Timeline';

type StatusFilter = 'all' | NumberStatus | 'unknown' | 'not_portable';

function portabilityText(row: NumberRow): string {
  if (row.portable === true) return 'Portable';
  if (row.portable === false) return 'Not portable';
  return 'Not checked yet';
}

export function isCancellable(row: NumberRow): boolean {
  return (
    !row.cancelPending &&
    !isTerminalNumberStatus(row.status.canonical) &&
    row.status.canonical !== 'canceling'
  );
}

/**
 * The request's numbers (up to 1,000), virtualised, with filters by status and digits, and a
 * selection for "Cancel numbers".
 */
export function NumbersTable({
  numbers,
  canCancel,
  onCancel,
  focusSid,
}: {
  numbers: readonly NumberRow[];
  canCancel: boolean;
  onCancel: (rows: NumberRow[]) => void;
  /** A number to scroll to and mark (opened from a notice about it). */
  focusSid?: string;
}) {
  const [status, setStatus] = useState<StatusFilter>('all');
  const [digits, setDigits] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const scroller = useRef<HTMLDivElement>(null);

  const counts = useMemo(() => {
    const byStatus = new Map<string, number>();
    let notPortable = 0;
    for (const row of numbers) {
      byStatus.set(row.status.canonical, (byStatus.get(row.status.canonical) ?? 0) + 1);
      if (row.portable === false) notPortable += 1;
    }
    return { byStatus, notPortable };
  }, [numbers]);

  const visible = useMemo(() => {
    const wanted = digits.replace(/\D/g, '');
    return numbers.filter((row) => {
      if (
        status === 'not_portable'
          ? row.portable !== false
          : status !== 'all' && row.status.canonical !== status
      ) {
        return false;
      }
      return wanted === '' || row.phoneNumber.replace(/\D/g, '').includes(wanted);
    });
  }, [numbers, status, digits]);

  // This build has no React Compiler; the rule only says the compiler would skip this component.
  // Nothing here memoizes the virtualizer's functions, so each render reads them fresh.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 52,
    // As the requests list: 4 rows beyond each edge (≥ 200 px) keep scrolling blank-free, and
    // each row costs a checkbox and a status chip to mount when the tab opens.
    overscan: 4,
  });

  const focusIndex = focusSid ? visible.findIndex((row) => row.sid === focusSid) : -1;
  useEffect(() => {
    if (focusIndex >= 0) virtualizer.scrollToIndex(focusIndex, { align: 'center' });
  }, [focusIndex, virtualizer]);
  const shownFocus = useRef<string | null>(null);
  useEffect(() => {
    // Once the marked row is rendered, bring it into the window too (the table sits below the
    // request's facts), once per number asked for.
    if (!focusSid || shownFocus.current === focusSid) return;
    const row = scroller.current?.querySelector<HTMLElement>('[aria-current="true"]');
    if (!row) return;
    row.scrollIntoView({ block: 'center' });
    shownFocus.current = focusSid;
  });

  const selectable = visible.filter(isCancellable);
  const selectedRows = numbers.filter((row) => selected.has(row.sid) && isCancellable(row));
  const allSelected = selectable.length > 0 && selectable.every((row) => selected.has(row.sid));
  const someSelected = selectable.some((row) => selected.has(row.sid));

  const statusOptions: { value: StatusFilter; label: string }[] = [
    { value: 'all', label: `All statuses (${formatCount(numbers.length)})` },
    ...NUMBER_STATUSES.filter((s) => counts.byStatus.has(s)).map((s) => ({
      value: s as StatusFilter,
      label: `${NUMBER_STATUS_LABELS[s]} (${formatCount(counts.byStatus.get(s) ?? 0)})`,
    })),
    ...(counts.byStatus.has('unknown')
      ? [
          {
            value: 'unknown' as StatusFilter,
            label: `Other (${formatCount(counts.byStatus.get('unknown') ?? 0)})`,
          },
        ]
      : []),
    ...(counts.notPortable > 0
      ? [
          {
            value: 'not_portable' as StatusFilter,
            label: `Not portable (${formatCount(counts.notPortable)})`,
          },
        ]
      : []),
  ];

  function toggle(sid: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(sid);
    else next.delete(sid);
    setSelected(next);
  }

  return (
    <div className="numbers">
      <div className="toolbar">
        <SearchField
          className="search-field search-field--small"
          aria-label="Find a number"
          value={digits}
          onChange={setDigits}
        >
          <IconSearch className="search-field__icon" />
          <Input className="input search-field__input" placeholder="Find a number" />
        </SearchField>
        <Select
          label="Number status"
          hideLabel
          value={status}
          onChange={setStatus}
          options={statusOptions}
          className="numbers__status-filter"
        />
        <span className="grow" />
        <ExportNumbersButton />
        {canCancel ? (
          <Button
            variant="danger"
            isDisabled={selectedRows.length === 0}
            onPress={() => onCancel(selectedRows)}
          >
            {selectedRows.length === 0
              ? 'Cancel numbers'
              : `Cancel ${plural(selectedRows.length, 'number')}`}
          </Button>
        ) : null}
      </div>
      {visible.length === 0 ? (
        <EmptyState title="No numbers match">Change the status filter or the digits.</EmptyState>
      ) : (
        <div
          className="numbers-table"
          role="table"
          aria-label="Numbers in this request"
          aria-rowcount={visible.length + 1}
        >
          <div className="numbers-row numbers-row--head" role="row" aria-rowindex={1}>
            <div role="columnheader" className="cell">
              {canCancel ? (
                <Checkbox
                  aria-label="Select all numbers that can be canceled"
                  isSelected={allSelected}
                  isIndeterminate={someSelected && !allSelected}
                  isDisabled={selectable.length === 0}
                  onChange={(on) =>
                    setSelected(on ? new Set(selectable.map((r) => r.sid)) : new Set())
                  }
                />
              ) : null}
            </div>
            <div role="columnheader" className="cell">
              Number
            </div>
            <div role="columnheader" className="cell">
              Status
            </div>
            <div role="columnheader" className="cell">
              Port date
            </div>
            <div role="columnheader" className="cell">
              Rejection reason and fix
            </div>
            <div role="columnheader" className="cell">
              Portability
            </div>
          </div>
          <div className="numbers-table__body" ref={scroller} role="rowgroup">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = visible[item.index];
                if (!row) return null;
                const reason = row.rejection ?? row.notPortable;
                return (
                  <div
                    key={row.sid}
                    role="row"
                    aria-rowindex={item.index + 2}
                    data-index={item.index}
                    ref={virtualizer.measureElement}
                    aria-current={row.sid === focusSid ? 'true' : undefined}
                    className={`numbers-row ${row.status.canonical === 'rejected' ? 'numbers-row--rejected' : ''} ${row.sid === focusSid ? 'numbers-row--focus' : ''}`}
                    style={{ transform: `translateY(${item.start}px)` }}
                  >
                    <div role="cell" className="cell">
                      {canCancel ? (
                        <Checkbox
                          aria-label={`Select ${formatUsPhoneNumber(row.phoneNumber)}`}
                          isSelected={selected.has(row.sid)}
                          isDisabled={!isCancellable(row)}
                          onChange={(on) => toggle(row.sid, on)}
                        />
                      ) : null}
                    </div>
                    <div role="cell" className="cell tabular">
                      <span className="cell__primary">{formatUsPhoneNumber(row.phoneNumber)}</span>
                      {row.numberType ? (
                        <span className="cell__secondary">{row.numberType.toLowerCase()}</span>
                      ) : null}
                    </div>
                    <div role="cell" className="cell cell--status">
                      <NumberStatusChip status={row.status} />
                      {row.cancelPending ? (
                        <span className="cell__secondary">Cancel queued</span>
                      ) : null}
                    </div>
                    <div role="cell" className="cell tabular">
                      {row.portDate ? (
                        formatPortDate(row.portDate)
                      ) : (
                        <span className="muted">Not set</span>
                      )}
                    </div>
                    <div role="cell" className="cell">
                      {reason ? (
                        <ReasonCard reason={reason} compact />
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </div>
                    <div role="cell" className="cell">
                      <span
                        className={
                          row.portable === false ? 'text-danger' : row.portable ? '' : 'muted'
                        }
                      >
                        {portabilityText(row)}
                      </span>
                    </div>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

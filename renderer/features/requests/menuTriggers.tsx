import type { ReactNode } from 'react';
import { useExports } from '../../store/exportStore';
import { useRequests } from '../../store/requestsStore';
import { formatCount } from '../../ui/format';
import { IconChevronDown, IconFile } from '../../ui/icons';
import type { FilterOption } from './filterOptions';

/**
 * What the list's menu buttons show, shared by the plain buttons of the first paint
 * (LazyMenus.tsx) and the react-aria menus that replace them once loaded, so the swap changes
 * nothing on screen.
 */
export interface TriggerLook {
  className: string;
  isDisabled: boolean;
  content: ReactNode;
}

export function filterTriggerLook<V extends string>(
  label: string,
  options: readonly FilterOption<V>[],
  selected: readonly V[],
): TriggerLook {
  const summary =
    selected.length === 0
      ? 'All'
      : selected.length === 1
        ? (options.find((o) => o.value === selected[0])?.label ?? '1 selected')
        : `${formatCount(selected.length)} selected`;
  return {
    className: `btn btn--secondary filter-button ${selected.length ? 'filter-button--active' : ''}`,
    isDisabled: false,
    content: (
      <>
        <span className="muted">{label}:</span> {summary}
        <IconChevronDown size={14} />
      </>
    ),
  };
}

export function useExportTriggerLook(): TriggerLook {
  const busy = useExports((s) => s.busy);
  const total = useRequests((s) => s.total);
  const exporting = busy === 'requests' || busy === 'numbers';
  return {
    className: 'btn btn--secondary',
    isDisabled: exporting || total === 0,
    content: (
      <>
        <IconFile size={16} />
        {exporting ? 'Exporting…' : 'Export'}
        <IconChevronDown size={14} />
      </>
    ),
  };
}

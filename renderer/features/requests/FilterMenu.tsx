import {
  Button as AriaButton,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  type Selection,
} from 'react-aria-components';
import { formatCount } from '../../ui/format';
import { IconCheck, IconChevronDown } from '../../ui/icons';

export interface FilterOption<V extends string> {
  value: V;
  label: string;
  count?: number;
}

/** A button opening a multi-select menu: "Status: All" / "Status: 2 selected". */
export function FilterMenu<V extends string>({
  label,
  options,
  selected,
  onChange,
}: {
  label: string;
  options: readonly FilterOption<V>[];
  selected: readonly V[];
  onChange: (values: V[]) => void;
}) {
  const summary =
    selected.length === 0
      ? 'All'
      : selected.length === 1
        ? (options.find((o) => o.value === selected[0])?.label ?? '1 selected')
        : `${formatCount(selected.length)} selected`;
  return (
    <MenuTrigger>
      <AriaButton
        className={`btn btn--secondary filter-button ${selected.length ? 'filter-button--active' : ''}`}
      >
        <span className="muted">{label}:</span> {summary}
        <IconChevronDown size={14} />
      </AriaButton>
      <Popover className="popover" placement="bottom start">
        <Menu
          className="menu"
          aria-label={`Filter by ${label.toLowerCase()}`}
          selectionMode="multiple"
          selectedKeys={new Set(selected)}
          onSelectionChange={(keys: Selection) => {
            onChange(keys === 'all' ? options.map((o) => o.value) : ([...keys].map(String) as V[]));
          }}
        >
          {options.map((option) => (
            <MenuItem
              key={option.value}
              id={option.value}
              className="menu-item"
              textValue={option.label}
            >
              {({ isSelected }) => (
                <>
                  <span className="listbox-item__check">
                    {isSelected ? <IconCheck size={14} /> : null}
                  </span>
                  <span>{option.label}</span>
                  {option.count !== undefined ? (
                    <span className="menu-item__count">{formatCount(option.count)}</span>
                  ) : null}
                </>
              )}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}

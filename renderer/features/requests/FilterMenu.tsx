import {
  Button as AriaButton,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  type Selection,
} from 'react-aria-components';
import { formatCount } from '../../ui/format';
import { IconCheck } from '../../ui/icons';
import type { FilterOption } from './filterOptions';
import { filterTriggerLook } from './menuTriggers';
import { useUpgradedMenuState, type MenuUpgrade } from './menuUpgrade';

/**
 * A button opening a multi-select menu: "Status: All" / "Status: 2 selected". Loaded after the
 * first paint (LazyMenus.tsx), which shows a plain button that looks the same until then.
 */
export function FilterMenu<V extends string>({
  label,
  options,
  selected,
  onChange,
  focusOnMount,
  openOnMount,
}: {
  label: string;
  options: readonly FilterOption<V>[];
  selected: readonly V[];
  onChange: (values: V[]) => void;
} & MenuUpgrade) {
  const look = filterTriggerLook(label, options, selected);
  const menuState = useUpgradedMenuState({ openOnMount });
  return (
    <MenuTrigger {...menuState}>
      <AriaButton className={look.className} autoFocus={focusOnMount}>
        {look.content}
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

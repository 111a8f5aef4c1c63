import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useExports } from '../../store/exportStore';
import { useRequests } from '../../store/requestsStore';
import { useExportTriggerLook } from './menuTriggers';
import { useUpgradedMenuState, type MenuUpgrade } from './menuUpgrade';

/**
 * "Export" on the requests list: a CSV of the requests the filters keep, or of their numbers.
 * Main reads its store and writes the file; the list on screen is not what is exported. Loaded
 * after the first paint (LazyMenus.tsx), which shows a plain button that looks the same.
 */
export function ExportMenu({ focusOnMount, openOnMount }: MenuUpgrade) {
  const exportRequests = useExports((s) => s.exportRequests);
  const exportListNumbers = useExports((s) => s.exportListNumbers);
  const look = useExportTriggerLook();
  const menuState = useUpgradedMenuState({ openOnMount });

  const filters = () => {
    const { statuses, accountIds, attention, search, sort } = useRequests.getState().filters;
    return { statuses, accountIds, attention, search: search.trim(), sort };
  };

  return (
    <MenuTrigger {...menuState}>
      <AriaButton className={look.className} isDisabled={look.isDisabled} autoFocus={focusOnMount}>
        {look.content}
      </AriaButton>
      <Popover className="popover" placement="bottom end">
        <Menu
          className="menu"
          aria-label="Export to CSV"
          onAction={(key) => {
            if (key === 'requests') void exportRequests(filters());
            else void exportListNumbers(filters());
          }}
        >
          <MenuItem id="requests" className="menu-item" textValue="Requests as CSV">
            Requests as CSV (filters applied)
          </MenuItem>
          <MenuItem id="numbers" className="menu-item" textValue="Their numbers as CSV">
            Their numbers as CSV
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}

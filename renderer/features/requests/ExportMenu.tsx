import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useExports } from '../../store/exportStore';
import { useRequests } from '../../store/requestsStore';
import { IconChevronDown, IconFile } from '../../ui/icons';

/**
 * "Export" on the requests list: a CSV of the requests the filters keep, or of their numbers.
 * Main reads its store and writes the file; the list on screen is not what is exported.
 */
export function ExportMenu() {
  const busy = useExports((s) => s.busy);
  const exportRequests = useExports((s) => s.exportRequests);
  const exportListNumbers = useExports((s) => s.exportListNumbers);
  const total = useRequests((s) => s.total);

  const filters = () => {
    const { statuses, accountIds, attention, search, sort } = useRequests.getState().filters;
    return { statuses, accountIds, attention, search: search.trim(), sort };
  };

  return (
    <MenuTrigger>
      <AriaButton
        className="btn btn--secondary"
        isDisabled={busy === 'requests' || busy === 'numbers' || total === 0}
      >
        <IconFile size={16} />
        {busy === 'requests' || busy === 'numbers' ? 'Exporting…' : 'Export'}
        <IconChevronDown size={14} />
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

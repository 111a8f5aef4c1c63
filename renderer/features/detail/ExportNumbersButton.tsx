import { useDetail } from '../../store/detailStore';
import { useExports } from '../../store/exportStore';
import { Button } from '../../ui/Button';
import { IconFile } from '../../ui/icons';

/** The Numbers tab's "Export CSV": every number of the request open on screen, from main's store. */
export function ExportNumbersButton() {
  const sid = useDetail((s) => s.sid);
  const busy = useExports((s) => s.busy);
  const exportRequestNumbers = useExports((s) => s.exportRequestNumbers);
  if (sid === null) return null;
  return (
    <Button
      variant="secondary"
      isDisabled={busy !== null}
      onPress={() => void exportRequestNumbers(sid)}
    >
      <IconFile size={16} />
      {busy === 'requestNumbers' ? 'Exporting…' : 'Export CSV'}
    </Button>
  );
}

import { Keys } from '../ui/Button';
import { Button } from '../ui/Button';
import { ModalDialog } from '../ui/Dialog';
import { SHORTCUTS } from './shortcuts';

export function ShortcutsDialog({
  isOpen,
  onOpenChange,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <ModalDialog isOpen={isOpen} onOpenChange={onOpenChange} title="Keyboard shortcuts">
      <table className="shortcuts-table">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.id}>
              <th scope="row">{shortcut.label}</th>
              <td>
                <span className="row">
                  <Keys keys={shortcut.keys} />
                  {shortcut.alternatives?.map((alt) => (
                    <span key={alt.join('+')} className="row">
                      <span className="muted small">or</span>
                      <Keys keys={alt} />
                    </span>
                  ))}
                </span>
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Move between requests in the list</th>
            <td>
              <span className="row">
                <Keys keys={['↑']} />
                <Keys keys={['↓']} />
                <span className="muted small">then</span>
                <Keys keys={['Enter']} />
              </span>
            </td>
          </tr>
        </tbody>
      </table>
      <div className="dialog__actions">
        <Button variant="primary" onPress={() => onOpenChange(false)} autoFocus>
          Close
        </Button>
      </div>
    </ModalDialog>
  );
}

import { app, dialog, type BrowserWindow } from 'electron';
import type { CoreHost } from '../../core/app/portdeskCore';
import { saveWithDialog } from './saveDialog';

/** `CoreHost.saveFile` in Electron: the save dialog, as a sheet of the window when it exists. */
export function electronSaveFile(
  currentWindow: () => BrowserWindow | null,
): NonNullable<CoreHost['saveFile']> {
  return (file) =>
    saveWithDialog(file, {
      showSaveDialog: (options) => {
        const parent = currentWindow();
        return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
      },
      downloadsFolder: app.getPath('downloads'),
    });
}

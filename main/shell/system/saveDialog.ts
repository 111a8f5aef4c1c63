import { basename, join } from 'node:path';
import { IpcCommandError, type ExportResultView } from '../../../shared/ipc';
import type { CsvFile } from '../../core/porting';
import { saveCsvFile } from '../../host/files/saveCsvFile';

/** The part of Electron's `dialog.showSaveDialog` used here (injected, so this is testable in Node). */
export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  buttonLabel: string;
  filters: { name: string; extensions: string[] }[];
  properties: ('createDirectory' | 'showOverwriteConfirmation')[];
}
export type ShowSaveDialog = (
  options: SaveDialogOptions,
) => Promise<{ canceled: boolean; filePath?: string }>;

/**
 * Electron's delivery of an export: the OS save dialog, suggested name in the Downloads folder,
 * then main writes the file itself (the renderer never holds the rows). Closing the dialog is
 * `canceled`, not an error.
 */
export async function saveWithDialog(
  file: CsvFile,
  deps: { showSaveDialog: ShowSaveDialog; downloadsFolder: string },
): Promise<ExportResultView> {
  const choice = await deps.showSaveDialog({
    title: 'Export to CSV',
    defaultPath: join(deps.downloadsFolder, file.suggestedName),
    buttonLabel: 'Export',
    filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return { outcome: 'canceled' };
  const fileName = basename(choice.filePath);
  try {
    const rows = await saveCsvFile(file, choice.filePath);
    return { outcome: 'saved', fileName, rows };
  } catch (error) {
    // A folder PortDesk may not write to, a full disk: words for the agent, not "internal".
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw error;
    throw new IpcCommandError(
      'internal',
      `PortDesk could not write ${fileName} (${code}). Choose another folder, or free some space, and export again.`,
    );
  }
}

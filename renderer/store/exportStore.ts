import { create } from 'zustand';
import type { Envelope, ExportResultView, PayloadInput } from '../../shared/ipc';
import { describeError, request } from '../bridge';
import { plural } from '../ui/format';
import { useApp } from './appStore';

export type ExportKind = 'requests' | 'numbers' | 'requestNumbers';
type Filters = PayloadInput<'exportRequests'>['filters'];

interface ExportState {
  /** The export in flight (its button shows busy); one at a time. */
  busy: ExportKind | null;
  /** Rows of the requests list as filtered on screen. */
  exportRequests(filters: Filters): Promise<void>;
  /** Numbers of every request the list's filters keep. */
  exportListNumbers(filters: Filters): Promise<void>;
  /** Numbers of one request (its Numbers tab). */
  exportRequestNumbers(sid: string): Promise<void>;
}

/**
 * Starts the browser host's download of a file main prepared: a same-origin link with
 * `download`, clicked once. The rows go from main to the disk; the page never holds them.
 */
function startDownload(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

/** Says how it went; a canceled save dialog says nothing (the agent chose it). */
function report(result: Envelope<ExportResultView>): void {
  const { toast } = useApp.getState();
  if (!result.ok) {
    toast('danger', `The export failed: ${describeError(result.error)}`);
    return;
  }
  const view = result.data;
  if (view.outcome === 'canceled') return;
  if (view.outcome === 'download') {
    startDownload(view.url, view.fileName);
    toast('info', `Downloading ${view.fileName} (${plural(view.rows, 'row')}).`);
    return;
  }
  toast('success', `Exported ${plural(view.rows, 'row')} to ${view.fileName}.`);
}

/** CSV exports (docs/porting.md, "Export"): main pages through its store and writes the file. */
export const useExports = create<ExportState>()((set, get) => {
  async function run(
    kind: ExportKind,
    call: () => Promise<Envelope<ExportResultView>>,
  ): Promise<void> {
    if (get().busy !== null) return;
    set({ busy: kind });
    try {
      report(await call());
    } finally {
      set({ busy: null });
    }
  }
  return {
    busy: null,
    exportRequests: (filters) =>
      run('requests', () => request((b) => b.exportRequests({ filters }))),
    exportListNumbers: (filters) =>
      run('numbers', () => request((b) => b.exportNumbers({ scope: 'requests', filters }))),
    exportRequestNumbers: (sid) =>
      run('requestNumbers', () => request((b) => b.exportNumbers({ scope: 'request', sid }))),
  };
});

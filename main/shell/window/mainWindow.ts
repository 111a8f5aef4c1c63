import { BrowserWindow, app, screen } from 'electron';
import { join } from 'node:path';
import type { NavigateView } from '../../../shared/views';
import type { Logger } from '../../host/log/logger';
import { sendEvent } from '../ipc/send';
import { APP_ORIGIN } from '../security/sessionGuards';
import { webPreferencesFor } from '../security/webPreferences';
import { restoreWindow, MIN_WINDOW_SIZE, type SavedWindowState } from './windowBounds';
import { readWindowState, writeWindowState } from './windowStateFile';

export interface MainWindowPaths {
  /** out/preload/index.cjs */
  preload: string;
  /** The window icon (PNG). */
  icon: string;
}

/**
 * The one PortDesk window. Closing it hides it (sync and pop-ups go on; the tray, the dock or a
 * second launch bring it back); quitting closes it for real. Its size and position are saved in
 * userData/window-state.json and restored onto a display that is still attached.
 */
export class MainWindow {
  #window: BrowserWindow | null = null;
  #quitting = false;
  #saveTimer: NodeJS.Timeout | undefined;
  readonly #stateFile = join(app.getPath('userData'), 'window-state.json');

  constructor(
    private readonly paths: MainWindowPaths,
    private readonly log: Logger,
  ) {}

  current(): BrowserWindow | null {
    return this.#window !== null && !this.#window.isDestroyed() ? this.#window : null;
  }

  webContentsId(): number | null {
    return this.current()?.webContents.id ?? null;
  }

  allowClose(): void {
    this.#quitting = true;
  }

  async open(): Promise<BrowserWindow> {
    const existing = this.current();
    if (existing) return existing;
    const primary = screen.getPrimaryDisplay();
    const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map(
      (display) => display.workArea,
    );
    const restored = restoreWindow(await readWindowState(this.#stateFile), areas);
    const window = new BrowserWindow({
      ...restored.bounds,
      minWidth: MIN_WINDOW_SIZE.width,
      minHeight: MIN_WINDOW_SIZE.height,
      show: false,
      title: 'PortDesk',
      icon: this.paths.icon,
      webPreferences: webPreferencesFor(this.paths.preload, { devTools: !app.isPackaged }),
    });
    this.#window = window;
    if (restored.maximized) window.maximize();
    window.once('ready-to-show', () => window.show());
    const scheduleSave = () => {
      clearTimeout(this.#saveTimer);
      this.#saveTimer = setTimeout(() => void this.#saveState(window), 1_000);
    };
    window.on('resize', scheduleSave);
    window.on('move', scheduleSave);
    window.on('close', (event) => {
      void this.#saveState(window);
      if (this.#quitting) return;
      event.preventDefault();
      window.hide();
    });
    window.on('closed', () => {
      if (this.#window === window) this.#window = null;
    });
    // A crashed renderer leaves a blank window; reload it, but not in a loop.
    let reloads = 0;
    window.webContents.on('render-process-gone', (_event, details) => {
      this.log.error('shell: the window’s renderer process is gone', details);
      if (details.reason !== 'clean-exit' && reloads < 3 && !window.isDestroyed()) {
        reloads += 1;
        window.webContents.reload();
      }
    });
    await window.loadURL(`${APP_ORIGIN}/index.html`);
    return window;
  }

  show(): void {
    void this.open().then((window) => {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    });
  }

  /** Shows the window and asks the renderer for a screen, once the page can hear it. */
  showAndNavigate(view: NavigateView): void {
    void this.open().then((window) => {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      const send = () => sendEvent(window, 'onNavigate', view, this.log);
      if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send);
      else send();
    });
  }

  async #saveState(window: BrowserWindow): Promise<void> {
    if (window.isDestroyed()) return;
    const state: SavedWindowState = {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    };
    try {
      await writeWindowState(this.#stateFile, state);
    } catch (error) {
      this.log.warn('shell: could not save the window position', error);
    }
  }
}

import {
  BrowserWindow,
  Menu,
  Tray,
  app,
  clipboard,
  dialog,
  nativeImage,
  net,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  type Session,
  type WebContents,
} from 'electron';
import { join } from 'node:path';
import { EVENT_METHODS, IpcCommandError, type EventMethod } from '../../shared/ipc';
import type { NavigateView, SyncStatusView } from '../../shared/views';
import type { CoreOptions, PortdeskCore } from '../core/app/portdeskCore';
import { registerInvokeHandlers } from './ipc/handle';
import { sendEvent } from './ipc/send';
import { fileLogSink } from '../host/log/fileSink';
import { createLogger, type Logger } from '../host/log/logger';
import { readRendererFile } from '../host/rendererFiles';
import { isAllowedExternalUrl, type ExternalLinkPolicy } from '../host/security/externalLinks';
import {
  decideNavigation,
  decideWindowOpen,
  isPermissionGranted,
} from '../host/security/navigation';
import { webPreferencesFor } from './security/webPreferences';
import { appMenuTemplate } from './system/appMenu';
import { createAutoUpdates } from './system/autoUpdate';
import { electronSqliteBinding } from './system/nativeBinding';
import { showNoticePopups } from './system/noticePopups';
import { electronSaveFile } from './system/electronSaveFile';
import { watchOnline, type OnlineWatcher } from '../host/onlineWatcher';
import { trayStatus } from './system/trayStatus';
import { exposeForTests } from './testHooks';
import { restoreWindow, MIN_WINDOW_SIZE, type SavedWindowState } from './window/windowBounds';
import { readWindowState, writeWindowState } from './window/windowStateFile';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://portdesk';
/** Equals electron-builder.yml's appId: Windows groups pop-ups and the taskbar by it. */
export const APP_USER_MODEL_ID = 'com.portdesk.app';

const LINK_POLICY: ExternalLinkPolicy = { allowDemoLoaPages: true };

export interface ElectronShellOptions {
  createCore: (options: CoreOptions) => Promise<PortdeskCore>;
  paths: {
    /** out/preload/index.cjs */
    preload: string;
    /** out/renderer */
    renderer: string;
    /** The tray and window icon (PNG). */
    icon: string;
  };
}

/**
 * The Electron shell around the core (ARCHITECTURE §1, §9): the only code that imports
 * electron. It owns the window, the `app://` protocol, the guards, the IPC registration, pop-ups,
 * the tray, the menu and OS signals; every decision it applies is a pure function elsewhere in
 * main/shell, tested in Node. Call once, before `app` is ready.
 */
export function runElectronShell(options: ElectronShellOptions): void {
  applyDevelopmentOverrides();
  app.setAppUserModelId(APP_USER_MODEL_ID);
  // Must happen before `ready`: `standard` + `secure` give app:// an origin, storage and ES
  // modules; `corsEnabled` + `supportFetchAPI` let the renderer's module scripts load from it.
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        codeCache: true,
      },
    },
  ]);
  if (!app.requestSingleInstanceLock()) {
    // Another PortDesk runs for this user: it gets our `second-instance` and shows itself.
    app.quit();
    return;
  }
  const log = createLogger(fileLogSink(app.getPath('logs')));
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));
  app
    .whenReady()
    .then(() => startShell(options, log))
    .catch((error: unknown) => {
      log.error('shell: PortDesk could not start', error);
      dialog.showErrorBox(
        'PortDesk could not start',
        `${error instanceof Error ? error.message : String(error)}\n\nThe log is in ${app.getPath('logs')}.`,
      );
      app.exit(1);
    });
}

/**
 * Test and development seams, read once at start (docs/shell.md): a separate user-data folder
 * (each end-to-end test has its own; the single-instance lock is per folder), keychain service
 * (`PORTDESK_KEYCHAIN_SERVICE`); the demo clock speed is read by the composition root (main/index.ts).
 */
function applyDevelopmentOverrides(): void {
  const userData = process.env.PORTDESK_USER_DATA_DIR;
  if (userData) app.setPath('userData', userData);
}

async function startShell(options: ElectronShellOptions, log: Logger): Promise<void> {
  hardenSession(session.defaultSession, options.paths.renderer, log);

  let windows: MainWindow | null = null;
  const updates = createAutoUpdates({
    sendOffer: (offer) => sendEvent(windows?.current() ?? null, 'onUpdateOffer', offer, log),
    beforeInstall: () => windows?.allowClose(),
    log,
  });
  const core = await options.createCore({
    dataDir: app.getPath('userData'),
    nativeBinding: electronSqliteBinding(app.getAppPath()),
    keychainService: process.env.PORTDESK_KEYCHAIN_SERVICE || undefined,
    logger: log,
    host: {
      async openExternal(url) {
        if (!isAllowedExternalUrl(url, LINK_POLICY)) {
          log.warn('shell: refused to open a link that is not a Twilio https page', { url });
          throw new IpcCommandError(
            'forbidden',
            'PortDesk opens only Twilio’s own https pages in your browser, and this link is not one.',
          );
        }
        await shell.openExternal(url);
      },
      writeClipboard(text) {
        clipboard.writeText(text);
      },
      saveFile: electronSaveFile(() => windows?.current() ?? null),
      updates: updates.capability,
    },
  });

  windows = new MainWindow(options.paths, log);
  const unregister = registerInvokeHandlers({
    handlers: core.handlers,
    trustedWindow: () => ({ webContentsId: windows.webContentsId(), origin: APP_ORIGIN }),
    log,
  });
  const forward = <E extends EventMethod>(method: E) =>
    core.on(method, (payload) => {
      sendEvent(windows.current(), method, payload, log);
    });
  const unsubscribers = EVENT_METHODS.map((method) => forward(method));

  const openScreen = (view: NavigateView) => windows.showAndNavigate(view);
  unsubscribers.push(
    showNoticePopups(core, {
      openTarget: (target) => openScreen(target),
      log,
    }),
  );

  const syncNow = () => {
    void core.handlers.syncNow({}).catch((error: unknown) => log.warn('shell: sync failed', error));
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(
        {
          newPortIn: () => openScreen({ screen: 'new-port-in' }),
          findRequests: () => openScreen({ screen: 'requests', focusSearch: true }),
          syncNow,
          showRequests: () => openScreen({ screen: 'requests' }),
          showOutbox: () => openScreen({ screen: 'outbox' }),
          showAccounts: () => openScreen({ screen: 'accounts' }),
          showFeed: () => openScreen({ screen: 'feed' }),
          showSettings: () => openScreen({ screen: 'settings' }),
        },
        { platform: process.platform, development: !app.isPackaged },
      ),
    ),
  );

  const tray = new StatusTray(options.paths.icon, {
    open: () => windows.show(),
    showRequests: () => openScreen({ screen: 'requests' }),
    syncNow,
    quit: () => app.quit(),
  });
  const refreshTray = (status?: SyncStatusView) => tray.update(status, core.attentionCount());
  unsubscribers.push(
    core.on('onSyncStatus', (status) => refreshTray(status)),
    core.on('onDataChanged', () => refreshTray()),
  );

  const online: OnlineWatcher = watchOnline({
    isOnline: () => net.isOnline(),
    onChange: (isOnline) => {
      log.info(`shell: network ${isOnline ? 'online' : 'offline'}`);
      core.networkChanged(isOnline);
    },
  });
  powerMonitor.on('resume', () => {
    log.info('shell: resumed from sleep');
    online.check();
    core.resumedFromSleep();
  });

  app.on('second-instance', () => windows.show());
  app.on('activate', () => windows.show());
  app.on('before-quit', () => windows.allowClose());
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    online.stop();
    updates.stop();
    for (const unsubscribe of unsubscribers) unsubscribe();
    unregister();
    tray.destroy();
    void closeWithin(core, 5_000, log).finally(() => app.quit());
  });

  await windows.open();
  await core.start();
  updates.start(core);
  refreshTray();
  log.info('shell: started');
}

/** Session-wide guards: our protocol, no permissions, no network from the renderer. */
function hardenSession(target: Session, rendererRoot: string, log: Logger): void {
  target.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 });
    }
    if (new URL(request.url).host !== 'portdesk') return new Response('Not found', { status: 404 });
    const file = await readRendererFile(rendererRoot, request.url);
    if (file.status === 404) log.warn('protocol: not found', { url: request.url });
    return new Response(file.body, { status: file.status, headers: file.headers });
  });
  target.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('shell: denied a permission request', { permission });
    callback(isPermissionGranted(permission));
  });
  target.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  target.setDevicePermissionHandler(() => false);
  // The renderer talks to nothing on the network (main does, with Node's HTTP client, which
  // this does not touch). CSP says so too; this is the second lock.
  target.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*'] },
    (details, callback) => {
      log.warn('shell: blocked a network request from a page', { url: details.url });
      callback({ cancel: true });
    },
  );
}

/** Every webContents (ours, and any a bug or an attacker manages to create) gets the guards. */
function guardWebContents(contents: WebContents, log: Logger): void {
  const guard = (event: { preventDefault(): void; url: string }) => {
    const decision = decideNavigation(event.url, APP_ORIGIN, LINK_POLICY);
    if (decision.allowInWindow) return;
    event.preventDefault();
    if (decision.openExternally) void shell.openExternal(event.url);
    else log.warn('shell: blocked a navigation', { url: event.url });
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url, LINK_POLICY);
    if (decision.openExternally) void shell.openExternal(url);
    else log.warn('shell: blocked a new window', { url });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The one PortDesk window. Closing it hides it (sync and pop-ups go on; the tray, the dock or a
 * second launch bring it back); quitting closes it for real. Its size and position are saved in
 * userData/window-state.json and restored onto a display that is still attached.
 */
class MainWindow {
  #window: BrowserWindow | null = null;
  #quitting = false;
  #saveTimer: NodeJS.Timeout | undefined;
  readonly #stateFile = join(app.getPath('userData'), 'window-state.json');

  constructor(
    private readonly paths: ElectronShellOptions['paths'],
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

interface TrayActions {
  open(): void;
  showRequests(): void;
  syncNow(): void;
  quit(): void;
}

/** The tray icon: sync state and the count of requests needing attention, in its tooltip and menu. */
class StatusTray {
  readonly #tray: Tray;
  #status: SyncStatusView | null = null;

  constructor(
    iconPath: string,
    private readonly actions: TrayActions,
  ) {
    const icon = nativeImage.createFromPath(iconPath).resize({ width: 16, height: 16 });
    this.#tray = new Tray(icon);
    this.#tray.on('click', () => actions.open());
    exposeForTests('tray', this.#tray);
    this.update(undefined, 0);
  }

  update(status: SyncStatusView | undefined, attentionCount: number): void {
    if (status !== undefined) this.#status = status;
    const words = trayStatus(this.#status, attentionCount);
    exposeForTests('trayStatus', words);
    this.#tray.setToolTip(words.tooltip);
    this.#tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open PortDesk', click: () => this.actions.open() },
        { type: 'separator' },
        { label: words.syncLine, enabled: false },
        { label: words.attentionLine, click: () => this.actions.showRequests() },
        { label: 'Sync Now', click: () => this.actions.syncNow() },
        { type: 'separator' },
        { label: 'Quit PortDesk', click: () => this.actions.quit() },
      ]),
    );
    app.setBadgeCount(Math.max(0, attentionCount));
  }

  destroy(): void {
    this.#tray.destroy();
  }
}

async function closeWithin(core: PortdeskCore, ms: number, log: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      log.warn(`shell: the core did not close within ${ms} ms; quitting anyway`);
      resolve();
    }, ms);
  });
  try {
    await Promise.race([core.close(), timeout]);
  } catch (error) {
    log.error('shell: closing the core failed', error);
  } finally {
    clearTimeout(timer);
  }
}

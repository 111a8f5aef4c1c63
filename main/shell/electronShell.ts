import {
  Menu,
  app,
  clipboard,
  dialog,
  net,
  powerMonitor,
  protocol,
  session,
  shell,
} from 'electron';
import { EVENT_METHODS, IpcCommandError, type EventMethod } from '../../shared/ipc';
import type { NavigateView, SyncStatusView } from '../../shared/views';
import type { CoreOptions, PortdeskCore } from '../core/app/portdeskCore';
import { fileLogSink } from '../host/log/fileSink';
import { createLogger, type Logger } from '../host/log/logger';
import { watchOnline, type OnlineWatcher } from '../host/onlineWatcher';
import { isAllowedExternalUrl } from '../host/security/externalLinks';
import { APP_ORIGIN, APP_SCHEME, APP_USER_MODEL_ID, LINK_POLICY } from './appOrigin';
import { registerInvokeHandlers } from './ipc/handle';
import { sendEvent } from './ipc/send';
import { guardWebContents, hardenSession } from './security/sessionGuards';
import { appMenuTemplate } from './system/appMenu';
import { electronSqliteBinding } from './system/nativeBinding';
import { showNoticePopups } from './system/noticePopups';
import { StatusTray } from './system/statusTray';
import { MainWindow, type WindowPaths } from './window/mainWindow';

export { APP_ORIGIN, APP_SCHEME, APP_USER_MODEL_ID } from './appOrigin';

export interface ElectronShellOptions {
  createCore: (options: CoreOptions) => Promise<PortdeskCore>;
  paths: WindowPaths;
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
    },
  });

  const windows = new MainWindow(options.paths, log);
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
      openRequest: (sid) => openScreen({ screen: 'request', sid }),
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
    for (const unsubscribe of unsubscribers) unsubscribe();
    unregister();
    tray.destroy();
    void closeWithin(core, 5_000, log).finally(() => app.quit());
  });

  await windows.open();
  await core.start();
  refreshTray();
  log.info('shell: started');
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

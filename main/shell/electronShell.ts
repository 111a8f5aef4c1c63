import { app, dialog, session } from 'electron';
import type { NavigateView } from '../../shared/views';
import type { CoreOptions, PortdeskCore } from '../core/app/portdeskCore';
import { fileLogSink } from '../host/log/fileSink';
import { createLogger, type Logger } from '../host/log/logger';
import { connectCoreToWindow, createShellCore } from './coreWiring';
import { sendEvent } from './ipc/send';
import { guardWebContents, hardenSession, registerAppScheme } from './security/sessionGuards';
import { createAutoUpdates } from './system/autoUpdate';
import { electronSaveFile } from './system/electronSaveFile';
import { wireSystem } from './system/systemWiring';
import { MainWindow } from './window/mainWindow';

/** Equals electron-builder.yml's appId: Windows groups pop-ups and the taskbar by it. */
export const APP_USER_MODEL_ID = 'com.portdesk.app';

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
 * electron. It owns the window (window/mainWindow.ts), the `app://` protocol and the guards
 * (security/sessionGuards.ts), the IPC registration, pop-ups and event forwarding
 * (coreWiring.ts), the tray, the menu and OS signals (system/systemWiring.ts); every decision
 * it applies is a pure function elsewhere in main/shell or main/host, tested in Node. Call
 * once, before `app` is ready.
 */
export function runElectronShell(options: ElectronShellOptions): void {
  applyDevelopmentOverrides();
  app.setAppUserModelId(APP_USER_MODEL_ID);
  registerAppScheme();
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
  const core = await createShellCore(
    options.createCore,
    {
      updates: updates.capability,
      saveFile: electronSaveFile(() => windows?.current() ?? null),
    },
    log,
  );

  const window = new MainWindow(options.paths, log);
  windows = window;
  const disconnect = connectCoreToWindow(core, window, log);
  const system = wireSystem(core, {
    icon: options.paths.icon,
    show: () => window.show(),
    openScreen: (view: NavigateView) => window.showAndNavigate(view),
    log,
  });

  app.on('second-instance', () => window.show());
  app.on('activate', () => window.show());
  app.on('before-quit', () => window.allowClose());
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    updates.stop();
    disconnect();
    system.stop();
    void closeWithin(core, 5_000, log).finally(() => app.quit());
  });

  await window.open();
  await core.start();
  updates.start(core);
  system.refreshTray();
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

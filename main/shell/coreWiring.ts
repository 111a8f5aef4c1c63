// The core inside the Electron shell: its host capabilities going in, its IPC handlers and
// events going out to the window, its notices coming up as pop-ups.
import { app, clipboard, shell } from 'electron';
import { EVENT_METHODS, IpcCommandError, type EventMethod } from '../../shared/ipc';
import type { CoreHost, CoreOptions, PortdeskCore } from '../core/app/portdeskCore';
import type { Logger } from '../host/log/logger';
import { isAllowedExternalUrl } from '../host/security/externalLinks';
import { registerInvokeHandlers } from './ipc/handle';
import { sendEvent } from './ipc/send';
import { APP_ORIGIN, LINK_POLICY } from './security/sessionGuards';
import { electronSqliteBinding } from './system/nativeBinding';
import { showNoticePopups } from './system/noticePopups';
import type { MainWindow } from './window/mainWindow';

/** Builds the core on Electron's userData, with the shell's link, clipboard, file and update powers. */
export function createShellCore(
  createCore: (options: CoreOptions) => Promise<PortdeskCore>,
  powers: Pick<CoreHost, 'updates' | 'saveFile'>,
  log: Logger,
): Promise<PortdeskCore> {
  return createCore({
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
      ...powers,
    },
  });
}

/**
 * Answers the window's invoke calls from the core (only from our own frame), forwards every
 * core event to the window and shows the core's notices as pop-ups that open their target.
 * Returns what undoes all of it.
 */
export function connectCoreToWindow(
  core: PortdeskCore,
  windows: MainWindow,
  log: Logger,
): () => void {
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
  unsubscribers.push(
    showNoticePopups(core, { openTarget: (target) => windows.showAndNavigate(target), log }),
  );
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    unregister();
  };
}

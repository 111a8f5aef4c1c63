import { app } from 'electron';
import electronUpdater, { type AppUpdater } from 'electron-updater';
import type { UpdateOfferView } from '../../../shared/updates';
import type { CoreHost, PortdeskCore } from '../../core/app/portdeskCore';
import { UpdateController, type UpdaterPort } from '../../host/updates/updateController';
import { isDemoMode, isOutboxSending } from '../../host/updates/updatePolicy';
import type { Logger } from '../../host/log/logger';

export interface AutoUpdates {
  /** Given to the core as `CoreHost.updates` (the renderer's getUpdateOffer / restartToUpdate). */
  readonly capability: NonNullable<CoreHost['updates']>;
  /** After `core.start()`: the check at start, then every 6 hours (when updates are on). */
  start(core: PortdeskCore): void;
  stop(): void;
}

/**
 * electron-updater behind main/host/updates (docs/release.md, "Updates"), kept thin: every
 * decision — off in development, demo mode or by the setting; when to check; what to offer; when
 * a restart may happen — is UpdateController's, tested in Node. This file only carries them to
 * electron-updater: no download or install it did not ask for, never on quit by itself.
 */
export function createAutoUpdates(options: {
  sendOffer(offer: UpdateOfferView | null): void;
  /** Lets the window close for real: installing closes every window before the app quits. */
  beforeInstall(): void;
  log: Logger;
}): AutoUpdates {
  let controller: UpdateController | null = null;
  const unsubscribers: (() => void)[] = [];
  let updater: AppUpdater | null = null;
  /** The version the last check found: what a finished download is. */
  let found: string | null = null;
  // Created on first use: nothing of electron-updater runs while updates are off.
  const electronAutoUpdater = (): AppUpdater => {
    if (updater === null) {
      updater = electronUpdater.autoUpdater;
      updater.autoDownload = false; // the controller asks for the download
      updater.autoInstallOnAppQuit = false; // only "Restart to update" installs
      updater.logger = null; // its lines go through our logger below, redacted
    }
    return updater;
  };
  const port: UpdaterPort = {
    async check() {
      const result = await electronAutoUpdater().checkForUpdates();
      if (result?.isUpdateAvailable) {
        found = result.updateInfo.version;
        await controller?.report({ type: 'available', version: found });
      }
    },
    async download() {
      await electronAutoUpdater().downloadUpdate();
      if (found !== null) await controller?.report({ type: 'downloaded', version: found });
    },
    quitAndInstall() {
      options.beforeInstall();
      // Not silent (the Windows installer shows its progress), and PortDesk opens again after.
      electronAutoUpdater().quitAndInstall(false, true);
    },
  };

  return {
    capability: {
      currentOffer: async () => (controller ? controller.currentOffer() : null),
      restart: async (request) =>
        controller
          ? controller.restart(request)
          : { restarting: false, reason: 'No update is ready to install.' },
    },
    start(core) {
      controller = new UpdateController({
        updater: port,
        environment: async () => ({
          packaged: app.isPackaged,
          settingOn: (await core.handlers.getSettings({})).autoUpdate,
          demoMode: isDemoMode(await core.handlers.listAccounts({})),
        }),
        outboxSending: async () => isOutboxSending(await core.handlers.listOutbox({}), Date.now()),
        now: () => Date.now(),
        setTimer: (run, ms) => {
          const timer = setTimeout(run, ms);
          return () => clearTimeout(timer);
        },
        publishOffer: options.sendOffer,
        log: {
          info: (message) => options.log.info(message),
          warn: (message, detail) => options.log.warn(message, detail),
        },
      });
      const refresh = () => void controller?.refresh();
      // Settings, accounts and the outbox change through these: the offer follows them.
      unsubscribers.push(core.on('onDataChanged', refresh), core.on('onSyncStatus', refresh));
      void controller.start();
    },
    stop() {
      controller?.stop();
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
    },
  };
}

// The core's ties to the operating system: the app menu, the tray, the network and sleep.
import { Menu, app, net, powerMonitor } from 'electron';
import type { NavigateView, SyncStatusView } from '../../../shared/views';
import type { PortdeskCore } from '../../core/app/portdeskCore';
import type { Logger } from '../../host/log/logger';
import { watchOnline } from '../../host/onlineWatcher';
import { appMenuTemplate } from './appMenu';
import { StatusTray } from './statusTray';

export interface SystemWiringOptions {
  /** The tray's icon (PNG). */
  icon: string;
  /** Shows the window. */
  show(): void;
  /** Shows the window on a screen. */
  openScreen(view: NavigateView): void;
  log: Logger;
}

export interface SystemWiring {
  /** Redraws the tray with the latest status and attention count. */
  refreshTray(): void;
  /** Stops watching the network and removes the tray. */
  stop(): void;
}

/** Sets the app menu, puts up the tray, and tells the core about the network and waking up. */
export function wireSystem(core: PortdeskCore, options: SystemWiringOptions): SystemWiring {
  const { openScreen, log } = options;
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

  const tray = new StatusTray(options.icon, {
    open: () => options.show(),
    showRequests: () => openScreen({ screen: 'requests' }),
    syncNow,
    quit: () => app.quit(),
  });
  const refreshTray = (status?: SyncStatusView) => tray.update(status, core.attentionCount());
  const unsubscribers = [
    core.on('onSyncStatus', (status) => refreshTray(status)),
    core.on('onDataChanged', () => refreshTray()),
  ];

  const online = watchOnline({
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

  return {
    refreshTray: () => refreshTray(),
    stop() {
      online.stop();
      for (const unsubscribe of unsubscribers) unsubscribe();
      tray.destroy();
    },
  };
}

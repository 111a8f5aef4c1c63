import { Menu, Tray, app, nativeImage } from 'electron';
import type { SyncStatusView } from '../../../shared/views';
import { exposeForTests } from '../testHooks';
import { trayStatus } from './trayStatus';

export interface TrayActions {
  open(): void;
  showRequests(): void;
  syncNow(): void;
  quit(): void;
}

/** The tray icon: sync state and the count of requests needing attention, in its tooltip and menu. */
export class StatusTray {
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

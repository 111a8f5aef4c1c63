import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuActions {
  newPortIn(): void;
  findRequests(): void;
  syncNow(): void;
  showRequests(): void;
  showOutbox(): void;
  showAccounts(): void;
  showFeed(): void;
  showSettings(): void;
}

/**
 * The application menu. Its shortcuts are the renderer's (renderer/app/shortcuts.ts): the
 * renderer handles the keys itself in every host, so here they are shown but not registered
 * (`registerAccelerator: false`) — one key press, one action. Ctrl/Cmd+R is "Sync now", as in
 * the renderer; there is deliberately no Reload item outside development, so the key never
 * reloads the window under the agent.
 */
export function appMenuTemplate(
  actions: AppMenuActions,
  options: { platform: NodeJS.Platform; development: boolean },
): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const shown = (accelerator: string) => ({ accelerator, registerAccelerator: false });
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      role: 'appMenu',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { label: 'Settings…', ...shown('CmdOrCtrl+,'), click: () => actions.showSettings() },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'New Port-in Request', ...shown('CmdOrCtrl+N'), click: () => actions.newPortIn() },
        { label: 'Sync Now', ...shown('CmdOrCtrl+R'), click: () => actions.syncNow() },
        { type: 'separator' },
        ...(isMac
          ? []
          : [
              {
                label: 'Settings',
                ...shown('CmdOrCtrl+,'),
                click: () => actions.showSettings(),
              } satisfies MenuItemConstructorOptions,
              { type: 'separator' } satisfies MenuItemConstructorOptions,
            ]),
        { role: 'close', label: 'Close Window' },
        ...(isMac
          ? []
          : [{ role: 'quit', label: 'Quit PortDesk' } satisfies MenuItemConstructorOptions]),
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Requests', ...shown('CmdOrCtrl+1'), click: () => actions.showRequests() },
        { label: 'Find Requests…', ...shown('CmdOrCtrl+F'), click: () => actions.findRequests() },
        { label: 'Outbox', ...shown('CmdOrCtrl+2'), click: () => actions.showOutbox() },
        { label: 'Accounts', ...shown('CmdOrCtrl+3'), click: () => actions.showAccounts() },
        { label: 'Activity', ...shown('CmdOrCtrl+4'), click: () => actions.showFeed() },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.development
          ? [
              { type: 'separator' } satisfies MenuItemConstructorOptions,
              {
                role: 'reload',
                accelerator: 'CmdOrCtrl+Shift+R',
              } satisfies MenuItemConstructorOptions,
              { role: 'toggleDevTools' } satisfies MenuItemConstructorOptions,
            ]
          : []),
      ],
    },
    { role: 'windowMenu' },
  );
  return template;
}

import type { WebPreferences } from 'electron';

/**
 * The window's webPreferences: Electron's security checklist as settings (ARCHITECTURE §9).
 * Every value is spelled out, including the defaults, so a default changing in a future Electron
 * cannot weaken the window silently; tests pin the whole object.
 */
export function webPreferencesFor(
  preloadPath: string,
  options: { devTools?: boolean } = {},
): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // A bill dropped outside the drop zone must not replace the app with the file.
    navigateOnDragDrop: false,
    safeDialogs: true,
    autoplayPolicy: 'document-user-activation-required',
    // Off (docs/security.md): every page request is blocked, so Chromium's Hunspell dictionaries
    // (Linux, Windows) could never download; what agents type is names, addresses, PINs and
    // account numbers, which a dictionary only underlines.
    spellcheck: false,
    devTools: options.devTools ?? false,
  };
}

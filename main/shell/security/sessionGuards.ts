// Session-wide and per-webContents guards of the Electron window (ARCHITECTURE §9): the
// app:// protocol, permissions, the renderer's network block, navigation and new windows.
import { protocol, shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../../host/log/logger';
import { readRendererFile } from '../../host/rendererFiles';
import type { ExternalLinkPolicy } from '../../host/security/externalLinks';
import {
  decideNavigation,
  decideWindowOpen,
  isPermissionGranted,
} from '../../host/security/navigation';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://portdesk';

/** Which links the shell opens in the system browser: Twilio's pages and the demo's LOA page. */
export const LINK_POLICY: ExternalLinkPolicy = { allowDemoLoaPages: true };

/**
 * Must happen before `ready`: `standard` + `secure` give app:// an origin, storage and ES
 * modules; `corsEnabled` + `supportFetchAPI` let the renderer's module scripts load from it.
 */
export function registerAppScheme(): void {
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
}

/** Session-wide guards: our protocol, no permissions, no network from the renderer. */
export function hardenSession(target: Session, rendererRoot: string, log: Logger): void {
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
export function guardWebContents(contents: WebContents, log: Logger): void {
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

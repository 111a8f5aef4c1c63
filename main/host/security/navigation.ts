import { isSameOrigin } from '../ipc/senderCheck';
import { isAllowedExternalUrl, type ExternalLinkPolicy } from './externalLinks';

/** What to do with a navigation or a new window the renderer asked for. */
export interface NavigationDecision {
  /** Let the window itself go there. Only ever true for our own origin. */
  allowInWindow: boolean;
  /** Hand the URL to the system browser instead (a Twilio https page). */
  openExternally: boolean;
}

/**
 * `will-navigate` / `will-redirect`: the window only ever shows our own pages. A link to a
 * Twilio https page (a help link, the LOA) goes to the system browser; anything else is dropped.
 */
export function decideNavigation(
  url: string,
  appOrigin: string,
  policy: ExternalLinkPolicy = {},
): NavigationDecision {
  if (isSameOrigin(url, appOrigin)) return { allowInWindow: true, openExternally: false };
  return { allowInWindow: false, openExternally: isAllowedExternalUrl(url, policy) };
}

/**
 * `setWindowOpenHandler`: no new Electron window is ever created (not even for our own origin);
 * a Twilio https link opens in the system browser.
 */
export function decideWindowOpen(url: string, policy: ExternalLinkPolicy = {}): NavigationDecision {
  return { allowInWindow: false, openExternally: isAllowedExternalUrl(url, policy) };
}

/**
 * Permission requests and checks (camera, notifications from the page, clipboard, geolocation,
 * HID, serial…): all denied. The renderer needs none — notifications and the clipboard go
 * through main — so there is no list to keep in step with Chromium's.
 */
export function isPermissionGranted(_permission: string): false {
  return false;
}

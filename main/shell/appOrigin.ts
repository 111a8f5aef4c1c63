import type { ExternalLinkPolicy } from '../host/security/externalLinks';

/** The renderer's own scheme and origin in Electron (`app://portdesk`). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://portdesk';
/** Equals electron-builder.yml's appId: Windows groups pop-ups and the taskbar by it. */
export const APP_USER_MODEL_ID = 'com.portdesk.app';
/** Which links leave the app for the system browser (the demo's LOA page included). */
export const LINK_POLICY: ExternalLinkPolicy = { allowDemoLoaPages: true };

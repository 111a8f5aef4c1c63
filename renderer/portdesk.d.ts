import type { PortdeskBridge } from '../shared/ipc';

/** The bridge the preload (or a browser host, or a test host) installs before the renderer runs. */
declare global {
  interface Window {
    readonly portdesk: PortdeskBridge | undefined;
  }
}

export {};

// The Electron preload: carries the contract over Electron's IPC and exposes `window.portdesk`,
// nothing else. Everything but the transport is createBridge, shared with the other hosts.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { config } from 'zod';
import { createBridge } from '../shared/bridge/createBridge';

// zod probes for eval on its first parse; the CSP forbids eval, so never probe (docs/security.md).
config({ jitless: true });

contextBridge.exposeInMainWorld(
  'portdesk',
  createBridge({
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    subscribe(channel, listener) {
      // Never hand the renderer Electron's event object: it carries `sender` (ipcRenderer).
      const onMessage = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, onMessage);
      return () => {
        ipcRenderer.removeListener(channel, onMessage);
      };
    },
  }),
);

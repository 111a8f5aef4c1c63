/**
 * The end-to-end harness's preload: installs `window.portdesk` with the preload's own
 * createBridge, over Playwright instead of Electron's IPC — invokes go through the
 * `__portdeskInvoke` binding to the core in the test process, and the test process pushes events
 * by calling `__portdeskDeliver`. Only the transport differs from Electron's preload. Injected as
 * an init script, so it runs before the renderer's bundle on every load.
 */
import { config } from 'zod';
import { createBridge } from '../../../../shared/bridge/createBridge';

interface HarnessPage {
  __portdeskInvoke(channel: string, payload: unknown): Promise<unknown>;
  __portdeskDeliver?: (channel: string, payload: unknown) => void;
}

// As in Electron's preload: zod must never probe for eval under our CSP.
config({ jitless: true });

const page = globalThis as unknown as HarnessPage;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

page.__portdeskDeliver = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener(payload);
};

Object.defineProperty(globalThis, 'portdesk', {
  value: createBridge({
    invoke: (channel, payload) => page.__portdeskInvoke(channel, payload),
    subscribe(channel, listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  }),
  enumerable: true,
  writable: false,
  configurable: false,
});

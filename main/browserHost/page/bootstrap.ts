/**
 * The browser host's preload: runs in the page before the renderer bundle (a classic script in
 * <head>, served from our origin so CSP allows it) and installs `window.portdesk` — the same
 * createBridge as Electron's preload, over the loopback channel instead of Electron's IPC.
 *
 * The per-launch token arrives in the URL fragment (`#token=…`), which browsers never send to a
 * server or put in a Referer; it is moved to sessionStorage (this tab only, survives a reload)
 * and erased from the address bar at once.
 */
import { createBridge, type BridgeTransport } from '../../../shared/bridge/createBridge';
import {
  INVOKE_METHODS,
  fail,
  invokeContract,
  ok,
  parseInvokePayload,
  type InvokeMethod,
} from '../../../shared/ipc';
import { config } from 'zod';
import { encodeBytes } from '../bytesCodec';
import { readEventStream } from './eventStream';

// zod probes for eval on its first parse; the CSP forbids eval, so never probe (docs/security.md).
// zod keeps this setting on globalThis, so the renderer's own zod in this page follows it too.
config({ jitless: true });

/** The few page APIs used here, typed locally so Node's typecheck needs no DOM library. */
interface PageGlobals {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  sessionStorage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
  };
  navigator: { clipboard?: { writeText(text: string): Promise<void> } };
}

const TOKEN_HEADER = 'x-portdesk-token';
const TOKEN_KEY = 'portdesk.bridgeToken';
const page = globalThis as unknown as PageGlobals;

function takeToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(page.location.hash);
  const fromUrl = match?.[1];
  if (fromUrl) {
    page.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    page.history.replaceState(null, '', page.location.pathname + page.location.search);
    return fromUrl;
  }
  return page.sessionStorage.getItem(TOKEN_KEY);
}

const token = takeToken() ?? '';
if (token === '') {
  console.error(
    'PortDesk: this page was opened without its access token. Open the address `npm run start:browser` printed.',
  );
}
const headers = { [TOKEN_HEADER]: token, 'content-type': 'application/json' };

const methodByChannel = new Map<string, InvokeMethod>(
  INVOKE_METHODS.map((method) => [invokeContract[method].channel, method]),
);

/** In this host the clipboard is the page's own (main has none to write to). */
async function copyInPage(payload: unknown) {
  const parsed = parseInvokePayload('copyToClipboard', payload);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  try {
    if (!page.navigator.clipboard) throw new Error('no clipboard');
    await page.navigator.clipboard.writeText(parsed.data.text);
    return ok({ copied: true as const });
  } catch {
    return {
      ok: false,
      error: fail(
        'internal',
        'The browser did not let PortDesk write to the clipboard. Copy the text by hand.',
      ),
    };
  }
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();
let streaming = false;

function deliver(channel: string, payload: unknown): void {
  for (const listener of listeners.get(channel) ?? []) listener(payload);
}

const transport: BridgeTransport = {
  async invoke(channel, payload) {
    const method = methodByChannel.get(channel);
    if (method === undefined) throw new Error(`Unknown channel ${channel}`);
    if (method === 'copyToClipboard') return copyInPage(payload);
    const response = await fetch(`/__bridge/invoke/${method}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(encodeBytes(payload === undefined ? {} : payload)),
    });
    if (!response.ok) throw new Error(`The host answered HTTP ${response.status}`);
    return (await response.json()) as unknown;
  },
  subscribe(channel, listener) {
    let set = listeners.get(channel);
    if (!set) listeners.set(channel, (set = new Set()));
    set.add(listener);
    if (!streaming) {
      streaming = true;
      void readEventStream({ url: '/__bridge/events', headers, deliver });
    }
    return () => {
      set.delete(listener);
    };
  },
};

Object.defineProperty(globalThis, 'portdesk', {
  value: createBridge(transport),
  enumerable: true,
  writable: false,
  configurable: false,
});

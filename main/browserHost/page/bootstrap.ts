/**
 * The browser host's preload: runs in the page before the renderer bundle (a classic script in
 * <head>, served from our origin so CSP allows it) and installs `window.portdesk` — the same
 * createBridge as Electron's preload, over the loopback channel instead of Electron's IPC.
 *
 * The address carries a one-time launch code in its fragment (`#code=…`, never sent to a server
 * or put in a Referer). It is erased from the address bar at once and traded, once, for the
 * per-launch session token (`POST /__bridge/session`), which lives in this tab's sessionStorage
 * only (so a reload keeps working). The token itself never appears in a URL or a command line.
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
  document: {
    body: PageElement | null;
    createElement(tag: string): PageElement;
    getElementById(id: string): PageElement | null;
  };
}

interface PageElement {
  id: string;
  textContent: string | null;
  style: Record<string, string>;
  setAttribute(name: string, value: string): void;
  append(...children: PageElement[]): void;
  remove(): void;
}

const TOKEN_HEADER = 'x-portdesk-token';
const CODE_HEADER = 'x-portdesk-code';
const TOKEN_KEY = 'portdesk.bridgeToken';
const page = globalThis as unknown as PageGlobals;

/** The session token: from this tab's sessionStorage, or traded once for the address's code. */
async function obtainToken(): Promise<string> {
  const match = /(?:^#|&)code=([A-Za-z0-9_-]+)/.exec(page.location.hash);
  const code = match?.[1];
  if (code) {
    // Out of the address bar (and this tab's history entry) before anything else happens.
    page.history.replaceState(null, '', page.location.pathname + page.location.search);
    const token = await tradeCode(code);
    if (token !== null) {
      page.sessionStorage.setItem(TOKEN_KEY, token);
      return token;
    }
  }
  const stored = page.sessionStorage.getItem(TOKEN_KEY);
  if (stored) return stored;
  console.error(
    code
      ? 'PortDesk: this address was already used or is more than a minute old. Press Enter in the terminal where PortDesk runs for a fresh one.'
      : 'PortDesk: this page was opened without its launch code. Open the address PortDesk printed.',
  );
  return '';
}

async function tradeCode(code: string): Promise<string | null> {
  try {
    const response = await fetch('/__bridge/session', {
      method: 'POST',
      headers: { [CODE_HEADER]: code, 'content-type': 'application/json' },
      body: '{}',
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { token?: unknown };
    return typeof body.token === 'string' ? body.token : null;
  } catch {
    return null;
  }
}

const session = obtainToken().then((token) => ({
  [TOKEN_HEADER]: token,
  'content-type': 'application/json',
}));

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

const STOPPED_ID = 'portdesk-stopped';
const STOPPED_WORDS = {
  stopped: [
    'PortDesk has stopped',
    'This window is no longer connected to PortDesk. Start PortDesk again (npm start), then open the address it prints.',
  ],
  refused: [
    'PortDesk was restarted',
    'This window belongs to an earlier launch. Open the address the new launch printed.',
  ],
} as const;

/**
 * Covers the app with a plain notice, so a window whose host has gone does not look alive.
 * Styled through the CSSOM (allowed by the CSP, unlike style attributes in markup).
 */
function showStopped(why: 'stopped' | 'refused'): void {
  const { document } = page;
  if (!document.body || document.getElementById(STOPPED_ID)) return;
  const [title, body] = STOPPED_WORDS[why];
  const overlay = document.createElement('div');
  overlay.id = STOPPED_ID;
  overlay.setAttribute('role', 'alertdialog');
  overlay.setAttribute('aria-live', 'assertive');
  Object.assign(overlay.style, {
    position: 'fixed',
    inset: '0',
    zIndex: '2147483647',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: '8px',
    padding: '24px',
    background: 'rgba(20, 20, 24, 0.92)',
    color: '#fff',
    font: '16px system-ui, sans-serif',
    textAlign: 'center',
  });
  const heading = document.createElement('h1');
  heading.textContent = title;
  Object.assign(heading.style, { margin: '0', fontSize: '24px' });
  const text = document.createElement('p');
  text.textContent = body;
  Object.assign(text.style, { margin: '0', maxWidth: '32em' });
  overlay.append(heading, text);
  document.body.append(overlay);
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
      headers: await session,
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
      void session.then((headers) =>
        readEventStream({
          url: '/__bridge/events',
          headers,
          deliver,
          onStopped: showStopped,
          onResumed: () => page.document.getElementById(STOPPED_ID)?.remove(),
        }),
      );
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

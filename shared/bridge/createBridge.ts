import {
  EVENT_METHODS,
  INVOKE_METHODS,
  eventContract,
  fail,
  invokeContract,
  parseEventPayload,
  type Envelope,
  type EventMethod,
  type InvokeMethod,
  type PortdeskBridge,
} from '../ipc';

/**
 * How a host carries the contract's channels. Electron's preload uses ipcRenderer; the browser
 * host uses fetch over loopback; the end-to-end harness uses a Playwright binding. Everything
 * else — one function per channel, event validation, unsubscribe — is this file, so every host
 * gives the renderer the same `window.portdesk`.
 */
export interface BridgeTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/** Where the bridge reports what it drops; `console` in every real host. */
export type BridgeLog = Pick<Console, 'warn' | 'error'>;

const UNREACHABLE =
  'PortDesk could not reach its background process. Try again; if this keeps happening, restart the app.';
const GARBLED =
  'PortDesk’s background process sent an answer this window does not understand. Restart the app.';

/**
 * Builds `window.portdesk` from shared/ipc.ts by looping over the contract, so a new channel
 * appears here without an edit. Invokes always resolve to an envelope (a transport failure
 * becomes an `internal` error in words); pushed events are checked against their schema and
 * dropped with a warning when malformed, so a listener only ever sees a valid payload.
 */
export function createBridge(transport: BridgeTransport, log: BridgeLog = console): PortdeskBridge {
  const bridge: Record<string, unknown> = {};
  for (const method of INVOKE_METHODS) {
    bridge[method] = invokeFunction(transport, method);
  }
  for (const method of EVENT_METHODS) {
    bridge[method] = subscribeFunction(transport, method, log);
  }
  // The loops above fill every key of PortdeskBridge (INVOKE_METHODS and EVENT_METHODS are the
  // contract's own keys); TypeScript cannot follow a mapped type through a loop.
  return Object.freeze(bridge) as unknown as PortdeskBridge;
}

function invokeFunction(transport: BridgeTransport, method: InvokeMethod) {
  const { channel } = invokeContract[method];
  return async (payload?: unknown): Promise<Envelope<unknown>> => {
    let answer: unknown;
    try {
      answer = await transport.invoke(channel, payload);
    } catch {
      return { ok: false, error: fail('internal', UNREACHABLE) };
    }
    return isEnvelope(answer) ? answer : { ok: false, error: fail('internal', GARBLED) };
  };
}

function subscribeFunction(transport: BridgeTransport, method: EventMethod, log: BridgeLog) {
  const { channel } = eventContract[method];
  return (listener: (payload: unknown) => void): (() => void) => {
    if (typeof listener !== 'function') {
      throw new TypeError(`portdesk.${method} needs a listener function`);
    }
    let subscribed = true;
    const unsubscribe = transport.subscribe(channel, (raw) => {
      if (!subscribed) return;
      const parsed = parseEventPayload(method, raw);
      if (!parsed.ok) {
        log.warn(`PortDesk: dropped a malformed ${method} event`, parsed.error.fields ?? []);
        return;
      }
      try {
        listener(parsed.data);
      } catch (error) {
        // One failing listener must not stop the transport delivering to the others.
        log.error(`PortDesk: a ${method} listener threw`, error);
      }
    });
    return () => {
      if (!subscribed) return;
      subscribed = false;
      unsubscribe();
    };
  };
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; data?: unknown; error?: unknown };
  if (candidate.ok === true) return 'data' in candidate;
  if (candidate.ok !== false) return false;
  const error = candidate.error as { code?: unknown; message?: unknown } | null | undefined;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof error.code === 'string' &&
    typeof error.message === 'string'
  );
}

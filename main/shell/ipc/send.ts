// The one typed way main pushes an event to the window (raw webContents.send lives here only).
import type { BrowserWindow } from 'electron';
import {
  eventContract,
  parseEventPayload,
  type EventMethod,
  type EventPayloadOf,
} from '../../../shared/ipc';
import type { Logger } from '../../host/log/logger';

/**
 * Sends `payload` on the event channel of `method` to `window`, if the window still exists.
 * The payload is checked against its schema first: a core bug is logged here, in main, instead
 * of being silently dropped by the preload. Returns whether it was sent.
 */
export function sendEvent<E extends EventMethod>(
  window: BrowserWindow | null,
  method: E,
  payload: EventPayloadOf<E>,
  log: Logger,
): boolean {
  if (window === null || window.isDestroyed() || window.webContents.isDestroyed()) return false;
  const parsed = parseEventPayload(method, payload);
  if (!parsed.ok) {
    log.error(`ipc: not sending a malformed ${method} event`, parsed.error.fields ?? []);
    return false;
  }
  window.webContents.send(eventContract[method].channel, parsed.data);
  return true;
}

// The only file that registers ipcMain handlers (the lint rule allows raw ipcMain here alone).
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  INVOKE_METHODS,
  fail,
  invokeContract,
  type Envelope,
  type InvokeHandlers,
  type InvokeMethod,
} from '../../../shared/ipc';
import type { Logger } from '../../host/log/logger';
import { dispatchInvoke } from '../../host/ipc/dispatch';
import { reportHandlerFailure } from '../../host/ipc/failureLog';
import { isTrustedSender, type SenderFrame, type TrustedWindow } from '../../host/ipc/senderCheck';

export interface InvokeRegistration {
  handlers: InvokeHandlers;
  /** Read on every message: the window can be recreated (macOS reopens it from the dock). */
  trustedWindow: () => TrustedWindow;
  log: Logger;
}

/**
 * Registers one ipcMain handler per invoke channel of the contract, all through one wrapper:
 * (a) the sender must be the top frame of our window on our origin, (b) the payload must pass
 * its schema, (c) the answer is always an envelope. Returns a function that unregisters them.
 */
export function registerInvokeHandlers(registration: InvokeRegistration): () => void {
  for (const method of INVOKE_METHODS) {
    ipcMain.handle(invokeContract[method].channel, (event, raw: unknown) =>
      handleInvoke(registration, method, event, raw),
    );
  }
  return () => {
    for (const method of INVOKE_METHODS) ipcMain.removeHandler(invokeContract[method].channel);
  };
}

async function handleInvoke(
  { handlers, trustedWindow, log }: InvokeRegistration,
  method: InvokeMethod,
  event: IpcMainInvokeEvent,
  raw: unknown,
): Promise<Envelope<unknown>> {
  try {
    const sender = senderFrameOf(event);
    if (!isTrustedSender(sender, trustedWindow())) {
      log.warn(`ipc: refused ${method} from a frame that is not ours`, { url: sender.frameUrl });
      return {
        ok: false,
        error: fail('forbidden', 'This window is not allowed to talk to PortDesk.'),
      };
    }
    return await dispatchInvoke(handlers, method, raw, reportHandlerFailure(log, 'ipc'));
  } catch (thrown) {
    // dispatchInvoke does not throw; this guards the sender check and the logger.
    log.error(`ipc: ${method} could not be handled`, thrown);
    return { ok: false, error: fail('internal', 'Something went wrong inside PortDesk.') };
  }
}

function senderFrameOf(event: IpcMainInvokeEvent): SenderFrame {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame?.url ?? null,
    isTopFrame: frame !== null && frame.parent === null,
  };
}

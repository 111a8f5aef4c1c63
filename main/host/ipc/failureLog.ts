import { IpcCommandError, type IpcErrorCode, type InvokeMethod } from '../../../shared/ipc';
import type { Logger } from '../log/logger';

/**
 * Refusals the agent can act on, or that the outside world caused: logged at warn, once, as a
 * line. Every other non-internal code is a routine refusal (not found, validation, wrong
 * credentials, a conflict) and logged at info.
 */
const WARN_CODES: ReadonlySet<IpcErrorCode> = new Set([
  'keychain_unavailable',
  'twilio_error',
  'rate_limited',
  'offline',
]);

/**
 * How every host logs a handler that threw (issue 12 item 7). A refusal arrives as an
 * IpcCommandError with a code the renderer shows in words: it is routine, so it is one line at
 * info (or warn) without a stack. Anything else is a bug: it is logged at error with its stack.
 */
export function reportHandlerFailure(
  log: Logger,
  prefix: string,
): (method: InvokeMethod, thrown: unknown) => void {
  return (method, thrown) => {
    if (thrown instanceof IpcCommandError && thrown.code !== 'internal') {
      const fields = thrown.fields?.map((field) => field.field);
      const line = `${prefix}: ${method} refused (${thrown.code}): ${thrown.message}`;
      const details = fields && fields.length > 0 ? { fields } : undefined;
      if (WARN_CODES.has(thrown.code)) log.warn(line, details);
      else log.info(line, details);
      return;
    }
    log.error(`${prefix}: ${method} failed`, thrown);
  };
}

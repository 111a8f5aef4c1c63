import { IpcCommandError, type IpcErrorCode } from '../../../shared/ipc';
import { MissingCredentialsError, UnknownAccountError } from '../accounts/clientProvider';
import { DemoUnavailableError } from '../accounts/demoProvider';
import { PortingError } from '../porting/errors';
import { StoreError } from '../store';
import { TwilioError } from '../twilio';
import { KeychainError } from '../vault';

const TWILIO_KIND_TO_CODE: Readonly<Record<TwilioError['kind'], IpcErrorCode>> = {
  unauthorized: 'unauthorized',
  not_found: 'not_found',
  rate_limited: 'rate_limited',
  invalid_request: 'twilio_error',
  server: 'twilio_error',
  network: 'offline',
  timeout: 'offline',
  malformed_response: 'twilio_error',
  aborted: 'conflict',
};

const STORE_CODE_TO_CODE: Readonly<Record<StoreError['code'], IpcErrorCode>> = {
  newer_schema: 'internal',
  not_portdesk_database: 'internal',
  invalid_input: 'invalid_payload',
  not_found: 'not_found',
  conflict: 'conflict',
};

const PORTING_CODE_TO_CODE: Readonly<Record<PortingError['code'], IpcErrorCode>> = {
  not_found: 'not_found',
  conflict: 'conflict',
  validation_failed: 'validation_failed',
  invalid_payload: 'invalid_payload',
  unsupported_file: 'unsupported_file',
  too_large: 'too_large',
};

/**
 * Errors from the core's parts, turned into the IPC envelope's error with words for the agent.
 * Unknown errors pass through unchanged: the registration wrapper answers them with a generic
 * `internal` message and never leaks their text.
 */
export function toCommandError(error: unknown): unknown {
  if (error instanceof IpcCommandError) return error;
  if (error instanceof PortingError) {
    return new IpcCommandError(PORTING_CODE_TO_CODE[error.code], error.message, error.fields);
  }
  if (error instanceof TwilioError) {
    const code = TWILIO_KIND_TO_CODE[error.kind];
    const fields = error.fields?.map((field) => ({ field, message: error.message }));
    return new IpcCommandError(code, error.message, fields);
  }
  if (error instanceof KeychainError)
    return new IpcCommandError('keychain_unavailable', error.message);
  if (error instanceof MissingCredentialsError)
    return new IpcCommandError('unauthorized', error.message);
  if (error instanceof UnknownAccountError) return new IpcCommandError('not_found', error.message);
  if (error instanceof DemoUnavailableError) return new IpcCommandError('not_found', error.message);
  if (error instanceof StoreError) {
    const fields = error.field ? [{ field: error.field, message: error.message }] : undefined;
    return new IpcCommandError(STORE_CODE_TO_CODE[error.code], error.message, fields);
  }
  return error;
}

/** Wraps every handler so expected failures reach the renderer as words, not `internal`. */
export function withCommandErrors<H extends Record<string, (payload: never) => Promise<unknown>>>(
  handlers: H,
): H {
  const wrapped: Record<string, (payload: never) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    wrapped[name] = async (payload: never) => {
      try {
        return await handler(payload);
      } catch (error) {
        throw toCommandError(error);
      }
    };
  }
  return wrapped as H;
}

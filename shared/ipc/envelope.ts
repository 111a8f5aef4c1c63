/** The answer every invoke channel gives: `{ ok: true, data }` or `{ ok: false, error }`. */

export const IPC_ERROR_CODES = [
  /**
   * The payload failed its schema; `fields` says which field and why. The renderer checks forms
   * with the same exported schemas first, so this is mostly a bug or a hostile sender.
   */
  'invalid_payload',
  /** The command was well-formed but the data is not ready (e.g. a draft with field errors). */
  'validation_failed',
  'not_found',
  /** The OS keychain is locked, missing or refused access. */
  'keychain_unavailable',
  /** Twilio rejected the credentials (20003 / HTTP 401). */
  'unauthorized',
  /** No network: the command could not reach Twilio (queued work says so in its result). */
  'offline',
  /** Twilio asked us to slow down (20429 / HTTP 429). */
  'rate_limited',
  /** Any other Twilio error; the message carries Twilio's code and text. */
  'twilio_error',
  /** The state changed under the command (already canceled, draft already submitted…). */
  'conflict',
  /** Refused by policy (e.g. a LOA link that is not https on a Twilio host). */
  'forbidden',
  /** A bill whose content is not a PDF, JPEG or PNG. */
  'unsupported_file',
  'too_large',
  'internal',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export interface IpcFieldError {
  /** Dotted path into the payload, e.g. `credential.keySid` or `patch.phoneNumbers.3.pin`. */
  field: string;
  message: string;
}

export interface IpcError {
  code: IpcErrorCode;
  /** For the agent, in words: what happened and what to do. Never contains a secret. */
  message: string;
  fields?: IpcFieldError[];
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: IpcError };

export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

export function fail(code: IpcErrorCode, message: string, fields?: IpcFieldError[]): IpcError {
  return fields && fields.length > 0 ? { code, message, fields } : { code, message };
}

/**
 * Thrown by main's handlers to answer with a specific error code; the registration wrapper turns
 * it into `{ ok: false, error }`. Anything else thrown becomes `internal` with a generic message.
 */
export class IpcCommandError extends Error {
  readonly code: IpcErrorCode;
  readonly fields: IpcFieldError[] | undefined;
  constructor(code: IpcErrorCode, message: string, fields?: IpcFieldError[]) {
    super(message);
    this.name = 'IpcCommandError';
    this.code = code;
    this.fields = fields;
  }
  toIpcError(): IpcError {
    return fail(this.code, this.message, this.fields);
  }
}

/** Turns whatever a handler threw into an IpcError without leaking internals. */
export function toIpcError(thrown: unknown): IpcError {
  if (thrown instanceof IpcCommandError) return thrown.toIpcError();
  return fail(
    'internal',
    'Something went wrong inside PortDesk. Try again; if it persists, restart the app.',
  );
}

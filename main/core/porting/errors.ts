/** Why a porting use case refused; mapped once to the IPC contract's codes (app/ipcErrors.ts). */
export type PortingErrorCode =
  | 'not_found'
  | 'conflict'
  /** The command was well-formed but the data is not ready (e.g. a draft with field errors). */
  | 'validation_failed'
  /** The input does not match the use case's schema. */
  | 'invalid_payload'
  /** A bill whose content is not a PDF, JPEG or PNG. */
  | 'unsupported_file'
  | 'too_large';

export interface PortingFieldError {
  field: string;
  message: string;
}

/**
 * A refusal from a porting use case: a domain error, not the transport's. Each names the field it
 * is about where there is one, so the wizard can put the message next to it, and says in words
 * what to do. The IPC boundary turns it into the envelope's error; nothing else depends on IPC.
 */
export class PortingError extends Error {
  readonly code: PortingErrorCode;
  readonly fields: PortingFieldError[] | undefined;
  constructor(code: PortingErrorCode, message: string, fields?: PortingFieldError[]) {
    super(message);
    this.name = 'PortingError';
    this.code = code;
    this.fields = fields && fields.length > 0 ? fields : undefined;
  }
}

export function notFound(field: string, message: string): PortingError {
  return new PortingError('not_found', message, [{ field, message }]);
}

export function conflict(message: string, field?: string): PortingError {
  return new PortingError('conflict', message, field ? [{ field, message }] : undefined);
}

export function invalid(field: string, message: string): PortingError {
  return new PortingError('validation_failed', message, [{ field, message }]);
}

export function validationFailed(message: string, fields: PortingFieldError[]): PortingError {
  return new PortingError('validation_failed', message, fields);
}

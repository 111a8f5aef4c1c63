import { IpcCommandError, type IpcFieldError } from '../../../shared/ipc';

/**
 * The refusals the porting use cases throw. Each names the field it is about, so the wizard can
 * put the message next to it, and says in words what to do.
 */
export function notFound(field: string, message: string): IpcCommandError {
  return new IpcCommandError('not_found', message, [{ field, message }]);
}

export function conflict(message: string, field?: string): IpcCommandError {
  return new IpcCommandError('conflict', message, field ? [{ field, message }] : undefined);
}

export function invalid(field: string, message: string): IpcCommandError {
  return new IpcCommandError('validation_failed', message, [{ field, message }]);
}

export function validationFailed(message: string, fields: IpcFieldError[]): IpcCommandError {
  return new IpcCommandError('validation_failed', message, fields);
}

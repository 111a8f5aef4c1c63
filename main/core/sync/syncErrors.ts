import { MissingCredentialsError, UnknownAccountError } from '../accounts/clientProvider';
import { isTwilioError, type TwilioError } from '../twilio';
import type { JsonObject } from '../store';
import type { SendFailure } from './outboxPolicy';

/**
 * Why a sync cycle (or an outbox drain) stopped early, decided from the error that stopped it:
 * - unauthorized: the credentials were refused or are gone; polling halts until they change;
 * - offline: nothing reached Twilio (refused, DNS, no route); polling pauses until reconnect;
 * - failed: Twilio answered badly even after the client's own retries; back off, honour
 *   Retry-After;
 * - aborted: the engine is stopping.
 */
export type CycleStop =
  | { kind: 'unauthorized'; message: string }
  | { kind: 'offline'; message: string }
  | { kind: 'failed'; message: string; retryAfterMs: number | null }
  | { kind: 'aborted'; message: string };

export const OFFLINE_MESSAGE =
  'Could not reach Twilio: this computer seems to be offline. PortDesk syncs again as soon as the network is back.';

/** The host (the OS's network watcher) says offline: PortDesk does not try until it is back. */
export const HOST_OFFLINE_MESSAGE =
  'This computer is offline, so PortDesk is not syncing. Your changes are kept and sent as soon as the network is back.';

export function isOffline(error: TwilioError): boolean {
  return error.kind === 'network' && !error.mayHaveReachedServer;
}

export function cycleStopFor(error: unknown, accountLabel: string): CycleStop {
  if (error instanceof MissingCredentialsError) {
    return { kind: 'unauthorized', message: error.message };
  }
  if (error instanceof UnknownAccountError) {
    return { kind: 'unauthorized', message: `${error.message} Add it again in Accounts.` };
  }
  if (isTwilioError(error)) {
    switch (error.kind) {
      case 'unauthorized':
        return {
          kind: 'unauthorized',
          message: `Twilio did not accept the credentials of “${accountLabel}”. Open Accounts and rotate the secret; syncing resumes after that.`,
        };
      case 'aborted':
        return { kind: 'aborted', message: 'Sync stopped.' };
      default:
        if (isOffline(error)) return { kind: 'offline', message: OFFLINE_MESSAGE };
        return {
          kind: 'failed',
          message: `${error.message} PortDesk tries again shortly.`,
          retryAfterMs: error.retryAfterMs,
        };
    }
  }
  const text = error instanceof Error ? error.message : String(error);
  return {
    kind: 'failed',
    message: `Sync of “${accountLabel}” stopped on an unexpected error: ${text}`,
    retryAfterMs: null,
  };
}

/** The error as the outbox policy reads it. */
export function toSendFailure(error: TwilioError): SendFailure {
  return {
    kind: error.kind,
    httpStatus: error.httpStatus,
    code: error.code,
    message: error.message,
    retryAfterMs: error.retryAfterMs,
    mayHaveReachedServer: error.mayHaveReachedServer,
    ...(error.fields === undefined ? {} : { fields: [...error.fields] }),
  };
}

/**
 * An outbox item's `lastError` as stored: JSON, never a secret (the client's messages are
 * redacted before they are built). `kind` is the TwilioError kind, or one of the outbox's own:
 * `interrupted` (PortDesk stopped mid-send), `unreadable_payload`, `missing_bill`, `local`.
 */
export function lastErrorOf(error: unknown, at: string): JsonObject {
  if (isTwilioError(error)) {
    return {
      kind: error.kind,
      httpStatus: error.httpStatus,
      code: error.code,
      message: error.message,
      retryAfterMs: error.retryAfterMs,
      mayHaveReachedServer: error.mayHaveReachedServer,
      fields: error.fields ?? [],
      at,
    };
  }
  return {
    kind: 'local',
    httpStatus: 0,
    code: null,
    message: error instanceof Error ? error.message : String(error),
    mayHaveReachedServer: false,
    fields: [],
    at,
  };
}

export function localError(kind: string, message: string, at: string): JsonObject {
  return { kind, httpStatus: 0, code: null, message, mayHaveReachedServer: false, fields: [], at };
}

/**
 * What the outbox does after an operation failed. Pure, so every branch is tested without a
 * network. The error shape is the client's TwilioError, reduced to what matters here.
 */
export interface SendFailure {
  kind: string;
  httpStatus: number;
  code: number | null;
  message: string;
  retryAfterMs: number | null;
  mayHaveReachedServer: boolean;
  fields?: string[];
}

export type OutboxOperationKind =
  'upload_document' | 'create_port_in' | 'cancel_port_in' | 'cancel_number';

export type FailureDecision =
  /** Transient: try again at `nextAttemptAt`. */
  | { next: 'retry_wait'; nextAttemptAt: number }
  /** The create may exist at Twilio: look for it before anything is sent again. */
  | { next: 'reconciling' }
  /** Needs the agent: shown in the outbox (and on the draft) until retried or discarded. */
  | { next: 'failed' }
  /** Offline: wait for the network, without spending an attempt. */
  | { next: 'waiting_for_network' };

export interface RetrySchedule {
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many transient failures the operation is shown as failed to the agent. */
  maxAttempts: number;
}

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = {
  baseDelayMs: 10_000,
  maxDelayMs: 15 * 60_000,
  maxAttempts: 12,
};

export function decideAfterFailure(
  operation: OutboxOperationKind,
  failure: SendFailure,
  attempts: number,
  now: number,
  random: () => number = Math.random,
  schedule: RetrySchedule = DEFAULT_RETRY_SCHEDULE,
): FailureDecision {
  // Twilio has no idempotency key: a create that may have arrived is never simply resent.
  if (operation === 'create_port_in' && failure.mayHaveReachedServer)
    return { next: 'reconciling' };
  // 22137: a port for one of these numbers is already open — maybe our own earlier attempt.
  if (operation === 'create_port_in' && failure.code === 22137) return { next: 'reconciling' };

  if (failure.kind === 'network' && !failure.mayHaveReachedServer)
    return { next: 'waiting_for_network' };

  const transient =
    failure.kind === 'rate_limited' ||
    failure.kind === 'server' ||
    failure.kind === 'network' ||
    failure.kind === 'timeout' ||
    failure.kind === 'malformed_response';
  if (!transient || attempts >= schedule.maxAttempts) return { next: 'failed' };

  return {
    next: 'retry_wait',
    nextAttemptAt: now + retryDelayMs(attempts, failure.retryAfterMs, random, schedule),
  };
}

/**
 * The wait before the next try after `attempts` tries: full jitter under a ceiling that doubles
 * from the base, never below Retry-After nor below 1 s.
 */
export function retryDelayMs(
  attempts: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
  schedule: RetrySchedule = DEFAULT_RETRY_SCHEDULE,
): number {
  const ceiling = Math.min(
    schedule.maxDelayMs,
    schedule.baseDelayMs * 2 ** Math.max(0, attempts - 1),
  );
  return Math.max(Math.floor(random() * ceiling), retryAfterMs ?? 0, 1_000);
}

/** Cancels of something already gone are done, not failed: the agent's intent holds. */
export function isAlreadyDone(operation: OutboxOperationKind, failure: SendFailure): boolean {
  return (
    (operation === 'cancel_port_in' || operation === 'cancel_number') && failure.httpStatus === 404
  );
}

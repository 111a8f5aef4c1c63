import type { NumberStatus, ObservedStatus, RequestStatus } from '../../shared/domain/statuses';

export type Tone = 'info' | 'success' | 'warning' | 'danger' | 'neutral' | 'purple';

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  in_review: 'In review',
  waiting_for_signature: 'Waiting for signature',
  in_progress: 'In progress',
  action_required: 'Action required',
  completed: 'Completed',
  canceled: 'Canceled',
  expired: 'Expired',
};

const REQUEST_STATUS_TONES: Record<RequestStatus, Tone> = {
  in_review: 'info',
  waiting_for_signature: 'warning',
  in_progress: 'purple',
  action_required: 'danger',
  completed: 'success',
  canceled: 'neutral',
  expired: 'neutral',
};

export const NUMBER_STATUS_LABELS: Record<NumberStatus, string> = {
  in_review: 'In review',
  waiting_for_signature: 'Waiting for signature',
  submitted: 'Submitted',
  pending: 'Pending',
  rejected: 'Rejected',
  canceling: 'Canceling',
  canceled: 'Canceled',
  completed: 'Ported',
};

const NUMBER_STATUS_TONES: Record<NumberStatus, Tone> = {
  in_review: 'info',
  waiting_for_signature: 'warning',
  submitted: 'purple',
  pending: 'info',
  rejected: 'danger',
  canceling: 'neutral',
  canceled: 'neutral',
  completed: 'success',
};

/** Unknown statuses are shown exactly as Twilio sent them (ARCHITECTURE §5). */
export function requestStatusLabel(status: ObservedStatus<RequestStatus>): string {
  return status.canonical === 'unknown'
    ? status.raw || 'Unknown'
    : REQUEST_STATUS_LABELS[status.canonical];
}

export function requestStatusTone(status: ObservedStatus<RequestStatus>): Tone | 'unknown' {
  return status.canonical === 'unknown' ? 'unknown' : REQUEST_STATUS_TONES[status.canonical];
}

export function numberStatusLabel(status: ObservedStatus<NumberStatus>): string {
  return status.canonical === 'unknown'
    ? status.raw || 'Unknown'
    : NUMBER_STATUS_LABELS[status.canonical];
}

export function numberStatusTone(status: ObservedStatus<NumberStatus>): Tone | 'unknown' {
  return status.canonical === 'unknown' ? 'unknown' : NUMBER_STATUS_TONES[status.canonical];
}

/** A status string from a timeline event (`from`/`to`), which may be canonical or raw. */
export function statusWord(value: string | null, kind: 'request' | 'number'): string {
  if (value == null || value === '') return 'none';
  const labels: Record<string, string> =
    kind === 'request' ? REQUEST_STATUS_LABELS : NUMBER_STATUS_LABELS;
  return Object.hasOwn(labels, value) ? (labels[value] ?? value) : value;
}

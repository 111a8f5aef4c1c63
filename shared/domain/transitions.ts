import type { NumberStatus, RequestStatus } from './statuses';

/**
 * Which status moves the lifecycle expects (PORTING-API §6.2; the edges are Twilio's documented
 * events plus our reading of them). This is knowledge, not a gate: Twilio is the source of truth
 * and the app never invents a status, so a move that is not listed here is still recorded by the
 * sync engine as observed — it is only marked `unexpected`, for the timeline and for diagnosis.
 * Twilio may also skip states between two polls (submitted → completed), which shows up here as
 * `unexpected` too.
 */

/** Request: in_review → waiting_for_signature → in_progress ⇄ action_required → completed; canceled; expired. */
export const REQUEST_TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  // action_required: a number found not portable during review.
  in_review: ['waiting_for_signature', 'action_required', 'canceled'],
  // expired: the LOA was never signed.
  waiting_for_signature: ['in_progress', 'action_required', 'expired', 'canceled'],
  in_progress: ['action_required', 'completed', 'canceled'],
  // completed straight from action_required: the rejected numbers were canceled, the rest ported.
  action_required: ['in_progress', 'completed', 'canceled'],
  completed: [],
  canceled: [],
  expired: [],
};

/**
 * Number: in_review → waiting_for_signature → submitted → pending → completed; rejected;
 * rejected → submitted when Twilio's porting team corrects it; any non-terminal → canceling →
 * canceled (or straight to canceled).
 */
export const NUMBER_TRANSITIONS: Readonly<Record<NumberStatus, readonly NumberStatus[]>> = {
  in_review: ['waiting_for_signature', 'canceling', 'canceled'],
  waiting_for_signature: ['submitted', 'canceling', 'canceled'],
  submitted: ['pending', 'rejected', 'canceling', 'canceled'],
  // rejected after FOC: the carrier can still refuse, e.g. the port date (22158).
  pending: ['completed', 'rejected', 'canceling', 'canceled'],
  rejected: ['submitted', 'canceling', 'canceled'],
  canceling: ['canceled'],
  canceled: [],
  completed: [],
};

/** How an observed move relates to the expected lifecycle. */
export type TransitionKind =
  /** An edge of the lifecycle. */
  | 'allowed'
  /** Both statuses are known but the lifecycle has no such edge: record it anyway. */
  | 'unexpected'
  /** Same status on both sides: not a transition. */
  | 'unchanged'
  /** One side is `unknown` (a status string we cannot map): nothing to judge. */
  | 'unknown';

function kindOf<S extends string>(
  table: Readonly<Record<S, readonly S[]>>,
  from: S | 'unknown',
  to: S | 'unknown',
): TransitionKind {
  if (from === 'unknown' || to === 'unknown') return 'unknown';
  if (from === to) return 'unchanged';
  return table[from].includes(to) ? 'allowed' : 'unexpected';
}

export function requestTransitionKind(
  from: RequestStatus | 'unknown',
  to: RequestStatus | 'unknown',
): TransitionKind {
  return kindOf(REQUEST_TRANSITIONS, from, to);
}

export function numberTransitionKind(
  from: NumberStatus | 'unknown',
  to: NumberStatus | 'unknown',
): TransitionKind {
  return kindOf(NUMBER_TRANSITIONS, from, to);
}

/** true only for an edge of the request lifecycle (false for unchanged or unknown statuses). */
export function isAllowedRequestTransition(
  from: RequestStatus | 'unknown',
  to: RequestStatus | 'unknown',
): boolean {
  return requestTransitionKind(from, to) === 'allowed';
}

/** true only for an edge of the number lifecycle (false for unchanged or unknown statuses). */
export function isAllowedNumberTransition(
  from: NumberStatus | 'unknown',
  to: NumberStatus | 'unknown',
): boolean {
  return numberTransitionKind(from, to) === 'allowed';
}

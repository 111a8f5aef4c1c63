import { describe, expect, it } from 'vitest';
import {
  NUMBER_STATUSES,
  NUMBER_TRANSITIONS,
  REQUEST_STATUSES,
  REQUEST_TRANSITIONS,
  isAllowedNumberTransition,
  isAllowedRequestTransition,
  isTerminalNumberStatus,
  isTerminalRequestStatus,
  numberTransitionKind,
  requestTransitionKind,
} from '../../../shared/domain';
import type { NumberStatus, RequestStatus } from '../../../shared/domain';

describe('request lifecycle', () => {
  it.each<[RequestStatus, RequestStatus]>([
    ['in_review', 'waiting_for_signature'],
    ['waiting_for_signature', 'in_progress'],
    ['in_progress', 'action_required'],
    ['action_required', 'in_progress'],
    ['in_progress', 'completed'],
    ['action_required', 'completed'],
    ['waiting_for_signature', 'expired'],
    ['in_review', 'canceled'],
    ['waiting_for_signature', 'canceled'],
    ['in_progress', 'canceled'],
    ['action_required', 'canceled'],
  ])('allows %s → %s', (from, to) => {
    expect(isAllowedRequestTransition(from, to)).toBe(true);
    expect(requestTransitionKind(from, to)).toBe('allowed');
  });

  it.each<[RequestStatus, RequestStatus]>([
    ['completed', 'in_progress'],
    ['canceled', 'in_review'],
    ['expired', 'waiting_for_signature'],
    ['in_review', 'completed'],
    ['in_progress', 'waiting_for_signature'],
    ['in_progress', 'expired'],
  ])('marks %s → %s as unexpected (recorded, not an error)', (from, to) => {
    expect(isAllowedRequestTransition(from, to)).toBe(false);
    expect(requestTransitionKind(from, to)).toBe('unexpected');
  });

  it('does not call a repeated status a transition', () => {
    expect(requestTransitionKind('in_progress', 'in_progress')).toBe('unchanged');
    expect(isAllowedRequestTransition('in_progress', 'in_progress')).toBe(false);
  });

  it('does not judge a move from or to an unknown status', () => {
    expect(requestTransitionKind('unknown', 'completed')).toBe('unknown');
    expect(requestTransitionKind('in_review', 'unknown')).toBe('unknown');
    expect(isAllowedRequestTransition('unknown', 'completed')).toBe(false);
  });

  it('leaves terminal statuses with no way out and every other status a way to canceled', () => {
    for (const status of REQUEST_STATUSES) {
      if (isTerminalRequestStatus(status)) expect(REQUEST_TRANSITIONS[status]).toEqual([]);
      else expect(REQUEST_TRANSITIONS[status]).toContain('canceled');
    }
  });
});

describe('number lifecycle', () => {
  it.each<[NumberStatus, NumberStatus]>([
    ['in_review', 'waiting_for_signature'],
    ['waiting_for_signature', 'submitted'],
    ['submitted', 'pending'],
    ['pending', 'completed'],
    ['submitted', 'rejected'],
    ['pending', 'rejected'],
    ['rejected', 'submitted'],
    ['canceling', 'canceled'],
    ['pending', 'canceling'],
    ['rejected', 'canceled'],
  ])('allows %s → %s', (from, to) => {
    expect(isAllowedNumberTransition(from, to)).toBe(true);
  });

  it.each<[NumberStatus, NumberStatus]>([
    ['completed', 'pending'],
    ['canceled', 'submitted'],
    ['in_review', 'completed'],
    ['submitted', 'completed'],
    ['canceling', 'submitted'],
    ['in_review', 'rejected'],
  ])('marks %s → %s as unexpected', (from, to) => {
    expect(isAllowedNumberTransition(from, to)).toBe(false);
    expect(numberTransitionKind(from, to)).toBe('unexpected');
  });

  it('lets every non-terminal number be canceled, directly or through canceling', () => {
    for (const status of NUMBER_STATUSES) {
      if (isTerminalNumberStatus(status)) {
        expect(NUMBER_TRANSITIONS[status]).toEqual([]);
      } else {
        expect(NUMBER_TRANSITIONS[status]).toContain('canceled');
        if (status !== 'canceling') expect(NUMBER_TRANSITIONS[status]).toContain('canceling');
      }
    }
  });

  it('does not judge unknown statuses', () => {
    expect(numberTransitionKind('unknown', 'unknown')).toBe('unknown');
    expect(isAllowedNumberTransition('submitted', 'unknown')).toBe(false);
  });
});

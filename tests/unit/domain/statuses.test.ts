import { describe, expect, it } from 'vitest';
import {
  isTerminalNumberStatus,
  isTerminalRequestStatus,
  normaliseNumberStatus,
  normaliseRequestStatus,
} from '../../../shared/domain/statuses';

describe('request status normaliser', () => {
  it.each([
    ['In Review', 'in_review'],
    ['In review', 'in_review'],
    ['in_review', 'in_review'],
    ['pending', 'in_review'],
    ['Waiting for Signature', 'waiting_for_signature'],
    ['waiting-for-signature', 'waiting_for_signature'],
    ['In progress', 'in_progress'],
    ['IN_PROGRESS', 'in_progress'],
    ['Action Required', 'action_required'],
    ['Completed', 'completed'],
    ['Canceled', 'canceled'],
    ['Cancelled', 'canceled'],
    ['Expired', 'expired'],
    ['PortInActionRequired', 'action_required'],
    ['PortInExpired', 'expired'],
    ['  Completed  ', 'completed'],
  ])('maps %j to %s and keeps the raw string', (raw, canonical) => {
    expect(normaliseRequestStatus(raw)).toEqual({ canonical, raw });
  });

  it.each([['Teleported'], [''], ['__proto__'], ['constructor'], ['toString']])(
    'maps the unknown value %j to unknown without throwing',
    (raw) => {
      expect(normaliseRequestStatus(raw)).toEqual({ canonical: 'unknown', raw });
    },
  );

  it('treats null and undefined as an unknown empty status', () => {
    expect(normaliseRequestStatus(null)).toEqual({ canonical: 'unknown', raw: '' });
    expect(normaliseRequestStatus(undefined)).toEqual({ canonical: 'unknown', raw: '' });
  });
});

describe('number status normaliser', () => {
  it.each([
    ['In Review', 'in_review'],
    ['in_review', 'in_review'],
    ['Waiting for Signature', 'waiting_for_signature'],
    ['Port Submitted', 'submitted'],
    ['port_submitted', 'submitted'],
    ['Submitted', 'submitted'],
    ['port_pending', 'pending'],
    ['Pending', 'pending'],
    ['port_rejected', 'rejected'],
    ['Rejected', 'rejected'],
    ['canceling', 'canceling'],
    ['Cancelling', 'canceling'],
    ['canceled', 'canceled'],
    ['Completed', 'completed'],
    ['PortInPhoneNumberRejected', 'rejected'],
    ['PortInPhoneNumberPending', 'pending'],
  ])('maps %j to %s', (raw, canonical) => {
    expect(normaliseNumberStatus(raw)).toEqual({ canonical, raw });
  });

  it('keeps an unknown status raw', () => {
    expect(normaliseNumberStatus('Ported Elsewhere')).toEqual({
      canonical: 'unknown',
      raw: 'Ported Elsewhere',
    });
  });
});

describe('terminal statuses', () => {
  it('knows which request statuses end a request', () => {
    expect(
      ['completed', 'canceled', 'expired'].every((s) => isTerminalRequestStatus(s as never)),
    ).toBe(true);
    expect(isTerminalRequestStatus('action_required')).toBe(false);
    expect(isTerminalRequestStatus('unknown')).toBe(false);
  });

  it('knows which number statuses end a number', () => {
    expect(isTerminalNumberStatus('completed')).toBe(true);
    expect(isTerminalNumberStatus('canceled')).toBe(true);
    expect(isTerminalNumberStatus('rejected')).toBe(false);
    expect(isTerminalNumberStatus('canceling')).toBe(false);
  });
});

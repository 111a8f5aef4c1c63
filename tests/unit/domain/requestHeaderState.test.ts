import { describe, expect, it } from 'vitest';
import {
  requestHeaderState,
  type HeaderOffers,
  type HeaderOutboxItem,
  type HeaderRequest,
} from '../../../shared/domain/requestHeaderState';
import { normaliseNumberStatus, normaliseRequestStatus } from '../../../shared/domain/statuses';

const SID = `KW${'a'.repeat(32)}`;
const OTHER = `KW${'b'.repeat(32)}`;
const A = '+14155550101';
const B = '+14155550102';
const C = '+14155550103';

function request(status: string, numbers: Record<string, string>): HeaderRequest {
  return {
    sid: SID,
    status: normaliseRequestStatus(status),
    numbers: Object.entries(numbers).map(([phoneNumber, s]) => ({
      phoneNumber,
      status: normaliseNumberStatus(s),
    })),
  };
}

const ALL_OFFERED: HeaderOffers = {
  canCancelRequest: true,
  canCancelNumbers: true,
  canOpenLoa: true,
  canFixAndResubmit: true,
  loaBanner: true,
};

function cancelRequest(state: HeaderOutboxItem['state']): HeaderOutboxItem {
  return { kind: 'cancel_port_in', state, requestSid: SID, phoneNumbers: [] };
}

function cancelNumber(phoneNumber: string, state: HeaderOutboxItem['state']): HeaderOutboxItem {
  return { kind: 'cancel_number', state, requestSid: SID, phoneNumbers: [phoneNumber] };
}

const waitingLoa = request('Waiting for Signature', {
  [A]: 'Waiting for Signature',
  [B]: 'Waiting for Signature',
});

describe('requestHeaderState', () => {
  it('is Twilio’s state, with every offer, when nothing of the agent’s is pending', () => {
    const state = requestHeaderState(waitingLoa, [], ALL_OFFERED);
    expect(state.pending).toBeNull();
    expect(state.offers).toEqual(ALL_OFFERED);
    expect([...state.cancelingNumbers]).toEqual([]);
  });

  it('says Canceling… the moment a whole-request cancel is queued, and drops what no longer makes sense', () => {
    const state = requestHeaderState(waitingLoa, [cancelRequest('queued')], ALL_OFFERED);
    expect(state.pending).toEqual({ label: 'Canceling…', detail: 'Sending the cancel to Twilio.' });
    expect(state.offers).toEqual({
      canCancelRequest: false,
      canCancelNumbers: false,
      canOpenLoa: false,
      canFixAndResubmit: true,
      loaBanner: false,
    });
    expect([...state.cancelingNumbers]).toEqual([A, B]);
  });

  it('stays Canceling… after Twilio accepted the cancel, until the sync sees the request over', () => {
    const offline = requestHeaderState(
      waitingLoa,
      [cancelRequest('waiting_for_network')],
      ALL_OFFERED,
    );
    expect(offline.pending?.detail).toBe('Sent when PortDesk is back online.');
    const accepted = requestHeaderState(waitingLoa, [cancelRequest('done')], ALL_OFFERED);
    expect(accepted.pending?.label).toBe('Canceling…');
    expect(accepted.pending?.detail).toMatch(/Twilio accepted the cancel/);
    const canceling = request('Waiting for Signature', { [A]: 'Canceling', [B]: 'Canceling' });
    expect(requestHeaderState(canceling, [cancelRequest('done')], ALL_OFFERED).pending?.label).toBe(
      'Canceling…',
    );
    // Twilio's state wins once it is there.
    const canceled = request('Canceled', { [A]: 'Canceled', [B]: 'Canceled' });
    const over = requestHeaderState(canceled, [cancelRequest('done')], {
      ...ALL_OFFERED,
      canCancelRequest: false,
    });
    expect(over.pending).toBeNull();
  });

  it('goes back to Twilio’s state when the cancel failed (the banner says why)', () => {
    const state = requestHeaderState(waitingLoa, [cancelRequest('failed')], ALL_OFFERED);
    expect(state.pending).toBeNull();
    expect(state.offers).toEqual(ALL_OFFERED);
  });

  it('counts the numbers being canceled until each shows Canceled', () => {
    const running = request('In Progress', { [A]: 'Pending', [B]: 'Pending', [C]: 'Pending' });
    const items = [cancelNumber(A, 'sending'), cancelNumber(B, 'queued')];
    const two = requestHeaderState(running, items, ALL_OFFERED);
    expect(two.pending?.label).toBe('Canceling 2 numbers…');
    expect([...two.cancelingNumbers]).toEqual([A, B]);
    // C can still be canceled, and so can the request.
    expect(two.offers.canCancelNumbers).toBe(true);
    expect(two.offers.canCancelRequest).toBe(true);
    expect(two.offers.loaBanner).toBe(true);

    const oneLeft = request('In Progress', { [A]: 'Canceled', [B]: 'Canceling', [C]: 'Pending' });
    const one = requestHeaderState(
      oneLeft,
      [cancelNumber(A, 'done'), cancelNumber(B, 'done')],
      ALL_OFFERED,
    );
    expect(one.pending?.label).toBe('Canceling 1 number…');
    const allDone = request('In Progress', { [A]: 'Canceled', [B]: 'Canceled', [C]: 'Pending' });
    expect(
      requestHeaderState(allDone, [cancelNumber(A, 'done'), cancelNumber(B, 'done')], ALL_OFFERED)
        .pending,
    ).toBeNull();
  });

  it('offers no number cancel when every open number is already on its way out', () => {
    const running = request('In Progress', { [A]: 'Pending', [B]: 'Canceling' });
    const state = requestHeaderState(running, [cancelNumber(A, 'queued')], ALL_OFFERED);
    expect(state.offers.canCancelNumbers).toBe(false);
  });

  it('says a correction waits for the cancel, and offers no second fix and resubmit', () => {
    const rejected = request('Action Required', { [A]: 'Rejected', [B]: 'Pending' });
    const waitingFor = {
      requestSid: SID,
      phoneNumbers: [A],
      words: `Waiting for the cancel of ${SID} to finish; sent by itself once Twilio shows the numbers Canceled.`,
    };
    const correction: HeaderOutboxItem = {
      kind: 'create_port_in',
      state: 'queued',
      requestSid: null,
      phoneNumbers: [],
      waitingFor,
    };
    const state = requestHeaderState(rejected, [cancelNumber(A, 'done'), correction], ALL_OFFERED);
    expect(state.pending?.label).toBe(
      'Correcting — waiting for the cancel of (415) 555-0101 to finish',
    );
    expect(state.pending?.detail).toContain(`Waiting for the cancel of ${SID} to finish`);
    expect(state.offers.canFixAndResubmit).toBe(false);
    // A correction of another request is not this request's business.
    const elsewhere = requestHeaderState(
      rejected,
      [{ ...correction, waitingFor: { ...waitingFor, requestSid: OTHER } }],
      ALL_OFFERED,
    );
    expect(elsewhere.pending).toBeNull();
    expect(elsewhere.offers.canFixAndResubmit).toBe(true);
  });
});

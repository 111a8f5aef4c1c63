import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lifecycleTimings, type RunningSimulator } from '../../../main/simulator/index';
import type { SimClient } from './harness';
import {
  DAY,
  expectMatchesSpec,
  expectTwilioError,
  HOUR,
  MINUTE,
  type PortInWire,
  simDate,
  startTestSimulator,
} from './harness';

let sim: RunningSimulator;
let api: SimClient;

beforeAll(async () => {
  ({ sim, api } = await startTestSimulator());
});
beforeEach(() => sim.control.reset());
afterAll(() => sim.close());

const { REVIEW_MS, SUBMIT_AFTER_SIGNATURE_MS, CARRIER_RESPONSE_MS, CANCEL_MS, LOA_EXPIRY_MS } =
  lifecycleTimings;

/** Carriers confirm weekdays only, so a target the carrier keeps must not be a weekend. */
function weekdayAtLeast(days: number): string {
  for (let n = days; ; n += 1) {
    const date = simDate(sim, n);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return date;
  }
}

const statuses = (request: PortInWire) =>
  request.phone_numbers.map((n) => n.port_in_phone_number_status);

/** Create → LOA → signed → submitted: the common start of most stories. */
async function submittedRequest(numbers: string[], overrides: Record<string, unknown> = {}) {
  const created = await api.createdPortIn(numbers, overrides);
  sim.control.advance(REVIEW_MS);
  sim.control.signLoa(created.port_in_request_sid);
  sim.control.advance(SUBMIT_AFTER_SIGNATURE_MS);
  return created.port_in_request_sid;
}

describe('the happy path', () => {
  it('walks in review → waiting for signature → in progress → pending → completed', async () => {
    const created = await api.createdPortIn(['+12125550100', '+12125550101'], {
      target_port_in_date: weekdayAtLeast(10),
    });
    const sid = created.port_in_request_sid;
    const path = `/v1/Porting/PortIn/${sid}`;

    sim.control.advance(REVIEW_MS - MINUTE);
    expect((await api.fetchPortIn(sid)).port_in_request_status).toBe('In Review');

    sim.control.advance(MINUTE);
    const waiting = await api.fetchPortIn(sid);
    expect(waiting.port_in_request_status).toBe('Waiting for Signature');
    expect(waiting.signature_request_url).toBe(`${sim.url}/__sim/loa/${sid}`);
    expect(statuses(waiting)).toEqual(['Waiting for Signature', 'Waiting for Signature']);
    expectMatchesSpec('GET', path, 200, waiting);

    sim.control.signLoa(sid);
    expect((await api.fetchPortIn(sid)).port_in_request_status).toBe('In Progress');

    sim.control.advance(SUBMIT_AFTER_SIGNATURE_MS);
    const submitted = await api.fetchPortIn(sid);
    expect(statuses(submitted)).toEqual(['Submitted', 'Submitted']);

    sim.control.advance(CARRIER_RESPONSE_MS);
    const pending = await api.fetchPortIn(sid);
    expect(pending.port_in_request_status).toBe('In Progress');
    expect(statuses(pending)).toEqual(['Pending', 'Pending']);
    // The carrier confirms the requested date (10 days ahead is later than its earliest FOC).
    expect(pending.phone_numbers[0]?.port_date?.slice(0, 10)).toBe(created.target_port_in_date);
    expectMatchesSpec('GET', path, 200, pending);

    sim.control.advance(15 * DAY);
    const completed = await api.fetchPortIn(sid);
    expect(completed.port_in_request_status).toBe('Completed');
    expect(statuses(completed)).toEqual(['Completed', 'Completed']);
    expectMatchesSpec('GET', path, 200, completed);

    const row = (await api.get(`/v1/Porting/PortIn/PortInRequests?PortInRequestSid=${sid}`)).json<{
      port_in_requests: Record<string, unknown>[];
    }>().port_in_requests[0];
    expect(row).toMatchObject({
      port_in_request_status: 'Completed',
      phone_numbers_requested: 2,
      phone_numbers_ported: 2,
    });
  });

  it('stamps each status change with the simulated time it happened', async () => {
    const created = await api.createdPortIn(['+12125550100']);
    const before = Date.parse(created.phone_numbers[0]?.status_last_time_updated_timestamp ?? '');
    sim.control.advance(REVIEW_MS);
    const after = await api.fetchPortIn(created.port_in_request_sid);
    const changed = Date.parse(after.phone_numbers[0]?.status_last_time_updated_timestamp ?? '');
    expect(changed - before).toBeGreaterThanOrEqual(REVIEW_MS - 1000);
  });

  it('signs LOAs by itself when autoSignAfterMs is set', async () => {
    const auto = await startTestSimulator({ autoSignAfterMs: 2 * HOUR });
    try {
      const created = await auto.api.createdPortIn(['+12125550100']);
      auto.sim.control.advance(REVIEW_MS + 2 * HOUR);
      const signed = await auto.api.fetchPortIn(created.port_in_request_sid);
      expect(signed.port_in_request_status).toBe('In Progress');
    } finally {
      await auto.sim.close();
    }
  });

  it('moves on by itself when the clock runs accelerated', async () => {
    const fast = await startTestSimulator({ accelerate: 100_000 });
    try {
      const created = await fast.api.createdPortIn(['+12125550100']);
      await expect
        .poll(
          async () =>
            (await fast.api.fetchPortIn(created.port_in_request_sid)).port_in_request_status,
          { timeout: 10_000 },
        )
        .toBe('Waiting for Signature');
    } finally {
      await fast.sim.close();
    }
  });
});

describe('carrier outcomes', () => {
  it('rejects a scripted number with its reason and makes the request Action Required', async () => {
    sim.control.scriptNumber('+12125550101', { kind: 'reject', code: 22155 });
    const sid = await submittedRequest(['+12125550100', '+12125550101']);
    sim.control.advance(CARRIER_RESPONSE_MS);

    const request = await api.fetchPortIn(sid);
    expect(request.port_in_request_status).toBe('Action Required');
    const [ok, rejected] = request.phone_numbers;
    expect(ok?.port_in_phone_number_status).toBe('Pending');
    expect(rejected).toMatchObject({
      port_in_phone_number_status: 'Rejected',
      rejection_reason: 'INVALID_PIN',
      rejection_reason_code: '22155',
    });
    expectMatchesSpec('GET', `/v1/Porting/PortIn/${sid}`, 200, request);

    const numberPath = `/v1/Porting/PortIn/${sid}/PhoneNumber/${rejected?.port_in_phone_number_sid}`;
    const resource = (await api.get(numberPath)).json();
    expect(resource).toMatchObject({
      port_in_phone_number_status: 'rejected',
      rejection_reason: 'INVALID_PIN',
      rejection_reason_code: 22155,
    });
    expectMatchesSpec('GET', numberPath, 200, resource);

    const rows = (await api.get(`/v1/Porting/PortIn/PortInRequests?PortInRequestSid=${sid}`)).json<{
      port_in_requests: { suggested_action: string | null }[];
    }>().port_in_requests;
    expect(rows[0]?.suggested_action).toMatch(/rejected/);
  });

  it.each([
    [22150, 'CONTACT_SUPPORT_REQUIRED'],
    [22154, 'INVALID_ADDRESS'],
    [22158, 'PORT_DATE_REJECTED'],
  ])('names rejection code %i as %s', async (code, reason) => {
    sim.control.scriptNumber('+12125550100', { kind: 'reject', code });
    const sid = await submittedRequest(['+12125550100']);
    sim.control.advance(CARRIER_RESPONSE_MS);
    const number = (await api.fetchPortIn(sid)).phone_numbers[0];
    expect(number?.rejection_reason).toBe(reason);
    expect(number?.rejection_reason_code).toBe(String(code));
  });

  it('returns to In Progress, then completes, once the rejected number is canceled', async () => {
    sim.control.scriptNumber('+12125550101', { kind: 'reject', code: 22154 });
    const sid = await submittedRequest(['+12125550100', '+12125550101']);
    sim.control.advance(CARRIER_RESPONSE_MS);
    const rejected = (await api.fetchPortIn(sid)).phone_numbers[1];

    const cancel = await api.delete(
      `/v1/Porting/PortIn/${sid}/PhoneNumber/${rejected?.port_in_phone_number_sid}`,
    );
    expect(cancel.status).toBe(204);
    const canceling = await api.fetchPortIn(sid);
    expect(canceling.port_in_request_status).toBe('In Progress');
    expect(canceling.phone_numbers[1]?.port_in_phone_number_status).toBe('Canceling');

    sim.control.advance(30 * DAY);
    const done = await api.fetchPortIn(sid);
    expect(statuses(done)).toEqual(['Completed', 'Canceled']);
    expect(done.port_in_request_status).toBe('Completed');
  });

  it('rejects a mobile number sent without its PIN (22155) unless scripted otherwise', async () => {
    const sid = await submittedRequest(['+12129550100']);
    sim.control.advance(CARRIER_RESPONSE_MS);
    const number = (await api.fetchPortIn(sid)).phone_numbers[0];
    expect(number?.rejection_reason_code).toBe('22155');
  });

  it('moves a scripted port date and completes on the new date', async () => {
    sim.control.scriptNumber('+12125550100', { kind: 'move_port_date', toDaysLater: 3 });
    const sid = await submittedRequest(['+12125550100', '+12125550101']);
    sim.control.advance(CARRIER_RESPONSE_MS);
    const confirmed = await api.fetchPortIn(sid);
    const firstDate = confirmed.phone_numbers[0]?.port_date ?? '';
    expect(confirmed.phone_numbers[1]?.port_date).toBe(firstDate);

    sim.control.advance(lifecycleTimings.PORT_DATE_MOVE_AFTER_MS);
    const moved = await api.fetchPortIn(sid);
    const movedDate = moved.phone_numbers[0]?.port_date ?? '';
    expect(Date.parse(movedDate) - Date.parse(firstDate)).toBe(3 * DAY);
    expect(moved.phone_numbers[1]?.port_date).toBe(firstDate);

    const untilFirst = Date.parse(firstDate) - Date.parse(sim.control.state().now);
    sim.control.advance(untilFirst);
    const partly = await api.fetchPortIn(sid);
    expect(statuses(partly)).toEqual(['Pending', 'Completed']);
    expect(partly.port_in_request_status).toBe('In Progress');

    sim.control.advance(3 * DAY);
    expect((await api.fetchPortIn(sid)).port_in_request_status).toBe('Completed');
  });

  it('moves the port date of a number that is already pending when scripted late', async () => {
    const sid = await submittedRequest(['+12125550100']);
    sim.control.advance(CARRIER_RESPONSE_MS);
    const firstDate = (await api.fetchPortIn(sid)).phone_numbers[0]?.port_date ?? '';
    sim.control.scriptNumber('+12125550100', { kind: 'move_port_date', toDaysLater: 2 });
    sim.control.advance(lifecycleTimings.PORT_DATE_MOVE_AFTER_MS);
    const moved = (await api.fetchPortIn(sid)).phone_numbers[0]?.port_date ?? '';
    expect(Date.parse(moved) - Date.parse(firstDate)).toBe(2 * DAY);
  });

  it('leaves a stalled number submitted with no port date, until a new script frees it', async () => {
    sim.control.scriptNumber('+12125550100', { kind: 'stall' });
    const sid = await submittedRequest(['+12125550100']);
    sim.control.advance(20 * DAY);
    const stalled = await api.fetchPortIn(sid);
    expect(stalled.port_in_request_status).toBe('In Progress');
    expect(stalled.phone_numbers[0]).toMatchObject({
      port_in_phone_number_status: 'Submitted',
      port_date: null,
    });

    sim.control.scriptNumber('+12125550100', { kind: 'complete' });
    sim.control.advance(0);
    expect((await api.fetchPortIn(sid)).phone_numbers[0]?.port_in_phone_number_status).toBe(
      'Pending',
    );
  });
});

describe('expiry', () => {
  it('expires a request whose LOA stays unsigned for 30 days', async () => {
    const created = await api.createdPortIn(['+12125550100']);
    const sid = created.port_in_request_sid;
    sim.control.advance(REVIEW_MS + LOA_EXPIRY_MS - HOUR);
    expect((await api.fetchPortIn(sid)).port_in_request_status).toBe('Waiting for Signature');

    sim.control.advance(HOUR);
    const expired = await api.fetchPortIn(sid);
    expect(expired.port_in_request_status).toBe('Expired');
    expect(statuses(expired)).toEqual(['Canceled']);
    expect(expired.order_cancellation_reason).toMatch(/not signed/);
    expectMatchesSpec('GET', `/v1/Porting/PortIn/${sid}`, 200, expired);
  });

  it('expires a request at once through the control API', async () => {
    const created = await api.createdPortIn(['+12125550100']);
    sim.control.advance(REVIEW_MS);
    sim.control.expireLoa(created.port_in_request_sid);
    expect((await api.fetchPortIn(created.port_in_request_sid)).port_in_request_status).toBe(
      'Expired',
    );
  });

  it('refuses to sign or expire a request that has no LOA yet', async () => {
    const created = await api.createdPortIn(['+12125550100']);
    expect(() => sim.control.signLoa(created.port_in_request_sid)).toThrow(/waiting for signature/);
    expect(() => sim.control.expireLoa(created.port_in_request_sid)).toThrow(
      /waiting for signature/,
    );
  });

  it('frees the numbers of an expired request for a new request', async () => {
    const created = await api.createdPortIn(['+12125550100']);
    sim.control.advance(REVIEW_MS);
    sim.control.expireLoa(created.port_in_request_sid);
    const again = await api.createPortIn(['+12125550100']);
    expect(again.status, again.text).toBe(202);
  });
});

describe('cancel', () => {
  it('cancels a request: numbers go canceling → canceled and the request becomes Canceled', async () => {
    const sid = await submittedRequest(['+12125550100', '+12125550101']);
    expect((await api.delete(`/v1/Porting/PortIn/${sid}`)).status).toBe(204);
    const canceling = await api.fetchPortIn(sid);
    expect(statuses(canceling)).toEqual(['Canceling', 'Canceling']);
    expect(canceling.order_cancellation_reason).not.toBeNull();

    sim.control.advance(CANCEL_MS);
    const canceled = await api.fetchPortIn(sid);
    expect(canceled.port_in_request_status).toBe('Canceled');
    expect(statuses(canceled)).toEqual(['Canceled', 'Canceled']);

    // Canceled stays canceled: the carrier's answer that was due never lands.
    sim.control.advance(30 * DAY);
    expect((await api.fetchPortIn(sid)).port_in_request_status).toBe('Canceled');
  });

  it('answers 204 again for a request that is already canceled', async () => {
    const created = await api.createdPortIn(['+12125550100']);
    const path = `/v1/Porting/PortIn/${created.port_in_request_sid}`;
    expect((await api.delete(path)).status).toBe(204);
    sim.control.advance(CANCEL_MS);
    expect((await api.delete(path)).status).toBe(204);
  });

  it('refuses to cancel a completed request', async () => {
    const sid = await submittedRequest(['+12125550100']);
    sim.control.advance(30 * DAY);
    expectTwilioError(await api.delete(`/v1/Porting/PortIn/${sid}`), 409, 20409);
  });

  it('cancels one number and leaves the rest of the request going', async () => {
    const sid = await submittedRequest(['+12125550100', '+12125550101']);
    const request = await api.fetchPortIn(sid);
    const path = `/v1/Porting/PortIn/${sid}/PhoneNumber/${request.phone_numbers[0]?.port_in_phone_number_sid}`;
    expect((await api.delete(path)).status).toBe(204);
    expect((await api.get(path)).json().port_in_phone_number_status).toBe('canceling');
    sim.control.advance(CANCEL_MS);
    expect((await api.get(path)).json().port_in_phone_number_status).toBe('canceled');
    expect((await api.fetchPortIn(sid)).port_in_request_status).toBe('In Progress');
  });

  it('cancels the request when its last number is canceled', async () => {
    const created = await api.createdPortIn(['+12125550100']);
    const path = `/v1/Porting/PortIn/${created.port_in_request_sid}/PhoneNumber/${created.phone_numbers[0]?.port_in_phone_number_sid}`;
    await api.delete(path);
    sim.control.advance(CANCEL_MS);
    const request = await api.fetchPortIn(created.port_in_request_sid);
    expect(request.port_in_request_status).toBe('Canceled');
  });

  it('refuses to cancel a number that has completed', async () => {
    const sid = await submittedRequest(['+12125550100', '+12125550101']);
    sim.control.advance(30 * DAY);
    const request = await api.fetchPortIn(sid);
    const path = `/v1/Porting/PortIn/${sid}/PhoneNumber/${request.phone_numbers[0]?.port_in_phone_number_sid}`;
    expectTwilioError(await api.delete(path), 409, 20409);
  });

  it('drops numbers that are not portable at review and cancels a request with none left', async () => {
    const created = await api.createdPortIn(['+18005550100']);
    sim.control.advance(REVIEW_MS);
    const request = await api.fetchPortIn(created.port_in_request_sid);
    expect(request.port_in_request_status).toBe('Canceled');
    expect(request.phone_numbers[0]).toMatchObject({
      port_in_phone_number_status: 'Canceled',
      not_portability_reason_code: 22133,
    });
    expect(request.order_cancellation_reason).toMatch(/portable/);
  });
});

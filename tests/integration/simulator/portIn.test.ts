import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../main/simulator/index';
import type { SimClient } from './harness';
import {
  createBody,
  expectMatchesSpec,
  expectRequestMatchesSpec,
  expectTwilioError,
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

const ZERO_KW = `KW${'0'.repeat(32)}`;
const ZERO_PU = `PU${'0'.repeat(32)}`;

describe('create (POST /v1/Porting/PortIn)', () => {
  it('answers 202 with the full PortIn shape, valid against the spec', async () => {
    const bill = await api.uploadBill();
    const body = createBody(
      sim,
      [bill],
      [{ phone_number: '+12125550100', pin: '1234' }, '+12125550101'],
      {
        target_port_in_time_range_start: '10:00:00-05:00',
        target_port_in_time_range_end: '16:00:00-05:00',
      },
    );
    expectRequestMatchesSpec('POST', '/v1/Porting/PortIn', body);

    const answer = await api.post('/v1/Porting/PortIn', body);

    expect(answer.status, answer.text).toBe(202);
    const created = answer.json<PortInWire>();
    expectMatchesSpec('POST', '/v1/Porting/PortIn', 202, created);
    expect(created.port_in_request_sid).toMatch(/^KW[0-9a-f]{32}$/);
    expect(created.port_in_request_status).toBe('In Review');
    expect(created.signature_request_url).toBeNull();
    expect(created.documents).toEqual([bill]);
    expect(created.url).toBe(`${sim.url}/v1/Porting/PortIn/${created.port_in_request_sid}`);
    expect(created.account_sid).toBe(sim.credentials.accountSid);
    expect(Number.isInteger(created.support_ticket_id)).toBe(true);
    // Returned in UTC, as the spec's description says.
    expect(created.target_port_in_time_range_start).toBe('15:00:00+00:00');
    expect(created.target_port_in_time_range_end).toBe('21:00:00+00:00');
    expect(created.phone_numbers).toHaveLength(2);
    expect(created.phone_numbers[0]).toEqual({
      port_in_phone_number_sid: expect.stringMatching(/^PU[0-9a-f]{32}$/),
      phone_number: '+12125550100',
      port_in_phone_number_status: 'In Review',
      portable: true,
      not_portability_reason: null,
      not_portability_reason_code: null,
      number_type: 'LOCAL',
      rejection_reason: null,
      rejection_reason_code: null,
      port_date: null,
      status_last_time_updated_timestamp: expect.stringMatching(/Z$/),
      external_porting_vendor_phone_number_id: null,
    });
    // Full shape with nulls, not the spec example's abridged create response.
    for (const key of ['order_cancellation_reason', 'bundle_sid', 'portability_advance_carrier']) {
      expect(created).toHaveProperty(key, null);
    }
  });

  it('marks a number that cannot be ported with portable:false and the reason', async () => {
    sim.control.seed({ inTwilio: ['+12125550177'] });
    const created = await api.createdPortIn(['+12125550100', '+18005550100', '+12125550177']);
    const [local, tollFree, elsewhere] = created.phone_numbers;
    expect(local?.portable).toBe(true);
    expect(tollFree).toMatchObject({
      portable: false,
      number_type: 'TOLL-FREE',
      not_portability_reason: 'MANUAL_PORTING_AVAILABLE',
      not_portability_reason_code: 22133,
    });
    expect(elsewhere).toMatchObject({
      portable: false,
      not_portability_reason: 'ALREADY_IN_TWILIO_DIFFERENT_OWNER',
      not_portability_reason_code: 22132,
    });
  });
});

describe('create validation', () => {
  let bill: string;
  beforeEach(async () => {
    bill = await api.uploadBill();
  });
  const create = (numbers: (string | { phone_number: string; pin?: string })[], overrides = {}) =>
    api.post('/v1/Porting/PortIn', createBody(sim, [bill], numbers, overrides));

  it('names a missing required field (22171)', async () => {
    const body = createBody(sim, [bill], ['+12125550100']);
    delete (body.losing_carrier_information as Record<string, unknown>).authorized_representative;
    const message = expectTwilioError(await api.post('/v1/Porting/PortIn', body), 400, 22171);
    expect(message).toContain('losing_carrier_information.authorized_representative');
  });

  it('names a missing address field (22171)', async () => {
    const body = createBody(sim, [bill], ['+12125550100']);
    const carrier = body.losing_carrier_information as { address: Record<string, unknown> };
    delete carrier.address.zip;
    const message = expectTwilioError(await api.post('/v1/Porting/PortIn', body), 400, 22171);
    expect(message).toContain('losing_carrier_information.address.zip');
  });

  it('refuses a body without account_sid and hints at camelCase keys', async () => {
    const body = createBody(sim, [bill], ['+12125550100']);
    delete body.account_sid;
    body.accountSid = sim.credentials.accountSid;
    const message = expectTwilioError(await api.post('/v1/Porting/PortIn', body), 400, 22171);
    expect(message).toContain('account_sid');
    expect(message).toContain('snake_case');
  });

  it('refuses an empty phone_numbers list (22171)', async () => {
    const message = expectTwilioError(await create([]), 400, 22171);
    expect(message).toContain('phone_numbers');
  });

  it('refuses a number that is not E.164 (22172)', async () => {
    const message = expectTwilioError(await create(['(212) 555-0100']), 400, 22172);
    expect(message).toContain('phone_numbers[0].phone_number');
  });

  it('refuses an E.164-shaped number that is not a valid number (22102)', async () => {
    const message = expectTwilioError(await create(['+12125550100', '+1212555010']), 400, 22102);
    expect(message).toContain('phone_numbers[1].phone_number');
  });

  it('refuses numbers from several countries (22172)', async () => {
    const message = expectTwilioError(await create(['+12125550100', '+442079460000']), 400, 22172);
    expect(message).toMatch(/one country/);
  });

  it('refuses more than 1,000 numbers', async () => {
    const numbers = Array.from(
      { length: 1001 },
      (_, i) => `+1212${String(2_000_000 + i).padStart(7, '0')}`,
    );
    const message = expectTwilioError(await create(numbers), 400, 20001);
    expect(message).toContain('1000');
  });

  it('accepts exactly 1,000 numbers', async () => {
    const numbers = Array.from(
      { length: 1000 },
      (_, i) => `+1212${String(2_000_000 + i).padStart(7, '0')}`,
    );
    const answer = await create(numbers);
    expect(answer.status, answer.text).toBe(202);
    expect(answer.json<PortInWire>().phone_numbers).toHaveLength(1000);
  });

  it('refuses a request without documents (22171)', async () => {
    const body = createBody(sim, [], ['+12125550100']);
    const message = expectTwilioError(await api.post('/v1/Porting/PortIn', body), 400, 22171);
    expect(message).toContain('documents');
  });

  it('refuses an unknown document SID', async () => {
    const body = createBody(sim, [`RD${'9'.repeat(32)}`], ['+12125550100']);
    const message = expectTwilioError(await api.post('/v1/Porting/PortIn', body), 400, 20001);
    expect(message).toContain('documents[0]');
  });

  it('refuses documents none of which is a utility bill', async () => {
    const other = await api.uploadDocument(undefined, 'letter_of_authorization');
    expect(other.status).toBe(201);
    const body = createBody(sim, [other.json<{ sid: string }>().sid], ['+12125550100']);
    const message = expectTwilioError(await api.post('/v1/Porting/PortIn', body), 400, 20001);
    expect(message).toContain('utility_bill');
  });

  it('refuses a number already in an open request of the account (22137)', async () => {
    const first = await api.createdPortIn(['+12125550100']);
    const message = expectTwilioError(await create(['+12125550101', '+12125550100']), 400, 22137);
    expect(message).toContain('+12125550100');
    expect(message).toContain(first.port_in_request_sid);
  });

  it('refuses a target date less than 7 days ahead', async () => {
    const message = expectTwilioError(
      await create(['+12125550100'], { target_port_in_date: simDate(sim, 6) }),
      400,
      20001,
    );
    expect(message).toContain('target_port_in_date');
  });

  it('accepts a target date exactly 7 days ahead', async () => {
    const answer = await create(['+12125550100'], { target_port_in_date: simDate(sim, 7) });
    expect(answer.status, answer.text).toBe(202);
  });

  it('refuses a malformed target date', async () => {
    const message = expectTwilioError(
      await create(['+12125550100'], { target_port_in_date: '06/01/2031' }),
      400,
      20001,
    );
    expect(message).toContain('target_port_in_date');
  });

  it('refuses a malformed e-mail address', async () => {
    const body = createBody(sim, [bill], ['+12125550100']);
    (body.losing_carrier_information as Record<string, unknown>).authorized_representative_email =
      'jane-at-acme';
    const message = expectTwilioError(await api.post('/v1/Porting/PortIn', body), 400, 20001);
    expect(message).toContain('authorized_representative_email');
  });

  it('refuses a malformed address SID (22173)', async () => {
    const body = createBody(sim, [bill], ['+12125550100']);
    (body.losing_carrier_information as Record<string, unknown>).address_sid = 'AD123';
    expectTwilioError(await api.post('/v1/Porting/PortIn', body), 400, 22173);
  });

  it('refuses a bundle SID for a US request (22170)', async () => {
    expectTwilioError(
      await create(['+12125550100'], { bundle_sid: `BU${'1'.repeat(32)}` }),
      400,
      22170,
    );
  });

  it('refuses another account_sid', async () => {
    const message = expectTwilioError(
      await create(['+12125550100'], { account_sid: `AC${'f'.repeat(32)}` }),
      400,
      20001,
    );
    expect(message).toContain('account_sid');
  });

  it('refuses a form-encoded body', async () => {
    const answer = await api.call('POST', '/v1/Porting/PortIn', {
      body: 'AccountSid=AC123',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const message = expectTwilioError(answer, 400, 20001);
    expect(message).toContain('application/json');
  });

  it('refuses a body that is not JSON', async () => {
    const answer = await api.call('POST', '/v1/Porting/PortIn', {
      body: '{"account_sid": ',
      headers: { 'content-type': 'application/json' },
    });
    expectTwilioError(answer, 400, 20001);
  });

  it('creates nothing when it refuses', async () => {
    await create(['not-a-number']);
    expect(sim.control.state().requests).toHaveLength(0);
  });
});

describe('fetch, phone number and cancel', () => {
  it('fetches a request, valid against the spec', async () => {
    const created = await api.createdPortIn(['+12125550100']);
    const path = `/v1/Porting/PortIn/${created.port_in_request_sid}`;
    const answer = await api.get(path);
    expect(answer.status).toBe(200);
    expectMatchesSpec('GET', path, 200, answer.json());
    expect(answer.json()).toEqual(created);
  });

  it('fetches a phone number with the PhoneNumber resource spelling, valid against the spec', async () => {
    const created = await api.createdPortIn([{ phone_number: '+12129550100', pin: '0042' }]);
    const number = created.phone_numbers[0];
    const path = `/v1/Porting/PortIn/${created.port_in_request_sid}/PhoneNumber/${number?.port_in_phone_number_sid}`;
    const answer = await api.get(path);
    expect(answer.status).toBe(200);
    const body = answer.json();
    expectMatchesSpec('GET', path, 200, body);
    expect(body).toMatchObject({
      port_in_request_sid: created.port_in_request_sid,
      phone_number_sid: number?.port_in_phone_number_sid,
      phone_number: '+12129550100',
      phone_number_type: 'MOBILE',
      port_in_phone_number_status: 'in_review',
      country: 'US',
      portable: true,
      missing_required_fields: false,
      port_out_pin: 42,
      rejection_reason_code: null,
      url: `${sim.url}${path}`,
    });
    expect(body).toHaveProperty('last_updated');
    expect(body).not.toHaveProperty('status_last_time_updated_timestamp');
  });

  it('cancels a request with 204 and an empty body', async () => {
    const created = await api.createdPortIn(['+12125550100']);
    const path = `/v1/Porting/PortIn/${created.port_in_request_sid}`;
    const answer = await api.delete(path);
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    expectMatchesSpec('DELETE', path, 204, undefined);
  });

  it('cancels a phone number with 204', async () => {
    const created = await api.createdPortIn(['+12125550100', '+12125550101']);
    const path = `/v1/Porting/PortIn/${created.port_in_request_sid}/PhoneNumber/${created.phone_numbers[0]?.port_in_phone_number_sid}`;
    const answer = await api.delete(path);
    expect(answer.status).toBe(204);
    expectMatchesSpec('DELETE', path, 204, undefined);
  });

  it('answers 404 / 20404 for an unknown request SID', async () => {
    expectTwilioError(await api.get(`/v1/Porting/PortIn/${ZERO_KW}`), 404, 20404);
    expectTwilioError(await api.delete(`/v1/Porting/PortIn/${ZERO_KW}`), 404, 20404);
  });

  it('answers 404 / 20404 for an unknown phone number SID', async () => {
    const created = await api.createdPortIn(['+12125550100']);
    const path = `/v1/Porting/PortIn/${created.port_in_request_sid}/PhoneNumber/${ZERO_PU}`;
    expectTwilioError(await api.get(path), 404, 20404);
    expectTwilioError(await api.delete(path), 404, 20404);
  });

  it('answers 404 / 20404 for malformed SIDs in the path, as Twilio does', async () => {
    expectTwilioError(await api.get('/v1/Porting/PortIn/KW123'), 404, 20404);
    expectTwilioError(await api.get(`/v1/Porting/PortIn/PU${'0'.repeat(32)}`), 404, 20404);
    expectTwilioError(
      await api.get(`/v1/Porting/PortIn/${ZERO_KW}/PhoneNumber/not-a-sid`),
      404,
      20404,
    );
  });

  it('answers 404 / 20404 for an unknown route and 405 for a wrong method', async () => {
    expectTwilioError(await api.get('/v1/Porting/Nothing'), 404, 20404);
    expectTwilioError(await api.call('PUT', `/v1/Porting/PortIn/${ZERO_KW}`), 405, 20004);
  });

  it('does not serve the Documents API on the API host', async () => {
    const answer = await api.call('POST', '/v1/Documents');
    expectTwilioError(answer, 404, 20404);
  });
});

describe('status spelling', () => {
  it('can spell every status in snake case or in title case', async () => {
    const created = await api.createdPortIn(['+12125550100']);
    const numberSid = created.phone_numbers[0]?.port_in_phone_number_sid;
    const numberPath = `/v1/Porting/PortIn/${created.port_in_request_sid}/PhoneNumber/${numberSid}`;

    sim.control.setStatusSpelling('snake');
    const snake = await api.fetchPortIn(created.port_in_request_sid);
    expect(snake.port_in_request_status).toBe('in_review');
    expect(snake.phone_numbers[0]?.port_in_phone_number_status).toBe('in_review');

    sim.control.setStatusSpelling('title');
    const number = (await api.get(numberPath)).json();
    expect(number.port_in_phone_number_status).toBe('In Review');

    sim.control.setStatusSpelling('twilio');
    expect((await api.get(numberPath)).json().port_in_phone_number_status).toBe('in_review');
    expect((await api.fetchPortIn(created.port_in_request_sid)).port_in_request_status).toBe(
      'In Review',
    );
  });
});

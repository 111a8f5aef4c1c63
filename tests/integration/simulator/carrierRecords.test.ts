import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type CarrierRecord,
  controlClient,
  lifecycleTimings,
  type RunningSimulator,
  startSimulator,
} from '../../../main/simulator/index';
import { aWireLosingCarrier } from '../../fixtures/portInBuilders';
import { type PortInWire, type SimClient, simDate, startTestSimulator } from './harness';

/**
 * Issue 10 §3: in demo mode a correction that fixes the rejected field must pass, and one that
 * changes nothing must be rejected again for the same reason. The carrier keeps a record per
 * number; the simulator's state says what it holds, so an agent can learn the right value.
 */
let sim: RunningSimulator;
let api: SimClient;

beforeAll(async () => {
  ({ sim, api } = await startTestSimulator());
});
beforeEach(() => sim.control.reset());
afterAll(() => sim.close());

const { REVIEW_MS, SUBMIT_AFTER_SIGNATURE_MS, CARRIER_RESPONSE_MS, CANCEL_MS } = lifecycleTimings;
const LOCAL = '+12125550140';
const MOBILE = '+12129550141';

/** Create → sign → submit → the carrier answers; returns the answered request. */
async function answered(
  numbers: (string | { phone_number: string; pin?: string })[],
  overrides: Record<string, unknown> = {},
): Promise<PortInWire> {
  const created = await api.createdPortIn(numbers, overrides);
  const sid = created.port_in_request_sid;
  sim.control.advance(REVIEW_MS);
  sim.control.signLoa(sid);
  sim.control.advance(SUBMIT_AFTER_SIGNATURE_MS + CARRIER_RESPONSE_MS);
  return api.fetchPortIn(sid);
}

/** Cancels the request so that its numbers may be asked for again (else 22137). */
async function letGo(request: PortInWire): Promise<void> {
  expect((await api.delete(`/v1/Porting/PortIn/${request.port_in_request_sid}`)).status).toBe(204);
  sim.control.advance(CANCEL_MS);
}

const outcome = (request: PortInWire) => {
  const number = request.phone_numbers[0];
  return number?.port_in_phone_number_status === 'Rejected'
    ? `Rejected ${number.rejection_reason_code ?? ''} ${String(number.rejection_reason)}`
    : (number?.port_in_phone_number_status ?? 'none');
};

const recordOf = (e164: string): CarrierRecord | undefined => {
  const found = sim.control.state().carrierRecords.find((r) => r.phoneNumber === e164);
  if (found === undefined) return undefined;
  const { phoneNumber: _phoneNumber, ...record } = found;
  return record;
};

const carrierInfo = (changes: Record<string, unknown>) => ({
  losing_carrier_information: aWireLosingCarrier(changes),
});

describe('a scripted rejection of a field becomes the carrier’s record', () => {
  it('INVALID_ADDRESS: the unchanged address fails again, the recorded one passes', async () => {
    sim.control.scriptNumber(LOCAL, { kind: 'reject', code: 22154 });
    const first = await answered([LOCAL]);
    expect(outcome(first)).toBe('Rejected 22154 INVALID_ADDRESS');
    // The state says what the carrier has on file: the service address, not the one sent.
    expect(recordOf(LOCAL)).toEqual({
      address: { street: '101 Main St', city: 'Springfield', state: 'IL', zip: '62701' },
    });
    await letGo(first);

    const unchanged = await answered([LOCAL]);
    expect(outcome(unchanged)).toBe('Rejected 22154 INVALID_ADDRESS');
    await letGo(unchanged);

    const corrected = await answered(
      [LOCAL],
      carrierInfo({
        address: {
          street: '101  MAIN st',
          city: 'Springfield',
          state: 'IL',
          zip: '62701-1234',
          country: 'US',
        },
      }),
    );
    expect(outcome(corrected)).toBe('Pending');
    expect(corrected.port_in_request_status).toBe('In Progress');
  });

  it.each([
    [22153, 'INVALID_END_USER_NAME', { customerName: 'Acme Incorporated' }],
    [22155, 'INVALID_PIN', { pin: '0141' }],
    [22156, 'INVALID_ACCOUNT_NUMBER', { accountNumber: '829550141' }],
  ] as const)('%i %s: records %o and accepts it', async (code, reason, expected) => {
    const numbers = [{ phone_number: MOBILE, pin: '1111' }];
    sim.control.scriptNumber(MOBILE, { kind: 'reject', code });
    const first = await answered(numbers);
    expect(outcome(first)).toBe(`Rejected ${code} ${reason}`);
    expect(recordOf(MOBILE)).toEqual(expected);
    await letGo(first);

    const unchanged = await answered(numbers);
    expect(outcome(unchanged)).toBe(`Rejected ${code} ${reason}`);
    await letGo(unchanged);

    const fixed =
      'customerName' in expected
        ? await answered(numbers, carrierInfo({ customer_name: expected.customerName }))
        : 'pin' in expected
          ? await answered([{ phone_number: MOBILE, pin: expected.pin }])
          : await answered(numbers, carrierInfo({ account_number: expected.accountNumber }));
    expect(outcome(fixed)).toBe('Pending');
  });

  it('22153 for an individual: the carrier files the name as "Last, First"', async () => {
    sim.control.scriptNumber(LOCAL, { kind: 'reject', code: 22153 });
    await answered(
      [LOCAL],
      carrierInfo({ customer_type: 'Individual', customer_name: 'Maria José Lopez' }),
    );
    expect(recordOf(LOCAL)).toEqual({ customerName: 'Lopez, Maria José' });
  });

  it('PORT_DATE_REJECTED: the same date fails again, another date passes', async () => {
    const refused = simDate(sim, 14);
    sim.control.scriptNumber(LOCAL, { kind: 'reject', code: 22158 });
    const first = await answered([LOCAL], { target_port_in_date: refused });
    expect(outcome(first)).toBe('Rejected 22158 PORT_DATE_REJECTED');
    expect(recordOf(LOCAL)).toEqual({ refusedPortInDate: refused });
    await letGo(first);
    expect(outcome(await answered([LOCAL], { target_port_in_date: refused }))).toBe(
      'Rejected 22158 PORT_DATE_REJECTED',
    );
  });

  it('leaves a rejection no field can fix as a script: it answers the same every time', async () => {
    sim.control.scriptNumber(LOCAL, { kind: 'reject', code: 22151 });
    const first = await answered([LOCAL]);
    await letGo(first);
    expect(outcome(await answered([LOCAL], carrierInfo({ customer_name: 'Other Inc' })))).toBe(
      'Rejected 22151 PHONE_NUMBER_WITH_CARRIER_RESTRICTION',
    );
    expect(recordOf(LOCAL)).toBeUndefined();
  });

  it('a complete script still overrides the record', async () => {
    sim.control.setCarrierRecord(LOCAL, { customerName: 'Someone Else LLC' });
    sim.control.scriptNumber(LOCAL, { kind: 'complete' });
    expect(outcome(await answered([LOCAL]))).toBe('Pending');
  });
});

describe('records set through the control API', () => {
  it('rejects what differs, first by name, and accepts the matching request', async () => {
    const control = controlClient(sim);
    const set = await control.call('POST', `/numbers/${encodeURIComponent(LOCAL)}/record`, {
      customerName: 'Acme Incorporated',
      accountNumber: '998877',
    });
    expect(set.status).toBe(200);
    const both = await answered([LOCAL]);
    expect(outcome(both)).toBe('Rejected 22153 INVALID_END_USER_NAME');
    await letGo(both);
    const nameFixed = await answered([LOCAL], carrierInfo({ customer_name: 'acme incorporated' }));
    expect(outcome(nameFixed)).toBe('Rejected 22156 INVALID_ACCOUNT_NUMBER');
    await letGo(nameFixed);
    const allFixed = await answered(
      [LOCAL],
      carrierInfo({ customer_name: 'Acme Incorporated', account_number: '998877' }),
    );
    expect(outcome(allFixed)).toBe('Pending');

    expect(
      (await control.call('DELETE', `/numbers/${encodeURIComponent(LOCAL)}/record`)).status,
    ).toBe(200);
    expect(recordOf(LOCAL)).toBeUndefined();
  });

  it.each([
    [{ customerName: '' }, /customerName/],
    [{ address: { street: '1 Main St' } }, /address\.city/],
    [{ refusedPortInDate: 'soon' }, /refusedPortInDate/],
    [{ colour: 'blue' }, /Invalid carrier record/],
  ])('refuses %o with a clear error', async (record, message) => {
    const answer = await controlClient(sim).call(
      'POST',
      `/numbers/${encodeURIComponent(LOCAL)}/record`,
      record,
    );
    expect(answer.status).toBe(400);
    expect((answer.body as { error: string }).error).toMatch(message);
  });

  it('are kept in a snapshot and forgotten by reset', async () => {
    sim.control.setCarrierRecord(LOCAL, { pin: '4321' });
    const restored = await startSimulator({
      restore: JSON.parse(JSON.stringify(sim.snapshot())) as ReturnType<
        RunningSimulator['snapshot']
      >,
    });
    try {
      expect(restored.control.state().carrierRecords).toEqual([
        { phoneNumber: LOCAL, pin: '4321' },
      ]);
    } finally {
      await restored.close();
    }
    sim.control.reset();
    expect(sim.control.state().carrierRecords).toEqual([]);
  });
});

describe('a snapshot from before carrier records', () => {
  it('turns a field rejection that already fired into the record of the rejected request', async () => {
    sim.control.scriptNumber(LOCAL, { kind: 'reject', code: 22154 });
    await answered([LOCAL]);
    const old = JSON.parse(JSON.stringify(sim.snapshot())) as ReturnType<
      RunningSimulator['snapshot']
    >;
    // As an older PortDesk saved it: the script still armed, no records.
    delete old.carrierRecords;
    old.scripts = [{ phoneNumber: LOCAL, outcome: { kind: 'reject', code: 22154 } }];
    const restored = await startSimulator({ restore: old });
    try {
      const state = restored.control.state();
      expect(state.carrierRecords).toEqual([
        {
          phoneNumber: LOCAL,
          address: { street: '101 Main St', city: 'Springfield', state: 'IL', zip: '62701' },
        },
      ]);
      expect(restored.snapshot().scripts).toEqual([]);
    } finally {
      await restored.close();
    }
  });
});

describe('demo data', () => {
  it('is the world docs/demo-mode.md describes under "Carrier records"', async () => {
    const demo = await startSimulator({ seed: 'portdesk-demo', demo: true });
    try {
      expect(demo.control.state().carrierRecords).toEqual([
        {
          phoneNumber: '+14155525282',
          address: {
            street: '600 Sansome St Ste 300',
            city: 'San Francisco',
            state: 'CA',
            zip: '94111',
          },
        },
      ]);
    } finally {
      await demo.close();
    }
  });

  it('keeps the record behind its INVALID_ADDRESS rejection, so the fix can be rehearsed', async () => {
    const { requestSids } = sim.control.seed({ demo: true });
    const requests = await Promise.all(requestSids.map((sid) => api.fetchPortIn(sid)));
    const rejected = requests
      .flatMap((request) => request.phone_numbers.map((number) => ({ request, number })))
      .find(({ number }) => number.rejection_reason === 'INVALID_ADDRESS');
    expect(rejected).toBeDefined();
    const record = recordOf(rejected?.number.phone_number ?? '');
    const sent = (rejected?.request.losing_carrier_information as { address: { street: string } })
      .address;
    expect(record?.address?.street).toBeDefined();
    expect(record?.address?.street).not.toBe(sent.street);
  });
});

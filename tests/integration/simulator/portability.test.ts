import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lifecycleTimings, type RunningSimulator } from '../../../main/simulator/index';
import type { SimClient } from './harness';
import { DAY, expectMatchesSpec, expectTwilioError, startTestSimulator } from './harness';

let sim: RunningSimulator;
let api: SimClient;

beforeAll(async () => {
  ({ sim, api } = await startTestSimulator());
});
beforeEach(() => sim.control.reset());
afterAll(() => sim.close());

const PATH = '/v1/Porting/Portability/PhoneNumber/';

async function check(segment: string, query = '') {
  const answer = await api.get(`${PATH}${segment}${query}`);
  expect(answer.status, answer.text).toBe(200);
  const body = answer.json();
  expectMatchesSpec('GET', `${PATH}${segment}`, 200, body);
  return body;
}

describe('portability (GET /v1/Porting/Portability/PhoneNumber/{PhoneNumber})', () => {
  it('finds an ordinary US number portable as LOCAL', async () => {
    expect(await check('%2B12125550100')).toEqual({
      phone_number: '+12125550100',
      account_sid: null,
      portable: true,
      pin_and_account_number_required: false,
      not_portable_reason: null,
      not_portable_reason_code: null,
      number_type: 'LOCAL',
      country: 'US',
      url: `${sim.url}${PATH}+12125550100`,
    });
  });

  it('accepts the number with a raw +, with %2B and with the + decoded to a space', async () => {
    const raw = await check('+12125550100');
    const encoded = await check('%2B12125550100');
    const space = await check('%2012125550100');
    expect(raw).toEqual(encoded);
    expect(space).toEqual(encoded);
  });

  it.each(['800', '833', '844', '855', '866', '877', '888'])(
    'sends toll-free %s numbers to manual porting (22133)',
    async (areaCode) => {
      expect(await check(`%2B1${areaCode}5550100`)).toMatchObject({
        portable: false,
        number_type: 'TOLL-FREE',
        not_portable_reason: 'MANUAL_PORTING_AVAILABLE',
        not_portable_reason_code: 22133,
      });
    },
  );

  it('asks for a PIN and account number for a mobile number (exchange 9xx)', async () => {
    expect(await check('%2B12129550100')).toMatchObject({
      portable: true,
      number_type: 'MOBILE',
      pin_and_account_number_required: true,
    });
  });

  it('does not port numbers outside the US (22130)', async () => {
    expect(await check('%2B442079460000')).toMatchObject({
      portable: false,
      not_portable_reason: 'UNSUPPORTED',
      not_portable_reason_code: 22130,
    });
    expect(await check('%2B14165550123')).toMatchObject({
      portable: false,
      country: 'CA',
      not_portable_reason_code: 22130,
    });
  });

  it('reports a number already in another Twilio account (22132)', async () => {
    sim.control.seed({ inTwilio: ['+12125550177'] });
    expect(await check('%2B12125550177')).toMatchObject({
      portable: false,
      not_portable_reason: 'ALREADY_IN_TWILIO_DIFFERENT_OWNER',
      not_portable_reason_code: 22132,
    });
  });

  it('reports a number in one of this account’s open requests (22136)', async () => {
    await api.createdPortIn(['+12125550100']);
    expect(await check('%2B12125550100')).toMatchObject({
      portable: false,
      account_sid: sim.credentials.accountSid,
      not_portable_reason: 'ALREADY_IN_ONE_OF_YOUR_TWILIO_ACCOUNTS',
      not_portable_reason_code: 22136,
    });
  });

  it('reports a number already ported into this account (22131)', async () => {
    const created = await api.createdPortIn(['+12125550100']);
    sim.control.advance(lifecycleTimings.REVIEW_MS);
    sim.control.signLoa(created.port_in_request_sid);
    sim.control.advance(30 * DAY);
    expect(await check('%2B12125550100')).toMatchObject({
      portable: false,
      not_portable_reason: 'ALREADY_IN_THE_TARGET_ACCOUNT',
      not_portable_reason_code: 22131,
    });
  });

  it('reports an invalid number as not portable (22102)', async () => {
    const body = (await api.get(`${PATH}12345`)).json();
    expect(body).toMatchObject({
      portable: false,
      not_portable_reason: 'INVALID_PHONE_NUMBER',
      not_portable_reason_code: 22102,
      number_type: 'UNKNOWN',
    });
  });

  it('answers UNAUTHORIZED (20003) for a TargetAccountSid the caller cannot reach', async () => {
    expect(await check('%2B12125550100', `?TargetAccountSid=AC${'e'.repeat(32)}`)).toMatchObject({
      portable: false,
      not_portable_reason: 'UNAUTHORIZED',
      not_portable_reason_code: 20003,
    });
  });

  it('treats its own account as TargetAccountSid like no target at all', async () => {
    expect(
      await check('%2B12125550100', `?TargetAccountSid=${sim.credentials.accountSid}`),
    ).toMatchObject({ portable: true });
  });

  it('refuses malformed TargetAccountSid and AddressSid', async () => {
    expectTwilioError(await api.get(`${PATH}%2B12125550100?TargetAccountSid=AC1`), 400, 20001);
    expectTwilioError(await api.get(`${PATH}%2B12125550100?AddressSid=AD1`), 400, 22173);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  controlClient,
  lifecycleTimings,
  type RunningSimulator,
} from '../../../main/simulator/index';
import {
  expectMatchesSpec,
  HOUR,
  type PortInWire,
  type SimClient,
  startTestSimulator,
} from './harness';

let sim: RunningSimulator;
let api: SimClient;

beforeAll(async () => {
  ({ sim, api } = await startTestSimulator());
});
beforeEach(() => sim.control.reset());
afterAll(() => sim.close());

/** The control API over HTTP with this launch's secret: JSON in and out. */
async function control(method: string, path: string, body?: unknown) {
  const answer = await controlClient(sim).call(method, path, body);
  return { status: answer.status, body: answer.body as Record<string, unknown> };
}

const REQUEST_STATUSES = [
  'In Review',
  'Waiting for Signature',
  'In Progress',
  'Action Required',
  'Completed',
  'Canceled',
  'Expired',
];

describe('HTTP control API under /__sim/', () => {
  it('lists its endpoints', async () => {
    const index = await control('GET', '');
    expect(index.status).toBe(200);
    expect(index.body.endpoints).toContain('GET /__sim/state');
  });

  it('drives a whole lifecycle: advance, sign, script a rejection', async () => {
    const created = await api.createdPortIn(['+12125550100', '+12125550101']);
    const sid = created.port_in_request_sid;

    const scripted = await control('POST', '/numbers/%2B12125550101/script', {
      kind: 'reject',
      code: 22156,
    });
    expect(scripted.status).toBe(200);
    const advanced = await control('POST', '/clock/advance', { ms: lifecycleTimings.REVIEW_MS });
    expect(advanced.status).toBe(200);
    expect(
      Date.parse(advanced.body.now as string) - Date.parse(created.date_created),
    ).toBeGreaterThanOrEqual(lifecycleTimings.REVIEW_MS - 1000);
    expect((await control('POST', `/requests/${sid}/sign`)).status).toBe(200);
    await control('POST', '/clock/advance', { ms: 2 * 24 * HOUR });

    const request = await api.fetchPortIn(sid);
    expect(request.port_in_request_status).toBe('Action Required');
    expect(request.phone_numbers[1]?.rejection_reason).toBe('INVALID_ACCOUNT_NUMBER');
  });

  it('reports the state: requests as wire objects, faults, numbers in Twilio and the call log', async () => {
    await api.createdPortIn(['+12125550100']);
    await control('POST', '/faults', { kind: 'latency', ms: 0 });
    await control('POST', '/seed', { inTwilio: ['+13125550100'] });
    const state = await control('GET', '/state');
    expect(state.status).toBe(200);
    const requests = state.body.requests as PortInWire[];
    expect(requests).toHaveLength(1);
    expectMatchesSpec(
      'GET',
      `/v1/Porting/PortIn/${requests[0]?.port_in_request_sid}`,
      200,
      requests[0],
    );
    expect(state.body.inTwilio).toEqual(['+13125550100']);
    expect(state.body.faults).toHaveLength(1);
    expect(state.body.documents).toHaveLength(1);
    expect(state.body.callLog).toMatchObject({
      'POST /v1/Porting/PortIn': 1,
      'POST /v1/Documents': 1,
    });
  });

  it('adds, removes and clears faults', async () => {
    const added = await control('POST', '/faults', { kind: 'status', status: 503 });
    expect(added.body.id).toEqual(expect.any(String));
    expect((await api.get('/v1/Porting/PortIn/PortInRequests')).status).toBe(503);
    await control('DELETE', `/faults/${added.body.id as string}`);
    expect((await api.get('/v1/Porting/PortIn/PortInRequests')).status).toBe(200);
    await control('POST', '/faults', { kind: 'reset' });
    await control('DELETE', '/faults');
    expect((await api.get('/v1/Porting/PortIn/PortInRequests')).status).toBe(200);
  });

  it('changes the acceleration', async () => {
    const answer = await control('POST', '/clock/accelerate', { factor: 60 });
    expect(answer.body.factor).toBe(60);
    await control('POST', '/clock/accelerate', { factor: 1 });
  });

  it('changes the status spelling', async () => {
    const created = await api.createdPortIn(['+12125550100']);
    await control('POST', '/spelling', { spelling: 'snake' });
    expect((await api.fetchPortIn(created.port_in_request_sid)).port_in_request_status).toBe(
      'in_review',
    );
    await control('POST', '/spelling', { spelling: 'twilio' });
  });

  it('resets to an empty simulator', async () => {
    await api.createdPortIn(['+12125550100']);
    expect((await control('POST', '/reset')).status).toBe(200);
    const state = await control('GET', '/state');
    expect(state.body.requests).toEqual([]);
    expect(state.body.documents).toEqual([]);
    expect(state.body.callLog).toEqual({});
  });

  it.each([
    ['POST', `/requests/KW${'0'.repeat(32)}/sign`, undefined, 404, /No port-in request/],
    ['POST', '/numbers/%2B12125550100/script', { kind: 'reject', code: 404 }, 400, /22150/],
    ['POST', '/numbers/12125550100/script', { kind: 'stall' }, 400, /E\.164/],
    ['POST', '/clock/advance', { ms: -5 }, 400, /ms/],
    ['POST', '/clock/advance', {}, 400, /"ms"/],
    ['POST', '/clock/accelerate', { factor: 0 }, 400, /factor/],
    ['POST', '/faults', { kind: 'explode' }, 400, /Invalid fault/],
    ['POST', '/seed', { requests: -1 }, 400, /Invalid seed/],
    ['GET', '/nothing-here', undefined, 404, /GET \/__sim lists them/],
  ])('%s %s is refused with a clear error', async (method, path, body, status, message) => {
    const answer = await control(method, path, body);
    expect(answer.status).toBe(status);
    expect(answer.body.error).toMatch(message);
  });

  it('refuses to sign a request that is not waiting for signature (409)', async () => {
    const created = await api.createdPortIn(['+12125550100']);
    const answer = await control('POST', `/requests/${created.port_in_request_sid}/sign`);
    expect(answer.status).toBe(409);
  });
});

describe('LOA page behind signature_request_url', () => {
  it('shows the LOA and signs it from a form post', async () => {
    const created = await api.createdPortIn(['+12125550100']);
    sim.control.advance(lifecycleTimings.REVIEW_MS);
    const url = (await api.fetchPortIn(created.port_in_request_sid)).signature_request_url ?? '';
    const page = await fetch(url);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('Acme Inc');
    expect(html).toContain('+12125550100');
    expect(html).toContain('<form method="post">');

    const signed = await fetch(url, { method: 'POST' });
    expect(await signed.text()).toContain('Signed');
    expect((await api.fetchPortIn(created.port_in_request_sid)).port_in_request_status).toBe(
      'In Progress',
    );
  });
});

describe('demo data', () => {
  it('seeds requests in every status, with rejections, LOA links and port dates', async () => {
    const { requestSids } = sim.control.seed({ demo: true });
    expect(requestSids.length).toBeGreaterThanOrEqual(20);
    const requests = await Promise.all(requestSids.map((sid) => api.fetchPortIn(sid)));
    for (const request of requests) {
      expectMatchesSpec('GET', `/v1/Porting/PortIn/${request.port_in_request_sid}`, 200, request);
    }
    expect(new Set(requests.map((r) => r.port_in_request_status))).toEqual(
      new Set(REQUEST_STATUSES),
    );
    const sizes = requests.map((r) => r.phone_numbers.length);
    expect(sizes.filter((n) => n > 40)).toHaveLength(1);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(200);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);

    const numbers = requests.flatMap((r) => r.phone_numbers);
    const rejectionCodes = new Set(numbers.map((n) => n.rejection_reason_code).filter(Boolean));
    expect(rejectionCodes.size).toBeGreaterThanOrEqual(2);
    const waiting = requests.filter((r) => r.port_in_request_status === 'Waiting for Signature');
    expect(waiting.every((r) => r.signature_request_url !== null)).toBe(true);
    expect(numbers.some((n) => n.port_in_phone_number_status === 'Pending' && n.port_date)).toBe(
      true,
    );
    expect(new Set(numbers.map((n) => n.number_type))).toEqual(
      new Set(['LOCAL', 'MOBILE', 'TOLL-FREE']),
    );
    // A realistic business on every request.
    expect(
      requests.every(
        (r) => (r.losing_carrier_information as { customer_name: string }).customer_name.length > 3,
      ),
    ).toBe(true);
  });

  it('is the same data for the same seed', async () => {
    const a = await startTestSimulator({ seed: 'same', demo: true });
    const b = await startTestSimulator({ seed: 'same', demo: true });
    const c = await startTestSimulator({ seed: 'different', demo: true });
    try {
      const summary = (s: RunningSimulator) =>
        (s.control.state().requests as PortInWire[]).map((r) => [
          r.port_in_request_sid,
          r.port_in_request_status,
          r.phone_numbers.map((n) => n.phone_number).join(','),
        ]);
      expect(summary(a.sim)).toEqual(summary(b.sim));
      expect(summary(a.sim)).not.toEqual(summary(c.sim));
      expect(a.sim.credentials).toEqual(b.sim.credentials);
    } finally {
      await Promise.all([a.sim.close(), b.sim.close(), c.sim.close()]);
    }
  });

  it('signs new LOAs by itself in demo mode', async () => {
    const demo = await startTestSimulator({ demo: true });
    try {
      const created = await demo.api.createdPortIn(['+12125550100']);
      demo.sim.control.advance(
        lifecycleTimings.REVIEW_MS + lifecycleTimings.DEMO_AUTO_SIGN_AFTER_MS,
      );
      expect((await demo.api.fetchPortIn(created.port_in_request_sid)).port_in_request_status).toBe(
        'In Progress',
      );
    } finally {
      await demo.sim.close();
    }
  });
});

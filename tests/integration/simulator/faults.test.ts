import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { controlClient, type RunningSimulator } from '../../../main/simulator/index';
import { createBody, expectTwilioError, type SimClient, startTestSimulator } from './harness';

let sim: RunningSimulator;
let api: SimClient;

beforeAll(async () => {
  ({ sim, api } = await startTestSimulator());
});
beforeEach(() => sim.control.reset());
afterAll(() => sim.close());

const LIST = '/v1/Porting/PortIn/PortInRequests';

/** A create whose body is ready before any fault is armed (the bill upload is a call too). */
async function createRequestBody(number = '+12125550100') {
  return createBody(sim, [await api.uploadBill()], [number]);
}

describe('status faults', () => {
  it('answers 429 / 20429 with Retry-After, once', async () => {
    sim.control.addFault({ kind: 'status', status: 429, retryAfterSeconds: 7, count: 1 });
    const limited = await api.get(LIST);
    expectTwilioError(limited, 429, 20429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await api.get(LIST)).status).toBe(200);
  });

  it.each([
    [500, 20500],
    [503, 20503],
  ] as const)('answers %i with code %i', async (status, code) => {
    sim.control.addFault({ kind: 'status', status, count: 1 });
    const answer = await api.get(LIST);
    expectTwilioError(answer, status, code);
    expect(answer.headers.get('retry-after')).toBeNull();
  });

  it('does not process a call it answers with a status fault', async () => {
    const body = await createRequestBody();
    sim.control.addFault({ kind: 'status', status: 503, count: 1 });
    expect((await api.post('/v1/Porting/PortIn', body)).status).toBe(503);
    expect(sim.control.state().requests).toHaveLength(0);
  });

  it('fires for the next N matching calls, then retires', async () => {
    const { id } = sim.control.addFault({ kind: 'status', status: 500, count: 2 });
    expect((await api.get(LIST)).status).toBe(500);
    expect(sim.control.state().faults).toEqual([
      expect.objectContaining({ id, remaining: 1, fired: 1 }),
    ]);
    expect((await api.get(LIST)).status).toBe(500);
    expect((await api.get(LIST)).status).toBe(200);
    expect(sim.control.state().faults).toEqual([]);
  });

  it('fires every time at rate 1 and never at rate 0', async () => {
    sim.control.addFault({ kind: 'status', status: 503, rate: 0 });
    for (let i = 0; i < 5; i += 1) expect((await api.get(LIST)).status).toBe(200);
    sim.control.clearFaults();
    sim.control.addFault({ kind: 'status', status: 503, rate: 1 });
    for (let i = 0; i < 5; i += 1) expect((await api.get(LIST)).status).toBe(503);
  });

  it('fires for a share of calls at a fractional rate', async () => {
    sim.control.addFault({ kind: 'status', status: 503, rate: 0.5 });
    let failed = 0;
    for (let i = 0; i < 100; i += 1) if ((await api.get(LIST)).status === 503) failed += 1;
    expect(failed).toBeGreaterThan(20);
    expect(failed).toBeLessThan(80);
  });

  it('matches by method and by path prefix or pattern', async () => {
    sim.control.addFault({ kind: 'status', status: 503, match: { method: 'POST' } });
    sim.control.addFault({
      kind: 'status',
      status: 500,
      match: { path: '/v1/Porting/Portability' },
    });
    sim.control.addFault({
      kind: 'status',
      status: 429,
      match: { method: 'get', path: '^/v1/Porting/PortIn/KW[0-9a-f]+$' },
    });
    expect((await api.get(LIST)).status).toBe(200);
    expect((await api.post('/v1/Porting/PortIn', {})).status).toBe(503);
    expect((await api.get('/v1/Porting/Portability/PhoneNumber/%2B12125550100')).status).toBe(500);
    expect((await api.get(`/v1/Porting/PortIn/KW${'a'.repeat(32)}`)).status).toBe(429);
    expect((await api.delete(`/v1/Porting/PortIn/KW${'a'.repeat(32)}`)).status).toBe(404);
  });

  it('applies to the upload host as well', async () => {
    sim.control.addFault({ kind: 'status', status: 503, match: { path: '/v1/Documents' } });
    expect((await api.uploadDocument()).status).toBe(503);
  });

  it('never applies to the control API', async () => {
    sim.control.addFault({ kind: 'status', status: 503 });
    expect((await controlClient(sim).call('GET', '/state')).status).toBe(200);
  });

  it('stops when the faults are cleared', async () => {
    sim.control.addFault({ kind: 'status', status: 503 });
    expect((await api.get(LIST)).status).toBe(503);
    sim.control.clearFaults();
    expect((await api.get(LIST)).status).toBe(200);
  });

  it('refuses a fault it cannot inject', () => {
    expect(() =>
      sim.control.addFault({ kind: 'status', status: 404 } as unknown as Parameters<
        typeof sim.control.addFault
      >[0]),
    ).toThrow(/Invalid fault/);
  });
});

describe('connection faults', () => {
  it('drops the connection before processing: the call fails and nothing is created', async () => {
    const body = await createRequestBody();
    sim.control.addFault({ kind: 'reset', count: 1 });
    await expect(api.post('/v1/Porting/PortIn', body)).rejects.toThrow();
    expect(sim.control.state().requests).toHaveLength(0);
  });

  it('drops the connection after processing: the call fails but the request exists', async () => {
    const body = await createRequestBody();
    sim.control.addFault({
      kind: 'reset',
      phase: 'after',
      count: 1,
      match: { method: 'POST', path: '/v1/Porting/PortIn' },
    });
    await expect(api.post('/v1/Porting/PortIn', body)).rejects.toThrow();
    const requests = sim.control.state().requests as { phone_numbers: unknown[] }[];
    expect(requests).toHaveLength(1);
    // A blind retry now meets 22137, which is how a client learns the first try landed.
    expectTwilioError(await api.post('/v1/Porting/PortIn', body), 400, 22137);
  });

  it('garbles the body before processing: unparsable JSON and nothing created', async () => {
    const body = await createRequestBody();
    sim.control.addFault({ kind: 'malformed', count: 1 });
    const answer = await api.post('/v1/Porting/PortIn', body);
    expect(() => answer.json()).toThrow();
    expect(sim.control.state().requests).toHaveLength(0);
  });

  it('garbles the body after processing: unparsable JSON but the request exists', async () => {
    const body = await createRequestBody();
    sim.control.addFault({ kind: 'malformed', phase: 'after', count: 1 });
    const answer = await api.post('/v1/Porting/PortIn', body);
    expect(answer.status).toBe(202);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(() => answer.json()).toThrow();
    expect(sim.control.state().requests).toHaveLength(1);
  });

  it('garbles a 204 after canceling, so the client cannot tell the cancel worked', async () => {
    const created = await api.createdPortIn(['+12125550100']);
    sim.control.addFault({ kind: 'malformed', phase: 'after', count: 1 });
    const answer = await api.delete(`/v1/Porting/PortIn/${created.port_in_request_sid}`);
    expect(answer.status).toBe(200);
    expect(() => answer.json()).toThrow();
    expect((await api.fetchPortIn(created.port_in_request_sid)).phone_numbers[0]).toMatchObject({
      port_in_phone_number_status: 'Canceling',
    });
  });

  it('delays a call by the latency fault and still answers it', async () => {
    const { id } = sim.control.addFault({ kind: 'latency', ms: 50, count: 1 });
    expect((await api.get(LIST)).status).toBe(200);
    expect(sim.control.state().faults.find((fault) => fault.id === id)).toBeUndefined();
    const { id: again } = sim.control.addFault({ kind: 'latency', ms: 1 });
    await api.get(LIST);
    expect(sim.control.state().faults.find((fault) => fault.id === again)?.fired).toBe(1);
  });

  it('combines latency with another fault on the same call', async () => {
    sim.control.addFault({ kind: 'latency', ms: 10, count: 1 });
    sim.control.addFault({ kind: 'status', status: 429, count: 1 });
    expect((await api.get(LIST)).status).toBe(429);
    expect(sim.control.state().faults).toEqual([]);
  });
});

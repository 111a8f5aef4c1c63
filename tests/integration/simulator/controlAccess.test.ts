import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CONTROL_SECRET_HEADER,
  controlClient,
  lifecycleTimings,
  startSimulator,
  type RunningSimulator,
} from '../../../main/simulator/index';
import { type SimClient, startTestSimulator } from './harness';

/**
 * Issue 12 item 6: /__sim/ listens on 127.0.0.1, where any web page the user opens can reach it.
 * These calls go out through node:http so that Host and Origin can be whatever a browser or a
 * DNS-rebinding page would send.
 */
let sim: RunningSimulator;
let api: SimClient;

beforeAll(async () => {
  ({ sim, api } = await startTestSimulator());
});
beforeEach(() => {
  sim.control.reset();
  sim.control.seed({ requests: 2 });
});
afterAll(() => sim.close());

interface RawCall {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

function raw(call: RawCall): Promise<{ status: number; text: string }> {
  const { port } = new URL(sim.url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: call.method ?? 'GET',
        path: call.path,
        headers: { host: `127.0.0.1:${port}`, ...call.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(call.body);
  });
}

const secret = () => ({ [CONTROL_SECRET_HEADER]: sim.controlSecret ?? '' });
const requestCount = () => sim.control.state().requests.length;

describe('the control API refuses callers other than PortDesk', () => {
  it('refuses a cross-site text/plain POST (what any web page can send without a preflight)', async () => {
    const answer = await raw({
      method: 'POST',
      path: '/__sim/reset',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(answer.status).toBe(403);
    expect(requestCount()).toBe(2);
  });

  it('refuses a call without the secret, or with a wrong one', async () => {
    const missing = await raw({ method: 'POST', path: '/__sim/reset' });
    expect(missing.status).toBe(401);
    expect(missing.text).toContain(CONTROL_SECRET_HEADER);
    const wrong = await raw({
      method: 'POST',
      path: '/__sim/reset',
      headers: { [CONTROL_SECRET_HEADER]: `${sim.controlSecret ?? ''}x` },
    });
    expect(wrong.status).toBe(401);
    expect((await raw({ path: '/__sim/state' })).status).toBe(401);
    expect(requestCount()).toBe(2);
  });

  it('refuses another Host (DNS rebinding), even with the secret', async () => {
    const state = await raw({
      path: '/__sim/state',
      headers: { ...secret(), host: `rebind.evil.example:${new URL(sim.url).port}` },
    });
    expect(state.status).toBe(403);
    expect(state.text).not.toContain('KW');
    const wrongPort = await raw({
      path: '/__sim/state',
      headers: { ...secret(), host: '127.0.0.1:1' },
    });
    expect(wrongPort.status).toBe(403);
  });

  it('refuses a call from a web page (any Origin), even with the secret', async () => {
    const answer = await raw({
      method: 'POST',
      path: '/__sim/reset',
      headers: { ...secret(), origin: sim.url, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(answer.status).toBe(403);
    expect(requestCount()).toBe(2);
  });

  it('refuses a body that is not application/json, even with the secret', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const answer = await raw({
        method: 'POST',
        path: '/__sim/clock/advance',
        headers: { ...secret(), ...(type === undefined ? {} : { 'content-type': type }) },
        body: '{"ms":86400000}',
      });
      expect(answer.status, String(type)).toBe(415);
    }
  });

  it('answers PortDesk: the secret, a loopback Host, JSON', async () => {
    const port = new URL(sim.url).port;
    const state = await raw({
      path: '/__sim/state',
      headers: { ...secret(), host: `localhost:${port}` },
    });
    expect(state.status).toBe(200);
    const reset = await raw({
      method: 'POST',
      path: '/__sim/reset',
      headers: { ...secret(), 'content-type': 'application/json; charset=utf-8' },
      body: '{}',
    });
    expect(reset.status).toBe(200);
    expect(requestCount()).toBe(0);
    // The helper every in-repo client uses sends the same.
    const advanced = await controlClient(sim).json<{ now: string }>('POST', '/clock/advance', {
      ms: 1000,
    });
    expect(advanced.now).toMatch(/Z$/);
  });

  it('makes a new secret at every start, kept out of the snapshot', async () => {
    const other = await startSimulator({ seed: 'integration-tests' });
    try {
      expect(other.controlSecret).toMatch(/^[\w-]{40,}$/);
      expect(other.controlSecret).not.toBe(sim.controlSecret);
      expect(JSON.stringify(sim.snapshot())).not.toContain(sim.controlSecret ?? 'none');
    } finally {
      await other.close();
    }
  });
});

describe('the LOA page', () => {
  async function waitingLoa(): Promise<{ sid: string; path: string }> {
    const created = await api.createdPortIn(['+12125550100']);
    sim.control.advance(lifecycleTimings.REVIEW_MS);
    const url = (await api.fetchPortIn(created.port_in_request_sid)).signature_request_url ?? '';
    return { sid: created.port_in_request_sid, path: new URL(url).pathname };
  }
  const statusOf = async (sid: string) => (await api.fetchPortIn(sid)).port_in_request_status;

  it('opens without the secret, but only under this listener’s Host', async () => {
    const { path } = await waitingLoa();
    expect((await raw({ path })).status).toBe(200);
    expect((await raw({ path, headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('signs only from its own page, not from a cross-site form', async () => {
    const { sid, path } = await waitingLoa();
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const crossSite = await raw({
      method: 'POST',
      path,
      headers: { ...form, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    expect(await statusOf(sid)).toBe('Waiting for Signature');

    const ownPage = await raw({
      method: 'POST',
      path,
      headers: { ...form, origin: sim.url, 'sec-fetch-site': 'same-origin' },
    });
    expect(ownPage.status).toBe(200);
    expect(await statusOf(sid)).toBe('In Progress');
  });
});

describe('openControl (npm run simulator -- --open-control)', () => {
  it('serves /__sim to anyone, as documented for curl', async () => {
    const open = await startSimulator({ seed: 'open', openControl: true });
    try {
      expect(open.controlSecret).toBeNull();
      const answer = await fetch(`${open.url}/__sim/clock/advance`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: '{"ms":1000}',
      });
      expect(answer.status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../main/simulator/index';
import {
  expectMatchesSpec,
  expectTwilioError,
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

const WEBHOOK = '/v1/Porting/Configuration/Webhook';
const config = {
  port_in_target_url: 'https://hooks.acme.example/port-in',
  notifications_of: ['PortInCompleted', 'PortInPhoneNumberRejected'],
};

describe('webhook configuration', () => {
  it('answers 404 / 20404 before anything is configured', async () => {
    expectTwilioError(await api.get(WEBHOOK), 404, 20404);
  });

  it('creates the configuration with 201, valid against the spec', async () => {
    const answer = await api.post(WEBHOOK, config);
    expect(answer.status).toBe(201);
    const body = answer.json();
    expectMatchesSpec('POST', WEBHOOK, 201, body);
    expect(body).toEqual({
      url: `${sim.url}${WEBHOOK}`,
      port_in_target_url: config.port_in_target_url,
      port_out_target_url: null,
      notifications_of: config.notifications_of,
    });
  });

  it('fetches it with the creation dates, valid against the spec', async () => {
    await api.post(WEBHOOK, config);
    const answer = await api.get(WEBHOOK);
    expect(answer.status).toBe(200);
    const body = answer.json();
    expectMatchesSpec('GET', WEBHOOK, 200, body);
    expect(body).toMatchObject({
      port_in_target_url: config.port_in_target_url,
      port_in_target_date_created: expect.stringMatching(/Z$/),
      port_out_target_date_created: null,
    });
  });

  it('replaces the configuration on a second POST', async () => {
    await api.post(WEBHOOK, config);
    await api.post(WEBHOOK, { port_in_target_url: 'https://other.example/hook' });
    const body = (await api.get(WEBHOOK)).json();
    expect(body).toMatchObject({
      port_in_target_url: 'https://other.example/hook',
      notifications_of: [],
    });
  });

  it('deletes the PORT_IN target with 204', async () => {
    await api.post(WEBHOOK, config);
    const answer = await api.delete(`${WEBHOOK}/PORT_IN`);
    expect(answer.status).toBe(204);
    expectMatchesSpec('DELETE', `${WEBHOOK}/PORT_IN`, 204, undefined);
    expectTwilioError(await api.get(WEBHOOK), 404, 20404);
  });

  it('answers 404 for a webhook type that does not exist', async () => {
    expectTwilioError(await api.delete(`${WEBHOOK}/PORT_SIDEWAYS`), 404, 20404);
  });

  it('refuses a target that is not an http(s) URL, naming the field', async () => {
    const message = expectTwilioError(
      await api.post(WEBHOOK, { port_in_target_url: 'ftp://acme.example/hook' }),
      400,
      20001,
    );
    expect(message).toContain('port_in_target_url');
  });

  it('refuses a configuration without any target', async () => {
    expectTwilioError(await api.post(WEBHOOK, { notifications_of: [] }), 400, 20001);
  });
});

describe('signing request configuration', () => {
  const PATH = '/v1/SigningRequest/Configuration';

  it('stores a configuration and lists it, valid against the spec', async () => {
    const created = await api.post(PATH, {
      friendly_name: 'Acme branding',
      product: 'Porting',
      country: 'US',
      email_subject: 'Please sign',
    });
    expect(created.status).toBe(201);
    expectMatchesSpec('POST', PATH, 201, created.json());

    const listed = await api.get(`${PATH}?Country=US&Product=Porting`);
    expect(listed.status).toBe(200);
    expectMatchesSpec('GET', PATH, 200, listed.json());
    expect(listed.json<{ configurations: unknown[] }>().configurations).toHaveLength(1);
    const other = await api.get(`${PATH}?Country=JP`);
    expect(other.json<{ configurations: unknown[] }>().configurations).toHaveLength(0);
  });
});

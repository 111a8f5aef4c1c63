import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../main/simulator/index';
import { basicAuth, expectTwilioError, SimClient, startTestSimulator } from './harness';

let sim: RunningSimulator;
let api: SimClient;

beforeAll(async () => {
  ({ sim, api } = await startTestSimulator());
});
afterAll(() => sim.close());

const LIST = '/v1/Porting/PortIn/PortInRequests';

describe('Basic auth', () => {
  it('accepts an API key SID and secret', async () => {
    expect((await new SimClient(sim, 'apiKey').get(LIST)).status).toBe(200);
  });

  it('accepts the Account SID and auth token', async () => {
    expect((await new SimClient(sim, 'account').get(LIST)).status).toBe(200);
  });

  it('answers 401 with code 20003 and a Basic challenge when no credentials are sent', async () => {
    const answer = await api.get(LIST, { authorization: null });
    expectTwilioError(answer, 401, 20003);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Basic/);
  });

  it('answers 401 / 20003 for a wrong API key secret', async () => {
    const answer = await api.get(LIST, {
      authorization: basicAuth(sim.credentials.apiKeySid, 'not-the-secret'),
    });
    expectTwilioError(answer, 401, 20003);
  });

  it('answers 401 / 20003 for a wrong auth token', async () => {
    const answer = await api.get(LIST, {
      authorization: basicAuth(sim.credentials.accountSid, 'not-the-token'),
    });
    expectTwilioError(answer, 401, 20003);
  });

  it('does not accept the auth token as an API key secret', async () => {
    const answer = await api.get(LIST, {
      authorization: basicAuth(sim.credentials.apiKeySid, sim.credentials.authToken),
    });
    expectTwilioError(answer, 401, 20003);
  });

  it('requires auth on the upload host too', async () => {
    const answer = await api.call('POST', '/v1/Documents', {
      host: 'upload',
      authorization: null,
    });
    expectTwilioError(answer, 401, 20003);
  });

  it('never puts a secret in an error message', async () => {
    const answer = await api.get(LIST, {
      authorization: basicAuth(sim.credentials.apiKeySid, 'wrong'),
    });
    expect(answer.text).not.toContain(sim.credentials.apiKeySecret);
    expect(answer.text).not.toContain(sim.credentials.authToken);
  });

  it('takes fixed credentials from the options', async () => {
    const credentials = {
      accountSid: `AC${'1'.repeat(32)}`,
      authToken: 'token-for-tests',
      apiKeySid: `SK${'2'.repeat(32)}`,
      apiKeySecret: 'secret-for-tests',
    };
    const fixed = await startTestSimulator({ credentials });
    try {
      expect(fixed.sim.credentials).toEqual(credentials);
      const answer = await fixed.api.get(LIST, {
        authorization: basicAuth(credentials.apiKeySid, credentials.apiKeySecret),
      });
      expect(answer.status).toBe(200);
    } finally {
      await fixed.sim.close();
    }
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { version } from '../../../package.json';
import { PortingClient, type PortingClientOptions } from '../../../main/core/twilio';
import { TwilioError } from '../../../main/core/twilio/twilioError';
import { startLocalServer, sendJson, type Handler, type LocalServer } from './localServer';
import { SPEC_EXAMPLES } from './specExamples';

const SECRET = 'super-secret-api-key-value';
const KEY_SID = 'SK0123456789abcdef0123456789abcdef';
const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const KW = 'KWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const NOW = Date.parse('2026-05-01T12:00:00Z');
const AUTH = `Basic ${Buffer.from(`${KEY_SID}:${SECRET}`).toString('base64')}`;

let servers: LocalServer[] = [];
let clients: PortingClient[] = [];

afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(servers.map((s) => s.close()));
  clients = [];
  servers = [];
});

async function serve(handler: Handler): Promise<LocalServer> {
  const server = await startLocalServer(handler);
  servers.push(server);
  return server;
}

/** A client whose sleeps are recorded, not waited: tests see the delays without timing them. */
function clientFor(url: string, overrides: Partial<PortingClientOptions> = {}) {
  const sleeps: number[] = [];
  const client = new PortingClient({
    credentials: { username: KEY_SID, password: SECRET },
    accountSid: ACCOUNT,
    baseUrl: url,
    uploadBaseUrl: url,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => NOW,
    ...overrides,
  });
  clients.push(client);
  return { client, sleeps };
}

async function rejection(promise: Promise<unknown>): Promise<TwilioError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TwilioError);
    return error as TwilioError;
  }
  throw new Error('expected the call to fail');
}

const answerPortIn: Handler = (_req, res) => sendJson(res, 200, SPEC_EXAMPLES.fetchPortIn);

function createInput() {
  return {
    accountSid: ACCOUNT,
    documents: ['RD0123456789abcdef0123456789abcdef'],
    phoneNumbers: [{ phoneNumber: '+15555550100' }],
    losingCarrier: {
      customerType: 'Business' as const,
      customerName: 'Acme Inc',
      accountNumber: null,
      accountTelephoneNumber: null,
      authorizedRepresentative: 'Jane Doe',
      authorizedRepresentativeEmail: 'jane@acme.example',
      addressSid: 'AD0123456789abcdef0123456789abcdef',
      address: null,
    },
  };
}

describe('what every request carries', () => {
  it('sends Basic auth, Accept: application/json and a PortDesk User-Agent', async () => {
    const server = await serve(answerPortIn);
    const { client } = clientFor(server.url);
    await client.fetchPortIn(KW);
    const [request] = server.requests;
    expect(request?.headers.authorization).toBe(AUTH);
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers['user-agent']).toBe(`PortDesk/${version}`);
    expect(request?.url).toBe(`/v1/Porting/PortIn/${KW}`);
  });

  it('encodes the + of an E.164 number as %2B in the portability path', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, SPEC_EXAMPLES.portability));
    const { client } = clientFor(server.url);
    await client.checkPortability('+18001234567', { targetAccountSid: ACCOUNT });
    expect(server.requests[0]?.url).toBe(
      `/v1/Porting/Portability/PhoneNumber/%2B18001234567?TargetAccountSid=${ACCOUNT}`,
    );
  });

  it('keeps a path prefix of the base URL', async () => {
    const server = await serve(answerPortIn);
    const { client } = clientFor(`${server.url}/twilio/`);
    await client.fetchPortIn(KW);
    expect(server.requests[0]?.url).toBe(`/twilio/v1/Porting/PortIn/${KW}`);
  });

  it('reuses keep-alive connections instead of opening one per call', async () => {
    const ports = new Set<number>();
    const server = await serve((req, res) => {
      ports.add(res.socket?.remotePort ?? 0);
      answerPortIn(req, res);
    });
    const { client } = clientFor(server.url);
    for (let i = 0; i < 10; i += 1) await client.fetchPortIn(KW);
    // undici may open a second socket while the first is still being released; never one per call.
    expect(ports.size).toBeLessThanOrEqual(2);
  });
});

describe('retries', () => {
  it('waits out a 429 with Retry-After in seconds, then succeeds', async () => {
    let calls = 0;
    const server = await serve((req, res) => {
      calls += 1;
      if (calls === 1) {
        sendJson(
          res,
          429,
          { code: 20429, message: 'Too Many Requests', status: 429 },
          { 'retry-after': '2' },
        );
      } else answerPortIn(req, res);
    });
    const { client, sleeps } = clientFor(server.url, { retry: { baseDelayMs: 100 } });
    const request = await client.fetchPortIn(KW);
    expect(request.sid).toBe(KW);
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([2_050]);
  });

  it('reads Retry-After as an HTTP date against the injected clock', async () => {
    let calls = 0;
    const server = await serve((req, res) => {
      calls += 1;
      if (calls === 1) {
        sendJson(
          res,
          503,
          { code: 20503, message: 'Service Unavailable' },
          {
            'retry-after': new Date(NOW + 3_000).toUTCString(),
          },
        );
      } else answerPortIn(req, res);
    });
    const { client, sleeps } = clientFor(server.url, { random: () => 0 });
    await client.fetchPortIn(KW);
    expect(sleeps).toEqual([3_000]);
  });

  it('retries a create rejected with 429: Twilio never processed it', async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls += 1;
      if (calls === 1) sendJson(res, 429, { code: 20429, message: 'Too Many Requests' });
      else sendJson(res, 202, SPEC_EXAMPLES.createPortIn);
    });
    const { client } = clientFor(server.url);
    const created = await client.createPortIn(createInput());
    expect(created.sid).toBe(KW);
    expect(server.requests).toHaveLength(2);
  });

  it('gives a GET that keeps failing with 5xx maxAttempts tries, then throws a server error', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 500, {
        code: 20500,
        message: 'Internal Server Error',
        more_info: 'https://www.twilio.com/docs/errors/20500',
      }),
    );
    const { client, sleeps } = clientFor(server.url, {
      retry: { maxAttempts: 3, baseDelayMs: 100 },
    });
    const error = await rejection(client.fetchPortIn(KW));
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([50, 100]);
    expect(error).toMatchObject({
      kind: 'server',
      httpStatus: 500,
      code: 20500,
      moreInfo: 'https://www.twilio.com/docs/errors/20500',
      mayHaveReachedServer: true,
    });
  });

  it('never resends a create answered with a 5xx, and marks it as maybe carried out', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 503, { code: 20503, message: 'Unavailable' }),
    );
    const { client } = clientFor(server.url);
    const error = await rejection(client.createPortIn(createInput()));
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'server', mayHaveReachedServer: true });
  });

  it('never resends a create whose connection dropped after the body was sent', async () => {
    const server = await serve((_req, res) => res.socket?.destroy());
    const { client } = clientFor(server.url);
    const error = await rejection(client.createPortIn(createInput()));
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'network', httpStatus: 0, mayHaveReachedServer: true });
  });

  it('retries a GET whose connection dropped, and succeeds', async () => {
    let calls = 0;
    const server = await serve((req, res) => {
      calls += 1;
      if (calls === 1) res.socket?.destroy();
      else answerPortIn(req, res);
    });
    const { client } = clientFor(server.url);
    expect((await client.fetchPortIn(KW)).sid).toBe(KW);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a GET whose 2xx body is not JSON, and succeeds', async () => {
    let calls = 0;
    const server = await serve((req, res) => {
      calls += 1;
      if (calls === 1) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"port_in_request_sid": "KW');
      } else answerPortIn(req, res);
    });
    const { client } = clientFor(server.url);
    expect((await client.fetchPortIn(KW)).sid).toBe(KW);
    expect(server.requests).toHaveLength(2);
  });

  it('does not resend a create whose 2xx answer has the wrong shape; it may exist now', async () => {
    const server = await serve((_req, res) => sendJson(res, 202, { hello: 'world' }));
    const { client } = clientFor(server.url);
    const error = await rejection(client.createPortIn(createInput()));
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({
      kind: 'malformed_response',
      httpStatus: 202,
      mayHaveReachedServer: true,
    });
    expect(error.message).toContain('port_in_request_sid');
  });

  it('resends a create that could not connect at all, and marks it as never sent', async () => {
    const closed = await serve(() => undefined);
    const url = closed.url;
    await closed.close();
    servers = servers.filter((s) => s !== closed);
    const { client, sleeps } = clientFor(url, { retry: { maxAttempts: 3 } });
    const error = await rejection(client.createPortIn(createInput()));
    expect(sleeps).toHaveLength(2);
    expect(error).toMatchObject({ kind: 'network', httpStatus: 0, mayHaveReachedServer: false });
    expect(error.message).toBe(
      'Could not create a port-in request for 1 number: Could not reach Twilio; the connection was refused.',
    );
  });
});

describe('timeouts', () => {
  const silent: Handler = () => undefined;

  it('times out a create that got no answer, without resending it', async () => {
    const server = await serve(silent);
    const { client } = clientFor(server.url, { requestTimeoutMs: 200 });
    const error = await rejection(client.createPortIn(createInput()));
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'timeout', httpStatus: 0, mayHaveReachedServer: true });
    expect(error.message).toContain('no answer within 0.2 s');
  });

  it('retries a GET that timed out', async () => {
    const server = await serve(silent);
    const { client } = clientFor(server.url, { requestTimeoutMs: 200, retry: { maxAttempts: 2 } });
    const error = await rejection(client.fetchPortIn(KW));
    expect(server.requests).toHaveLength(2);
    expect(error.kind).toBe('timeout');
  });
});

describe('errors that are not retried', () => {
  it('reports a 401 as unauthorized without the secret, even when the server echoes it', async () => {
    const server = await serve((req, res) =>
      sendJson(res, 401, {
        code: 20003,
        message: `Authenticate: got ${req.headers.authorization} (${SECRET})`,
        more_info: 'https://www.twilio.com/docs/errors/20003',
        status: 401,
      }),
    );
    const { client } = clientFor(server.url);
    const error = await rejection(client.fetchPortIn(KW));
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({
      kind: 'unauthorized',
      httpStatus: 401,
      code: 20003,
      mayHaveReachedServer: false,
    });
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain(AUTH.slice(6));
    expect(error.message).toContain('[redacted]');
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });

  it('reports a 404 as not_found with Twilio code and words', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 404, {
        code: 20404,
        message: 'The requested resource was not found.',
        status: 404,
      }),
    );
    const { client } = clientFor(server.url);
    const error = await rejection(client.fetchPortIn(KW));
    expect(error.message).toBe(
      `Could not fetch port-in request ${KW}: Twilio has no such resource (HTTP 404, Twilio error 20404): The requested resource was not found.`,
    );
    expect(error).toMatchObject({ kind: 'not_found', code: 20404, mayHaveReachedServer: false });
  });

  it('reports a 400 RFC 9457 answer with the blamed fields and does not resend', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 400, {
        type: 'https://www.twilio.com/docs/api/errors/22171',
        title: 'Missing required fields',
        status: 400,
        code: 22171,
        errors: [{ detail: 'is required', pointer: '/losing_carrier_information/customer_name' }],
      }),
    );
    const { client } = clientFor(server.url);
    const error = await rejection(client.createPortIn(createInput()));
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({
      kind: 'invalid_request',
      httpStatus: 400,
      code: 22171,
      fields: ['losingCarrier.customerName'],
      mayHaveReachedServer: false,
    });
  });

  it('keeps the Retry-After of a 429 it gives up on, so the caller can schedule', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 429, { code: 20429, message: 'Too Many Requests' }, { 'retry-after': '120' }),
    );
    const { client, sleeps } = clientFor(server.url);
    const error = await rejection(client.fetchPortIn(KW));
    expect(sleeps).toEqual([]);
    expect(error).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 120_000,
      mayHaveReachedServer: false,
    });
  });

  it('reads an HTML error page from a proxy as a server error without Twilio words', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad Gateway</html>');
    });
    const { client } = clientFor(server.url, { retry: { maxAttempts: 1 } });
    const error = await rejection(client.fetchPortIn(KW));
    expect(error).toMatchObject({ kind: 'server', httpStatus: 502, code: null });
    expect(error.message).toBe(
      `Could not fetch port-in request ${KW}: Twilio had a server error (HTTP 502).`,
    );
  });
});

describe('aborting', () => {
  it('sends nothing when the signal is already aborted', async () => {
    const server = await serve(answerPortIn);
    const { client } = clientFor(server.url);
    const error = await rejection(client.fetchPortIn(KW, { signal: AbortSignal.abort() }));
    expect(server.requests).toHaveLength(0);
    expect(error).toMatchObject({
      kind: 'aborted',
      name: 'AbortError',
      mayHaveReachedServer: false,
    });
  });

  it('stops waiting to retry when aborted during the backoff', async () => {
    const controller = new AbortController();
    const server = await serve((_req, res) =>
      sendJson(res, 503, { code: 20503, message: 'Unavailable' }),
    );
    const { client } = clientFor(server.url, {
      sleep: (_ms, signal) => {
        controller.abort();
        return Promise.reject(signal?.reason as Error);
      },
    });
    const error = await rejection(client.fetchPortIn(KW, { signal: controller.signal }));
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'aborted', name: 'AbortError' });
  });

  it('cuts a real backoff sleep short when aborted', async () => {
    const controller = new AbortController();
    const server = await serve((_req, res) => {
      sendJson(res, 503, { code: 20503, message: 'Unavailable' }, { 'retry-after': '60' });
      setTimeout(() => controller.abort(), 20);
    });
    // The default sleep, and a Retry-After of 60 s, beyond the test timeout, that the retry policy accepts.
    const client = new PortingClient({
      credentials: { username: KEY_SID, password: SECRET },
      accountSid: ACCOUNT,
      baseUrl: server.url,
      retry: { maxDelayMs: 120_000 },
    });
    clients.push(client);
    const error = await rejection(client.fetchPortIn(KW, { signal: controller.signal }));
    expect(error).toMatchObject({ kind: 'aborted', name: 'AbortError' });
    expect(server.requests).toHaveLength(1);
  });

  it('aborts a request in flight', async () => {
    const controller = new AbortController();
    const server = await serve(() => controller.abort());
    const { client } = clientFor(server.url);
    const error = await rejection(client.fetchPortIn(KW, { signal: controller.signal }));
    expect(error.kind).toBe('aborted');
  });
});

describe('DELETEs and their 204', () => {
  it('cancels a request and a number with DELETE on the right paths', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const { client } = clientFor(server.url);
    await expect(client.cancelPortIn(KW)).resolves.toBeUndefined();
    await expect(
      client.cancelPortInNumber(KW, 'PUbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'),
    ).resolves.toBeUndefined();
    await expect(client.deleteWebhookConfiguration('PORT_IN')).resolves.toBeUndefined();
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `DELETE /v1/Porting/PortIn/${KW}`,
      `DELETE /v1/Porting/PortIn/${KW}/PhoneNumber/PUbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb`,
      'DELETE /v1/Porting/Configuration/Webhook/PORT_IN',
    ]);
  });
});

describe('close', () => {
  it('fails later calls as a network error that never reached Twilio', async () => {
    const server = await serve(answerPortIn);
    const { client } = clientFor(server.url, { retry: { maxAttempts: 1 } });
    await client.close();
    const error = await rejection(client.fetchPortIn(KW));
    expect(error).toMatchObject({ kind: 'network', mayHaveReachedServer: false });
  });
});

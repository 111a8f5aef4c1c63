import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lifecycleTimings, startSimulator, type RunningSimulator } from '../../../main/simulator';
import { PortingClient, TwilioError, type PortingClientOptions } from '../../../main/core/twilio';
import type { PortInCreateInput } from '../../../shared/domain';
import { aLosingCarrier } from '../../fixtures/portInBuilders';
import { loadOpenApiValidator, specMissingMessage } from '../../helpers/openapiSpec';
import { minimalPdf, minimalPng } from '../../unit/twilio/documentBytes';
import { startRecordingProxy, type RecordingProxy } from './recordingProxy';

let sim: RunningSimulator;
let apiProxy: RecordingProxy;
let uploadProxy: RecordingProxy;
let client: PortingClient;
const extraClients: PortingClient[] = [];
let nextNumber = 100;

beforeAll(async () => {
  sim = await startSimulator({ seed: 1 });
  apiProxy = await startRecordingProxy(sim.url);
  uploadProxy = await startRecordingProxy(sim.uploadUrl);
  client = clientWith();
});

afterEach(() => {
  sim.control.clearFaults();
});

afterAll(async () => {
  await Promise.all([client.close(), ...extraClients.map((c) => c.close())]);
  await Promise.all([apiProxy.close(), uploadProxy.close()]);
  await sim.close();
});

/** Backoff sleeps are skipped: the simulator's faults, not wall time, are under test. */
function clientWith(overrides: Partial<PortingClientOptions> = {}): PortingClient {
  const made = new PortingClient({
    credentials: { username: sim.credentials.apiKeySid, password: sim.credentials.apiKeySecret },
    accountSid: sim.credentials.accountSid,
    baseUrl: apiProxy.url,
    uploadBaseUrl: uploadProxy.url,
    sleep: async () => undefined,
    ...overrides,
  });
  if (Object.keys(overrides).length > 0) extraClients.push(made);
  return made;
}

function freshNumber(): string {
  nextNumber += 1;
  return `+1415555${String(nextNumber).padStart(4, '0')}`;
}

async function uploadBill(): Promise<string> {
  const document = await client.uploadDocument({ bytes: minimalPdf(), fileName: 'bill.pdf' });
  return document.sid;
}

function createInput(documentSid: string, numbers: string[]): PortInCreateInput {
  return {
    accountSid: sim.credentials.accountSid,
    documents: [documentSid],
    phoneNumbers: numbers.map((phoneNumber) => ({ phoneNumber, pin: '1234' })),
    losingCarrier: aLosingCarrier({ accountTelephoneNumber: numbers[0] ?? null }),
    notificationEmails: ['ops@acme.example'],
  };
}

async function failure(promise: Promise<unknown>): Promise<TwilioError> {
  const error = await promise.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TwilioError);
  return error as TwilioError;
}

function calls(route: string): number {
  return sim.control.state().callLog[route] ?? 0;
}

describe('every operation against the simulator', () => {
  it('uploads a real PDF bill to the upload host', async () => {
    const document = await client.uploadDocument({
      bytes: minimalPdf(),
      fileName: 'march-bill.pdf',
      friendlyName: 'March bill',
    });
    expect(document.sid).toMatch(/^RD[0-9a-f]{32}$/i);
    expect(document).toMatchObject({ mimeType: 'application/pdf', friendlyName: 'March bill' });
    expect(sim.control.state().documents.map((d) => d.sid)).toContain(document.sid);
    expect(uploadProxy.exchanges.some((e) => e.path === '/v1/Documents')).toBe(true);
  });

  it('uploads a PNG too', async () => {
    const document = await client.uploadDocument({ bytes: minimalPng(), fileName: 'bill.png' });
    expect(document.mimeType).toBe('image/png');
  });

  it('checks portability, one number and many', async () => {
    const portable = freshNumber();
    const elsewhere = freshNumber();
    sim.control.seed({ inTwilio: [elsewhere] });
    const single = await client.checkPortability(portable);
    expect(single).toMatchObject({ phoneNumber: portable, portable: true, numberType: 'LOCAL' });

    const outcomes = await client.checkPortabilityMany([portable, elsewhere, '+18005550100'], {
      concurrency: 2,
    });
    expect(outcomes.map((o) => o.result?.portable)).toEqual([true, false, false]);
    expect(outcomes[1]?.result?.notPortableReasonCode).toBe(22132);
    expect(outcomes[2]?.result?.notPortableReasonCode).toBe(22133);
  });

  it('creates, fetches, lists, fetches a number, and cancels a number and the request', async () => {
    const documentSid = await uploadBill();
    const numbers = [freshNumber(), freshNumber()];
    const created = await client.createPortIn(createInput(documentSid, numbers));
    expect(created.sid).toMatch(/^KW[0-9a-f]{32}$/i);
    expect(created.phoneNumbers.map((n) => n.phoneNumber).sort()).toEqual([...numbers].sort());
    expect(created.documents).toEqual([documentSid]);

    const fetched = await client.fetchPortIn(created.sid);
    expect(fetched.sid).toBe(created.sid);
    expect(fetched.losingCarrier.customerName).toBe('Acme Inc');
    expect(fetched.status.canonical).not.toBe('unknown');

    const page = await client.listPortInsPage({ sids: [created.sid] });
    expect(page.requests.map((r) => r.sid)).toEqual([created.sid]);
    expect(page.requests[0]?.numbersRequested).toBe(2);

    const [first, second] = fetched.phoneNumbers;
    if (first === undefined || second === undefined) throw new Error('two numbers expected');
    const detail = await client.fetchPortInNumber(created.sid, first.sid);
    expect(detail).toMatchObject({
      sid: first.sid,
      requestSid: created.sid,
      phoneNumber: first.phoneNumber,
    });

    await client.cancelPortInNumber(created.sid, second.sid);
    const afterNumberCancel = await client.fetchPortInNumber(created.sid, second.sid);
    expect(['canceling', 'canceled']).toContain(afterNumberCancel.status.canonical);

    await client.cancelPortIn(created.sid);
    const canceling = await client.fetchPortIn(created.sid);
    expect(canceling.phoneNumbers.map((n) => n.status.canonical)).toEqual([
      'canceling',
      'canceling',
    ]);
    sim.control.advance(lifecycleTimings.CANCEL_MS + 1_000);
    const afterCancel = await client.fetchPortIn(created.sid);
    expect(afterCancel.status.canonical).toBe('canceled');
  });

  it('saves, reads and deletes the webhook configuration', async () => {
    const saved = await client.setWebhookConfiguration({
      portInTargetUrl: 'https://hooks.example/port-in',
      portOutTargetUrl: 'https://hooks.example/port-out',
      notificationsOf: ['PortInCompleted', 'PortInPhoneNumberRejected'],
    });
    expect(saved.portInTargetUrl).toBe('https://hooks.example/port-in');
    const read = await client.getWebhookConfiguration();
    expect(read.notificationsOf).toEqual(['PortInCompleted', 'PortInPhoneNumberRejected']);
    expect(read.portInTargetDateCreated).not.toBeNull();
    await client.deleteWebhookConfiguration('PORT_IN');
    const afterDelete = await client.getWebhookConfiguration();
    expect(afterDelete.portInTargetUrl).toBeNull();
    expect(afterDelete.portOutTargetUrl).toBe('https://hooks.example/port-out');
    await client.deleteWebhookConfiguration('PORT_OUT');
    // With nothing configured the simulator answers 404, which the client reports as not_found.
    const none = await failure(client.getWebhookConfiguration());
    expect(none.kind).toBe('not_found');
  });
});

describe('each class of error', () => {
  it('401 for a wrong secret, and the message does not carry it', async () => {
    const wrongSecret = 'definitely-not-the-secret-7f3a';
    const intruder = clientWith({
      credentials: { username: sim.credentials.apiKeySid, password: wrongSecret },
    });
    const error = await failure(intruder.fetchPortIn('KW00000000000000000000000000000000'));
    expect(error).toMatchObject({
      kind: 'unauthorized',
      httpStatus: 401,
      code: 20003,
      mayHaveReachedServer: false,
    });
    expect(error.message).not.toContain(wrongSecret);
  });

  it('404 for an unknown request SID', async () => {
    const error = await failure(client.fetchPortIn('KW0123456789abcdef0123456789abcdef'));
    expect(error).toMatchObject({ kind: 'not_found', httpStatus: 404, code: 20404 });
  });

  it('400 for a create missing a required field, naming the field, and sent only once', async () => {
    const documentSid = await uploadBill();
    const input = createInput(documentSid, [freshNumber()]);
    input.losingCarrier.customerName = '';
    const before = calls('POST /v1/Porting/PortIn');
    const error = await failure(client.createPortIn(input));
    expect(calls('POST /v1/Porting/PortIn')).toBe(before + 1);
    expect(error).toMatchObject({
      kind: 'invalid_request',
      httpStatus: 400,
      code: 22171,
      mayHaveReachedServer: false,
    });
    expect(error.message).toContain('losing_carrier_information.customer_name');
  });

  it('429: retried for a GET until it passes', async () => {
    const sid = (await client.createPortIn(createInput(await uploadBill(), [freshNumber()]))).sid;
    sim.control.addFault({ kind: 'status', status: 429, retryAfterSeconds: 1, count: 2 });
    const fetched = await client.fetchPortIn(sid);
    expect(fetched.sid).toBe(sid);
  });

  it('429 that does not stop: a rate_limited error carrying Retry-After', async () => {
    sim.control.addFault({ kind: 'status', status: 429, retryAfterSeconds: 2 });
    const error = await failure(client.listPortInsPage({ size: 5 }));
    expect(error).toMatchObject({
      kind: 'rate_limited',
      httpStatus: 429,
      code: 20429,
      retryAfterMs: 2000,
    });
  });

  it('5xx: retried for a GET until it passes', async () => {
    sim.control.addFault({ kind: 'status', status: 503, count: 1 });
    sim.control.addFault({ kind: 'status', status: 500, count: 1 });
    const before = calls('GET /v1/Porting/PortIn/PortInRequests');
    await expect(client.listPortInsPage({ size: 5 })).resolves.toBeDefined();
    expect(calls('GET /v1/Porting/PortIn/PortInRequests')).toBe(before + 3);
  });

  it('5xx on a create: not resent, and reported as maybe carried out', async () => {
    const documentSid = await uploadBill();
    sim.control.addFault({
      kind: 'status',
      status: 500,
      match: { method: 'POST', path: '/v1/Porting/PortIn' },
    });
    const before = calls('POST /v1/Porting/PortIn');
    const error = await failure(client.createPortIn(createInput(documentSid, [freshNumber()])));
    expect(calls('POST /v1/Porting/PortIn')).toBe(before + 1);
    expect(error).toMatchObject({ kind: 'server', httpStatus: 500, mayHaveReachedServer: true });
  });

  it('dropped connection: retried for a GET until it passes', async () => {
    sim.control.addFault({ kind: 'reset', phase: 'before', count: 2 });
    await expect(client.listPortInsPage({ size: 5 })).resolves.toBeDefined();
  });

  it('malformed body: retried for a GET until it passes', async () => {
    sim.control.addFault({ kind: 'malformed', phase: 'after', count: 1 });
    await expect(client.listPortInsPage({ size: 5 })).resolves.toBeDefined();
  });

  it('malformed body that does not stop: a malformed_response error', async () => {
    sim.control.addFault({ kind: 'malformed', phase: 'after' });
    const error = await failure(client.listPortInsPage({ size: 5 }));
    expect(error).toMatchObject({ kind: 'malformed_response', mayHaveReachedServer: true });
  });

  it('a create hit by a reset after processing is not resent, says it may exist, and exists once', async () => {
    const documentSid = await uploadBill();
    const number = freshNumber();
    const requestsBefore = sim.control.state().requests.length;
    const callsBefore = calls('POST /v1/Porting/PortIn');
    sim.control.addFault({
      kind: 'reset',
      phase: 'after',
      match: { method: 'POST', path: '/v1/Porting/PortIn' },
    });
    const error = await failure(client.createPortIn(createInput(documentSid, [number])));
    expect(error).toMatchObject({ kind: 'network', httpStatus: 0, mayHaveReachedServer: true });
    expect(calls('POST /v1/Porting/PortIn')).toBe(callsBefore + 1);
    const requests = sim.control.state().requests as {
      phone_numbers: { phone_number: string }[];
    }[];
    expect(requests).toHaveLength(requestsBefore + 1);
    const holding = requests.filter((r) => r.phone_numbers.some((n) => n.phone_number === number));
    expect(holding).toHaveLength(1);
  });

  it('a create whose answer is garbled after processing is not resent and exists once', async () => {
    const documentSid = await uploadBill();
    const requestsBefore = sim.control.state().requests.length;
    sim.control.addFault({
      kind: 'malformed',
      phase: 'after',
      match: { method: 'POST', path: '/v1/Porting/PortIn' },
    });
    const error = await failure(client.createPortIn(createInput(documentSid, [freshNumber()])));
    expect(error).toMatchObject({ kind: 'malformed_response', mayHaveReachedServer: true });
    expect(sim.control.state().requests).toHaveLength(requestsBefore + 1);
  });

  it('refuses a file that is not a bill type and one of 11 MB before sending either', async () => {
    const before = calls('POST /v1/Documents');
    const text = await failure(
      client.uploadDocument({
        bytes: new TextEncoder().encode('%not a pdf'),
        fileName: 'bill.pdf',
      }),
    );
    expect(text).toMatchObject({
      kind: 'invalid_request',
      httpStatus: 0,
      mayHaveReachedServer: false,
    });
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(minimalPdf());
    const tooBig = await failure(client.uploadDocument({ bytes: big, fileName: 'huge.pdf' }));
    expect(tooBig.message).toContain('at most 10 MB');
    expect(calls('POST /v1/Documents')).toBe(before);
  });
});

describe('every request body the client sent', () => {
  it('validates against the official OpenAPI spec', () => {
    const validator = loadOpenApiValidator();
    if (validator === null) {
      console.warn(`${specMissingMessage} Client request bodies were NOT validated either.`);
      return;
    }
    const jsonBodies = apiProxy.exchanges.filter((e) => e.body.byteLength > 0);
    // The create, the webhook POST, and at least one of each is expected from the tests above.
    expect(jsonBodies.map((e) => `${e.method} ${e.path}`)).toEqual(
      expect.arrayContaining(['POST /v1/Porting/PortIn', 'POST /v1/Porting/Configuration/Webhook']),
    );
    for (const exchange of apiProxy.exchanges) {
      const body =
        exchange.body.byteLength === 0
          ? undefined
          : (JSON.parse(exchange.body.toString('utf8')) as unknown);
      if (body !== undefined) expect(exchange.contentType).toBe('application/json');
      const problems = validator.validateRequestBody(exchange.method, exchange.path, body);
      expect(problems, `${exchange.method} ${exchange.path}`).toEqual([]);
    }
  });
});

describe('paging through many pages', () => {
  let many: RunningSimulator;
  let pager: PortingClient;

  beforeAll(async () => {
    many = await startSimulator({ seed: 2 });
    many.control.seed({ requests: 250, numbersPerRequest: 1 });
    pager = new PortingClient({
      credentials: { username: many.credentials.accountSid, password: many.credentials.authToken },
      accountSid: many.credentials.accountSid,
      baseUrl: many.url,
      uploadBaseUrl: many.uploadUrl,
    });
  });

  afterAll(async () => {
    await pager.close();
    await many.close();
  });

  it('streams all 250 requests in pages of 20, each once', async () => {
    const sids: string[] = [];
    for await (const summary of pager.listAllPortIns({ size: 20 })) sids.push(summary.sid);
    expect(sids).toHaveLength(250);
    expect(new Set(sids).size).toBe(250);
    expect(many.control.state().callLog['GET /v1/Porting/PortIn/PortInRequests']).toBe(13);
  });

  it('survives faults on some pages', async () => {
    many.control.addFault({
      kind: 'status',
      status: 503,
      rate: 0.3,
      match: { path: '/v1/Porting/PortIn/PortInRequests' },
    });
    many.control.addFault({ kind: 'reset', phase: 'before', count: 2 });
    const sids: string[] = [];
    const flaky = new PortingClient({
      credentials: {
        username: many.credentials.apiKeySid,
        password: many.credentials.apiKeySecret,
      },
      accountSid: many.credentials.accountSid,
      baseUrl: many.url,
      retry: { maxAttempts: 8 },
      sleep: async () => undefined,
    });
    try {
      for await (const summary of flaky.listAllPortIns({ size: 50 })) sids.push(summary.sid);
    } finally {
      await flaky.close();
      many.control.clearFaults();
    }
    expect(new Set(sids).size).toBe(250);
  });
});

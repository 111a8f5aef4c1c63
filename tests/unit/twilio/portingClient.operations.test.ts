import { afterEach, describe, expect, it } from 'vitest';
import { PortingClient, type PortabilityOutcome } from '../../../main/core/twilio';
import { TwilioError } from '../../../main/core/twilio/twilioError';
import { minimalPdf } from './documentBytes';
import { sendJson, startLocalServer, type Handler, type LocalServer } from './localServer';
import { SPEC_EXAMPLES } from './specExamples';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const KW = 'KWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const PU = 'PUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

let servers: LocalServer[] = [];
let clients: PortingClient[] = [];

afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(servers.map((s) => s.close()));
  clients = [];
  servers = [];
});

async function setup(handler: Handler) {
  const server = await startLocalServer(handler);
  servers.push(server);
  const client = new PortingClient({
    credentials: { username: 'SKtest', password: 'secret' },
    accountSid: ACCOUNT,
    baseUrl: server.url,
    uploadBaseUrl: server.url,
    sleep: async () => undefined,
  });
  clients.push(client);
  return { server, client };
}

function row(n: number) {
  return {
    port_in_request_sid: `KW${String(n).padStart(32, '0')}`,
    port_in_request_status: 'In Review',
    status_last_updated_timestamp: '2026-04-30',
    phone_numbers_requested: 1,
    phone_numbers_ported: 0,
    suggested_action: null,
  };
}

describe('listing port-in requests', () => {
  it('sends the filters with their PascalCase names', async () => {
    const { server, client } = await setup((_req, res) =>
      sendJson(res, 200, SPEC_EXAMPLES.listFull),
    );
    const page = await client.listPortInsPage({
      token: 'tok',
      size: 50,
      status: 'Completed',
      sids: ['KW1', 'KW2'],
      createdAfter: '2025-01-05',
      createdBefore: '2025-05-05',
    });
    expect(page.nextToken).toBe('KWbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb');
    expect(page.requests[0]?.status.canonical).toBe('completed');
    const url = new URL(server.requests[0]?.url ?? '', server.url);
    expect(url.pathname).toBe('/v1/Porting/PortIn/PortInRequests');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      Token: 'tok',
      Size: '50',
      PortInRequestStatus: 'Completed',
      PortInRequestSid: 'KW1,KW2',
      CreatedAfter: '2025-01-05',
      CreatedBefore: '2025-05-05',
    });
  });

  it('refuses a page size outside 1–100 before sending', async () => {
    const { server, client } = await setup((_req, res) =>
      sendJson(res, 200, SPEC_EXAMPLES.listEmpty),
    );
    await expect(client.listPortInsPage({ size: 101 })).rejects.toThrow(
      /size must be a whole number/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('streams every row across pages until next_token is null', async () => {
    const pages = 7;
    const { server, client } = await setup((req, res) => {
      const token = new URL(req.url, 'http://x').searchParams.get('Token');
      const index = token === null ? 0 : Number(token.slice(1));
      sendJson(res, 200, {
        port_in_requests: [row(index * 2), row(index * 2 + 1)],
        meta: { next_token: index + 1 < pages ? `t${index + 1}` : null, previous_token: null },
      });
    });
    const sids: string[] = [];
    for await (const summary of client.listAllPortIns({ size: 2 })) sids.push(summary.sid);
    expect(sids).toHaveLength(pages * 2);
    expect(new Set(sids).size).toBe(pages * 2);
    expect(server.requests).toHaveLength(pages);
    expect(server.requests.every((r) => r.url.includes('Size=2'))).toBe(true);
  });

  it('stops with a malformed_response error when a paging token comes back a second time', async () => {
    const { server, client } = await setup((req, res) => {
      const token = new URL(req.url, 'http://x').searchParams.get('Token');
      sendJson(res, 200, {
        port_in_requests: [row(1)],
        meta: { next_token: token === 'b' ? 'a' : token === 'a' ? 'b' : 'a' },
      });
    });
    const seen: string[] = [];
    let caught: unknown;
    try {
      for await (const summary of client.listAllPortIns()) seen.push(summary.sid);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TwilioError);
    expect(caught).toMatchObject({ kind: 'malformed_response' });
    expect((caught as Error).message).toContain('paging token a a second time');
    expect(server.requests).toHaveLength(3);
    expect(seen).toHaveLength(3);
  });
});

describe('checkPortabilityMany', () => {
  function portabilityAnswer(phoneNumber: string) {
    return { ...SPEC_EXAMPLES.portability, phone_number: phoneNumber, portable: true };
  }

  it('answers one outcome per number, in input order, and one failure does not fail the batch', async () => {
    const { client } = await setup((req, res) => {
      const number = decodeURIComponent(req.url.split('/').at(-1) ?? '');
      if (number === '+15555550102') {
        sendJson(res, 404, { code: 20404, message: 'Not found' });
      } else sendJson(res, 200, portabilityAnswer(number));
    });
    const numbers = ['+15555550101', '+15555550102', '+15555550103'];
    const progress: { done: number; total: number }[] = [];
    const outcomes = await client.checkPortabilityMany(numbers, {
      onProgress: ({ done, total }) => progress.push({ done, total }),
    });
    expect(outcomes.map((o) => o.phoneNumber)).toEqual(numbers);
    expect(outcomes[0]?.result?.portable).toBe(true);
    expect(outcomes[1]?.error).toBeInstanceOf(TwilioError);
    expect(outcomes[1]?.error?.kind).toBe('not_found');
    expect(outcomes[2]?.result?.phoneNumber).toBe('+15555550103');
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3]);
    expect(progress.every((p) => p.total === 3)).toBe(true);
  });

  it('keeps no more checks in flight than the concurrency asked for', async () => {
    const { server, client } = await setup((req, res) => {
      setTimeout(() => sendJson(res, 200, portabilityAnswer('+15555550100')), 15);
    });
    const numbers = Array.from({ length: 24 }, (_, i) => `+1555555${String(i).padStart(4, '0')}`);
    await client.checkPortabilityMany(numbers, { concurrency: 3 });
    expect(server.requests).toHaveLength(24);
    expect(server.maxInFlight).toBeLessThanOrEqual(3);
    expect(server.maxInFlight).toBeGreaterThan(1);
  });

  it('stops starting checks when aborted and rejects with an AbortError', async () => {
    const controller = new AbortController();
    const { server, client } = await setup((_req, res) =>
      sendJson(res, 200, portabilityAnswer('+15555550100')),
    );
    const numbers = Array.from({ length: 20 }, (_, i) => `+1555555${String(i).padStart(4, '0')}`);
    const done: PortabilityOutcome[] = [];
    const run = client.checkPortabilityMany(numbers, {
      concurrency: 2,
      signal: controller.signal,
      onProgress: ({ outcome, done: count }) => {
        done.push(outcome);
        if (count === 4) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError', kind: 'aborted' });
    expect(server.requests.length).toBeLessThan(numbers.length);
    expect(done.length).toBeLessThanOrEqual(5);
  });

  it('returns an empty list for no numbers without sending anything', async () => {
    const { server, client } = await setup((_req, res) => sendJson(res, 500, {}));
    expect(await client.checkPortabilityMany([])).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});

describe('uploadDocument', () => {
  const uploaded = {
    sid: 'RDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    account_sid: ACCOUNT,
    document_type: 'utility_bill',
    status: 'uploaded',
    mime_type: 'application/pdf',
    friendly_name: 'March bill',
    version: 1,
  };

  it('posts multipart/form-data to /v1/Documents with document_type, friendly_name and File', async () => {
    const { server, client } = await setup((_req, res) => sendJson(res, 201, uploaded));
    const bytes = minimalPdf();
    const progress: number[] = [];
    const document = await client.uploadDocument({
      bytes,
      fileName: 'march.pdf',
      friendlyName: 'March bill',
      onProgress: (sent, total) => {
        progress.push(sent);
        expect(sent).toBeLessThanOrEqual(total);
      },
    });
    expect(document).toEqual({
      sid: 'RDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      accountSid: ACCOUNT,
      documentType: 'utility_bill',
      status: 'uploaded',
      mimeType: 'application/pdf',
      friendlyName: 'March bill',
    });
    const request = server.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/Documents');
    expect(Number(request?.headers['content-length'])).toBe(request?.body.byteLength);
    expect(progress.at(-1)).toBe(request?.body.byteLength);
    const form = await new Response(request?.body, {
      headers: { 'content-type': request?.headers['content-type'] ?? '' },
    }).formData();
    expect(form.get('document_type')).toBe('utility_bill');
    expect(form.get('friendly_name')).toBe('March bill');
    const file = form.get('File') as File;
    expect(file.name).toBe('march.pdf');
    expect(file.type).toBe('application/pdf');
    expect(file.size).toBe(bytes.byteLength);
  });

  it('uses the file name as the friendly name when none is given', async () => {
    const { server, client } = await setup((_req, res) => sendJson(res, 201, uploaded));
    await client.uploadDocument({ bytes: minimalPdf(), fileName: 'bill.pdf' });
    const form = await new Response(server.requests[0]?.body, {
      headers: { 'content-type': server.requests[0]?.headers['content-type'] ?? '' },
    }).formData();
    expect(form.get('friendly_name')).toBe('bill.pdf');
  });

  it('refuses a file that is not a PDF, PNG or JPEG before sending anything', async () => {
    const { server, client } = await setup((_req, res) => sendJson(res, 201, uploaded));
    const error = await client
      .uploadDocument({ bytes: new TextEncoder().encode('hello'), fileName: 'bill.pdf' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'invalid_request',
      httpStatus: 0,
      mayHaveReachedServer: false,
      fields: ['bytes'],
    });
    expect((error as Error).message).toBe(
      'Could not upload bill.pdf: The file is an unrecognised format; Twilio accepts a PDF, PNG or JPEG bill.',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('treats an answer with an empty mime_type as a failed upload', async () => {
    const { client } = await setup((_req, res) =>
      sendJson(res, 201, { ...uploaded, mime_type: '' }),
    );
    const error = await client
      .uploadDocument({ bytes: minimalPdf(), fileName: 'bill.pdf' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'invalid_request',
      httpStatus: 201,
      mayHaveReachedServer: true,
    });
    expect((error as Error).message).toContain('empty mime_type');
  });
});

describe('the other operations', () => {
  it('creates with a snake_case JSON body and maps the 202 answer', async () => {
    const { server, client } = await setup((_req, res) =>
      sendJson(res, 202, SPEC_EXAMPLES.createPortIn),
    );
    const created = await client.createPortIn({
      accountSid: '',
      documents: ['RD1'],
      phoneNumbers: [{ phoneNumber: '+16175551212', pin: '1234' }],
      losingCarrier: {
        customerType: 'Business',
        customerName: 'Acme',
        accountNumber: null,
        accountTelephoneNumber: null,
        authorizedRepresentative: 'Jane Doe',
        authorizedRepresentativeEmail: 'jane@acme.example',
        addressSid: 'AD1',
        address: null,
      },
    });
    expect(created.status).toEqual({ canonical: 'in_review', raw: 'pending' });
    const request = server.requests[0];
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body.toString('utf8') ?? '')).toEqual({
      account_sid: ACCOUNT,
      documents: ['RD1'],
      phone_numbers: [{ phone_number: '+16175551212', pin: '1234' }],
      losing_carrier_information: {
        customer_type: 'Business',
        customer_name: 'Acme',
        authorized_representative: 'Jane Doe',
        authorized_representative_email: 'jane@acme.example',
        address_sid: 'AD1',
      },
    });
  });

  it('fetches a number of a request', async () => {
    const { server, client } = await setup((_req, res) =>
      sendJson(res, 200, SPEC_EXAMPLES.fetchPortInNumber),
    );
    const detail = await client.fetchPortInNumber(KW, PU);
    expect(detail.sid).toBe(PU);
    expect(server.requests[0]?.url).toBe(`/v1/Porting/PortIn/${KW}/PhoneNumber/${PU}`);
  });

  it('reads and writes the webhook configuration', async () => {
    const { server, client } = await setup((req, res) => {
      if (req.method === 'GET') sendJson(res, 200, SPEC_EXAMPLES.webhookFetch);
      else sendJson(res, 201, { ...JSON.parse(req.body.toString('utf8')), url: 'x' });
    });
    const current = await client.getWebhookConfiguration();
    expect(current.notificationsOf).toHaveLength(12);
    const saved = await client.setWebhookConfiguration({
      portInTargetUrl: 'https://hooks.example/in',
      notificationsOf: [],
    });
    expect(saved).toMatchObject({
      portInTargetUrl: 'https://hooks.example/in',
      notificationsOf: [],
    });
    expect(JSON.parse(server.requests[1]?.body.toString('utf8') ?? '')).toEqual({
      port_in_target_url: 'https://hooks.example/in',
      notifications_of: [],
    });
  });

  it('resends the webhook POST after a 5xx: it overwrites, so twice is the same as once', async () => {
    let calls = 0;
    const { server, client } = await setup((_req, res) => {
      calls += 1;
      if (calls === 1) sendJson(res, 500, { code: 20500, message: 'oops' });
      else sendJson(res, 201, SPEC_EXAMPLES.webhookFetch);
    });
    await client.setWebhookConfiguration({ portInTargetUrl: 'https://hooks.example/in' });
    expect(server.requests).toHaveLength(2);
  });
});

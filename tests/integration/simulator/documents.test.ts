import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../main/simulator/index';
import type { SimClient } from './harness';
import { expectTwilioError, minimalPdf, startTestSimulator, tinyPng } from './harness';

let sim: RunningSimulator;
let api: SimClient;

beforeAll(async () => {
  ({ sim, api } = await startTestSimulator());
});
afterAll(() => sim.close());

describe('Documents upload (POST {uploadUrl}/v1/Documents)', () => {
  it('stores a PDF utility bill and answers 201 with its RD SID', async () => {
    const answer = await api.uploadDocument();
    expect(answer.status, answer.text).toBe(201);
    const document = answer.json();
    expect(document).toEqual({
      sid: expect.stringMatching(/^RD[0-9a-f]{32}$/),
      account_sid: sim.credentials.accountSid,
      document_type: 'utility_bill',
      version: 1,
      status: 'uploaded',
      mime_type: 'application/pdf',
      friendly_name: 'March phone bill',
      date_created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      url: `${sim.uploadUrl}/v1/Documents/${document.sid as string}`,
    });
    expect(sim.control.state().documents.map((d) => d.sid)).toContain(document.sid);
  });

  it('accepts a PNG and reports the type it detected from the bytes', async () => {
    // Misnamed on purpose: the content decides, not the name or the declared type.
    const answer = await api.uploadDocument({
      bytes: tinyPng(),
      name: 'bill.pdf',
      type: 'application/pdf',
    });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.json().mime_type).toBe('image/png');
  });

  it('accepts a JPEG', async () => {
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00,
      0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
    ]);
    const answer = await api.uploadDocument({ bytes: jpeg, name: 'bill.jpg', type: 'image/jpeg' });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.json().mime_type).toBe('image/jpeg');
  });

  it('refuses a file that is not a PDF, PNG or JPEG, whatever its name says', async () => {
    const answer = await api.uploadDocument({
      bytes: Buffer.from('Account 123, Jane Doe, 1 Main St'),
      name: 'bill.pdf',
      type: 'application/pdf',
    });
    const message = expectTwilioError(answer, 400, 20001);
    expect(message).toMatch(/PDF, PNG or JPEG/);
  });

  it('refuses an empty file', async () => {
    const answer = await api.uploadDocument({
      bytes: new Uint8Array(0),
      name: 'bill.pdf',
      type: 'application/pdf',
    });
    expect(expectTwilioError(answer, 400, 20001)).toMatch(/empty/);
  });

  it('refuses a password-protected PDF', async () => {
    const encrypted = Buffer.concat([
      minimalPdf(),
      Buffer.from('trailer\n<< /Encrypt 9 0 R >>\n%%EOF\n'),
    ]);
    const answer = await api.uploadDocument({
      bytes: encrypted,
      name: 'bill.pdf',
      type: 'application/pdf',
    });
    expect(expectTwilioError(answer, 400, 20001)).toMatch(/password/);
  });

  it('refuses a file over 10 MB with 413', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024, 0x20);
    minimalPdf().copy(big);
    const answer = await api.uploadDocument({
      bytes: big,
      name: 'bill.pdf',
      type: 'application/pdf',
    });
    expect(expectTwilioError(answer, 413, 20413)).toMatch(/10 MB/);
  });

  it('requires document_type and File', async () => {
    const noType = new FormData();
    noType.set('File', new Blob([minimalPdf()]), 'bill.pdf');
    const missingType = await api.call('POST', '/v1/Documents', { body: noType, host: 'upload' });
    expect(expectTwilioError(missingType, 400, 22171)).toContain('document_type');

    const noFile = new FormData();
    noFile.set('document_type', 'utility_bill');
    const missingFile = await api.call('POST', '/v1/Documents', { body: noFile, host: 'upload' });
    expect(expectTwilioError(missingFile, 400, 22171)).toContain('File');
  });

  it('refuses a body that is not multipart/form-data', async () => {
    const answer = await api.call('POST', '/v1/Documents', {
      host: 'upload',
      json: { document_type: 'utility_bill' },
    });
    expect(expectTwilioError(answer, 400, 20001)).toMatch(/multipart/);
  });

  it('serves nothing but Documents on the upload host', async () => {
    expectTwilioError(
      await api.call('GET', '/v1/Porting/PortIn/PortInRequests', { host: 'upload' }),
      404,
      20404,
    );
  });

  it('gives a bill that a port-in request can use', async () => {
    const bill = await api.uploadBill();
    const created = await api.createdPortIn(['+12125550100']);
    expect(created.documents).toHaveLength(1);
    expect(bill).toMatch(/^RD/);
  });
});

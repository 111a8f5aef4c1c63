/**
 * Shared plumbing for the simulator's integration tests: a running simulator, an HTTP client
 * with Basic auth, request bodies, small real documents, and spec checks.
 */
import { deflateSync } from 'node:zlib';
import { expect } from 'vitest';
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../../main/simulator/index';
import { aWireLosingCarrier } from '../../fixtures/portInBuilders';
import { loadOpenApiValidator, specMissingMessage } from '../../helpers/openapiSpec';
import { minimalPdf as sharedMinimalPdf } from '../../unit/twilio/documentBytes';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body (throws when the body is not JSON). */
  json: <T = Record<string, unknown>>() => T;
}

export type CredentialKind = 'apiKey' | 'account';

interface CallOptions {
  json?: unknown;
  body?: RequestInit['body'];
  headers?: Record<string, string>;
  /** Override the Authorization header; null sends none. */
  authorization?: string | null;
  host?: 'api' | 'upload';
}

export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

export class SimClient {
  constructor(
    readonly sim: RunningSimulator,
    private readonly credentialKind: CredentialKind = 'apiKey',
  ) {}

  get authorization(): string {
    const c = this.sim.credentials;
    return this.credentialKind === 'apiKey'
      ? basicAuth(c.apiKeySid, c.apiKeySecret)
      : basicAuth(c.accountSid, c.authToken);
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<HttpAnswer> {
    const headers: Record<string, string> = { ...options.headers };
    const authorization =
      options.authorization === undefined ? this.authorization : options.authorization;
    if (authorization !== null) headers.authorization = authorization;
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    }
    const base = options.host === 'upload' ? this.sim.uploadUrl : this.sim.url;
    const response = await fetch(base + path, { method, headers, body });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: <T>() => JSON.parse(text) as T,
    };
  }

  get(path: string, options?: CallOptions) {
    return this.call('GET', path, options);
  }

  post(path: string, json: unknown, options?: CallOptions) {
    return this.call('POST', path, { ...options, json });
  }

  delete(path: string, options?: CallOptions) {
    return this.call('DELETE', path, options);
  }

  async uploadDocument(file: UploadFile = pdfBill(), documentType = 'utility_bill') {
    const form = new FormData();
    form.set('document_type', documentType);
    form.set('friendly_name', 'March phone bill');
    form.set('File', new Blob([file.bytes], { type: file.type }), file.name);
    return this.call('POST', '/v1/Documents', { body: form, host: 'upload' });
  }

  /** Uploads a real small PDF as a utility bill and returns its RD SID. */
  async uploadBill(): Promise<string> {
    const answer = await this.uploadDocument();
    expect(answer.status).toBe(201);
    return answer.json<{ sid: string }>().sid;
  }

  async createPortIn(numbers: (string | NumberEntry)[], overrides: Record<string, unknown> = {}) {
    const documents = [await this.uploadBill()];
    return this.post('/v1/Porting/PortIn', createBody(this.sim, documents, numbers, overrides));
  }

  /** Creates a request and returns its PortIn JSON (asserting the 202). */
  async createdPortIn(numbers: (string | NumberEntry)[], overrides: Record<string, unknown> = {}) {
    const answer = await this.createPortIn(numbers, overrides);
    expect(answer.status, answer.text).toBe(202);
    return answer.json<PortInWire>();
  }

  async fetchPortIn(sid: string): Promise<PortInWire> {
    const answer = await this.get(`/v1/Porting/PortIn/${sid}`);
    expect(answer.status, answer.text).toBe(200);
    return answer.json<PortInWire>();
  }
}

export interface NumberEntry {
  phone_number: string;
  pin?: string;
}

export interface PortInNumberWire {
  port_in_phone_number_sid: string;
  phone_number: string;
  port_in_phone_number_status: string;
  portable: boolean | null;
  not_portability_reason: string | null;
  not_portability_reason_code: number | null;
  number_type: string | null;
  rejection_reason: string | null;
  rejection_reason_code: string | null;
  port_date: string | null;
  status_last_time_updated_timestamp: string | null;
}

export interface PortInWire {
  port_in_request_sid: string;
  port_in_request_status: string;
  signature_request_url: string | null;
  order_cancellation_reason: string | null;
  target_port_in_date: string | null;
  target_port_in_time_range_start: string | null;
  support_ticket_id: number;
  date_created: string;
  documents: string[];
  phone_numbers: PortInNumberWire[];
  [key: string]: unknown;
}

/** YYYY-MM-DD `days` after the simulator's current time. */
export function simDate(sim: RunningSimulator, days: number): string {
  return new Date(Date.parse(sim.control.state().now) + days * DAY).toISOString().slice(0, 10);
}

export function createBody(
  sim: RunningSimulator,
  documents: string[],
  numbers: (string | NumberEntry)[],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    account_sid: sim.credentials.accountSid,
    documents,
    phone_numbers: numbers.map((n) => (typeof n === 'string' ? { phone_number: n } : n)),
    losing_carrier_information: aWireLosingCarrier(),
    notification_emails: ['ops@acme.example'],
    target_port_in_date: simDate(sim, 10),
    ...overrides,
  };
}

export interface UploadFile {
  bytes: Uint8Array;
  name: string;
  type: string;
}

/** The shared test PDF (tests/unit/twilio/documentBytes.ts) as a Buffer, for Buffer-style edits. */
export function minimalPdf(text?: string): Buffer {
  return Buffer.from(sharedMinimalPdf(text));
}

export function pdfBill(): UploadFile {
  return { bytes: minimalPdf(), name: 'bill.pdf', type: 'application/pdf' };
}

/** A valid 1×1 PNG. */
export function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export async function startTestSimulator(options: SimulatorOptions = {}) {
  const sim = await startSimulator({ seed: 'integration-tests', ...options });
  return { sim, api: new SimClient(sim) };
}

const validator = loadOpenApiValidator();
let reportedMissingSpec = false;

/**
 * Checks a response against the official spec. Without the spec file this says so loudly in the
 * output (the dedicated spec test fails the fallback assertion if the message is unclear).
 */
export function expectMatchesSpec(method: string, path: string, status: number, body: unknown) {
  if (validator === null) {
    if (!reportedMissingSpec) console.warn(specMissingMessage);
    reportedMissingSpec = true;
    return;
  }
  expect(validator.validateResponse(method, path, status, body), `${method} ${path}`).toEqual([]);
}

export function expectRequestMatchesSpec(method: string, path: string, body: unknown) {
  if (validator === null) {
    if (!reportedMissingSpec) console.warn(specMissingMessage);
    reportedMissingSpec = true;
    return;
  }
  expect(validator.validateRequestBody(method, path, body), `${method} ${path}`).toEqual([]);
}

export function expectTwilioError(answer: HttpAnswer, status: number, code: number) {
  expect(answer.status, answer.text).toBe(status);
  const body = answer.json<{ code: number; message: string; more_info: string; status: number }>();
  expect(body).toEqual({
    code,
    message: expect.any(String),
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status,
  });
  return body.message;
}

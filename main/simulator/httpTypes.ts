import type { IncomingHttpHeaders } from 'node:http';

/** What a handler answers; the server decides how it reaches the wire (faults may garble it). */
export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface ApiCall {
  method: string;
  /** URL path, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  /** Decoded path parameters by their spec name, e.g. PortInRequestSid. */
  params: Readonly<Record<string, string>>;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The authenticated account. */
  accountSid: string;
}

export function jsonResponse(status: number, value: unknown): SimResponse {
  return jsonTextResponse(status, JSON.stringify(value));
}

export function jsonTextResponse(status: number, text: string | Buffer): SimResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: text };
}

export const NO_CONTENT: SimResponse = { status: 204 };

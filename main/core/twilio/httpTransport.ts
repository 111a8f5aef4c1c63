import { Readable } from 'node:stream';
import { Agent } from 'undici';
import { parseErrorBody } from './errorBody';
import { PORTDESK_VERSION } from './portDeskVersion';
import { parseRetryAfterMs, type HttpMethod } from './retryPolicy';
import { exchangeText, type TextAnswer } from './textExchange';
import { KIND_SUMMARY, TwilioError, type TwilioErrorKind } from './twilioError';

export interface TwilioCredentials {
  /** API key SID (SK…) or Account SID (AC…). */
  username: string;
  /** API key secret or auth token. Never logged, never put in an error. */
  password: string;
}

export interface TransportOptions {
  credentials: TwilioCredentials;
  connectTimeoutMs: number;
  /** Idle limit while waiting for the answer's headers and between its body chunks. */
  requestTimeoutMs: number;
  /** Keep-alive connections per origin. */
  connections: number;
}

/**
 * Where requests go, split once from the base URL so no call rebuilds it: the origin undici
 * pools connections by, and the path prefix (`''` for `https://numbers.twilio.com`).
 */
export interface Endpoint {
  readonly origin: string;
  readonly pathPrefix: string;
}

export function endpointOf(baseUrl: URL): Endpoint {
  const { pathname } = baseUrl;
  return {
    origin: baseUrl.origin,
    pathPrefix: pathname.endsWith('/') ? pathname.slice(0, -1) : pathname,
  };
}

export interface WireRequest {
  method: HttpMethod;
  /** e.g. `https://numbers.twilio.com` or `http://127.0.0.1:4010/prefix`, as an Endpoint. */
  baseUrl: Endpoint;
  /** Path below baseUrl, query included, already encoded. */
  path: string;
  /** In words, for messages: "fetch port-in request KW…". */
  operation: string;
  json?: unknown;
  stream?: { contentType: string; contentLength: number; body: () => AsyncIterable<Uint8Array> };
  signal?: AbortSignal;
}

export type WireResponse = TextAnswer;

const USER_AGENT = `PortDesk/${PORTDESK_VERSION}`;

// Failures while opening the connection: nothing was written, so even a create may be resent.
const CONNECT_PHASE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const NETWORK_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name could not be resolved',
  EAI_AGAIN: 'the host name could not be resolved',
  ECONNRESET: 'the connection was reset before Twilio answered',
  EPIPE: 'the connection was closed while sending',
  UND_ERR_SOCKET: 'the connection was closed before Twilio answered',
  UND_ERR_CLOSED: 'the client was already closed',
  UND_ERR_DESTROYED: 'the client was already closed',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
};

/**
 * One attempt of one HTTP exchange over a shared keep-alive Agent (one pool per origin, built
 * once). Returns every HTTP answer as it came; throws TwilioError only when there is none
 * (network, timeout, abort). `httpError` turns a non-2xx answer into the typed error.
 */
export class HttpTransport {
  readonly #agent: Agent;
  readonly #authorization: string;
  readonly #secrets: string[];
  readonly #baseHeaders: Readonly<Record<string, string>>;
  readonly #requestTimeoutMs: number;
  readonly #connectTimeoutMs: number;
  #closed = false;

  constructor(options: TransportOptions) {
    this.#authorization = `Basic ${Buffer.from(
      `${options.credentials.username}:${options.credentials.password}`,
    ).toString('base64')}`;
    this.#secrets = [options.credentials.password, this.#authorization].filter((s) => s.length > 0);
    this.#baseHeaders = Object.freeze({
      authorization: this.#authorization,
      accept: 'application/json',
      'user-agent': USER_AGENT,
    });
    this.#requestTimeoutMs = options.requestTimeoutMs;
    this.#connectTimeoutMs = options.connectTimeoutMs;
    this.#agent = new Agent({
      connections: options.connections,
      connect: { timeout: options.connectTimeoutMs },
      headersTimeout: options.requestTimeoutMs,
      bodyTimeout: options.requestTimeoutMs,
    });
  }

  async send(request: WireRequest): Promise<WireResponse> {
    if (request.signal?.aborted) throw this.#aborted(request, false);
    // A request without a body (every GET and DELETE) sends the shared headers as they are:
    // undici copies them into its own list and never writes to the object.
    let headers = this.#baseHeaders;
    let body: string | Readable | undefined;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers = { ...this.#baseHeaders, 'content-type': 'application/json' };
    } else if (request.stream !== undefined) {
      body = Readable.from(request.stream.body(), { objectMode: false });
      headers = {
        ...this.#baseHeaders,
        'content-type': request.stream.contentType,
        'content-length': String(request.stream.contentLength),
      };
    }
    try {
      // 204s and errors are read too: an unread body would hold the connection.
      return await exchangeText(
        this.#agent,
        {
          origin: request.baseUrl.origin,
          path: request.baseUrl.pathPrefix + request.path,
          method: request.method,
          headers,
          body,
        },
        request.signal,
      );
    } catch (error) {
      throw this.#transportError(request, error);
    }
  }

  /** A non-2xx answer as the typed error, with Twilio's own words when the body has them. */
  httpError(request: WireRequest, response: WireResponse, nowMs: number): TwilioError {
    const kind = kindOfStatus(response.status);
    const parsed = parseErrorBody(response.text);
    const retryAfter = response.headers['retry-after'];
    const detail = parsed.message === null ? '' : `: ${trimEndPeriod(parsed.message)}`;
    const codeText = parsed.code === null ? '' : `, Twilio error ${parsed.code}`;
    return new TwilioError({
      kind,
      httpStatus: response.status,
      code: parsed.code,
      moreInfo: parsed.moreInfo,
      retryAfterMs: parseRetryAfterMs(
        Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
        nowMs,
      ),
      // Twilio documents that a 429 was never processed; a 4xx was refused as it stood; a 5xx or
      // an unexpected 1xx/3xx may have done its work before failing.
      mayHaveReachedServer: kind === 'server' || kind === 'malformed_response',
      fields: parsed.fields,
      message: this.redact(
        `Could not ${request.operation}: ${KIND_SUMMARY[kind]} (HTTP ${response.status}${codeText})${detail}.`,
      ),
    });
  }

  /** A 2xx answer that is not what the operation returns. The request did its work. */
  malformedError(request: WireRequest, response: WireResponse, problem: string): TwilioError {
    return new TwilioError({
      kind: 'malformed_response',
      httpStatus: response.status,
      mayHaveReachedServer: true,
      message: this.redact(
        `Could not ${request.operation}: ${KIND_SUMMARY.malformed_response} (HTTP ${response.status}): ${problem}.`,
      ),
    });
  }

  /** Removes the secret and the Authorization value from text that may have echoed them. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.#secrets) out = out.split(secret).join('[redacted]');
    return out;
  }

  /** Idempotent: a second call resolves at once. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#agent.close();
  }

  #aborted(request: WireRequest, mayHaveReachedServer: boolean, cause?: unknown): TwilioError {
    return new TwilioError({
      kind: 'aborted',
      httpStatus: 0,
      mayHaveReachedServer,
      message: `Could not ${request.operation}: ${KIND_SUMMARY.aborted}.`,
      cause,
    });
  }

  #transportError(request: WireRequest, error: unknown): TwilioError {
    const code = errorCode(error);
    // Once dispatched we cannot tell whether the bytes left, so an abort counts as "maybe".
    if (request.signal?.aborted) return this.#aborted(request, true, error);
    let kind: TwilioErrorKind = 'network';
    let words = NETWORK_WORDS[code] ?? `the connection failed (${code || 'unknown error'})`;
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
      kind = 'timeout';
      words = `no answer within ${formatSeconds(this.#requestTimeoutMs)}`;
    } else if (code === 'UND_ERR_CONNECT_TIMEOUT') {
      // Kind 'network', not 'timeout': nothing was sent, and callers read it as "offline".
      words = `could not connect within ${formatSeconds(this.#connectTimeoutMs)}`;
    }
    return new TwilioError({
      kind,
      httpStatus: 0,
      mayHaveReachedServer: !CONNECT_PHASE_CODES.has(code),
      message: this.redact(`Could not ${request.operation}: ${KIND_SUMMARY[kind]}; ${words}.`),
      cause: error,
    });
  }
}

function kindOfStatus(status: number): TwilioErrorKind {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 400 && status < 500) return 'invalid_request';
  if (status >= 500) return 'server';
  return 'malformed_response';
}

function errorCode(error: unknown): string {
  if (error != null && typeof error === 'object' && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return '';
}

function trimEndPeriod(text: string): string {
  return text.trim().replace(/\.+$/, '');
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

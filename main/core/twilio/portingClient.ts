import { setTimeout as delay } from 'node:timers/promises';
import type { z } from 'zod';
import type {
  PortabilityResult,
  PortInCreateInput,
  PortInPhoneNumberDetail,
  PortInRequest,
  PortInRequestSummary,
  UploadedDocument,
  WebhookConfiguration,
} from '../../../shared/domain';
import { buildMultipartBody, checkDocument } from './documentUpload';
import {
  HttpTransport,
  type TwilioCredentials,
  type WireRequest,
  type WireResponse,
} from './httpTransport';
import {
  toCreatePortInBody,
  toWebhookConfigurationBody,
  type WebhookConfigurationInput,
} from './requestBodies';
import {
  DEFAULT_RETRY,
  isReplaySafeMethod,
  isRetryable,
  nextRetryDelayMs,
  type RetrySettings,
} from './retryPolicy';
import { ServerClockEstimate } from './serverClock';
import { isTwilioError, KIND_SUMMARY, TwilioError } from './twilioError';
import {
  portabilityWire,
  portInListWire,
  portInPhoneNumberWire,
  portInWire,
  uploadedDocumentWire,
  webhookConfigurationWire,
} from './wireSchemas';
import {
  toPortabilityResult,
  toPortInPhoneNumberDetail,
  toPortInRequest,
  toPortInRequestSummary,
  toUploadedDocument,
  toWebhookConfiguration,
} from './wireToDomain';

export type { TwilioCredentials } from './httpTransport';

export interface PortingClientOptions {
  credentials: TwilioCredentials;
  /** The account that will own ported numbers: fills an empty `accountSid` of a create. */
  accountSid: string;
  /** Default https://numbers.twilio.com */
  baseUrl?: string;
  /** Default https://numbers-upload.twilio.com */
  uploadBaseUrl?: string;
  /** Default 10 s. */
  connectTimeoutMs?: number;
  /** Idle limit for the answer's headers and between its body chunks. Default 30 s. */
  requestTimeoutMs?: number;
  /** Keep-alive connections per host. Default 16. */
  connections?: number;
  retry?: Partial<RetrySettings>;
  /**
   * Called after every answer whose `Date` header could be read, with the estimate of the
   * server's clock minus ours in ms (see `serverClockOffsetMs`).
   */
  onServerClock?: (offsetMs: number) => void;
  /** Test seams. */
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export type PortabilityOutcome =
  | { phoneNumber: string; result: PortabilityResult; error?: undefined }
  | { phoneNumber: string; error: TwilioError; result?: undefined };

export interface PortabilityBatchOptions extends CallOptions {
  /** Checks in flight at once. Default 8. */
  concurrency?: number;
  targetAccountSid?: string;
  addressSid?: string;
  onProgress?: (progress: {
    done: number;
    total: number;
    phoneNumber: string;
    outcome: PortabilityOutcome;
  }) => void;
}

export interface UploadDocumentInput extends CallOptions {
  bytes: Uint8Array;
  fileName: string;
  friendlyName?: string;
  documentType?: 'utility_bill';
  /** Body bytes handed to the connection so far; starts again if an attempt is retried. */
  onProgress?: (sentBytes: number, totalBytes: number) => void;
}

export interface PortInListQuery {
  /** Paging token from the previous page's `nextToken`. */
  token?: string;
  /** Rows per page, 1–100 (Twilio's default is 20). */
  size?: number;
  /** Twilio's status filter, sent as given (e.g. "Completed"). */
  status?: string;
  sids?: string[];
  /** YYYY-MM-DD */
  createdAfter?: string;
  /** YYYY-MM-DD */
  createdBefore?: string;
}

export interface PortInListPage {
  requests: PortInRequestSummary[];
  nextToken: string | null;
}

export type WebhookType = 'PORT_IN' | 'PORT_OUT';

const DEFAULT_BASE_URL = 'https://numbers.twilio.com';
const DEFAULT_UPLOAD_BASE_URL = 'https://numbers-upload.twilio.com';
const DEFAULT_PORTABILITY_CONCURRENCY = 8;

const defaultSleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
  await delay(ms, undefined, signal === undefined ? undefined : { signal });
};

/**
 * Twilio's Porting, Portability, webhook-configuration and Documents APIs, one method per
 * operation, answering in domain types. Every failure is a TwilioError; see docs/twilio-client.md
 * for the error kinds, the retry policy and the rule for POSTs.
 */
export class PortingClient {
  readonly #transport: HttpTransport;
  readonly #accountSid: string;
  readonly #baseUrl: URL;
  readonly #uploadBaseUrl: URL;
  readonly #retry: RetrySettings;
  readonly #random: () => number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #now: () => number;
  readonly #serverClock = new ServerClockEstimate();
  readonly #onServerClock: ((offsetMs: number) => void) | undefined;

  constructor(options: PortingClientOptions) {
    this.#baseUrl = httpUrl(options.baseUrl ?? DEFAULT_BASE_URL, 'baseUrl');
    this.#uploadBaseUrl = httpUrl(
      options.uploadBaseUrl ?? DEFAULT_UPLOAD_BASE_URL,
      'uploadBaseUrl',
    );
    if (options.credentials.username === '' || options.credentials.password === '') {
      throw new TypeError('PortingClient needs credentials.username and credentials.password.');
    }
    this.#accountSid = options.accountSid;
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#random = options.random ?? Math.random;
    this.#sleep = options.sleep ?? defaultSleep;
    this.#now = options.now ?? Date.now;
    this.#onServerClock = options.onServerClock;
    this.#transport = new HttpTransport({
      credentials: options.credentials,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      connections: options.connections ?? 16,
    });
  }

  checkPortability(
    phoneNumber: string,
    opts: { targetAccountSid?: string; addressSid?: string } & CallOptions = {},
  ): Promise<PortabilityResult> {
    const query = new URLSearchParams();
    if (opts.targetAccountSid !== undefined) query.set('TargetAccountSid', opts.targetAccountSid);
    if (opts.addressSid !== undefined) query.set('AddressSid', opts.addressSid);
    return this.#call(
      {
        method: 'GET',
        baseUrl: this.#baseUrl,
        // encodeURIComponent turns the E.164 `+` into %2B; a raw `+` could be read as a space.
        path: `/v1/Porting/Portability/PhoneNumber/${encodeURIComponent(phoneNumber)}${queryString(query)}`,
        operation: `check the portability of ${phoneNumber}`,
        signal: opts.signal,
      },
      readPortability,
    );
  }

  /**
   * One outcome per number, in input order; one failure never fails the batch. An abort stops
   * new checks from starting and rejects with an aborted TwilioError (name "AbortError").
   */
  async checkPortabilityMany(
    numbers: readonly string[],
    opts: PortabilityBatchOptions = {},
  ): Promise<PortabilityOutcome[]> {
    const { signal, onProgress } = opts;
    const total = numbers.length;
    const outcomes: PortabilityOutcome[] = new Array<PortabilityOutcome>(total);
    const workers = Math.max(
      1,
      Math.min(opts.concurrency ?? DEFAULT_PORTABILITY_CONCURRENCY, total),
    );
    let next = 0;
    let done = 0;
    let broken = false;

    const work = async (): Promise<void> => {
      while (next < total && !broken && signal?.aborted !== true) {
        const index = next;
        next += 1;
        const phoneNumber = numbers[index] ?? '';
        let outcome: PortabilityOutcome;
        try {
          const result = await this.checkPortability(phoneNumber, {
            targetAccountSid: opts.targetAccountSid,
            addressSid: opts.addressSid,
            signal,
          });
          outcome = { phoneNumber, result };
        } catch (error) {
          if (!isTwilioError(error)) {
            broken = true;
            throw error;
          }
          outcome = { phoneNumber, error };
        }
        outcomes[index] = outcome;
        done += 1;
        try {
          onProgress?.({ done, total, phoneNumber, outcome });
        } catch (error) {
          broken = true;
          throw error;
        }
      }
    };

    await Promise.all(Array.from({ length: workers }, work));
    if (signal?.aborted) {
      throw new TwilioError({
        kind: 'aborted',
        httpStatus: 0,
        mayHaveReachedServer: false,
        message: `Portability checks stopped after ${done} of ${total}: ${KIND_SUMMARY.aborted}.`,
      });
    }
    return outcomes;
  }

  async uploadDocument(input: UploadDocumentInput): Promise<UploadedDocument> {
    const operation = `upload ${input.fileName}`;
    const verdict = await checkDocument(input.bytes);
    if (!verdict.ok) {
      throw new TwilioError({
        kind: 'invalid_request',
        httpStatus: 0,
        mayHaveReachedServer: false,
        fields: ['bytes'],
        message: `Could not ${operation}: ${verdict.message}`,
      });
    }
    const body = buildMultipartBody({
      documentType: input.documentType ?? 'utility_bill',
      friendlyName: input.friendlyName ?? input.fileName,
      fileName: input.fileName,
      mimeType: verdict.mimeType,
      bytes: input.bytes,
    });
    return this.#call(
      {
        method: 'POST',
        baseUrl: this.#uploadBaseUrl,
        path: '/v1/Documents',
        operation,
        stream: {
          contentType: body.contentType,
          contentLength: body.contentLength,
          body: () => body.open(input.onProgress),
        },
        signal: input.signal,
      },
      (response, malformed) => {
        const document = readUploadedDocument(response, malformed);
        // Twilio's docs: an empty mime_type means the upload failed or had no content.
        if (document.mimeType == null || document.mimeType.trim() === '') {
          throw new TwilioError({
            kind: 'invalid_request',
            httpStatus: response.status,
            mayHaveReachedServer: true,
            fields: ['bytes'],
            message: `Could not ${operation}: Twilio stored no content for it (empty mime_type). Upload the bill again.`,
          });
        }
        return document;
      },
    );
  }

  /** Expects 202. Never resent once it may have reached Twilio: see `mayHaveReachedServer`. */
  createPortIn(input: PortInCreateInput, opts: CallOptions = {}): Promise<PortInRequest> {
    return this.#call(
      {
        method: 'POST',
        baseUrl: this.#baseUrl,
        path: '/v1/Porting/PortIn',
        operation: `create a port-in request for ${countNumbers(input.phoneNumbers.length)}`,
        json: toCreatePortInBody(input, this.#accountSid),
        signal: opts.signal,
      },
      readPortIn,
    );
  }

  fetchPortIn(sid: string, opts: CallOptions = {}): Promise<PortInRequest> {
    return this.#call(
      {
        method: 'GET',
        baseUrl: this.#baseUrl,
        path: `/v1/Porting/PortIn/${encodeURIComponent(sid)}`,
        operation: `fetch port-in request ${sid}`,
        signal: opts.signal,
      },
      readPortIn,
    );
  }

  async listPortInsPage(
    query: PortInListQuery = {},
    opts: CallOptions = {},
  ): Promise<PortInListPage> {
    if (
      query.size !== undefined &&
      (!Number.isInteger(query.size) || query.size < 1 || query.size > 100)
    ) {
      throw new RangeError(`size must be a whole number from 1 to 100 (got ${query.size}).`);
    }
    const params = new URLSearchParams();
    if (query.token !== undefined) params.set('Token', query.token);
    if (query.size !== undefined) params.set('Size', String(query.size));
    if (query.status !== undefined) params.set('PortInRequestStatus', query.status);
    if (query.sids !== undefined && query.sids.length > 0) {
      params.set('PortInRequestSid', query.sids.join(','));
    }
    if (query.createdAfter !== undefined) params.set('CreatedAfter', query.createdAfter);
    if (query.createdBefore !== undefined) params.set('CreatedBefore', query.createdBefore);
    return this.#call(
      {
        method: 'GET',
        baseUrl: this.#baseUrl,
        path: `/v1/Porting/PortIn/PortInRequests${queryString(params)}`,
        operation: 'list port-in requests',
        signal: opts.signal,
      },
      readPortInListPage,
    );
  }

  /**
   * Every summary row, page after page (Token paging), streamed so a sync over hundreds of
   * pages holds one page at a time. A token Twilio already gave once ends the walk with a
   * malformed_response error rather than looping forever.
   */
  async *listAllPortIns(
    query: Omit<PortInListQuery, 'token'> = {},
    opts: CallOptions = {},
  ): AsyncGenerator<PortInRequestSummary, void, undefined> {
    const seen = new Set<string>();
    let token: string | undefined;
    for (;;) {
      const page = await this.listPortInsPage({ ...query, token }, opts);
      yield* page.requests;
      if (page.nextToken === null || page.nextToken === '') return;
      if (seen.has(page.nextToken)) {
        throw new TwilioError({
          kind: 'malformed_response',
          httpStatus: 200,
          mayHaveReachedServer: true,
          message: `Could not list port-in requests: ${KIND_SUMMARY.malformed_response}; it gave the paging token ${page.nextToken} a second time, so paging stopped after ${seen.size + 1} pages.`,
        });
      }
      seen.add(page.nextToken);
      token = page.nextToken;
    }
  }

  async cancelPortIn(sid: string, opts: CallOptions = {}): Promise<void> {
    await this.#call(
      {
        method: 'DELETE',
        baseUrl: this.#baseUrl,
        path: `/v1/Porting/PortIn/${encodeURIComponent(sid)}`,
        operation: `cancel port-in request ${sid}`,
        signal: opts.signal,
      },
      noBody,
    );
  }

  fetchPortInNumber(
    requestSid: string,
    numberSid: string,
    opts: CallOptions = {},
  ): Promise<PortInPhoneNumberDetail> {
    return this.#call(
      {
        method: 'GET',
        baseUrl: this.#baseUrl,
        path: numberPath(requestSid, numberSid),
        operation: `fetch number ${numberSid} of port-in request ${requestSid}`,
        signal: opts.signal,
      },
      json(portInPhoneNumberWire, (wire) => toPortInPhoneNumberDetail(wire, requestSid)),
    );
  }

  async cancelPortInNumber(
    requestSid: string,
    numberSid: string,
    opts: CallOptions = {},
  ): Promise<void> {
    await this.#call(
      {
        method: 'DELETE',
        baseUrl: this.#baseUrl,
        path: numberPath(requestSid, numberSid),
        operation: `cancel number ${numberSid} of port-in request ${requestSid}`,
        signal: opts.signal,
      },
      noBody,
    );
  }

  getWebhookConfiguration(opts: CallOptions = {}): Promise<WebhookConfiguration> {
    return this.#call(
      {
        method: 'GET',
        baseUrl: this.#baseUrl,
        path: '/v1/Porting/Configuration/Webhook',
        operation: 'fetch the webhook configuration',
        signal: opts.signal,
      },
      readWebhookConfiguration,
    );
  }

  /** Replaces the account's whole configuration; expects 201. Safe to resend (an overwrite). */
  setWebhookConfiguration(
    cfg: WebhookConfigurationInput,
    opts: CallOptions = {},
  ): Promise<WebhookConfiguration> {
    return this.#call(
      {
        method: 'POST',
        baseUrl: this.#baseUrl,
        path: '/v1/Porting/Configuration/Webhook',
        operation: 'save the webhook configuration',
        json: toWebhookConfigurationBody(cfg),
        signal: opts.signal,
      },
      readWebhookConfiguration,
      { replaySafe: true },
    );
  }

  async deleteWebhookConfiguration(type: WebhookType, opts: CallOptions = {}): Promise<void> {
    if (type !== 'PORT_IN' && type !== 'PORT_OUT') {
      throw new RangeError(`type must be PORT_IN or PORT_OUT (got ${String(type)}).`);
    }
    await this.#call(
      {
        method: 'DELETE',
        baseUrl: this.#baseUrl,
        path: `/v1/Porting/Configuration/Webhook/${type}`,
        operation: `delete the ${type} webhook configuration`,
        signal: opts.signal,
      },
      noBody,
    );
  }

  /**
   * The server's clock minus ours in ms, whole seconds: the median of the last few answers'
   * `Date` headers, each taken against the middle of its round trip. Null until an answer
   * carried a readable `Date`.
   */
  get serverClockOffsetMs(): number | null {
    return this.#serverClock.offsetMs;
  }

  /** Closes the keep-alive connections; calls after this fail with kind 'network'. */
  close(): Promise<void> {
    return this.#transport.close();
  }

  /**
   * One operation with its retries. `read` turns a 2xx answer into the result or throws a
   * TwilioError (malformed_response is retried like a 5xx for replay-safe requests).
   */
  async #call<T>(
    request: WireRequest,
    read: (response: WireResponse, malformed: (problem: string) => TwilioError) => T,
    policy: { replaySafe?: boolean } = {},
  ): Promise<T> {
    const replaySafe = policy.replaySafe ?? isReplaySafeMethod(request.method);
    for (let failedAttempts = 1; ; failedAttempts += 1) {
      let error: TwilioError;
      try {
        const sentAt = this.#now();
        const response = await this.#transport.send(request);
        this.#learnServerClock(response, sentAt);
        if (response.status < 200 || response.status >= 300) {
          error = this.#transport.httpError(request, response, this.#now());
        } else {
          return read(response, (problem) =>
            this.#transport.malformedError(request, response, problem),
          );
        }
      } catch (caught) {
        if (!isTwilioError(caught)) throw caught;
        error = caught;
      }
      const wait = isRetryable(error, replaySafe)
        ? nextRetryDelayMs(failedAttempts, error, this.#retry, this.#random)
        : null;
      if (wait === null) throw error;
      try {
        await this.#sleep(wait, request.signal);
      } catch (cause) {
        if (!request.signal?.aborted) throw cause;
      }
      if (request.signal?.aborted) {
        throw new TwilioError({
          kind: 'aborted',
          httpStatus: 0,
          mayHaveReachedServer: error.mayHaveReachedServer,
          message: `Could not ${request.operation}: ${KIND_SUMMARY.aborted} while waiting to retry.`,
          cause: error,
        });
      }
    }
  }

  /** Every HTTP answer counts, errors included: a 4xx carries the server's clock as well. */
  #learnServerClock(response: WireResponse, sentAt: number): void {
    const offsetMs = this.#serverClock.observe(response.headers.date, sentAt, this.#now());
    if (offsetMs !== null) this.#onServerClock?.(offsetMs);
  }
}

// Built once: readers are on the hot path of every call.
const readPortIn = json(portInWire, toPortInRequest);
const readPortability = json(portabilityWire, toPortabilityResult);
const readUploadedDocument = json(uploadedDocumentWire, toUploadedDocument);
const readWebhookConfiguration = json(webhookConfigurationWire, toWebhookConfiguration);
const readPortInListPage = json(portInListWire, (wire): PortInListPage => ({
  requests: wire.port_in_requests.map(toPortInRequestSummary),
  nextToken: wire.meta?.next_token ?? null,
}));

/** A reader for a JSON answer: parse, check the shape, map to the domain. */
function json<W, T>(schema: z.ZodType<W>, toDomain: (wire: W) => T) {
  return (response: WireResponse, malformed: (problem: string) => TwilioError): T => {
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      throw malformed('the body is not JSON');
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw malformed(describeIssues(parsed.error));
    return toDomain(parsed.data);
  };
}

function noBody(): void {}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.');
    return `${path === '' ? 'the body' : path}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `unexpected shape, ${shown.join('; ')}${more}`;
}

function numberPath(requestSid: string, numberSid: string): string {
  return `/v1/Porting/PortIn/${encodeURIComponent(requestSid)}/PhoneNumber/${encodeURIComponent(numberSid)}`;
}

function queryString(params: URLSearchParams): string {
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function countNumbers(count: number): string {
  return count === 1 ? '1 number' : `${count} numbers`;
}

function httpUrl(value: string, name: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`${name} is not a URL: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`${name} must be an http(s) URL: ${value}`);
  }
  return url;
}

import type {
  PortabilityResult,
  PortInCreateInput,
  PortInPhoneNumberDetail,
  PortInRequest,
  PortInRequestSummary,
  UploadedDocument,
  WebhookConfiguration,
} from '../../../shared/domain';
import { uploadDocument, type UploadDocumentInput } from './documentCalls';
import type { TwilioCredentials } from './httpTransport';
import {
  checkPortability,
  checkPortabilityMany,
  type PortabilityBatchOptions,
  type PortabilityCheckOptions,
  type PortabilityOutcome,
} from './portabilityCalls';
import {
  cancelPortIn,
  cancelPortInNumber,
  createPortIn,
  fetchPortIn,
  fetchPortInNumber,
} from './portInCalls';
import {
  listAllPortIns,
  listPortInsPage,
  type PortInListPage,
  type PortInListQuery,
} from './portInPaging';
import type { WebhookConfigurationInput } from './requestBodies';
import type { RetrySettings } from './retryPolicy';
import { TwilioCaller, type CallOptions } from './twilioCaller';
import {
  deleteWebhookConfiguration,
  getWebhookConfiguration,
  setWebhookConfiguration,
  type WebhookType,
} from './webhookConfigurationCalls';

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

const DEFAULT_BASE_URL = 'https://numbers.twilio.com';
const DEFAULT_UPLOAD_BASE_URL = 'https://numbers-upload.twilio.com';

/**
 * Twilio's Porting, Portability, webhook-configuration and Documents APIs, one method per
 * operation, answering in domain types. Every failure is a TwilioError; see docs/twilio-client.md
 * for the error kinds, the retry policy and the rule for POSTs. Each API's requests are built in
 * its own module (portabilityCalls, portInCalls, portInPaging, documentCalls,
 * webhookConfigurationCalls); TwilioCaller sends them with their retries.
 */
export class PortingClient {
  readonly #caller: TwilioCaller;
  readonly #accountSid: string;

  constructor(options: PortingClientOptions) {
    this.#caller = new TwilioCaller({
      credentials: options.credentials,
      baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
      uploadBaseUrl: options.uploadBaseUrl ?? DEFAULT_UPLOAD_BASE_URL,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      connections: options.connections ?? 16,
      retry: options.retry,
      onServerClock: options.onServerClock,
      random: options.random,
      sleep: options.sleep,
      now: options.now,
    });
    this.#accountSid = options.accountSid;
  }

  checkPortability(
    phoneNumber: string,
    opts: PortabilityCheckOptions = {},
  ): Promise<PortabilityResult> {
    return checkPortability(this.#caller, phoneNumber, opts);
  }

  /**
   * One outcome per number, in input order; one failure never fails the batch. An abort stops
   * new checks from starting and rejects with an aborted TwilioError (name "AbortError").
   */
  checkPortabilityMany(
    numbers: readonly string[],
    opts: PortabilityBatchOptions = {},
  ): Promise<PortabilityOutcome[]> {
    return checkPortabilityMany(this.#caller, numbers, opts);
  }

  uploadDocument(input: UploadDocumentInput): Promise<UploadedDocument> {
    return uploadDocument(this.#caller, input);
  }

  /** Expects 202. Never resent once it may have reached Twilio: see `mayHaveReachedServer`. */
  createPortIn(input: PortInCreateInput, opts: CallOptions = {}): Promise<PortInRequest> {
    return createPortIn(this.#caller, input, this.#accountSid, opts);
  }

  fetchPortIn(sid: string, opts: CallOptions = {}): Promise<PortInRequest> {
    return fetchPortIn(this.#caller, sid, opts);
  }

  listPortInsPage(query: PortInListQuery = {}, opts: CallOptions = {}): Promise<PortInListPage> {
    return listPortInsPage(this.#caller, query, opts);
  }

  /** Every summary row, page after page; see `listAllPortIns` in portInPaging.ts. */
  listAllPortIns(
    query: Omit<PortInListQuery, 'token'> = {},
    opts: CallOptions = {},
  ): AsyncGenerator<PortInRequestSummary, void, undefined> {
    return listAllPortIns(this.#caller, query, opts);
  }

  cancelPortIn(sid: string, opts: CallOptions = {}): Promise<void> {
    return cancelPortIn(this.#caller, sid, opts);
  }

  fetchPortInNumber(
    requestSid: string,
    numberSid: string,
    opts: CallOptions = {},
  ): Promise<PortInPhoneNumberDetail> {
    return fetchPortInNumber(this.#caller, requestSid, numberSid, opts);
  }

  cancelPortInNumber(requestSid: string, numberSid: string, opts: CallOptions = {}): Promise<void> {
    return cancelPortInNumber(this.#caller, requestSid, numberSid, opts);
  }

  getWebhookConfiguration(opts: CallOptions = {}): Promise<WebhookConfiguration> {
    return getWebhookConfiguration(this.#caller, opts);
  }

  /** Replaces the account's whole configuration; expects 201. Safe to resend (an overwrite). */
  setWebhookConfiguration(
    cfg: WebhookConfigurationInput,
    opts: CallOptions = {},
  ): Promise<WebhookConfiguration> {
    return setWebhookConfiguration(this.#caller, cfg, opts);
  }

  deleteWebhookConfiguration(type: WebhookType, opts: CallOptions = {}): Promise<void> {
    return deleteWebhookConfiguration(this.#caller, type, opts);
  }

  /**
   * The server's clock minus ours in ms, whole seconds: the median of the last few answers'
   * `Date` headers, each taken against the middle of its round trip. Null until an answer
   * carried a readable `Date`.
   */
  get serverClockOffsetMs(): number | null {
    return this.#caller.serverClockOffsetMs;
  }

  /** Closes the keep-alive connections; calls after this fail with kind 'network'. */
  close(): Promise<void> {
    return this.#caller.close();
  }
}

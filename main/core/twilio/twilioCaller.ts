import { setTimeout as delay } from 'node:timers/promises';
import {
  endpointOf,
  HttpTransport,
  type Endpoint,
  type TwilioCredentials,
  type WireRequest,
  type WireResponse,
} from './httpTransport';
import {
  DEFAULT_RETRY,
  isReplaySafeMethod,
  isRetryable,
  nextRetryDelayMs,
  type RetrySettings,
} from './retryPolicy';
import { ServerClockEstimate } from './serverClock';
import { isTwilioError, KIND_SUMMARY, TwilioError } from './twilioError';

export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * Turns a 2xx answer into the result. An answer that is not what the operation returns throws
 * `MalformedAnswer`, which the caller turns into a malformed_response TwilioError naming the
 * operation (built only then: the reader of a good answer allocates nothing for errors).
 */
export type ResponseReader<T> = (response: WireResponse) => T;

export class MalformedAnswer extends Error {
  readonly problem: string;
  constructor(problem: string) {
    super(problem);
    this.name = 'MalformedAnswer';
    this.problem = problem;
  }
}

export interface TwilioCallerOptions {
  credentials: TwilioCredentials;
  baseUrl: string;
  uploadBaseUrl: string;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  connections: number;
  retry?: Partial<RetrySettings>;
  onServerClock?: (offsetMs: number) => void;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

const defaultSleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
  await delay(ms, undefined, signal === undefined ? undefined : { signal });
};

/**
 * Sends one operation to Twilio with its retries (backoff, jitter, Retry-After, the POST rule)
 * and learns the server's clock from every answer. The per-API modules build the requests.
 */
export class TwilioCaller {
  readonly baseUrl: Endpoint;
  readonly uploadBaseUrl: Endpoint;
  readonly #transport: HttpTransport;
  readonly #retry: RetrySettings;
  readonly #random: () => number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #now: () => number;
  readonly #serverClock = new ServerClockEstimate();
  readonly #onServerClock: ((offsetMs: number) => void) | undefined;

  constructor(options: TwilioCallerOptions) {
    this.baseUrl = endpointOf(httpUrl(options.baseUrl, 'baseUrl'));
    this.uploadBaseUrl = endpointOf(httpUrl(options.uploadBaseUrl, 'uploadBaseUrl'));
    if (options.credentials.username === '' || options.credentials.password === '') {
      throw new TypeError('PortingClient needs credentials.username and credentials.password.');
    }
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#random = options.random ?? Math.random;
    this.#sleep = options.sleep ?? defaultSleep;
    this.#now = options.now ?? Date.now;
    this.#onServerClock = options.onServerClock;
    this.#transport = new HttpTransport({
      credentials: options.credentials,
      connectTimeoutMs: options.connectTimeoutMs,
      requestTimeoutMs: options.requestTimeoutMs,
      connections: options.connections,
    });
  }

  /** The server's clock minus ours in ms (see PortingClient.serverClockOffsetMs). */
  get serverClockOffsetMs(): number | null {
    return this.#serverClock.offsetMs;
  }

  close(): Promise<void> {
    return this.#transport.close();
  }

  /**
   * One operation with its retries. `read` turns a 2xx answer into the result or throws a
   * TwilioError (malformed_response is retried like a 5xx for replay-safe requests).
   * `replaySafe` overrides the method's rule (a POST that only overwrites may be resent).
   */
  async call<T>(
    request: WireRequest,
    read: ResponseReader<T>,
    replaySafe = isReplaySafeMethod(request.method),
  ): Promise<T> {
    for (let failedAttempts = 1; ; failedAttempts += 1) {
      let error: TwilioError;
      try {
        const sentAt = this.#now();
        const response = await this.#transport.send(request);
        this.#learnServerClock(response, sentAt);
        if (response.status < 200 || response.status >= 300) {
          error = this.#transport.httpError(request, response, this.#now());
        } else {
          try {
            return read(response);
          } catch (unreadable) {
            if (!(unreadable instanceof MalformedAnswer)) throw unreadable;
            error = this.#transport.malformedError(request, response, unreadable.problem);
          }
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

/** `?a=1&b=2`, or nothing when there are no parameters. */
export function queryString(params: URLSearchParams): string {
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

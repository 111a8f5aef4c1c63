/**
 * The one error the Porting client throws. Callers decide on `kind` (what went wrong) and
 * `mayHaveReachedServer` (whether a create must be reconciled before it is sent again);
 * `message` is for people and never carries the secret or the Authorization header.
 */
export type TwilioErrorKind =
  | 'unauthorized'
  | 'not_found'
  | 'rate_limited'
  | 'invalid_request'
  | 'server'
  | 'network'
  | 'timeout'
  | 'malformed_response'
  | 'aborted';

export interface TwilioErrorInit {
  kind: TwilioErrorKind;
  message: string;
  /** 0 when no HTTP answer arrived (network, timeout, abort, refused before sending). */
  httpStatus: number;
  code?: number | null;
  moreInfo?: string | null;
  retryAfterMs?: number | null;
  mayHaveReachedServer: boolean;
  /** Fields the answer blamed, as dotted paths of the domain input (e.g. `losingCarrier.address.zip`). */
  fields?: string[];
  cause?: unknown;
}

export class TwilioError extends Error {
  readonly kind: TwilioErrorKind;
  readonly httpStatus: number;
  readonly code: number | null;
  readonly moreInfo: string | null;
  readonly retryAfterMs: number | null;
  readonly mayHaveReachedServer: boolean;
  readonly fields?: string[];

  constructor(init: TwilioErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    // An aborted call answers to the usual `err.name === 'AbortError'` checks as well.
    this.name = init.kind === 'aborted' ? 'AbortError' : 'TwilioError';
    this.kind = init.kind;
    this.httpStatus = init.httpStatus;
    this.code = init.code ?? null;
    this.moreInfo = init.moreInfo ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.mayHaveReachedServer = init.mayHaveReachedServer;
    if (init.fields !== undefined && init.fields.length > 0) this.fields = init.fields;
  }
}

export function isTwilioError(value: unknown): value is TwilioError {
  return value instanceof TwilioError;
}

/** What a person reads first for each kind; the operation and Twilio's own words follow. */
export const KIND_SUMMARY: Readonly<Record<TwilioErrorKind, string>> = {
  unauthorized: 'Twilio did not accept the credentials; check the API key SID and secret',
  not_found: 'Twilio has no such resource',
  rate_limited: 'Twilio is limiting how fast requests may be sent; try again shortly',
  invalid_request: 'Twilio rejected the request',
  server: 'Twilio had a server error',
  network: 'Could not reach Twilio',
  timeout: 'Twilio did not answer in time',
  malformed_response: 'Twilio sent an answer that could not be read',
  aborted: 'The request was canceled',
};

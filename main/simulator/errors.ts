/**
 * Errors answered in Twilio's classic REST error body (PORTING-API §5). Codes the simulator had to
 * choose because Twilio documents none are listed in docs/simulator.md.
 */
export const ERROR_CODES = {
  /** A parameter has the wrong type or format, or breaks a rule Twilio gives no code for. */
  invalidParameter: 20001,
  authenticationFailed: 20003,
  methodNotAllowed: 20004,
  notFound: 20404,
  /** Cancel of a request or number that already reached another terminal state. */
  conflict: 20409,
  payloadTooLarge: 20413,
  tooManyRequests: 20429,
  internalServerError: 20500,
  serviceUnavailable: 20503,
  invalidPhoneNumber: 22102,
  portInProgress: 22137,
  invalidBundle: 22170,
  missingRequiredFields: 22171,
  notE164OrSeveralCountries: 22172,
  invalidAddressSid: 22173,
} as const;

export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): TwilioErrorBody {
    return errorBody(this.status, this.code, this.message);
  }
}

export function errorBody(status: number, code: number, message: string): TwilioErrorBody {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

export function notFound(path: string): ApiError {
  return new ApiError(404, ERROR_CODES.notFound, `The requested resource ${path} was not found`);
}

export function invalidParameter(message: string): ApiError {
  return new ApiError(400, ERROR_CODES.invalidParameter, message);
}

/** Thrown by control actions (the /__sim/ API answers `{ error }` with this status). */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

import type {
  PortInCreateInput,
  PortInPhoneNumberDetail,
  PortInRequest,
} from '../../../shared/domain';
import { toCreatePortInBody } from './requestBodies';
import { fastPortInRequest } from './fastReaders';
import { fastJson, json, noBody } from './responseReaders';
import type { CallOptions, TwilioCaller } from './twilioCaller';
import { portInPhoneNumberWire, portInWire } from './wireSchemas';
import { toPortInPhoneNumberDetail, toPortInRequest } from './wireToDomain';

// Built once: readers are on the hot path of every call.
const readPortIn = fastJson(portInWire, toPortInRequest, fastPortInRequest);

/** Expects 202. Never resent once it may have reached Twilio: see `mayHaveReachedServer`. */
export function createPortIn(
  caller: TwilioCaller,
  input: PortInCreateInput,
  accountSid: string,
  opts: CallOptions = {},
): Promise<PortInRequest> {
  return caller.call(
    {
      method: 'POST',
      baseUrl: caller.baseUrl,
      path: '/v1/Porting/PortIn',
      operation: `create a port-in request for ${countNumbers(input.phoneNumbers.length)}`,
      json: toCreatePortInBody(input, accountSid),
      signal: opts.signal,
    },
    readPortIn,
  );
}

export function fetchPortIn(
  caller: TwilioCaller,
  sid: string,
  opts: CallOptions = {},
): Promise<PortInRequest> {
  return caller.call(
    {
      method: 'GET',
      baseUrl: caller.baseUrl,
      path: `/v1/Porting/PortIn/${encodeURIComponent(sid)}`,
      operation: `fetch port-in request ${sid}`,
      signal: opts.signal,
    },
    readPortIn,
  );
}

export async function cancelPortIn(
  caller: TwilioCaller,
  sid: string,
  opts: CallOptions = {},
): Promise<void> {
  await caller.call(
    {
      method: 'DELETE',
      baseUrl: caller.baseUrl,
      path: `/v1/Porting/PortIn/${encodeURIComponent(sid)}`,
      operation: `cancel port-in request ${sid}`,
      signal: opts.signal,
    },
    noBody,
  );
}

export function fetchPortInNumber(
  caller: TwilioCaller,
  requestSid: string,
  numberSid: string,
  opts: CallOptions = {},
): Promise<PortInPhoneNumberDetail> {
  return caller.call(
    {
      method: 'GET',
      baseUrl: caller.baseUrl,
      path: numberPath(requestSid, numberSid),
      operation: `fetch number ${numberSid} of port-in request ${requestSid}`,
      signal: opts.signal,
    },
    json(portInPhoneNumberWire, (wire) => toPortInPhoneNumberDetail(wire, requestSid)),
  );
}

export async function cancelPortInNumber(
  caller: TwilioCaller,
  requestSid: string,
  numberSid: string,
  opts: CallOptions = {},
): Promise<void> {
  await caller.call(
    {
      method: 'DELETE',
      baseUrl: caller.baseUrl,
      path: numberPath(requestSid, numberSid),
      operation: `cancel number ${numberSid} of port-in request ${requestSid}`,
      signal: opts.signal,
    },
    noBody,
  );
}

function numberPath(requestSid: string, numberSid: string): string {
  return `/v1/Porting/PortIn/${encodeURIComponent(requestSid)}/PhoneNumber/${encodeURIComponent(numberSid)}`;
}

function countNumbers(count: number): string {
  return count === 1 ? '1 number' : `${count} numbers`;
}

import { normaliseRequestStatus } from '../../shared/domain';
import type { SimulatorCore } from './core';
import { validatePortInCreate } from './createValidation';
import { ApiError, ERROR_CODES, invalidParameter, notFound } from './errors';
import {
  type ApiCall,
  jsonResponse,
  jsonTextResponse,
  NO_CONTENT,
  type SimResponse,
} from './httpTypes';
import type { CancelResult } from './lifecycle';
import type { SimRequest } from './model';
import { evaluatePortability, unauthorizedTarget } from './portability';
import { phoneNumberFromPath } from './phoneRules';
import type { Route } from './router';
import { isSid } from './sids';
import {
  listRowJson,
  phoneNumberObject,
  portabilityObject,
  portInJson,
  portInObject,
} from './wire';

const KW = /^KW[0-9a-fA-F]{32}$/;
const PU = /^PU[0-9a-fA-F]{32}$/;
const LIST_DEFAULT_SIZE = 20;
const LIST_MAX_SIZE = 100;

/** Rows 1–7 of PORTING-API §2: port-in requests, their numbers, and portability. */
export function portingRoutes(core: SimulatorCore): Route[] {
  return [
    { method: 'POST', template: '/v1/Porting/PortIn', handler: (call) => create(core, call) },
    // Listed before /{PortInRequestSid} so the literal path wins.
    {
      method: 'GET',
      template: '/v1/Porting/PortIn/PortInRequests',
      handler: (call) => list(core, call),
    },
    {
      method: 'GET',
      template: '/v1/Porting/PortIn/{PortInRequestSid}',
      params: { PortInRequestSid: KW },
      handler: (call) => jsonTextResponse(200, portInJson(findRequest(core, call), core.wire())),
    },
    {
      method: 'DELETE',
      template: '/v1/Porting/PortIn/{PortInRequestSid}',
      params: { PortInRequestSid: KW },
      handler: (call) => {
        const request = findRequest(core, call);
        return cancelResponse(core.lifecycle.cancelRequest(request, core.clock.now()), request.sid);
      },
    },
    {
      method: 'GET',
      template: '/v1/Porting/PortIn/{PortInRequestSid}/PhoneNumber/{PhoneNumberSid}',
      params: { PortInRequestSid: KW, PhoneNumberSid: PU },
      handler: (call) => {
        const { request, number } = findNumber(core, call);
        return jsonResponse(200, phoneNumberObject(request, number, core.wire()));
      },
    },
    {
      method: 'DELETE',
      template: '/v1/Porting/PortIn/{PortInRequestSid}/PhoneNumber/{PhoneNumberSid}',
      params: { PortInRequestSid: KW, PhoneNumberSid: PU },
      handler: (call) => {
        const { request, number } = findNumber(core, call);
        return cancelResponse(
          core.lifecycle.cancelNumber(request, number, core.clock.now()),
          number.sid,
        );
      },
    },
    {
      method: 'GET',
      template: '/v1/Porting/Portability/PhoneNumber/{PhoneNumber}',
      handler: (call) => portability(core, call),
    },
  ];
}

function create(core: SimulatorCore, call: ApiCall): SimResponse {
  const contentType = call.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    throw invalidParameter(
      `The request body must be JSON (Content-Type: application/json), not ${contentType || 'missing'}`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(call.body.toString('utf8'));
  } catch {
    throw invalidParameter('The request body is not valid JSON');
  }
  const now = core.clock.now();
  const input = validatePortInCreate(body, {
    store: core.store,
    accountSid: call.accountSid,
    now,
  });
  const request = core.createRequest(input, now);
  return jsonResponse(202, portInObject(request, core.wire()));
}

function findRequest(core: SimulatorCore, call: ApiCall): SimRequest {
  const request = core.store.request(call.params.PortInRequestSid ?? '');
  if (request === undefined || request.accountSid !== call.accountSid) throw notFound(call.path);
  return request;
}

function findNumber(core: SimulatorCore, call: ApiCall) {
  const request = findRequest(core, call);
  const number = request.numbersBySid.get(call.params.PhoneNumberSid ?? '');
  if (number === undefined) throw notFound(call.path);
  return { request, number };
}

function cancelResponse(result: CancelResult, sid: string): SimResponse {
  if (result === 'already_terminal') {
    throw new ApiError(
      409,
      ERROR_CODES.conflict,
      `${sid} has already completed or expired and can no longer be canceled`,
    );
  }
  return NO_CONTENT;
}

function portability(core: SimulatorCore, call: ApiCall): SimResponse {
  const phoneNumber = phoneNumberFromPath(call.params.PhoneNumber ?? '');
  const target = call.query.get('TargetAccountSid');
  if (target !== null && !isSid('AC', target)) {
    throw invalidParameter(`TargetAccountSid ${target} is not a valid Account SID`);
  }
  const addressSid = call.query.get('AddressSid');
  if (addressSid !== null && !isSid('AD', addressSid)) {
    throw new ApiError(
      400,
      ERROR_CODES.invalidAddressSid,
      `AddressSid ${addressSid} is not a valid Address SID`,
    );
  }
  const verdict =
    target !== null && target !== call.accountSid
      ? unauthorizedTarget(phoneNumber)
      : evaluatePortability(phoneNumber, core.store, call.accountSid);
  return jsonResponse(200, portabilityObject(verdict, core.baseUrl));
}

interface ListFilter {
  statuses: Set<string> | null;
  createdAfter: number | null;
  createdBefore: number | null;
}

/**
 * Newest first, `Size` rows from `Token` on. Tokens are the SID of a page's first row: opaque to
 * clients, and a direct index into the creation order, so a page costs O(Size) without filters.
 */
function list(core: SimulatorCore, call: ApiCall): SimResponse {
  const size = pageSize(call.query.get('Size'));
  const filter: ListFilter = {
    statuses: statusFilter(call.query.get('PortInRequestStatus')),
    createdAfter: dateParam('CreatedAfter', call.query.get('CreatedAfter')),
    createdBefore: dateParam('CreatedBefore', call.query.get('CreatedBefore')),
  };
  const sids = call.query.get('PortInRequestSid');
  const spelling = core.spelling;
  const matches = (request: SimRequest) =>
    request.accountSid === call.accountSid && passes(request, filter);

  if (sids !== null && sids.trim() !== '') {
    // An explicit SID list: answer those (newest first), one page.
    const rows = sids
      .split(',')
      .map((sid) => core.store.request(sid.trim()))
      .filter((request): request is SimRequest => request !== undefined && matches(request))
      .sort((a, b) => (core.store.position(b.sid) ?? 0) - (core.store.position(a.sid) ?? 0))
      .map((request) => listRowJson(request, spelling));
    return listResponse(rows, null, null);
  }

  const token = call.query.get('Token');
  let start = core.store.requestCount - 1;
  if (token !== null && token !== '') {
    const position = core.store.position(token);
    if (position === undefined) {
      throw invalidParameter(`Token ${token} is not a page token issued by this server`);
    }
    start = position;
  }
  const rows: string[] = [];
  let position = start;
  for (; position >= 0 && rows.length < size; position -= 1) {
    const request = core.store.requestAt(position);
    if (request !== undefined && matches(request)) rows.push(listRowJson(request, spelling));
  }
  let next: string | null = null;
  for (; position >= 0; position -= 1) {
    const request = core.store.requestAt(position);
    if (request !== undefined && matches(request)) {
      next = request.sid;
      break;
    }
  }
  let previous: string | null = null;
  let seen = 0;
  for (let back = start + 1; back < core.store.requestCount && seen < size; back += 1) {
    const request = core.store.requestAt(back);
    if (request !== undefined && matches(request)) {
      previous = request.sid;
      seen += 1;
    }
  }
  return listResponse(rows, next, previous);
}

function listResponse(rows: string[], next: string | null, previous: string | null): SimResponse {
  const meta = JSON.stringify({ next_token: next, previous_token: previous });
  return jsonTextResponse(200, `{"port_in_requests":[${rows.join(',')}],"meta":${meta}}`);
}

function pageSize(raw: string | null): number {
  if (raw === null || raw === '') return LIST_DEFAULT_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > LIST_MAX_SIZE) {
    throw invalidParameter(`Size must be an integer from 1 to ${LIST_MAX_SIZE} (got ${raw})`);
  }
  return size;
}

/** Accepts any spelling ("In Review", "in_review") and a comma-separated list. */
function statusFilter(raw: string | null): Set<string> | null {
  if (raw === null || raw.trim() === '') return null;
  const statuses = new Set<string>();
  for (const part of raw.split(',')) {
    const status = normaliseRequestStatus(part).canonical;
    if (status === 'unknown') {
      throw invalidParameter(`PortInRequestStatus ${part.trim()} is not a port-in request status`);
    }
    statuses.add(status);
  }
  return statuses;
}

/** A date (YYYY-MM-DD, meaning its UTC midnight) or an ISO date-time. */
function dateParam(name: string, raw: string | null): number | null {
  if (raw === null || raw === '') return null;
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw);
  if (Number.isNaN(time)) {
    throw invalidParameter(
      `${name} must be a date such as 2025-05-05 or an ISO date-time (got ${raw})`,
    );
  }
  return time;
}

function passes(request: SimRequest, filter: ListFilter): boolean {
  if (filter.statuses !== null && !filter.statuses.has(request.status)) return false;
  if (filter.createdAfter !== null && request.dateCreated < filter.createdAfter) return false;
  if (filter.createdBefore !== null && request.dateCreated >= filter.createdBefore) return false;
  return true;
}

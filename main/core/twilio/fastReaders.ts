import {
  normaliseNumberStatus,
  normaliseRequestStatus,
  type LosingCarrierInformation,
  type NumberStatus,
  type ObservedStatus,
  type PortInNumber,
  type PortInRequest,
  type PortInRequestSummary,
  type RequestStatus,
} from '../../../shared/domain';
import { toIntegerOrNull } from './errorBody';
import { toCustomerType } from './wireToDomain';

/**
 * Hand-written readers for the hot answers (a PortIn, a page of the list): they check the parsed
 * JSON and map it to the domain in one pass, with typeof checks and no intermediate wire object.
 * A first sync reads tens of thousands of numbers, and zod's union-and-transform per field plus
 * the wire object cost several times the JSON.parse (docs/benchmarks.md, "Client").
 *
 * zod stays the authority. These readers accept only the forms of each field that the schemas of
 * wireSchemas.ts accept, and give exactly what the schema + wireToDomain give for them (a
 * differential property test holds them to it). On anything else — a wrong type, a missing SID,
 * an empty string where a SID belongs — they throw `DEFER`, and the zod path reads the answer:
 * its tolerance and its error messages stay the only ones.
 */

class FastPathDefers extends Error {}

/** Thrown (never built per call) when the answer is not one the fast path knows. */
export const DEFER: Error = new FastPathDefers('the fast reader leaves this answer to zod');

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
  throw DEFER;
}

/** wireSchemas `text`: a string, a number as its string, null when absent. */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value == null) return null;
  if (typeof value === 'number') return String(value);
  throw DEFER;
}

/** wireSchemas `integer`: a number or a numeric string; null otherwise. */
function integer(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (value == null) return null;
  if (typeof value === 'string') return toIntegerOrNull(value);
  throw DEFER;
}

/** wireSchemas `flag`: a boolean or "true"/"false"; null when absent. */
function flag(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value == null) return null;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw DEFER;
}

/** wireSchemas `stringList`: an array of strings, [] when absent. */
function stringList(value: unknown): string[] {
  if (value == null) return [];
  if (!Array.isArray(value)) throw DEFER;
  for (const item of value) if (typeof item !== 'string') throw DEFER;
  // The parsed body belongs to this reader alone: its array can be the domain's.
  return value as string[];
}

/** wireSchemas `sid`: a non-empty string. */
function sid(value: unknown): string {
  if (typeof value === 'string' && value.length > 0) return value;
  throw DEFER;
}

/** wireSchemas `sid.nullish()`. */
function optionalSid(value: unknown): string | null {
  if (value == null) return null;
  return sid(value);
}

// The statuses are a handful of strings repeated on every number: normalise each spelling once.
// Bounded, so an answer full of odd statuses cannot grow it without limit.
const STATUS_CACHE_LIMIT = 64;
function cachedStatus<S extends string>(
  normalise: (raw: string | null) => ObservedStatus<S>,
): (raw: string | null) => ObservedStatus<S> {
  const cache = new Map<string, S | 'unknown'>();
  return (raw) => {
    if (raw === null) return normalise(raw);
    let canonical = cache.get(raw);
    if (canonical === undefined) {
      canonical = normalise(raw).canonical;
      if (cache.size < STATUS_CACHE_LIMIT) cache.set(raw, canonical);
    }
    return { canonical, raw };
  };
}

const numberStatus = cachedStatus<NumberStatus>(normaliseNumberStatus);
const requestStatus = cachedStatus<RequestStatus>(normaliseRequestStatus);

/** `portInNumberWire` → `toPortInNumber`: both spellings of each drifting field are checked. */
function portInNumber(value: unknown): PortInNumber {
  const n = record(value);
  const portInSid = optionalSid(n.port_in_phone_number_sid);
  const resourceSid = optionalSid(n.phone_number_sid);
  const phoneNumber = n.phone_number;
  if (typeof phoneNumber !== 'string' || phoneNumber.length === 0) throw DEFER;
  const sidOfNumber = portInSid ?? resourceSid;
  if (sidOfNumber === null) throw DEFER;
  const notPortabilityReason = text(n.not_portability_reason);
  const notPortableReason = text(n.not_portable_reason);
  const notPortabilityReasonCode = integer(n.not_portability_reason_code);
  const notPortableReasonCode = integer(n.not_portable_reason_code);
  const numberType = text(n.number_type);
  const phoneNumberType = text(n.phone_number_type);
  const statusUpdated = text(n.status_last_time_updated_timestamp);
  const lastUpdated = text(n.last_updated);
  return {
    sid: sidOfNumber,
    phoneNumber,
    status: numberStatus(text(n.port_in_phone_number_status)),
    portable: flag(n.portable),
    notPortableReason: notPortabilityReason ?? notPortableReason,
    notPortableReasonCode: notPortabilityReasonCode ?? notPortableReasonCode,
    numberType: numberType ?? phoneNumberType,
    rejectionReason: text(n.rejection_reason),
    rejectionReasonCode: integer(n.rejection_reason_code),
    portDate: text(n.port_date),
    statusUpdatedAt: statusUpdated ?? lastUpdated,
  };
}

function portInNumbers(value: unknown): PortInNumber[] {
  if (value == null) return [];
  if (!Array.isArray(value)) throw DEFER;
  const numbers = new Array<PortInNumber>(value.length);
  for (let i = 0; i < value.length; i += 1) numbers[i] = portInNumber(value[i]);
  return numbers;
}

/** `losingCarrierWire.nullish()` → `toLosingCarrier`. */
function losingCarrier(value: unknown): LosingCarrierInformation {
  const carrier = value == null ? null : record(value);
  const address = carrier === null || carrier.address == null ? null : record(carrier.address);
  const customerType = text(carrier?.customer_type);
  const customerName = text(carrier?.customer_name);
  const accountNumber = text(carrier?.account_number);
  const accountTelephoneNumber = text(carrier?.account_telephone_number);
  const representative = text(carrier?.authorized_representative);
  const representativeEmail = text(carrier?.authorized_representative_email);
  const addressSid = text(carrier?.address_sid);
  return {
    customerType: toCustomerType(customerType),
    customerName: customerName ?? '',
    accountNumber,
    accountTelephoneNumber,
    authorizedRepresentative: representative ?? '',
    authorizedRepresentativeEmail: representativeEmail ?? '',
    addressSid,
    address:
      address === null
        ? null
        : {
            street: text(address.street) ?? '',
            street2: text(address.street_2),
            city: text(address.city) ?? '',
            state: text(address.state) ?? '',
            zip: text(address.zip) ?? '',
            country: text(address.country) ?? '',
          },
  };
}

/** `portInWire` → `toPortInRequest`. Throws DEFER for anything it does not know. */
export function fastPortInRequest(body: unknown): PortInRequest {
  const o = record(body);
  return {
    sid: sid(o.port_in_request_sid),
    // Nullable in the spec; an empty string keeps the domain's string type without guessing.
    accountSid: text(o.account_sid) ?? '',
    status: requestStatus(text(o.port_in_request_status)),
    losingCarrier: losingCarrier(o.losing_carrier_information),
    notificationEmails: stringList(o.notification_emails),
    targetPortInDate: text(o.target_port_in_date),
    targetPortInTimeRangeStart: text(o.target_port_in_time_range_start),
    targetPortInTimeRangeEnd: text(o.target_port_in_time_range_end),
    documents: stringList(o.documents),
    dateCreated: text(o.date_created),
    supportTicketId: integer(o.support_ticket_id),
    signatureRequestUrl: text(o.signature_request_url),
    orderCancellationReason: text(o.order_cancellation_reason),
    bundleSid: text(o.bundle_sid),
    phoneNumbers: portInNumbers(o.phone_numbers),
  };
}

/** `portInListRowWire` → `toPortInRequestSummary`. */
function portInSummary(value: unknown): PortInRequestSummary {
  const row = record(value);
  const statusUpdated = text(row.status_last_updated_timestamp);
  const statusTimeUpdated = text(row.status_last_time_updated_timestamp);
  return {
    sid: sid(row.port_in_request_sid),
    status: requestStatus(text(row.port_in_request_status)),
    statusUpdatedAt: statusUpdated ?? statusTimeUpdated,
    numbersRequested: integer(row.phone_numbers_requested),
    numbersPorted: integer(row.phone_numbers_ported),
    suggestedAction: text(row.suggested_action),
  };
}

/** `portInListWire` → a list page. Throws DEFER for anything it does not know. */
export function fastPortInListPage(body: unknown): {
  requests: PortInRequestSummary[];
  nextToken: string | null;
} {
  const o = record(body);
  const rows = o.port_in_requests;
  if (!Array.isArray(rows)) throw DEFER;
  const requests = new Array<PortInRequestSummary>(rows.length);
  for (let i = 0; i < rows.length; i += 1) requests[i] = portInSummary(rows[i]);
  const meta = o.meta == null ? null : record(o.meta);
  const nextToken = text(meta?.next_token);
  text(meta?.previous_token); // checked like zod does, though unused
  return { requests, nextToken };
}

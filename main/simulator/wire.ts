import type { NumberStatus, RequestStatus } from '../../shared/domain';
import type { SimNumber, SimRequest } from './model';
import type { StatusSpelling } from './api';
import type { PortabilityVerdict } from './portability';

/**
 * Turns records into Twilio's JSON, with the spec's field-name drift kept exactly (PORTING-API
 * §10): `port_in_phone_number_sid` vs `phone_number_sid`, `number_type` vs `phone_number_type`,
 * `status_last_time_updated_timestamp` vs `last_updated`, and `rejection_reason_code` a string in
 * PortIn.phone_numbers[] but an integer on the PhoneNumber resource.
 */

const REQUEST_TITLE: Readonly<Record<RequestStatus, string>> = {
  in_review: 'In Review',
  waiting_for_signature: 'Waiting for Signature',
  in_progress: 'In Progress',
  action_required: 'Action Required',
  completed: 'Completed',
  canceled: 'Canceled',
  expired: 'Expired',
};

const NUMBER_TITLE: Readonly<Record<NumberStatus, string>> = {
  in_review: 'In Review',
  waiting_for_signature: 'Waiting for Signature',
  submitted: 'Submitted',
  pending: 'Pending',
  rejected: 'Rejected',
  canceling: 'Canceling',
  canceled: 'Canceled',
  completed: 'Completed',
};

export interface WireContext {
  /** Base URL of the API server (stands in for https://numbers.twilio.com). */
  baseUrl: string;
  spelling: StatusSpelling;
}

export function requestStatusText(status: RequestStatus, spelling: StatusSpelling): string {
  return spelling === 'snake' ? status : REQUEST_TITLE[status];
}

/** Inside PortIn.phone_numbers[]: title case unless forced to snake. */
function embeddedNumberStatusText(status: NumberStatus, spelling: StatusSpelling): string {
  return spelling === 'snake' ? status : NUMBER_TITLE[status];
}

/** On the PhoneNumber resource: snake case unless forced to title (the spec shows `in_review`). */
function resourceNumberStatusText(status: NumberStatus, spelling: StatusSpelling): string {
  return spelling === 'title' ? NUMBER_TITLE[status] : status;
}

/** Twilio's timestamps have no milliseconds: 2025-01-01T00:52:21Z. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : isoSeconds(ms);
}

export function portInUrl(baseUrl: string, requestSid: string): string {
  return `${baseUrl}/v1/Porting/PortIn/${requestSid}`;
}

function embeddedNumber(number: SimNumber, spelling: StatusSpelling): Record<string, unknown> {
  return {
    port_in_phone_number_sid: number.sid,
    phone_number: number.phoneNumber,
    port_in_phone_number_status: embeddedNumberStatusText(number.status, spelling),
    portable: number.portable,
    not_portability_reason: number.notPortableReason,
    not_portability_reason_code: number.notPortableReasonCode,
    number_type: number.numberType,
    rejection_reason: number.rejectionReason,
    rejection_reason_code:
      number.rejectionReasonCode === null ? null : String(number.rejectionReasonCode),
    port_date: isoOrNull(number.portDate),
    status_last_time_updated_timestamp: isoSeconds(number.statusUpdatedAt),
    external_porting_vendor_phone_number_id: null,
  };
}

export function portInObject(request: SimRequest, context: WireContext): Record<string, unknown> {
  return {
    port_in_request_sid: request.sid,
    url: portInUrl(context.baseUrl, request.sid),
    account_sid: request.accountSid,
    notification_emails: request.notificationEmails,
    target_port_in_date: request.targetPortInDate,
    target_port_in_time_range_start: request.targetTimeRangeStart,
    target_port_in_time_range_end: request.targetTimeRangeEnd,
    port_in_request_status: requestStatusText(request.status, context.spelling),
    order_cancellation_reason: request.orderCancellationReason,
    losing_carrier_information: request.losingCarrier,
    phone_numbers: request.numbers.map((number) => embeddedNumber(number, context.spelling)),
    bundle_sid: request.bundleSid,
    portability_advance_carrier: request.portabilityAdvanceCarrier,
    auto_cancel_approval_numbers: request.autoCancelApprovalNumbers,
    documents: request.documents,
    date_created: isoSeconds(request.dateCreated),
    support_ticket_id: request.supportTicketId,
    signature_request_url: request.signatureRequestUrl,
  };
}

/**
 * The PortIn JSON as UTF-8 bytes, serialised once per change of the request: fetches of requests
 * with 1,000 numbers are the hot path, and between changes they cost one socket write.
 */
export function portInJson(request: SimRequest, context: WireContext): Buffer {
  request.wireCache ??= {};
  request.wireCache.portIn ??= Buffer.from(JSON.stringify(portInObject(request, context)), 'utf8');
  return request.wireCache.portIn;
}

/** A list row as JSON text, cached like the PortIn JSON so a list page is a string join. */
export function listRowJson(request: SimRequest, spelling: StatusSpelling): string {
  request.wireCache ??= {};
  request.wireCache.listRow ??= JSON.stringify(listRow(request, spelling));
  return request.wireCache.listRow;
}

export function phoneNumberObject(
  request: SimRequest,
  number: SimNumber,
  context: WireContext,
): Record<string, unknown> {
  const pin = number.pin !== null && /^\d{1,15}$/.test(number.pin) ? Number(number.pin) : null;
  return {
    port_in_request_sid: request.sid,
    phone_number_sid: number.sid,
    url: `${portInUrl(context.baseUrl, request.sid)}/PhoneNumber/${number.sid}`,
    account_sid: request.accountSid,
    phone_number_type: number.numberType,
    date_created: isoSeconds(number.dateCreated),
    country: number.country,
    missing_required_fields: number.missingRequiredFields,
    last_updated: isoSeconds(number.statusUpdatedAt),
    phone_number: number.phoneNumber,
    portable: number.portable,
    not_portability_reason: number.notPortableReason,
    not_portability_reason_code: number.notPortableReasonCode,
    port_in_phone_number_status: resourceNumberStatusText(number.status, context.spelling),
    port_out_pin: pin,
    rejection_reason: number.rejectionReason,
    rejection_reason_code: number.rejectionReasonCode,
    port_date: isoOrNull(number.portDate),
  };
}

export function listRow(request: SimRequest, spelling: StatusSpelling): Record<string, unknown> {
  let ported = 0;
  let rejected = 0;
  for (const number of request.numbers) {
    if (number.status === 'completed') ported += 1;
    else if (number.status === 'rejected') rejected += 1;
  }
  return {
    port_in_request_sid: request.sid,
    port_in_request_status: requestStatusText(request.status, spelling),
    status_last_updated_timestamp: isoSeconds(request.statusUpdatedAt),
    phone_numbers_requested: request.numbers.length,
    phone_numbers_ported: ported,
    suggested_action: suggestedAction(request, rejected),
  };
}

function suggestedAction(request: SimRequest, rejected: number): string | null {
  if (request.status === 'waiting_for_signature') {
    return `Ask ${request.losingCarrier.authorized_representative} to sign the letter of authorization`;
  }
  if (request.status === 'action_required') {
    return `${rejected} phone number${rejected === 1 ? ' was' : 's were'} rejected by the losing carrier; cancel or correct and resubmit them`;
  }
  return null;
}

export function portabilityObject(
  verdict: PortabilityVerdict,
  baseUrl: string,
): Record<string, unknown> {
  return {
    phone_number: verdict.phoneNumber,
    account_sid: verdict.accountSid,
    portable: verdict.portable,
    pin_and_account_number_required: verdict.pinAndAccountNumberRequired,
    not_portable_reason: verdict.notPortableReason,
    not_portable_reason_code: verdict.notPortableReasonCode,
    number_type: verdict.numberType,
    country: verdict.country,
    // The spec's example keeps the + unencoded.
    url: `${baseUrl}/v1/Porting/Portability/PhoneNumber/${encodeURIComponent(verdict.phoneNumber).replace(/^%2B/, '+')}`,
  };
}

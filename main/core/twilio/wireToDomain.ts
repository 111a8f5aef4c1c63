import {
  normaliseNumberStatus,
  normaliseRequestStatus,
  type CustomerType,
  type LosingCarrierInformation,
  type PortabilityResult,
  type PortInNumber,
  type PortInPhoneNumberDetail,
  type PortInRequest,
  type PortInRequestSummary,
  type UploadedDocument,
  type WebhookConfiguration,
} from '../../../shared/domain';
import type {
  LosingCarrierWire,
  PortabilityWire,
  PortInListRowWire,
  PortInNumberWire,
  PortInPhoneNumberWire,
  PortInWire,
  UploadedDocumentWire,
  WebhookConfigurationWire,
} from './wireSchemas';

/**
 * Wire (already shape-checked by wireSchemas) → domain. One spelling per field: where the wire
 * drifts (PORTING-API §10) the first spelling present wins. Timestamps stay the strings Twilio
 * sent, date-only or date-time, so nothing is invented by parsing.
 */

export function toPortInRequest(wire: PortInWire): PortInRequest {
  return {
    sid: wire.port_in_request_sid,
    // Nullable in the spec; an empty string keeps the domain's string type without guessing.
    accountSid: wire.account_sid ?? '',
    status: normaliseRequestStatus(wire.port_in_request_status),
    losingCarrier: toLosingCarrier(wire.losing_carrier_information),
    notificationEmails: wire.notification_emails,
    targetPortInDate: wire.target_port_in_date,
    targetPortInTimeRangeStart: wire.target_port_in_time_range_start,
    targetPortInTimeRangeEnd: wire.target_port_in_time_range_end,
    documents: wire.documents,
    dateCreated: wire.date_created,
    supportTicketId: wire.support_ticket_id,
    signatureRequestUrl: wire.signature_request_url,
    orderCancellationReason: wire.order_cancellation_reason,
    bundleSid: wire.bundle_sid,
    phoneNumbers: wire.phone_numbers.map(toPortInNumber),
  };
}

export function toPortInNumber(wire: PortInNumberWire): PortInNumber {
  return {
    // wireSchemas guarantees one of the two spellings is present.
    sid: wire.port_in_phone_number_sid ?? wire.phone_number_sid ?? '',
    phoneNumber: wire.phone_number,
    status: normaliseNumberStatus(wire.port_in_phone_number_status),
    portable: wire.portable,
    notPortableReason: wire.not_portability_reason ?? wire.not_portable_reason,
    notPortableReasonCode: wire.not_portability_reason_code ?? wire.not_portable_reason_code,
    numberType: wire.number_type ?? wire.phone_number_type,
    rejectionReason: wire.rejection_reason,
    rejectionReasonCode: wire.rejection_reason_code,
    portDate: wire.port_date,
    statusUpdatedAt: wire.status_last_time_updated_timestamp ?? wire.last_updated,
  };
}

/** `requestSid` is the one asked for, used when the answer leaves `port_in_request_sid` null. */
export function toPortInPhoneNumberDetail(
  wire: PortInPhoneNumberWire,
  requestSid: string,
): PortInPhoneNumberDetail {
  return {
    ...toPortInNumber(wire),
    requestSid: wire.port_in_request_sid ?? requestSid,
    accountSid: wire.account_sid,
    country: wire.country,
    missingRequiredFields: wire.missing_required_fields,
    dateCreated: wire.date_created,
  };
}

export function toPortInRequestSummary(wire: PortInListRowWire): PortInRequestSummary {
  return {
    sid: wire.port_in_request_sid,
    status: normaliseRequestStatus(wire.port_in_request_status),
    statusUpdatedAt: wire.status_last_updated_timestamp ?? wire.status_last_time_updated_timestamp,
    numbersRequested: wire.phone_numbers_requested,
    numbersPorted: wire.phone_numbers_ported,
    suggestedAction: wire.suggested_action,
  };
}

export function toPortabilityResult(wire: PortabilityWire): PortabilityResult {
  return {
    phoneNumber: wire.phone_number,
    portable: wire.portable,
    pinAndAccountNumberRequired: wire.pin_and_account_number_required ?? false,
    notPortableReason: wire.not_portable_reason ?? wire.not_portability_reason,
    notPortableReasonCode: wire.not_portable_reason_code ?? wire.not_portability_reason_code,
    numberType: wire.number_type ?? 'UNKNOWN',
    country: wire.country,
    accountSid: wire.account_sid,
  };
}

export function toWebhookConfiguration(wire: WebhookConfigurationWire): WebhookConfiguration {
  return {
    portInTargetUrl: wire.port_in_target_url,
    portOutTargetUrl: wire.port_out_target_url,
    notificationsOf: wire.notifications_of,
    portInTargetDateCreated: wire.port_in_target_date_created,
    portOutTargetDateCreated: wire.port_out_target_date_created,
  };
}

export function toUploadedDocument(wire: UploadedDocumentWire): UploadedDocument {
  return {
    sid: wire.sid,
    accountSid: wire.account_sid,
    documentType: wire.document_type,
    status: wire.status,
    mimeType: wire.mime_type,
    friendlyName: wire.friendly_name,
  };
}

function toLosingCarrier(wire: LosingCarrierWire | null | undefined): LosingCarrierInformation {
  const address = wire?.address;
  return {
    customerType: toCustomerType(wire?.customer_type),
    customerName: wire?.customer_name ?? '',
    accountNumber: wire?.account_number ?? null,
    accountTelephoneNumber: wire?.account_telephone_number ?? null,
    authorizedRepresentative: wire?.authorized_representative ?? '',
    authorizedRepresentativeEmail: wire?.authorized_representative_email ?? '',
    addressSid: wire?.address_sid ?? null,
    address:
      address == null
        ? null
        : {
            street: address.street ?? '',
            street2: address.street_2,
            city: address.city ?? '',
            state: address.state ?? '',
            zip: address.zip ?? '',
            country: address.country ?? '',
          },
  };
}

/** Shared with fastReaders.ts, which maps the losing carrier the same way. */
export function toCustomerType(raw: string | null | undefined): CustomerType | null {
  const key = raw?.trim().toLowerCase();
  if (key === 'business') return 'Business';
  if (key === 'individual') return 'Individual';
  return null;
}

import { existsSync, readFileSync } from 'node:fs';
import { specPath as configuredSpecPath } from '../../helpers/openapiSpec';

/**
 * The response examples of Twilio's OpenAPI file (twilio-oai d50069b), copied here so the
 * mapping tests run without the spec; `loadSpecExample` reads the originals when the spec is
 * present, so a test can prove the copies have not drifted.
 */
export const SPEC_EXAMPLES = {
  fetchPortIn: {
    port_in_request_sid: 'KWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    url: 'https://numbers.twilio.com/v1/Porting/PortIn/KWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    account_sid: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    bundle_sid: null,
    portability_advance_carrier: null,
    auto_cancel_approval_numbers: null,
    notification_emails: ['user@domain.com'],
    target_port_in_date: '2023-09-10',
    target_port_in_time_range_start: '10:00:00+01:00',
    target_port_in_time_range_end: '20:00:00+01:00',
    port_in_request_status: 'pending',
    support_ticket_id: 123456,
    order_cancellation_reason: null,
    date_created: '2023-09-10T06:52:21Z',
    losing_carrier_information: {
      customer_type: 'Business',
      customer_name: 'Customer name for carrier',
      authorized_representative: 'John Smith',
      authorized_representative_email: 'signer@domain.com',
      account_number: '123456',
      account_telephone_number: '+133232323',
      address_sid: 'ADaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      authorized_representative_katakana: '\u30b8\u30e7\u30f3 \u30b9\u30df\u30b9',
      building: null,
      katakana_name: null,
      sub_municipality: null,
      address: {
        street: 'Your Street',
        street_2: 'Other Street or null',
        city: 'City',
        state: 'State',
        zip: '000000',
        country: 'US',
      },
    },
    phone_numbers: [
      {
        phone_number: '+16175551212',
        number_type: 'LOCAL',
        rejection_reason: null,
        rejection_reason_code: null,
        status_last_time_updated_timestamp: '2025-01-01T00:52:21Z',
        portable: true,
        not_portability_reason: 'string',
        not_portability_reason_code: 0,
        port_in_phone_number_sid: 'PUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        port_in_phone_number_status: 'In Review',
        port_date: '2023-09-17T00:00:00Z',
        external_porting_vendor_phone_number_id: null,
      },
    ],
    documents: ['RDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
    signature_request_url: null,
  },
  createPortIn: {
    port_in_request_sid: 'KWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    account_sid: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    notification_emails: ['user@domain.com'],
    target_port_in_date: '2023-09-10',
    target_port_in_time_range_start: '10:00:00+01:00',
    target_port_in_time_range_end: '20:00:00+01:00',
    support_ticket_id: 123456,
    port_in_request_status: 'pending',
    order_cancellation_reason: null,
    date_created: '2023-09-10T06:52:21Z',
    losing_carrier_information: {
      customer_type: 'Business',
      customer_name: 'Customer name for carrier',
      authorized_representative: 'John Smith',
      authorized_representative_email: 'signer@domain.com',
      account_number: '123456',
      account_telephone_number: '+133232323',
      address_sid: 'ADaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      address: {
        street: 'Your Street',
        street_2: 'Other Street or null',
        city: 'City',
        state: 'State',
        zip: '000000',
        country: 'US',
      },
    },
    phone_numbers: [
      {
        phone_number: '+16175551212',
        portable: true,
        not_portability_reason: 'string',
        port_in_phone_number_sid: 'PUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        port_in_phone_number_status: 'In Review',
        not_portability_reason_code: 0,
        external_porting_vendor_phone_number_id: null,
      },
    ],
    bundle_sid: null,
    portability_advance_carrier: null,
    auto_cancel_approval_numbers: null,
    documents: ['RDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
    signature_request_url: null,
    url: 'https://numbers.twilio.com/v1/Porting/PortIn/KWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  },
  fetchPortInNumber: {
    port_in_request_sid: 'KWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    account_sid: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    phone_number_type: 'LOCAL',
    date_created: '2024-04-10T06:52:21Z',
    country: 'US',
    missing_required_fields: false,
    last_updated: '2024-03-12T06:52:21Z',
    phone_number: '+15024953384',
    portable: true,
    not_portability_reason: 'ALREADY_IN_TWILIO_DIFFERENT_OWNER',
    not_portability_reason_code: 22132,
    port_in_phone_number_status: 'in_review',
    phone_number_sid: 'PUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    port_out_pin: 1234,
    rejection_reason: null,
    rejection_reason_code: null,
    port_date: '2024-05-17T00:00:00Z',
    url: 'https://numbers.twilio.com/v1/Porting/PortIn/KWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/PhoneNumber/PUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  },
  portability: {
    phone_number: '+18001234567',
    account_sid: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa01',
    portable: false,
    pin_and_account_number_required: false,
    not_portable_reason: 'MANUAL_PORTING_AVAILABLE',
    not_portable_reason_code: 22133,
    number_type: 'TOLL-FREE',
    country: 'US',
    url: 'https://numbers.twilio.com/v1/Porting/Portability/PhoneNumber/+18001234567',
  },
  listFull: {
    port_in_requests: [
      {
        port_in_request_sid: 'KWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        port_in_request_status: 'Completed',
        status_last_updated_timestamp: '2025-04-30',
        phone_numbers_requested: 1,
        phone_numbers_ported: 0,
        suggested_action: null,
      },
    ],
    meta: { next_token: 'KWbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', previous_token: null },
  },
  listEmpty: { port_in_requests: [], meta: { next_token: null, previous_token: null } },
  webhookFetch: {
    port_in_target_url: 'https://www.example.com/port-in',
    port_out_target_url: 'https://www.example.com/port-out',
    notifications_of: [
      'PortInWaitingForSignature',
      'PortInInProgress',
      'PortInCompleted',
      'PortInActionRequired',
      'PortInCanceled',
      'PortInExpired',
      'PortInPhoneNumberWaitingForSignature',
      'PortInPhoneNumberSubmitted',
      'PortInPhoneNumberPending',
      'PortInPhoneNumberCompleted',
      'PortInPhoneNumberRejected',
      'PortOutPhoneNumberCompleted',
    ],
    port_in_target_date_created: '2024-05-14T13:49:04Z',
    port_out_target_date_created: '2024-05-14T13:49:07Z',
    url: 'https://numbers.twilio.com/v1/Porting/Configuration/Webhook',
  },
} as const;

/** Where each copy lives in the spec: path, method, status, example name. */
export const SPEC_EXAMPLE_SOURCES: Readonly<
  Record<keyof typeof SPEC_EXAMPLES, [string, string, string, string]>
> = {
  fetchPortIn: ['/v1/Porting/PortIn/{PortInRequestSid}', 'get', '200', 'fetch'],
  createPortIn: ['/v1/Porting/PortIn', 'post', '202', 'create'],
  fetchPortInNumber: [
    '/v1/Porting/PortIn/{PortInRequestSid}/PhoneNumber/{PhoneNumberSid}',
    'get',
    '200',
    'fetch',
  ],
  portability: ['/v1/Porting/Portability/PhoneNumber/{PhoneNumber}', 'get', '200', 'fetch'],
  listFull: ['/v1/Porting/PortIn/PortInRequests', 'get', '200', 'readFull'],
  listEmpty: ['/v1/Porting/PortIn/PortInRequests', 'get', '200', 'readEmpty'],
  webhookFetch: ['/v1/Porting/Configuration/Webhook', 'get', '200', 'fetch'],
};

/** The spec file (TWILIO_OAI_SPEC, or ../shared/twilio/ beside the checkout), or null if absent. */
export function specPath(): string | null {
  const path = configuredSpecPath();
  return existsSync(path) ? path : null;
}

export function loadSpecExample(name: keyof typeof SPEC_EXAMPLES): unknown {
  const file = specPath();
  if (file === null) return null;
  const spec = JSON.parse(readFileSync(file, 'utf8')) as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };
  const [path, method, status, example] = SPEC_EXAMPLE_SOURCES[name];
  const response = spec.paths[path]?.[method]?.responses[status] as
    | { content?: { 'application/json'?: { examples?: Record<string, { value: unknown }> } } }
    | undefined;
  return response?.content?.['application/json']?.examples?.[example]?.value ?? null;
}

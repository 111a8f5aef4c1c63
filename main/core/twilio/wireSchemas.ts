import { z } from 'zod';
import { toIntegerOrNull } from './errorBody';

/**
 * Shapes of Twilio's JSON answers, read tolerantly (PORTING-API §10): unknown fields are
 * dropped, every field the spec marks nullable may be null or missing, and fields whose type
 * drifts between resources are accepted in each form. Only what the app cannot do without
 * (the SID, a number's E.164) is required; its absence makes the answer malformed.
 */

/** A string, or a number where the wire sometimes sends one; null when absent. */
const text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v == null ? null : String(v)));

/** An integer sent as a number or a numeric string ("22155" or 22155); otherwise null. */
const integer = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v) => toIntegerOrNull(v));

/** A boolean, or its string form as the webhook payloads send it. */
const flag = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .nullish()
  .transform((v) => (v == null ? null : v === true || v === 'true'));

const stringList = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

const sid = z.string().min(1);

export const addressWire = z.object({
  street: text,
  street_2: text,
  city: text,
  state: text,
  zip: text,
  country: text,
});

export const losingCarrierWire = z.object({
  customer_type: text,
  customer_name: text,
  account_number: text,
  account_telephone_number: text,
  authorized_representative: text,
  authorized_representative_email: text,
  address_sid: text,
  address: addressWire.nullish(),
});

/**
 * A number as it appears inside a PortIn (`port_in_phone_number_sid`, `number_type`,
 * `status_last_time_updated_timestamp`, string `rejection_reason_code`) and as the PhoneNumber
 * resource (`phone_number_sid`, `phone_number_type`, `last_updated`, integer code): both spellings.
 */
const portInNumberShape = z.object({
  port_in_phone_number_sid: sid.nullish(),
  phone_number_sid: sid.nullish(),
  phone_number: z.string().min(1),
  port_in_phone_number_status: text,
  portable: flag,
  not_portability_reason: text,
  not_portable_reason: text,
  not_portability_reason_code: integer,
  not_portable_reason_code: integer,
  number_type: text,
  phone_number_type: text,
  rejection_reason: text,
  rejection_reason_code: integer,
  port_date: text,
  status_last_time_updated_timestamp: text,
  last_updated: text,
});

const hasNumberSid = {
  check: (n: { port_in_phone_number_sid?: string | null; phone_number_sid?: string | null }) =>
    n.port_in_phone_number_sid != null || n.phone_number_sid != null,
  message: 'a number needs port_in_phone_number_sid or phone_number_sid',
};

export const portInNumberWire = portInNumberShape.refine(hasNumberSid.check, {
  message: hasNumberSid.message,
});

export const portInWire = z.object({
  port_in_request_sid: sid,
  account_sid: text,
  port_in_request_status: text,
  losing_carrier_information: losingCarrierWire.nullish(),
  notification_emails: stringList,
  target_port_in_date: text,
  target_port_in_time_range_start: text,
  target_port_in_time_range_end: text,
  documents: stringList,
  date_created: text,
  support_ticket_id: integer,
  signature_request_url: text,
  order_cancellation_reason: text,
  bundle_sid: text,
  phone_numbers: z
    .array(portInNumberWire)
    .nullish()
    .transform((v) => v ?? []),
});

export const portInPhoneNumberWire = portInNumberShape
  .extend({
    port_in_request_sid: text,
    account_sid: text,
    country: text,
    missing_required_fields: flag,
    date_created: text,
  })
  .refine(hasNumberSid.check, { message: hasNumberSid.message });

export const portabilityWire = z.object({
  phone_number: z.string().min(1),
  account_sid: text,
  // Nullable in the spec, but it is the answer to the question asked: without it there is none.
  portable: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .transform((v) => v === true || v === 'true'),
  pin_and_account_number_required: flag,
  not_portable_reason: text,
  not_portability_reason: text,
  not_portable_reason_code: integer,
  not_portability_reason_code: integer,
  number_type: text,
  country: text,
});

export const portInListRowWire = z.object({
  port_in_request_sid: sid,
  port_in_request_status: text,
  status_last_updated_timestamp: text,
  status_last_time_updated_timestamp: text,
  phone_numbers_requested: integer,
  phone_numbers_ported: integer,
  suggested_action: text,
});

export const portInListWire = z.object({
  port_in_requests: z.array(portInListRowWire),
  meta: z.object({ next_token: text, previous_token: text }).nullish(),
});

export const webhookConfigurationWire = z.object({
  port_in_target_url: text,
  port_out_target_url: text,
  notifications_of: stringList,
  port_in_target_date_created: text,
  port_out_target_date_created: text,
});

export const uploadedDocumentWire = z.object({
  sid,
  account_sid: text,
  document_type: text,
  status: text,
  mime_type: text,
  friendly_name: text,
});

export type PortInWire = z.infer<typeof portInWire>;
export type PortInNumberWire = z.infer<typeof portInNumberWire>;
export type PortInPhoneNumberWire = z.infer<typeof portInPhoneNumberWire>;
export type PortabilityWire = z.infer<typeof portabilityWire>;
export type PortInListRowWire = z.infer<typeof portInListRowWire>;
export type WebhookConfigurationWire = z.infer<typeof webhookConfigurationWire>;
export type UploadedDocumentWire = z.infer<typeof uploadedDocumentWire>;
export type LosingCarrierWire = z.infer<typeof losingCarrierWire>;

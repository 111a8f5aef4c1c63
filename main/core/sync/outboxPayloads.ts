import { z } from 'zod';
import { E164_PATTERN, TWILIO_SID_PATTERNS } from '../../../shared/domain/identifiers';
import type { OutboxKind } from '../store';

/**
 * The payload each outbox operation carries, written by the porting use cases when they queue
 * work and read back (and re-validated) by the outbox runner. Payloads hold ids and data, never
 * a secret; a create's document SIDs are looked up at send time from the documents its upload
 * steps produced, so an upload that finished after a crash is not lost.
 */
const e164 = z.string().regex(E164_PATTERN);
const requestSid = z.string().regex(TWILIO_SID_PATTERNS.KW);
const numberSid = z.string().regex(TWILIO_SID_PATTERNS.PU);

export const UploadDocumentPayload = z.object({
  /** The local document (store.documents) whose bytes are uploaded. */
  documentId: z.int().positive(),
});

const address = z.object({
  street: z.string(),
  street2: z.string().nullable(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  country: z.string(),
});

export const CreatePortInPayload = z.object({
  draftId: z.int().positive(),
  /** Local documents attached to the request; each must have a Twilio SID before sending. */
  documentIds: z.array(z.int().positive()).min(1),
  phoneNumbers: z
    .array(z.object({ phoneNumber: e164, pin: z.string().nullable().optional() }))
    .min(1)
    .max(1000),
  losingCarrier: z.object({
    customerType: z.enum(['Business', 'Individual']).nullable(),
    customerName: z.string().min(1),
    accountNumber: z.string().nullable(),
    accountTelephoneNumber: z.string().nullable(),
    authorizedRepresentative: z.string().min(1),
    authorizedRepresentativeEmail: z.string().min(1),
    addressSid: z.string().nullable(),
    address: address.nullable(),
  }),
  notificationEmails: z.array(z.string()).nullable().optional(),
  targetPortInDate: z.string().nullable().optional(),
  targetPortInTimeRangeStart: z.string().nullable().optional(),
  targetPortInTimeRangeEnd: z.string().nullable().optional(),
  /**
   * Epoch ms of the first send attempt. Reconciliation only considers requests Twilio created
   * after it (minus clock slack), so an older request for the same numbers is never mistaken
   * for ours.
   */
  firstSentAt: z.number().nullable().optional(),
});

export const CancelPortInPayload = z.object({ requestSid });

export const CancelNumberPayload = z.object({
  requestSid,
  numberSid,
  phoneNumber: e164.nullable(),
});

export const OUTBOX_PAYLOADS = {
  upload_document: UploadDocumentPayload,
  create_port_in: CreatePortInPayload,
  cancel_port_in: CancelPortInPayload,
  cancel_number: CancelNumberPayload,
} as const satisfies Record<OutboxKind, z.ZodType>;

export type OutboxPayloadOf<K extends OutboxKind> = z.output<(typeof OUTBOX_PAYLOADS)[K]>;

/** Result stored on a done item, read by the steps that depend on it. */
export interface UploadDocumentResult {
  documentSid: string;
}
export interface CreatePortInResult {
  requestSid: string;
  /** true when the request was found by reconciliation rather than created by this send. */
  reconciled: boolean;
}

import { z } from 'zod';
import { E164Schema, NumberSidSchema, RequestSidSchema } from '../../../shared/ipc';
import type { JsonObject } from './json';

/**
 * The payload each outbox operation carries, written by the porting use cases when they queue
 * work and parsed once, when the store reads the row, into `OutboxItem.operation`. Payloads hold
 * ids and data, never a secret; a create's document SIDs are looked up at send time from the
 * documents its upload steps produced, so an upload that finished after a crash is not lost.
 */
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
    .array(z.object({ phoneNumber: E164Schema, pin: z.string().nullable().optional() }))
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

export const CancelPortInPayload = z.object({ requestSid: RequestSidSchema });

export const CancelNumberPayload = z.object({
  requestSid: RequestSidSchema,
  numberSid: NumberSidSchema,
  phoneNumber: E164Schema.nullable(),
});

export const OUTBOX_KINDS = [
  'upload_document',
  'create_port_in',
  'cancel_port_in',
  'cancel_number',
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export const OUTBOX_PAYLOADS = {
  upload_document: UploadDocumentPayload,
  create_port_in: CreatePortInPayload,
  cancel_port_in: CancelPortInPayload,
  cancel_number: CancelNumberPayload,
} as const satisfies Record<OutboxKind, z.ZodType>;

export type OutboxPayloadOf<K extends OutboxKind> = z.output<(typeof OUTBOX_PAYLOADS)[K]>;

/**
 * A row's operation, its payload parsed by kind. `unreadable`: the stored payload does not fit
 * its kind (written by another version, or edited by hand); the runner fails it with `problem`.
 */
export type OutboxOperation =
  | { kind: 'upload_document'; payload: OutboxPayloadOf<'upload_document'> }
  | { kind: 'create_port_in'; payload: OutboxPayloadOf<'create_port_in'> }
  | { kind: 'cancel_port_in'; payload: OutboxPayloadOf<'cancel_port_in'> }
  | { kind: 'cancel_number'; payload: OutboxPayloadOf<'cancel_number'> }
  | { kind: 'unreadable'; problem: string };

export function parseOutboxOperation(kind: OutboxKind, payload: JsonObject): OutboxOperation {
  switch (kind) {
    case 'upload_document': {
      const parsed = UploadDocumentPayload.safeParse(payload);
      return parsed.success ? { kind, payload: parsed.data } : unreadable(parsed.error);
    }
    case 'create_port_in': {
      const parsed = CreatePortInPayload.safeParse(payload);
      return parsed.success ? { kind, payload: parsed.data } : unreadable(parsed.error);
    }
    case 'cancel_port_in': {
      const parsed = CancelPortInPayload.safeParse(payload);
      return parsed.success ? { kind, payload: parsed.data } : unreadable(parsed.error);
    }
    case 'cancel_number': {
      const parsed = CancelNumberPayload.safeParse(payload);
      return parsed.success ? { kind, payload: parsed.data } : unreadable(parsed.error);
    }
  }
}

function unreadable(error: z.ZodError): OutboxOperation {
  const problem = error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`)
    .join('; ');
  return { kind: 'unreadable', problem };
}

/**
 * An item's last failure as stored (JSON, never a secret): `kind` is the TwilioError kind or one
 * of the outbox's own (`interrupted`, `unreadable_payload`, `missing_bill`, `local`). The known
 * fields are typed when they have their type; anything else is kept as it was stored.
 */
export type OutboxLastError = JsonObject & {
  kind?: string;
  message?: string;
  code?: number | null;
  httpStatus?: number;
};

export function parseLastError(stored: JsonObject | null): OutboxLastError | null {
  if (stored === null) return null;
  const typed: OutboxLastError = { ...stored };
  if (typeof stored.kind !== 'string') delete typed.kind;
  if (typeof stored.message !== 'string') delete typed.message;
  if (typeof stored.code !== 'number' && stored.code !== null) delete typed.code;
  if (typeof stored.httpStatus !== 'number') delete typed.httpStatus;
  return typed;
}

/** Payloads of the wizard: drafts, the utility bill and the portability check. */
import { z } from 'zod';
import {
  AccountIdSchema,
  DraftIdSchema,
  E164Schema,
  IsoDateSchema,
  OffsetTimeSchema,
  nameText,
  singleLineText,
} from './fieldSchemas';
import {
  BILL_TRANSPORT_MAX_BYTES,
  MAX_NOTIFICATION_EMAILS,
  MAX_NUMBERS_PER_REQUEST,
} from './limits';

export const DraftPhoneNumberSchema = z.strictObject({
  phoneNumber: E164Schema,
  pin: singleLineText(20).nullable(),
});

export const DraftAddressPatchSchema = z
  .strictObject({
    street: nameText(200),
    street2: nameText(200),
    city: nameText(100),
    state: singleLineText(50),
    zip: singleLineText(20),
    country: singleLineText(56),
  })
  .partial();

export const DraftLosingCarrierPatchSchema = z
  .strictObject({
    customerType: z.enum(['Business', 'Individual']).nullable(),
    customerName: nameText(200),
    accountNumber: singleLineText(64),
    accountTelephoneNumber: singleLineText(32),
    authorizedRepresentative: nameText(200),
    authorizedRepresentativeEmail: singleLineText(254),
    address: DraftAddressPatchSchema,
  })
  .partial();

/** A partial change: only the keys sent change; `losingCarrier` and its address merge deeply. */
export const DraftPatchSchema = z
  .strictObject({
    phoneNumbers: z
      .array(DraftPhoneNumberSchema)
      .max(
        MAX_NUMBERS_PER_REQUEST,
        `At most ${MAX_NUMBERS_PER_REQUEST.toLocaleString('en-US')} numbers per port-in request`,
      ),
    losingCarrier: DraftLosingCarrierPatchSchema,
    notificationEmails: z
      .array(singleLineText(254))
      .max(MAX_NOTIFICATION_EMAILS, `At most ${MAX_NOTIFICATION_EMAILS} notification emails`),
    targetPortInDate: IsoDateSchema.nullable(),
    targetPortInTimeRangeStart: OffsetTimeSchema.nullable(),
    targetPortInTimeRangeEnd: OffsetTimeSchema.nullable(),
  })
  .partial();
export type DraftPatch = z.output<typeof DraftPatchSchema>;

export const CreateDraftSchema = z.strictObject({
  accountId: AccountIdSchema,
  initial: DraftPatchSchema.optional(),
});
export const DraftRefSchema = z.strictObject({ draftId: DraftIdSchema });
export const UpdateDraftSchema = z.strictObject({
  draftId: DraftIdSchema,
  /** Moves the draft to another account (allowed while editing). */
  accountId: AccountIdSchema.optional(),
  patch: DraftPatchSchema,
});

/**
 * The contract only bounds what one attach may carry; whether a bill is empty, over Twilio's
 * 10 MB or not a PDF/JPEG/PNG is the bill use case's call, whose refusal names the file
 * ("“scan.pdf” is 12.4 MB; the limit is 10 MB…"). The transport cap sits above Twilio's limit
 * so that those refusals reach the agent, and refuses only absurd payloads before any hashing,
 * sniffing or writing.
 */
export const AttachBillSchema = z.strictObject({
  draftId: DraftIdSchema,
  name: nameText(255, 'The file name is too long').min(1, 'The file has no name'),
  bytes: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, {
      message: 'The bill must be sent as bytes (a Uint8Array), not a path',
    })
    .refine(
      (bytes) => bytes.byteLength <= BILL_TRANSPORT_MAX_BYTES,
      `The file is larger than ${BILL_TRANSPORT_MAX_BYTES / (1024 * 1024)} MB; Twilio accepts a utility bill of at most 10 MB`,
    ),
});

export const StartPortabilitySchema = z.strictObject({
  draftId: DraftIdSchema,
  /** A subset to (re)check; all of the draft's numbers when absent. */
  phoneNumbers: z.array(E164Schema).min(1).max(MAX_NUMBERS_PER_REQUEST).optional(),
});
export const PortabilityRefSchema = z.strictObject({ checkId: z.string().min(1).max(64) });

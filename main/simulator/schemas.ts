/**
 * The zod schemas for what reaches the simulator as untrusted data outside the Porting API
 * routes: control-API bodies (/__sim/) and snapshots read from a file. One module, importing only
 * types, so the control API and the snapshot code share them without importing each other. (The
 * Porting API's own request bodies are checked beside their routes: createValidation.ts and
 * configurationRoutes.ts.)
 */
import * as z from 'zod';
import { NUMBER_STATUSES, REQUEST_STATUSES } from '../../shared/domain';
import {
  SNAPSHOT_VERSION,
  type LifecycleEvent,
  type SimulatorSnapshot,
  type SnapshotRequest,
} from './api';
import type { SigningRequestConfig, SimDocument, SimNumber, WebhookConfig } from './model';
import { isRejectionCode } from './reasonCodes';

/** A carrier answer script, as the control API and a snapshot accept it. */
export const numberOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('complete') }),
  z.object({
    kind: z.literal('reject'),
    code: z.number().refine(isRejectionCode, 'must be a rejection code from 22150 to 22159'),
  }),
  z.object({ kind: z.literal('move_port_date'), toDaysLater: z.number().int() }),
  z.object({ kind: z.literal('stall') }),
]);

export const spellingSchema = z.enum(['twilio', 'snake', 'title']);

const triggerShape = {
  rate: z.number().min(0).max(1).optional(),
  count: z.number().int().positive().optional(),
  match: z
    .object({ method: z.string().min(1).optional(), path: z.string().min(1).optional() })
    .optional(),
};
const phase = z.enum(['before', 'after']).optional();

/** Faults arrive as JSON on /__sim/faults, so they are checked like any other input. */
export const faultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), ms: z.number().nonnegative(), ...triggerShape }),
  z.object({
    kind: z.literal('status'),
    status: z.union([z.literal(429), z.literal(500), z.literal(503)]),
    retryAfterSeconds: z.number().nonnegative().optional(),
    ...triggerShape,
  }),
  z.object({ kind: z.literal('reset'), phase, ...triggerShape }),
  z.object({ kind: z.literal('malformed'), phase, ...triggerShape }),
]);

/** Body of POST /__sim/seed. */
export const seedSchema = z.object({
  demo: z.boolean().optional(),
  requests: z.number().int().min(0).max(100_000).optional(),
  numbersPerRequest: z.number().int().min(1).max(1000).optional(),
  inTwilio: z.array(z.string().regex(/^\+[1-9]\d{1,14}$/, 'must be an E.164 number')).optional(),
});

/** Body of POST /__sim/numbers/{e164}/record, and a record in a snapshot. */
export const carrierRecordSchema = z.strictObject({
  customerName: z.string().trim().min(1).optional(),
  address: z
    .strictObject({
      street: z.string().trim().min(1),
      city: z.string().trim().min(1),
      state: z.string().trim().min(1),
      zip: z.string().trim().min(1),
    })
    .optional(),
  pin: z.string().trim().min(1).optional(),
  accountNumber: z.string().trim().min(1).optional(),
  refusedPortInDate: z.iso.date().nullable().optional(),
});

const epochMs = z.number().int();
const sidOf = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `must be a ${prefix}… SID`);
const e164 = z.string().regex(/^\+[1-9]\d{1,14}$/, 'must be an E.164 number');
const int32 = z.number().int().min(-0x80000000).max(0xffffffff);

const addressSchema = z.object({
  street: z.string(),
  street_2: z.string().optional(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  country: z.string(),
});

const losingCarrierSchema = z.object({
  customer_name: z.string(),
  authorized_representative: z.string(),
  authorized_representative_email: z.string(),
  customer_type: z.enum(['Business', 'Individual']).optional(),
  account_number: z.string().optional(),
  account_telephone_number: z.string().optional(),
  address_sid: z.string().optional(),
  address: addressSchema.optional(),
  authorized_representative_katakana: z.string().optional(),
  sub_municipality: z.string().optional(),
  building: z.string().optional(),
  katakana_name: z.string().optional(),
});

const numberSchema: z.ZodType<SimNumber> = z.object({
  sid: sidOf('PU'),
  requestSid: sidOf('KW'),
  phoneNumber: z.string(),
  status: z.enum(NUMBER_STATUSES),
  statusUpdatedAt: epochMs,
  dateCreated: epochMs,
  portable: z.boolean(),
  notPortableReason: z.string().nullable(),
  notPortableReasonCode: z.number().int().nullable(),
  numberType: z.enum(['LOCAL', 'MOBILE', 'TOLL-FREE', 'UNKNOWN']),
  country: z.string().nullable(),
  pin: z.string().nullable(),
  missingRequiredFields: z.boolean(),
  rejectionReason: z.string().nullable(),
  rejectionReasonCode: z.number().int().nullable(),
  portDate: epochMs.nullable(),
});

const requestSchema: z.ZodType<SnapshotRequest> = z
  .object({
    sid: sidOf('KW'),
    accountSid: sidOf('AC'),
    status: z.enum(REQUEST_STATUSES),
    statusUpdatedAt: epochMs,
    dateCreated: epochMs,
    losingCarrier: losingCarrierSchema,
    notificationEmails: z.array(z.string()).nullable(),
    targetPortInDate: z.string().nullable(),
    targetTimeRangeStart: z.string().nullable(),
    targetTimeRangeEnd: z.string().nullable(),
    documents: z.array(z.string()),
    bundleSid: z.string().nullable(),
    portabilityAdvanceCarrier: z.string().nullable(),
    autoCancelApprovalNumbers: z.string().nullable(),
    supportTicketId: z.number().int(),
    signatureRequestUrl: z.string().nullable(),
    orderCancellationReason: z.string().nullable(),
    numbers: z.array(numberSchema),
    loaGeneratedAt: epochMs.nullable(),
    signedAt: epochMs.nullable(),
    carrierAnsweredAt: epochMs.nullable(),
    autoSignAfterMs: z.number().nonnegative().nullable(),
    cancelRequested: z.boolean(),
  })
  .superRefine((request, context) => {
    request.numbers.forEach((number, index) => {
      if (number.requestSid !== request.sid) {
        context.addIssue({
          code: 'custom',
          path: ['numbers', index, 'requestSid'],
          message: `belongs to ${number.requestSid}, not to ${request.sid}`,
        });
      }
    });
  });

const documentSchema: z.ZodType<SimDocument> = z.object({
  sid: sidOf('RD'),
  accountSid: sidOf('AC'),
  documentType: z.string(),
  friendlyName: z.string().nullable(),
  mimeType: z.string(),
  size: z.number().int().nonnegative(),
  dateCreated: epochMs,
});

const webhookSchema: z.ZodType<WebhookConfig> = z.object({
  portInTargetUrl: z.string().nullable(),
  portOutTargetUrl: z.string().nullable(),
  notificationsOf: z.array(z.string()),
  portInTargetDateCreated: epochMs.nullable(),
  portOutTargetDateCreated: epochMs.nullable(),
});

const signingConfigSchema: z.ZodType<SigningRequestConfig> = z.object({
  logo_sid: z.string().nullable(),
  friendly_name: z.string().nullable(),
  product: z.string().nullable(),
  country: z.string().nullable(),
  email_subject: z.string().nullable(),
  email_message: z.string().nullable(),
  url_redirection: z.string().nullable(),
});

const requestSid = sidOf('KW');
const eventSchema: z.ZodType<LifecycleEvent> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('review'), requestSid }),
  z.object({ kind: z.literal('autoSign'), requestSid }),
  z.object({ kind: z.literal('expire'), requestSid }),
  z.object({ kind: z.literal('submit'), requestSid }),
  z.object({ kind: z.literal('carrierResponse'), requestSid }),
  z.object({
    kind: z.literal('movePortDate'),
    requestSid,
    numberSid: sidOf('PU'),
    days: z.number().int(),
  }),
  z.object({ kind: z.literal('portDate'), requestSid }),
  z.object({ kind: z.literal('customerCancel'), requestSid }),
  z.object({ kind: z.literal('cancelDone'), requestSid, numberSid: sidOf('PU').nullable() }),
]);

export const snapshotSchema: z.ZodType<SimulatorSnapshot> = z
  .object({
    version: z.literal(SNAPSHOT_VERSION),
    savedAt: z.string(),
    seed: z.string(),
    now: epochMs,
    credentials: z.object({ accountSid: sidOf('AC'), apiKeySid: sidOf('SK') }),
    ids: z.object({
      sidRandom: z.tuple([int32, int32, int32, int32]),
      supportTicket: z.number().int(),
      seedCalls: z.number().int().nonnegative(),
    }),
    requests: z.array(requestSchema),
    documents: z.array(documentSchema),
    scripts: z.array(z.object({ phoneNumber: e164, outcome: numberOutcomeSchema })),
    carrierRecords: z
      .array(z.object({ phoneNumber: e164, record: carrierRecordSchema }))
      .optional(),
    ownedNumbers: z.array(z.string()),
    inTwilio: z.array(z.string()),
    webhook: webhookSchema.nullable(),
    signingConfigs: z.array(signingConfigSchema),
    events: z.array(
      z.object({ at: epochMs, seq: z.number().int().nonnegative(), event: eventSchema }),
    ),
    nextEventSeq: z.number().int().nonnegative(),
  })
  .superRefine((snapshot, context) => {
    const seen = new Set<string>();
    snapshot.requests.forEach((request, index) => {
      if (seen.has(request.sid)) {
        context.addIssue({
          code: 'custom',
          path: ['requests', index, 'sid'],
          message: `${request.sid} appears twice`,
        });
      }
      seen.add(request.sid);
    });
  });

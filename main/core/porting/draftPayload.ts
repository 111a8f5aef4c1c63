import { z } from 'zod';
import { ReasonViewSchema, type DraftPatch } from '../../../shared/ipc';
import type { PortInDraft } from '../../../shared/domain/draft';
import {
  DRAFT_FIELD_KEYS,
  type DraftLosingCarrier,
  type DraftPayload,
  type ResubmitOrigin,
} from '../../../shared/views';
import type { JsonObject } from '../store';

/**
 * What a draft row's `payload` column holds: the form as the agent typed it (the view's
 * DraftPayload), the local document id of the attached bill, and — for a "fix and resubmit"
 * draft — the request it corrects. The account is the row's own column.
 */
export interface StoredDraftPayload extends DraftPayload {
  billDocumentId: number | null;
  /**
   * The name the bill had when it was attached to this draft. The same bytes are one document
   * per account, named by whichever draft stored them first; this draft shows its own name.
   * Absent (older drafts, a bill copied from the original request): the document's name.
   */
  billFileName?: string | null;
  origin: ResubmitOrigin | null;
}

const text = z.string().catch('');
const nullableText = z.string().nullable().catch(null);

// Read leniently: a field an older version wrote in another shape falls back to its default
// instead of making the whole draft unreadable.
const storedAddress = z
  .object({
    street: text,
    street2: text,
    city: text,
    state: text,
    zip: text,
    country: z.string().catch('US'),
  })
  .catch({ street: '', street2: '', city: '', state: '', zip: '', country: 'US' });

const storedLosingCarrier = z.object({
  customerType: z.enum(['Business', 'Individual']).nullable().catch(null),
  customerName: text,
  accountNumber: text,
  accountTelephoneNumber: text,
  authorizedRepresentative: text,
  authorizedRepresentativeEmail: text,
  address: storedAddress,
});

const storedOrigin = z.object({
  requestSid: z.string(),
  fieldsToCorrect: z.array(z.object({ field: z.enum(DRAFT_FIELD_KEYS), reason: ReasonViewSchema })),
});

const storedPayload = z.object({
  phoneNumbers: z
    .array(z.object({ phoneNumber: z.string(), pin: z.string().nullable().catch(null) }))
    .catch([]),
  losingCarrier: storedLosingCarrier.catch(emptyLosingCarrier),
  notificationEmails: z.array(z.string()).catch([]),
  targetPortInDate: nullableText,
  targetPortInTimeRangeStart: nullableText,
  targetPortInTimeRangeEnd: nullableText,
  billDocumentId: z.int().positive().nullable().catch(null),
  billFileName: z.string().nullable().optional().catch(null),
  origin: storedOrigin.nullable().catch(null),
});

export function emptyLosingCarrier(): DraftLosingCarrier {
  return {
    customerType: null,
    customerName: '',
    accountNumber: '',
    accountTelephoneNumber: '',
    authorizedRepresentative: '',
    authorizedRepresentativeEmail: '',
    address: { street: '', street2: '', city: '', state: '', zip: '', country: 'US' },
  };
}

export function emptyDraftPayload(): StoredDraftPayload {
  return {
    phoneNumbers: [],
    losingCarrier: emptyLosingCarrier(),
    notificationEmails: [],
    targetPortInDate: null,
    targetPortInTimeRangeStart: null,
    targetPortInTimeRangeEnd: null,
    billDocumentId: null,
    origin: null,
  };
}

/** The stored JSON with a default for every field that is missing or unreadable. */
export function readDraftPayload(json: JsonObject): StoredDraftPayload {
  const parsed = storedPayload.safeParse(json);
  return parsed.success ? parsed.data : emptyDraftPayload();
}

export function toJsonPayload(payload: StoredDraftPayload): JsonObject {
  // Every value is plain JSON (strings, numbers, null, arrays, objects): a round trip is exact.
  return JSON.parse(JSON.stringify(payload)) as JsonObject;
}

/** The form part only, for the view. */
export function formOf(payload: StoredDraftPayload): DraftPayload {
  const { billDocumentId: _bill, billFileName: _name, origin: _origin, ...form } = payload;
  return form;
}

/** Keys the patch names replace; `losingCarrier` and its address merge key by key. */
export function applyDraftPatch(
  current: StoredDraftPayload,
  patch: DraftPatch,
): StoredDraftPayload {
  const next: StoredDraftPayload = { ...current };
  if (patch.phoneNumbers !== undefined) {
    next.phoneNumbers = patch.phoneNumbers.map((n) => ({ phoneNumber: n.phoneNumber, pin: n.pin }));
  }
  if (patch.losingCarrier !== undefined) {
    const { address, ...carrier } = patch.losingCarrier;
    next.losingCarrier = {
      ...current.losingCarrier,
      ...carrier,
      address: { ...current.losingCarrier.address, ...address },
    };
  }
  if (patch.notificationEmails !== undefined) {
    next.notificationEmails = [...patch.notificationEmails];
  }
  if (patch.targetPortInDate !== undefined) next.targetPortInDate = patch.targetPortInDate;
  if (patch.targetPortInTimeRangeStart !== undefined) {
    next.targetPortInTimeRangeStart = patch.targetPortInTimeRangeStart;
  }
  if (patch.targetPortInTimeRangeEnd !== undefined) {
    next.targetPortInTimeRangeEnd = patch.targetPortInTimeRangeEnd;
  }
  return next;
}

/** The dotted paths a patch writes, e.g. `losingCarrier.address.zip`. */
export function pathsTouchedBy(patch: DraftPatch): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (key !== 'losingCarrier') {
      paths.push(key);
      continue;
    }
    for (const [carrierKey, carrierValue] of Object.entries(patch.losingCarrier ?? {})) {
      if (carrierValue === undefined) continue;
      if (carrierKey !== 'address') {
        paths.push(`losingCarrier.${carrierKey}`);
        continue;
      }
      for (const [addressKey, addressValue] of Object.entries(patch.losingCarrier?.address ?? {})) {
        if (addressValue !== undefined) paths.push(`losingCarrier.address.${addressKey}`);
      }
    }
  }
  return paths;
}

/** The shape shared/domain/draft.ts validates. */
export function toPortInDraft(
  accountId: string,
  payload: StoredDraftPayload,
  billDocumentId: number | null,
): PortInDraft {
  return {
    accountId,
    phoneNumbers: payload.phoneNumbers,
    losingCarrier: payload.losingCarrier,
    billDocumentId,
    targetPortInDate: payload.targetPortInDate,
    targetPortInTimeRangeStart: payload.targetPortInTimeRangeStart,
    targetPortInTimeRangeEnd: payload.targetPortInTimeRangeEnd,
    notificationEmails: payload.notificationEmails,
  };
}

/** The draft's lenient shape, its length caps and the issue type every check returns. */
import type {
  DraftAddress,
  DraftLosingCarrier,
  DraftPayload,
  DraftPhoneNumber,
} from '../draftForm';

/**
 * While a draft is edited (and when it is read back from IPC or the database) any field of the
 * form may be missing or null: the form's shape, every level made lenient.
 */
type Lenient<T> = {
  [K in keyof T]?:
    | (T[K] extends readonly (infer E)[]
        ? (E extends object ? Lenient<E> : E)[]
        : T[K] extends object
          ? Lenient<T[K]>
          : T[K])
    | null;
};

export type PortInDraftNumber = Lenient<DraftPhoneNumber>;
export type PortInDraftAddress = Lenient<DraftAddress>;
export type PortInDraftLosingCarrier = Lenient<DraftLosingCarrier>;

/** The form (shared/domain/draftForm.ts), lenient, with what the draft row keeps beside it. */
export interface PortInDraft extends Lenient<DraftPayload> {
  /** PortDesk's id of the Twilio account the numbers go to. */
  accountId?: string | null;
  /** The local document id (documents table) of the utility bill; uploaded when submitting. */
  billDocumentId?: number | null;
}

/** A problem with one field; `field` is a dotted path such as `phoneNumbers.3.pin` (0-based). */
export interface DraftIssue {
  field: string;
  message: string;
}

/** Twilio's limit of notification emails per port-in request. */
export const MAX_NOTIFICATION_EMAILS = 10;

/** Length caps: an IPC edit can never carry a huge string (a bill travels as bytes elsewhere). */
export const DRAFT_LIMITS = {
  id: 100,
  name: 200,
  email: 254,
  accountNumber: 64,
  pin: 20,
  phoneNumberText: 40,
  street: 200,
  city: 100,
  state: 50,
  zip: 20,
  country: 60,
  dateText: 20,
  /** Drafts may hold more emails than a request takes, so the agent sees the submit message. */
  notificationEmails: 50,
} as const;

/** What the portability check said about a number (a PortabilityResult fits). */
export interface NumberPortability {
  portable: boolean;
  pinAndAccountNumberRequired: boolean;
  notPortableReason?: string | null;
  notPortableReasonCode?: number | null;
}

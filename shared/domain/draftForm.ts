/**
 * The port-in wizard's form: the one place its fields are named. The view a draft crosses IPC in
 * (shared/views/ `DraftPayload`), the lenient shape the domain checks (shared/domain/draft.ts
 * `PortInDraft`, derived from these) and the contract's patch (shared/ipc `DraftPatch`, held
 * to these by a type test) all follow it. Types only and one constant, so the preload and the
 * renderer can import it without the domain's validation code.
 */

export interface DraftPhoneNumber {
  /** E.164 */
  phoneNumber: string;
  /** Port-out PIN; required for US mobile numbers. */
  pin: string | null;
}

export interface DraftAddress {
  street: string;
  street2: string;
  city: string;
  /** 2-letter USPS code. */
  state: string;
  zip: string;
  /** Only US; taken as US when empty. */
  country: string;
}

export interface DraftLosingCarrier {
  customerType: 'Business' | 'Individual' | null;
  customerName: string;
  accountNumber: string;
  /** Billing telephone number (BTN), E.164 or as typed. */
  accountTelephoneNumber: string;
  authorizedRepresentative: string;
  authorizedRepresentativeEmail: string;
  address: DraftAddress;
}

/** What the agent has typed so far; incomplete until `validateDraft` reports no field errors. */
export interface DraftPayload {
  phoneNumbers: DraftPhoneNumber[];
  losingCarrier: DraftLosingCarrier;
  notificationEmails: string[];
  /** YYYY-MM-DD */
  targetPortInDate: string | null;
  /** ISO offset time as the wire wants it, e.g. `10:00:00-05:00`. */
  targetPortInTimeRangeStart: string | null;
  targetPortInTimeRangeEnd: string | null;
}

/**
 * The wizard's sections: the top-level fields a field error or a "fix and resubmit" marker can
 * point at (shared/views/ calls them `DRAFT_FIELD_KEYS`). The draft's `accountId` and
 * `billDocumentId` are the sections `account` and `bill`.
 */
export const DRAFT_SECTIONS = [
  'account',
  'phoneNumbers',
  'pin',
  'bill',
  'losingCarrier.customerType',
  'losingCarrier.customerName',
  'losingCarrier.accountNumber',
  'losingCarrier.accountTelephoneNumber',
  'losingCarrier.authorizedRepresentative',
  'losingCarrier.authorizedRepresentativeEmail',
  'losingCarrier.address',
  'notificationEmails',
  'targetPortInDate',
  'targetPortInTimeRange',
] as const;
export type DraftSection = (typeof DRAFT_SECTIONS)[number];

import type { NumberStatus, ObservedStatus, RequestStatus } from './statuses';

/**
 * Typed domain objects the Twilio client returns and the store persists. camelCase, one spelling
 * per field: the client absorbs the wire's name drift (PORTING-API §10) when it maps to these.
 */

export type CustomerType = 'Business' | 'Individual';

export interface ServiceAddress {
  street: string;
  street2: string | null;
  city: string;
  state: string;
  zip: string;
  country: string;
}

export interface LosingCarrierInformation {
  customerType: CustomerType | null;
  customerName: string;
  accountNumber: string | null;
  accountTelephoneNumber: string | null;
  authorizedRepresentative: string;
  authorizedRepresentativeEmail: string;
  addressSid: string | null;
  address: ServiceAddress | null;
}

export interface PortInNumber {
  /** PU… */
  sid: string;
  /** E.164 */
  phoneNumber: string;
  status: ObservedStatus<NumberStatus>;
  /** null until Twilio has evaluated portability. */
  portable: boolean | null;
  notPortableReason: string | null;
  notPortableReasonCode: number | null;
  /** LOCAL | MOBILE | TOLL-FREE | UNKNOWN as sent, or null. */
  numberType: string | null;
  rejectionReason: string | null;
  /** Always a number here: the wire sends it as a string or an integer depending on the resource. */
  rejectionReasonCode: number | null;
  /** ISO date-time of the confirmed (FOC) port date. */
  portDate: string | null;
  statusUpdatedAt: string | null;
}

export interface PortInRequest {
  /** KW… */
  sid: string;
  accountSid: string;
  status: ObservedStatus<RequestStatus>;
  losingCarrier: LosingCarrierInformation;
  notificationEmails: string[];
  /** YYYY-MM-DD */
  targetPortInDate: string | null;
  targetPortInTimeRangeStart: string | null;
  targetPortInTimeRangeEnd: string | null;
  documents: string[];
  dateCreated: string | null;
  supportTicketId: number | null;
  signatureRequestUrl: string | null;
  orderCancellationReason: string | null;
  bundleSid: string | null;
  phoneNumbers: PortInNumber[];
}

/** A row of the list endpoint: a summary only; numbers need a fetch of the request. */
export interface PortInRequestSummary {
  sid: string;
  status: ObservedStatus<RequestStatus>;
  statusUpdatedAt: string | null;
  numbersRequested: number | null;
  numbersPorted: number | null;
  suggestedAction: string | null;
}

/** The PhoneNumber resource (`/PortIn/{KW}/PhoneNumber/{PU}`): a number with a few extra fields. */
export interface PortInPhoneNumberDetail extends PortInNumber {
  requestSid: string;
  accountSid: string | null;
  country: string | null;
  missingRequiredFields: boolean | null;
  dateCreated: string | null;
}

export interface PortabilityResult {
  phoneNumber: string;
  portable: boolean;
  pinAndAccountNumberRequired: boolean;
  notPortableReason: string | null;
  notPortableReasonCode: number | null;
  numberType: string;
  country: string | null;
  /** Set only when the number already exists in one of the caller's accounts. */
  accountSid: string | null;
}

/** What the agent submits; the client turns it into the snake_case JSON body. */
export interface PortInCreateInput {
  accountSid: string;
  documents: string[];
  phoneNumbers: { phoneNumber: string; pin?: string | null }[];
  losingCarrier: LosingCarrierInformation;
  notificationEmails?: string[] | null;
  targetPortInDate?: string | null;
  targetPortInTimeRangeStart?: string | null;
  targetPortInTimeRangeEnd?: string | null;
}

export interface UploadedDocument {
  /** RD… */
  sid: string;
  accountSid: string | null;
  documentType: string | null;
  status: string | null;
  mimeType: string | null;
  friendlyName: string | null;
}

export interface WebhookConfiguration {
  portInTargetUrl: string | null;
  portOutTargetUrl: string | null;
  notificationsOf: string[];
  portInTargetDateCreated: string | null;
  portOutTargetDateCreated: string | null;
}

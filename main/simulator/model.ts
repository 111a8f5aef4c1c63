import type { NumberStatus, RequestStatus } from '../../shared/domain';

/** The simulator's in-memory records. Times are simulated epoch milliseconds. */

export type NumberType = 'LOCAL' | 'MOBILE' | 'TOLL-FREE' | 'UNKNOWN';

export interface SimAddress {
  street: string;
  street_2?: string;
  city: string;
  state: string;
  zip: string;
  country: string;
}

/** Echoed back as the client sent it (snake_case keys; absent optional keys stay absent). */
export interface SimLosingCarrier {
  customer_name: string;
  authorized_representative: string;
  authorized_representative_email: string;
  customer_type?: 'Business' | 'Individual';
  account_number?: string;
  account_telephone_number?: string;
  address_sid?: string;
  address?: SimAddress;
  authorized_representative_katakana?: string;
  sub_municipality?: string;
  building?: string;
  katakana_name?: string;
}

export interface SimNumber {
  sid: string;
  requestSid: string;
  phoneNumber: string;
  status: NumberStatus;
  statusUpdatedAt: number;
  dateCreated: number;
  portable: boolean;
  notPortableReason: string | null;
  notPortableReasonCode: number | null;
  numberType: NumberType;
  country: string | null;
  pin: string | null;
  missingRequiredFields: boolean;
  rejectionReason: string | null;
  rejectionReasonCode: number | null;
  portDate: number | null;
}

export interface SimRequest {
  sid: string;
  accountSid: string;
  status: RequestStatus;
  statusUpdatedAt: number;
  dateCreated: number;
  losingCarrier: SimLosingCarrier;
  notificationEmails: string[] | null;
  /** YYYY-MM-DD (UTC when a time range was given). */
  targetPortInDate: string | null;
  /** HH:MM:SS+00:00 (stored and returned in UTC). */
  targetTimeRangeStart: string | null;
  targetTimeRangeEnd: string | null;
  documents: string[];
  bundleSid: string | null;
  portabilityAdvanceCarrier: string | null;
  autoCancelApprovalNumbers: string | null;
  supportTicketId: number;
  signatureRequestUrl: string | null;
  orderCancellationReason: string | null;
  numbers: SimNumber[];
  numbersBySid: Map<string, SimNumber>;
  loaGeneratedAt: number | null;
  signedAt: number | null;
  /** When the losing carrier last answered (FOC or rejection); stalled numbers wait for a script. */
  carrierAnsweredAt: number | null;
  /** Simulated ms after LOA generation when it signs itself; null = never by itself. */
  autoSignAfterMs: number | null;
  /** DELETE received: numbers are canceling and the request becomes Canceled when they finish. */
  cancelRequested: boolean;
  /** Serialised forms, dropped (set to null) whenever the request or one of its numbers changes. */
  wireCache: WireCache | null;
}

export interface WireCache {
  /** The PortIn JSON as UTF-8. */
  portIn?: Buffer;
  /** The list row JSON. */
  listRow?: string;
}

export interface SimDocument {
  sid: string;
  accountSid: string;
  documentType: string;
  friendlyName: string | null;
  mimeType: string;
  size: number;
  dateCreated: number;
}

export interface WebhookConfig {
  portInTargetUrl: string | null;
  portOutTargetUrl: string | null;
  notificationsOf: string[];
  portInTargetDateCreated: number | null;
  portOutTargetDateCreated: number | null;
}

export interface SigningRequestConfig {
  logo_sid: string | null;
  friendly_name: string | null;
  product: string | null;
  country: string | null;
  email_subject: string | null;
  email_message: string | null;
  url_redirection: string | null;
}

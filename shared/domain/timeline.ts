/**
 * One observed change of a request or of one of its numbers. Timeline events are append-only:
 * the sync engine derives them by diffing what it fetched against what it had stored, and the
 * notification policy turns them into notices.
 */
export type TimelineEventKind =
  | 'request_created' // first seen (created here or discovered by sync)
  | 'status_changed' // request or number status moved (from → to)
  | 'port_date_set' // a number got its confirmed (FOC) port date
  | 'port_date_moved' // the confirmed port date changed
  | 'rejected' // a number was rejected by the losing carrier (reason code in detail)
  | 'loa_link_available' // signature_request_url appeared
  | 'number_canceled' // a number was canceled (by the agent or by Twilio)
  | 'not_portable'; // Twilio evaluated a number as not portable

export type TimelineSource = 'sync' | 'local' | 'outbox';

export interface TimelineEvent {
  id: number;
  requestSid: string;
  /** null for request-level events. */
  numberSid: string | null;
  phoneNumber: string | null;
  kind: TimelineEventKind;
  from: string | null;
  to: string | null;
  /** Extra facts, e.g. { rejectionReasonCode: 22155 } or { portDate: '…' }. */
  detail: Record<string, unknown>;
  /** ISO date-time when PortDesk observed the change. */
  observedAt: string;
  source: TimelineSource;
}

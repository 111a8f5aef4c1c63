// A request's row as SQLite holds it, and how it becomes a StoredPortInRequest.
import type { PortInRequest } from '../../../shared/domain/portIn';
import { fromJson } from './json';
import type { NumberReader } from './numbers';
import { observedStatus } from './requestFacts';
import type { StoredPortInRequest } from './requestTypes';

export interface RequestRow {
  id: number;
  sid: string;
  account_id: string;
  status_raw: string;
  status: string;
  customer_name: string | null;
  numbers_requested: number | null;
  numbers_ported: number | null;
  target_port_in_date: string | null;
  first_port_date: string | null;
  signature_request_url: string | null;
  signature_requested_at: string | null;
  support_ticket_id: number | null;
  suggested_action: string | null;
  has_rejections: number;
  date_created: string | null;
  status_updated_at: string | null;
  last_changed_at: string;
  payload: string | null;
  numbers_fingerprint: string | null;
  last_listed_at: string | null;
  listed_fingerprint: string | null;
  last_fetched_at: string | null;
  next_fetch_at: string | null;
  terminal_fetched: number;
  draft_id: number | null;
}

export type StoredPayload = Omit<PortInRequest, 'phoneNumbers'>;

export function toStoredRequest(row: RequestRow, numbers: NumberReader): StoredPortInRequest {
  const payload = row.payload === null ? null : fromJson<StoredPayload>(row.payload);
  return {
    sid: row.sid,
    accountId: row.account_id,
    status: observedStatus(row),
    customerName: row.customer_name,
    numbersRequested: row.numbers_requested,
    numbersPorted: row.numbers_ported,
    targetPortInDate: row.target_port_in_date,
    firstPortDate: row.first_port_date,
    signatureRequestUrl: row.signature_request_url,
    signatureRequestedAt: row.signature_requested_at,
    supportTicketId: row.support_ticket_id,
    suggestedAction: row.suggested_action,
    hasRejections: row.has_rejections === 1,
    dateCreated: row.date_created,
    statusUpdatedAt: row.status_updated_at,
    lastChangedAt: row.last_changed_at,
    request: payload === null ? null : { ...payload, phoneNumbers: numbers.numbersOf(row.id) },
    sync: {
      lastListedAt: row.last_listed_at,
      lastFetchedAt: row.last_fetched_at,
      nextFetchAt: row.next_fetch_at,
      terminalFetched: row.terminal_fetched === 1,
    },
    draftId: row.draft_id,
  };
}

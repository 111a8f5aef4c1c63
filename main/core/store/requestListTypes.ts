// The request list's query and answer shapes (the store's side of the list screen).
import type { RequestStatus } from '../../../shared/domain/statuses';
import type {
  AttentionFlag,
  RequestListRow as RequestListRowView,
  RequestSortField,
} from '../../../shared/views';

/** The clock behind no_port_date; a setting of the app, passed in by the caller. */
export interface AgeingClock {
  /** Default: the current time (this computer's clock). */
  now?: string;
  /** Default: DEFAULT_AGEING_DAYS (shared/settings.ts). */
  noPortDateAfterDays?: number;
  /**
   * Each account's server clock minus ours, by account id (absent: 0). A request's creation
   * date is Twilio's, on its account's clock, so its cutoff is `now + offset − days`: without
   * the offset a demo account's requests, whose clock runs weeks ahead, would never age.
   */
  clockOffsetsMs?: Readonly<Record<string, number>>;
}

export interface RequestListQuery {
  /** Canonical statuses ('unknown' included); empty or absent keeps all. */
  statuses?: readonly (RequestStatus | 'unknown')[];
  accountIds?: readonly string[];
  /** Keeps requests with ANY of these flags. */
  attention?: readonly AttentionFlag[];
  /** Keeps requests with any flag at all (overrides `attention`). */
  needsAttention?: boolean;
  /** Any run of a phone number's digits (any format), part of a customer name, a KW/PU prefix. */
  search?: string;
  /** Default: lastChangedAt, newest first. Ties are broken by SID so pages never overlap. */
  sort?: { field: RequestSortField; direction: 'asc' | 'desc' };
  /** 1…500, default 100. */
  limit?: number;
  offset?: number;
  ageing?: AgeingClock;
}

/**
 * One row of the list screen as stored: the view's columns (shared/views/ RequestListRow, the
 * one place they are named) plus what the use case turns into attention words and day counts.
 */
export interface RequestListRow extends Omit<RequestListRowView, 'attention' | 'lastChangedAt'> {
  /** Always set in the store; the view allows null. */
  lastChangedAt: string;
  statusUpdatedAt: string | null;
  supportTicketId: number | null;
  hasSignatureRequest: boolean;
  /** When the LOA link went out (see StoredPortInRequest.signatureRequestedAt); null without one. */
  signatureRequestedAt: string | null;
  hasRejections: boolean;
  draftId: number | null;
  /** Outbox items about this request that are not done: still to send, and given up. */
  outbox: { pending: number; failed: number };
  attention: AttentionFlag[];
}

export interface RequestListPage {
  rows: RequestListRow[];
  /** Rows matching the filters, all pages together. */
  total: number;
}

/** Counts over every stored request (filters and search not applied), for filter badges. */
export interface RequestCounts {
  all: number;
  byStatus: Record<RequestStatus | 'unknown', number>;
  byAttention: Record<AttentionFlag, number>;
  byAccount: Record<string, number>;
  /** Requests with at least one attention flag. */
  needsAttention: number;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

// View models: requests list (see ./index.ts).
import type { ObservedStatus, RequestStatus } from '../domain/statuses';

/**
 * Why a request needs the agent (main computes them; the store's list query filters on them):
 * - action_required: Twilio says so, or a number of an open request was rejected;
 * - loa_unsigned: waiting for the LOA signature;
 * - no_port_date: In progress (numbers with the carrier), no confirmed port date, created more
 *   than `ageingDays` ago;
 * - queued_offline: a mutation of it waits in the outbox;
 * - failed_to_send: a mutation of it failed and waits for the agent.
 */
export const ATTENTION_FLAGS = [
  'action_required',
  'loa_unsigned',
  'no_port_date',
  'queued_offline',
  'failed_to_send',
] as const;
export type AttentionFlag = (typeof ATTENTION_FLAGS)[number];

/**
 * Why a request needs the agent now. All are computed by main (ageing thresholds are settings);
 * the day counts count Twilio's dates from now on the account's clock (docs/ui.md, "One clock").
 */
export interface AttentionView {
  actionRequired: boolean;
  /** Days since the LOA went out while still unsigned; null when not waiting for signature. */
  loaUnsignedDays: number | null;
  /** Days left before the unsigned LOA expires (30-day window); null when not applicable. */
  loaDaysLeft: number | null;
  /** Days since submission without any confirmed port date, once past `ageingDays`; else null. */
  noPortDateDays: number | null;
  /** A mutation of this request waits in the outbox for the network. */
  queuedOffline: boolean;
  /** A mutation of this request failed and waits for the agent (retry or discard). */
  failedToSend: boolean;
}

export type RequestStatusFilter = RequestStatus | 'unknown';

/** What the list can be sorted by (the contract's query and the store's ORDER BY share them). */
export const REQUEST_SORT_FIELDS = [
  'lastChangedAt',
  'dateCreated',
  'targetPortInDate',
  'firstPortDate',
  'customerName',
  'status',
  'numbersRequested',
] as const;
export type RequestSortField = (typeof REQUEST_SORT_FIELDS)[number];

export interface RequestListRow {
  sid: string;
  accountId: string;
  accountLabel: string;
  status: ObservedStatus<RequestStatus>;
  /** null while only the list summary is known (the detail has not been fetched yet). */
  customerName: string | null;
  numbersRequested: number | null;
  numbersPorted: number | null;
  /** YYYY-MM-DD as the agent asked. */
  targetPortInDate: string | null;
  /** Earliest confirmed (FOC) port date among the numbers, ISO date-time. */
  firstPortDate: string | null;
  /**
   * When something last changed on this request, on the account's clock (Twilio's timestamp, or
   * PortDesk's observation moved by the server clock offset: shared/domain/accountTime.ts).
   */
  lastChangedAt: string | null;
  dateCreated: string | null;
  /** Twilio's free-text `suggested_action`, shown as sent. */
  suggestedAction: string | null;
  attention: AttentionView;
  /**
   * The account's server clock minus ours now (0 unknown): "4 min ago" counts from
   * `accountNowMs(clockOffsetMs, Date.now())`, the same clock as the times above.
   */
  clockOffsetMs?: number;
}

export interface RequestListFacets {
  /** Counts over every stored request (filters and search not applied), for filter badges. */
  byStatus: Partial<Record<RequestStatusFilter, number>>;
  byAttention: Record<AttentionFlag, number>;
  byAccount: Record<string, number>;
  /** Requests with at least one attention flag. */
  needsAttention: number;
  all: number;
}

export interface RequestListResult {
  rows: RequestListRow[];
  /** Rows matching the query (for the virtualised list's height and paging). */
  total: number;
  facets: RequestListFacets;
}

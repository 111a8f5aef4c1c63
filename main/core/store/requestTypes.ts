// The requests repository's contract: what the store keeps of a request and what it offers.
import type { PortInRequest, PortInRequestSummary } from '../../../shared/domain/portIn';
import type { ObservedStatus, RequestStatus } from '../../../shared/domain/statuses';
import type { AgeingClock, RequestCounts, RequestListPage, RequestListQuery } from './requestList';

/** Everything the store knows about one request. */
export interface StoredPortInRequest {
  sid: string;
  accountId: string;
  /** The latest status seen, from the list endpoint or a fetch, whichever came last. */
  status: ObservedStatus<RequestStatus>;
  customerName: string | null;
  numbersRequested: number | null;
  numbersPorted: number | null;
  targetPortInDate: string | null;
  /** Earliest confirmed port date among the numbers that are not canceled. */
  firstPortDate: string | null;
  signatureRequestUrl: string | null;
  /**
   * When the LOA link went out: Twilio's timestamp of the numbers turning Waiting for Signature
   * when it has one (never later than PortDesk first saw the link), else that first sight.
   */
  signatureRequestedAt: string | null;
  supportTicketId: number | null;
  suggestedAction: string | null;
  hasRejections: boolean;
  dateCreated: string | null;
  statusUpdatedAt: string | null;
  /** When PortDesk last saw something change (see docs/data-model.md for first sight). */
  lastChangedAt: string;
  /** The last full fetch, numbers included, exactly as saved; null while only listed. */
  request: PortInRequest | null;
  sync: SyncBookkeeping;
  /** The local draft this request was created from, if any. */
  draftId: number | null;
}

export interface SyncBookkeeping {
  lastListedAt: string | null;
  lastFetchedAt: string | null;
  /** null: not scheduled (e.g. terminal and already fetched once more). */
  nextFetchAt: string | null;
  /** The one extra fetch after the request turned terminal has been done. */
  terminalFetched: boolean;
}

export interface SaveResult {
  /** The store had no row for this SID before. */
  created: boolean;
  /** Something the agent can see changed; lastChangedAt moved to observedAt. */
  changed: boolean;
}

export interface FetchedRequestToSave {
  accountId: string;
  request: PortInRequest;
  observedAt: string;
  clockOffsetMs?: number;
}

export interface DueRequest {
  sid: string;
  accountId: string;
  status: ObservedStatus<RequestStatus>;
  nextFetchAt: string;
  lastFetchedAt: string | null;
  terminalFetched: boolean;
}

export interface RequestsRepository {
  /**
   * Records a row of the list endpoint. A new SID is stored and due for a fetch at once; a known
   * one that changed (status, counts, suggested action, status timestamp) becomes due again.
   */
  upsertSummary(
    accountId: string,
    summary: PortInRequestSummary,
    observedAt?: string,
    clockOffsetMs?: number,
  ): SaveResult;
  /**
   * Stores a fetched request and all its numbers (numbers Twilio stopped returning are removed)
   * in one transaction. Does not touch the fetch schedule except that a new row is due at once;
   * call markFetched to schedule the next fetch.
   *
   * `clockOffsetMs` (both saves): the account's server clock minus ours when this was observed.
   * `last_changed_at` is kept on the account's clock (shared/domain/accountTime.ts), so an
   * observation and Twilio's own timestamps are compared, and shown, on one clock.
   */
  saveFetchedRequest(
    accountId: string,
    request: PortInRequest,
    observedAt: string,
    clockOffsetMs?: number,
  ): SaveResult;
  /**
   * Saves several fetched requests in ONE transaction, each as saveFetchedRequest would (no
   * savepoint each, which would cost a copy of every page touched): the bulk path of a first
   * sync. All or nothing: the first failure rolls the batch back and throws. A batch may hold at most FETCHED_BATCH_LIMITS.maxItems requests and
   * maxWeight numbers (one bigger request alone is allowed), so main is never held for long;
   * `chunkWithin` (writeBatch.ts) splits a longer list.
   */
  saveFetchedRequests(items: readonly FetchedRequestToSave[]): SaveResult[];
  getRequest(sid: string): StoredPortInRequest | null;
  listRequests(query?: RequestListQuery): RequestListPage;
  /** Counts over every stored request, for the filter badges. */
  counts(query?: { ageing?: AgeingClock }): RequestCounts;
  /** Requests whose next fetch is at or before `now`, earliest first. */
  dueForFetch(
    now: string,
    limit: number,
    options?: { accountIds?: readonly string[] },
  ): DueRequest[];
  markFetched(
    sid: string,
    schedule: { nextFetchAt: string | null; terminalFetched?: boolean },
  ): void;
}

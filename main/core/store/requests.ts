import type { Database } from 'better-sqlite3';
import { toAccountTime } from '../../../shared/domain/accountTime';
import type { PortInRequest, PortInRequestSummary } from '../../../shared/domain/portIn';
import { StoreError, invalidInput, notFound } from './errors';
import { nestable } from './flatTransaction';
import { toJson } from './json';
import { numberWriter, numbersFingerprint } from './numberWriter';
import { numberReader } from './numbers';
import {
  assertRequestSid,
  firstSeenChangeTime,
  loaSentAt,
  observedStatus,
  statusDiffers,
  summaryFingerprint,
} from './requestFacts';
import { requestList } from './requestList';
import { foldForSearch } from './search';
import { FETCHED_BATCH_LIMITS } from './writeBatch';
import { nowInstant, toInstant, toInstantOrNull } from './time';
import { toStoredRequest, type RequestRow, type StoredPayload } from './requestRows';
import type {
  FetchedRequestToSave,
  RequestsRepository,
  SaveResult,
  StoredPortInRequest,
} from './requestTypes';

export type { RequestsRepository, StoredPortInRequest } from './requestTypes';

export function requestsRepository(db: Database): RequestsRepository {
  const numbers = numberReader(db);
  const writer = numberWriter(db);
  const list = requestList(db);

  const selectRow = db.prepare<[string], RequestRow>(
    `SELECT r.*, x.payload, x.numbers_fingerprint, d.id AS draft_id FROM port_in_requests r
     LEFT JOIN port_in_request_details x ON x.request_id = r.id
     LEFT JOIN drafts d ON d.request_sid = r.sid
     WHERE r.sid = ?`,
  );
  const saveDetails = db.prepare<[number, string, string | null]>(
    `INSERT INTO port_in_request_details (request_id, payload, numbers_fingerprint)
     VALUES (?, ?, ?)
     ON CONFLICT (request_id) DO UPDATE SET payload = excluded.payload,
       numbers_fingerprint = excluded.numbers_fingerprint
     WHERE payload IS NOT excluded.payload
       OR numbers_fingerprint IS NOT excluded.numbers_fingerprint`,
  );
  const accountExists = db.prepare<[string], { one: number }>(
    'SELECT 1 AS one FROM accounts WHERE id = ?',
  );
  const insertSummary = db.prepare<{
    sid: string;
    accountId: string;
    statusRaw: string;
    status: string;
    numbersRequested: number | null;
    numbersPorted: number | null;
    suggestedAction: string | null;
    statusUpdatedAt: string | null;
    fingerprint: string;
    lastChangedAt: string;
    observedAt: string;
  }>(
    `INSERT INTO port_in_requests (sid, account_id, status_raw, status, numbers_requested,
       numbers_ported, suggested_action, status_updated_at, last_changed_at, last_listed_at,
       listed_fingerprint, next_fetch_at)
     VALUES (@sid, @accountId, @statusRaw, @status, @numbersRequested, @numbersPorted,
       @suggestedAction, @statusUpdatedAt, @lastChangedAt, @observedAt, @fingerprint,
       @observedAt)`,
  );
  const updateChangedSummary = db.prepare<{
    sid: string;
    statusRaw: string;
    status: string;
    numbersRequested: number | null;
    numbersPorted: number | null;
    suggestedAction: string | null;
    statusUpdatedAt: string | null;
    fingerprint: string;
    observedAt: string;
    changedAt: string;
  }>(
    `UPDATE port_in_requests SET
       listed_fingerprint = @fingerprint,
       terminal_fetched = CASE WHEN status = @status THEN terminal_fetched ELSE 0 END,
       status_raw = @statusRaw, status = @status,
       numbers_requested = @numbersRequested, numbers_ported = @numbersPorted,
       suggested_action = @suggestedAction, status_updated_at = @statusUpdatedAt,
       last_changed_at = @changedAt, last_listed_at = @observedAt,
       next_fetch_at = CASE WHEN next_fetch_at IS NOT NULL AND next_fetch_at < @observedAt
         THEN next_fetch_at ELSE @observedAt END
     WHERE sid = @sid`,
  );
  const touchListed = db.prepare<[string, string, string]>(
    'UPDATE port_in_requests SET last_listed_at = ?, listed_fingerprint = ? WHERE sid = ?',
  );
  const upsertFetched = db.prepare<{
    sid: string;
    accountId: string;
    statusRaw: string;
    status: string;
    customerName: string | null;
    customerFolded: string | null;
    numbersRequested: number;
    numbersPorted: number;
    targetPortInDate: string | null;
    firstPortDate: string | null;
    signatureRequestUrl: string | null;
    signatureRequestedAt: string | null;
    supportTicketId: number | null;
    hasRejections: number;
    dateCreated: string | null;
    lastChangedAt: string;
    observedAt: string;
  }>(
    `INSERT INTO port_in_requests (sid, account_id, status_raw, status, customer_name,
       customer_folded, numbers_requested, numbers_ported, target_port_in_date, first_port_date,
       signature_request_url, signature_requested_at, support_ticket_id, has_rejections,
       date_created, last_changed_at, last_fetched_at, next_fetch_at)
     VALUES (@sid, @accountId, @statusRaw, @status, @customerName, @customerFolded,
       @numbersRequested, @numbersPorted, @targetPortInDate, @firstPortDate, @signatureRequestUrl,
       @signatureRequestedAt,
       @supportTicketId, @hasRejections, @dateCreated, @lastChangedAt, @observedAt, @observedAt)
     ON CONFLICT (sid) DO UPDATE SET
       signature_requested_at = CASE
         WHEN excluded.signature_request_url IS NULL THEN NULL
         WHEN signature_request_url IS NULL THEN excluded.signature_requested_at
         ELSE signature_requested_at END,
       terminal_fetched = CASE WHEN status = excluded.status THEN terminal_fetched ELSE 0 END,
       status_raw = excluded.status_raw, status = excluded.status,
       customer_name = excluded.customer_name, customer_folded = excluded.customer_folded,
       numbers_requested = excluded.numbers_requested, numbers_ported = excluded.numbers_ported,
       target_port_in_date = excluded.target_port_in_date,
       first_port_date = excluded.first_port_date,
       signature_request_url = excluded.signature_request_url,
       support_ticket_id = excluded.support_ticket_id,
       has_rejections = excluded.has_rejections, date_created = excluded.date_created,
       last_changed_at = excluded.last_changed_at, last_fetched_at = excluded.last_fetched_at`,
  );
  const touchChanged = db.prepare<[string, string]>(
    'UPDATE port_in_requests SET last_changed_at = ? WHERE sid = ?',
  );
  const due = db.prepare<{ now: string; limit: number; accountIds: string | null }, RequestRow>(
    `SELECT * FROM port_in_requests
     WHERE next_fetch_at IS NOT NULL AND next_fetch_at <= @now
       AND (@accountIds IS NULL OR account_id IN (SELECT value FROM json_each(@accountIds)))
     ORDER BY next_fetch_at, sid
     LIMIT @limit`,
  );
  const schedule = db.prepare<{ sid: string; nextFetchAt: string | null; terminal: number | null }>(
    `UPDATE port_in_requests SET next_fetch_at = @nextFetchAt,
       terminal_fetched = coalesce(@terminal, terminal_fetched)
     WHERE sid = @sid`,
  );

  function existingFor(accountId: string, sid: string): RequestRow | undefined {
    const row = selectRow.get(sid);
    if (row && row.account_id !== accountId) {
      throw new StoreError(
        'conflict',
        `Port-in request ${sid} belongs to another account (${row.account_id}), not ${accountId}.`,
        'accountId',
      );
    }
    if (!row && !accountExists.get(accountId)) throw notFound('Account', accountId);
    return row;
  }

  const upsertSummary = db.transaction(
    (
      accountId: string,
      summary: PortInRequestSummary,
      observedAt: string,
      clockOffsetMs: number,
    ): SaveResult => {
      assertRequestSid(summary.sid, 'summary.sid');
      const changedAt = toAccountTime(observedAt, clockOffsetMs);
      const existing = existingFor(accountId, summary.sid);
      const values = {
        sid: summary.sid,
        statusRaw: summary.status.raw,
        status: summary.status.canonical,
        numbersRequested: summary.numbersRequested,
        numbersPorted: summary.numbersPorted,
        suggestedAction: summary.suggestedAction,
        statusUpdatedAt: summary.statusUpdatedAt,
        fingerprint: summaryFingerprint(summary),
        observedAt,
      };
      if (!existing) {
        insertSummary.run({
          ...values,
          accountId,
          lastChangedAt: firstSeenChangeTime([summary.statusUpdatedAt], changedAt),
        });
        return { created: true, changed: true };
      }
      // Never listed before (created here, then fetched): only the status can tell news.
      const changed =
        existing.listed_fingerprint === null
          ? statusDiffers(existing, summary.status)
          : existing.listed_fingerprint !== values.fingerprint;
      if (changed) updateChangedSummary.run({ ...values, changedAt });
      else touchListed.run(observedAt, values.fingerprint, summary.sid);
      return { created: false, changed };
    },
  );

  /** Call inside a transaction: saveFetchedRequest and saveFetchedRequests wrap it. */
  const saveFetchedIn = (
    accountId: string,
    request: PortInRequest,
    observedAt: string,
    clockOffsetMs: number,
  ): SaveResult => {
    assertRequestSid(request.sid, 'request.sid');
    const changedAt = toAccountTime(observedAt, clockOffsetMs);
    const existing = existingFor(accountId, request.sid);
    const { phoneNumbers, ...rest } = request;
    const payload = toJson(rest satisfies StoredPayload);

    let firstPortDate: string | null = null;
    let numbersPorted = 0;
    let hasRejections = false;
    for (const number of phoneNumbers) {
      if (number.status.canonical === 'completed') numbersPorted += 1;
      if (number.status.canonical === 'rejected') hasRejections = true;
      if (
        number.portDate &&
        number.status.canonical !== 'canceled' &&
        (firstPortDate === null || number.portDate < firstPortDate)
      ) {
        firstPortDate = number.portDate;
      }
    }

    // The first fetch after a listing brings details, not news: only a status that differs
    // from the listed one counts. After that, any difference in the fetched content counts.
    const hadDetails = existing?.payload != null;
    const requestChanged = !existing
      ? true
      : hadDetails
        ? existing.payload !== payload
        : statusDiffers(existing, request.status);

    const customerName = request.losingCarrier.customerName || null;
    const lastChangedAt = !existing
      ? firstSeenChangeTime(
          [request.dateCreated, ...phoneNumbers.map((number) => number.statusUpdatedAt)],
          changedAt,
        )
      : requestChanged
        ? changedAt
        : existing.last_changed_at;

    // The request row goes first: the details and numbers reference it.
    const written = upsertFetched.run({
      sid: request.sid,
      accountId,
      statusRaw: request.status.raw,
      status: request.status.canonical,
      customerName,
      customerFolded: customerName === null ? null : foldForSearch(customerName),
      numbersRequested: phoneNumbers.length,
      numbersPorted,
      targetPortInDate: request.targetPortInDate,
      firstPortDate,
      signatureRequestUrl: request.signatureRequestUrl,
      signatureRequestedAt:
        request.signatureRequestUrl === null ? null : loaSentAt(phoneNumbers, observedAt),
      supportTicketId: request.supportTicketId,
      hasRejections: hasRejections ? 1 : 0,
      dateCreated: toInstantOrNull(request.dateCreated),
      lastChangedAt,
      observedAt,
    });
    const requestId = existing?.id ?? Number(written.lastInsertRowid);
    // Numbers are written only with a fetched copy, so without one there are none to compare:
    // a first sight inserts them without reading. The same fingerprint as last time: nothing
    // to read, compare or write (the common poll of an unchanged request). A first sight
    // leaves the fingerprint to the next save: hashing a first sync's million numbers would
    // cost a fifth of writing them.
    const fingerprint = hadDetails ? numbersFingerprint(phoneNumbers) : null;
    saveDetails.run(requestId, payload, fingerprint);
    const numberChanges =
      fingerprint !== null && existing?.numbers_fingerprint === fingerprint
        ? 0
        : writer.replaceNumbers(requestId, phoneNumbers, { firstSight: !hadDetails });
    const numbersChanged = hadDetails && numberChanges > 0;
    if (numbersChanged && !requestChanged) touchChanged.run(changedAt, request.sid);
    return { created: !existing, changed: requestChanged || numbersChanged };
  };
  const saveFetchedRequest = nestable(db, saveFetchedIn);

  // All or nothing as one transaction, with no savepoint per request: a savepoint makes SQLite
  // keep the original of every page a request's numbers touch (a first sight of 1,000 numbers
  // touches about as many pages of the SID-key index), and the first failure rolls back the
  // whole batch anyway.
  const saveFetchedRequests = db.transaction((items: readonly FetchedRequestToSave[]) =>
    items.map((item) =>
      saveFetchedIn(
        item.accountId,
        item.request,
        toInstant(item.observedAt, 'observedAt'),
        item.clockOffsetMs ?? 0,
      ),
    ),
  );

  const toStored = (row: RequestRow): StoredPortInRequest => toStoredRequest(row, numbers);

  return {
    upsertSummary: (accountId, summary, observedAt = nowInstant(), clockOffsetMs = 0) =>
      upsertSummary(accountId, summary, toInstant(observedAt, 'observedAt'), clockOffsetMs),
    saveFetchedRequest: (accountId, request, observedAt, clockOffsetMs = 0) =>
      saveFetchedRequest(accountId, request, toInstant(observedAt, 'observedAt'), clockOffsetMs),
    saveFetchedRequests(items) {
      const numbers = items.reduce((sum, item) => sum + item.request.phoneNumbers.length, 0);
      if (
        items.length > FETCHED_BATCH_LIMITS.maxItems ||
        (items.length > 1 && numbers > FETCHED_BATCH_LIMITS.maxWeight)
      ) {
        throw invalidInput(
          'items',
          `a batch holds at most ${FETCHED_BATCH_LIMITS.maxItems} requests and ${FETCHED_BATCH_LIMITS.maxWeight} numbers (got ${items.length} and ${numbers}); split it with chunkWithin`,
        );
      }
      return saveFetchedRequests(items);
    },
    getRequest(sid) {
      const row = selectRow.get(sid);
      return row ? toStored(row) : null;
    },
    listRequests: (query) => list.listRequests(query),
    counts: (query) => list.counts(query),
    dueForFetch(now, limit, options = {}) {
      if (!Number.isInteger(limit) || limit < 1) {
        throw invalidInput('limit', 'must be a positive whole number');
      }
      return due
        .all({
          now: toInstant(now, 'now'),
          limit,
          accountIds: options.accountIds?.length ? JSON.stringify(options.accountIds) : null,
        })
        .map((row) => ({
          sid: row.sid,
          accountId: row.account_id,
          status: observedStatus(row),
          nextFetchAt: row.next_fetch_at ?? now,
          lastFetchedAt: row.last_fetched_at,
          terminalFetched: row.terminal_fetched === 1,
        }));
    },
    markFetched(sid, next) {
      const result = schedule.run({
        sid,
        nextFetchAt: next.nextFetchAt === null ? null : toInstant(next.nextFetchAt, 'nextFetchAt'),
        terminal: next.terminalFetched === undefined ? null : next.terminalFetched ? 1 : 0,
      });
      if (result.changes === 0) throw notFound('Port-in request', sid);
    },
  };
}

/**
 * The bulk-write part of the store bench: the same 1,000 × 1,000-number portfolio written three
 * ways in one run, each into its own fresh file with the same schema and connection settings:
 *
 * - raw: plain better-sqlite3 statements (request row, details, numbers, digits document) in
 *   the same batches, with none of the store's logic (no existence check, no fingerprint): one
 *   INSERT a number, and 64-row INSERTs (what the store does);
 * - store, batched: `saveFetchedRequests` over chunks within FETCHED_BATCH_LIMITS (the first
 *   sync's path);
 * - store, one transaction per request: `saveFetchedRequest` alone (the path before batching).
 *
 * Only the write calls are timed (the portfolio is generated between them, identically for each
 * way from the same seed). CPU is this process's, which on a shared machine is steadier than
 * wall time.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { PortInRequest } from '../../shared/domain/portIn';
import { FETCHED_BATCH_LIMITS, chunkWithin, openStore } from '../../main/core/store';
import type { Store } from '../../main/core/store';
import { openConnection } from '../../main/core/store/connection';
import { migrate } from '../../main/core/store/migrate';
import { MIGRATIONS } from '../../main/core/store/migrations';
import { foldForSearch, phoneDigits } from '../../main/core/store/search';
import { Portfolio } from './portfolio';

export interface WriteFigures {
  numbers: number;
  wallSeconds: number;
  cpuSeconds: number;
  /** Per save call (batch or request), milliseconds, sorted. */
  callMs: number[];
}

export const rate = (figures: WriteFigures): number => figures.numbers / figures.wallSeconds;

export interface BulkPlan {
  requests: number;
  size: number;
  accountSids: readonly string[];
}

/** Yields the plan's requests in batches within the limits, generated from a fixed seed. */
function* batches(plan: BulkPlan): Generator<PortInRequest[]> {
  const portfolio = new Portfolio();
  const perBatch = chunkWithin(
    Array.from({ length: plan.requests }, (_, index) => index),
    () => plan.size,
  );
  for (const indexes of perBatch) {
    yield indexes.map((index) =>
      portfolio.request(index, plan.size, plan.accountSids[index % plan.accountSids.length] ?? ''),
    );
  }
}

function timed(figures: WriteFigures, write: () => void, numbers: number): void {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  write();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  figures.callMs.push(ms);
  figures.wallSeconds += ms / 1000;
  figures.cpuSeconds += (used.user + used.system) / 1e6;
  figures.numbers += numbers;
}

const emptyFigures = (): WriteFigures => ({
  numbers: 0,
  wallSeconds: 0,
  cpuSeconds: 0,
  callMs: [],
});

export function writeThroughStore(
  store: Store,
  plan: BulkPlan,
  accountIds: readonly string[],
  mode: 'batched' | 'per-request',
  observedAt: () => string,
): WriteFigures {
  const figures = emptyFigures();
  const accountOf = (request: PortInRequest): string =>
    accountIds[plan.accountSids.indexOf(request.accountSid)] ?? '';
  for (const batch of batches(plan)) {
    const numbers = batch.reduce((sum, request) => sum + request.phoneNumbers.length, 0);
    if (mode === 'batched') {
      const items = batch.map((request) => ({
        accountId: accountOf(request),
        request,
        observedAt: observedAt(),
      }));
      timed(figures, () => store.requests.saveFetchedRequests(items), numbers);
    } else {
      for (const request of batch) {
        const at = observedAt();
        timed(
          figures,
          () => store.requests.saveFetchedRequest(accountOf(request), request, at),
          request.phoneNumbers.length,
        );
      }
    }
  }
  figures.callMs.sort((a, b) => a - b);
  return figures;
}

/** The same rows through plain prepared statements on a connection with the store's settings. */
export function writeRaw(
  file: string,
  plan: BulkPlan,
  accountIds: readonly string[],
  observedAt: () => string,
  /** Pragmas set after the store's own (tune.ts compares settings). */
  pragmas: readonly string[] = [],
  /** Numbers per INSERT statement (the store uses 64; 1 is the naive way). */
  rowsPerInsert = 1,
): WriteFigures {
  // The store creates the schema (and the accounts); the writes below bypass it.
  const db: Database = openConnection({ file });
  for (const pragma of pragmas) db.pragma(pragma);
  const insertRequest = db.prepare(
    `INSERT INTO port_in_requests (sid, account_id, status_raw, status, customer_name,
       customer_folded, numbers_requested, numbers_ported, target_port_in_date, support_ticket_id,
       date_created, last_changed_at, last_fetched_at, next_fetch_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDetails = db.prepare(
    'INSERT INTO port_in_request_details (request_id, payload) VALUES (?, ?)',
  );
  const insertNumbers = new Map<number, Statement<unknown[]>>();
  const insertNumbersOf = (rows: number): Statement<unknown[]> => {
    let statement = insertNumbers.get(rows);
    if (statement === undefined) {
      statement = db.prepare<unknown[]>(
        `INSERT INTO port_in_numbers (sid, request_id, position, phone_number, status_raw, status,
           portable, not_portable_reason, not_portable_reason_code, number_type, rejection_reason,
           rejection_reason_code, port_date, status_updated_at)
         VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      );
      insertNumbers.set(rows, statement);
    }
    return statement;
  };
  const insertNumber = insertNumbersOf(1);
  const insertDigits = db.prepare(
    'INSERT INTO port_in_request_digits (rowid, digits) VALUES (?, ?)',
  );
  const writeBatch = db.transaction((batch: PortInRequest[]) => {
    for (const request of batch) {
      const at = observedAt();
      const { phoneNumbers, ...rest } = request;
      const id = Number(
        insertRequest.run(
          request.sid,
          accountIds[plan.accountSids.indexOf(request.accountSid)] ?? '',
          request.status.raw,
          request.status.canonical,
          request.losingCarrier.customerName,
          foldForSearch(request.losingCarrier.customerName),
          phoneNumbers.length,
          request.targetPortInDate,
          request.supportTicketId,
          request.dateCreated,
          at,
          at,
          at,
        ).lastInsertRowid,
      );
      insertDetails.run(id, JSON.stringify(rest));
      if (rowsPerInsert === 1) {
        phoneNumbers.forEach((number, position) => {
          insertNumber.run(
            number.sid,
            id,
            position,
            number.phoneNumber,
            number.status.raw,
            number.status.canonical,
            number.portable == null ? null : number.portable ? 1 : 0,
            number.notPortableReason,
            number.notPortableReasonCode,
            number.numberType,
            number.rejectionReason,
            number.rejectionReasonCode,
            number.portDate,
            number.statusUpdatedAt,
          );
        });
      } else {
        for (let start = 0; start < phoneNumbers.length; start += rowsPerInsert) {
          const chunk = phoneNumbers.slice(start, start + rowsPerInsert);
          insertNumbersOf(chunk.length).run(
            chunk.flatMap((number, offset) => [
              number.sid,
              id,
              start + offset,
              number.phoneNumber,
              number.status.raw,
              number.status.canonical,
              number.portable == null ? null : number.portable ? 1 : 0,
              number.notPortableReason,
              number.notPortableReasonCode,
              number.numberType,
              number.rejectionReason,
              number.rejectionReasonCode,
              number.portDate,
              number.statusUpdatedAt,
            ]),
          );
        }
      }
      insertDigits.run(id, phoneNumbers.map((number) => phoneDigits(number.phoneNumber)).join(' '));
    }
  });
  const figures = emptyFigures();
  for (const batch of batches(plan)) {
    const numbers = batch.reduce((sum, request) => sum + request.phoneNumbers.length, 0);
    timed(figures, () => writeBatch(batch), numbers);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  figures.callMs.sort((a, b) => a - b);
  return figures;
}

/**
 * The same raw write into migration 001's schema (number SID UNIQUE and the reversed-digits
 * index, no digits document): what the schema change of migration 002 buys, side by side.
 */
export function writeRaw001(
  file: string,
  plan: BulkPlan,
  accountSids: readonly string[],
  observedAt: () => string,
): WriteFigures {
  const db: Database = openConnection({ file });
  migrate(db, file, MIGRATIONS.slice(0, 1));
  const accountIds = accountSids.map((accountSid, i) => {
    const id = `account-${i + 1}`;
    db.prepare(
      `INSERT INTO accounts (id, label, account_sid, key_sid, credential_kind, kind, base_url,
         upload_base_url, created_at)
       VALUES (?, ?, ?, NULL, 'auth_token', 'twilio', 'https://numbers.twilio.com',
         'https://numbers-upload.twilio.com', ?)`,
    ).run(id, `Desk ${i + 1}`, accountSid, observedAt());
    return id;
  });
  const insertRequest = db.prepare(
    `INSERT INTO port_in_requests (sid, account_id, status_raw, status, customer_name,
       customer_folded, numbers_requested, numbers_ported, target_port_in_date, support_ticket_id,
       date_created, last_changed_at, last_fetched_at, next_fetch_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDetails = db.prepare(
    'INSERT INTO port_in_request_details (request_id, payload) VALUES (?, ?)',
  );
  const insertNumber = db.prepare(
    `INSERT INTO port_in_numbers (sid, request_id, position, phone_number, phone_digits_reversed,
       status_raw, status, portable, not_portable_reason, not_portable_reason_code, number_type,
       rejection_reason, rejection_reason_code, port_date, status_updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const writeBatch = db.transaction((batch: PortInRequest[]) => {
    for (const request of batch) {
      const at = observedAt();
      const { phoneNumbers, ...rest } = request;
      const id = Number(
        insertRequest.run(
          request.sid,
          accountIds[accountSids.indexOf(request.accountSid)] ?? '',
          request.status.raw,
          request.status.canonical,
          request.losingCarrier.customerName,
          foldForSearch(request.losingCarrier.customerName),
          phoneNumbers.length,
          request.targetPortInDate,
          request.supportTicketId,
          request.dateCreated,
          at,
          at,
          at,
        ).lastInsertRowid,
      );
      insertDetails.run(id, JSON.stringify(rest));
      phoneNumbers.forEach((number, position) => {
        insertNumber.run(
          number.sid,
          id,
          position,
          number.phoneNumber,
          phoneDigits(number.phoneNumber).split('').reverse().join(''),
          number.status.raw,
          number.status.canonical,
          number.portable == null ? null : number.portable ? 1 : 0,
          number.notPortableReason,
          number.notPortableReasonCode,
          number.numberType,
          number.rejectionReason,
          number.rejectionReasonCode,
          number.portDate,
          number.statusUpdatedAt,
        );
      });
    }
  });
  const figures = emptyFigures();
  for (const batch of batches(plan)) {
    const numbers = batch.reduce((sum, request) => sum + request.phoneNumbers.length, 0);
    timed(figures, () => writeBatch(batch), numbers);
  }
  db.close();
  figures.callMs.sort((a, b) => a - b);
  return figures;
}

/** A fresh store file with the bench's two accounts. */
export function freshStore(
  file: string,
  accountSids: readonly string[],
): { store: Store; accountIds: string[] } {
  const store = openStore({ file });
  const accountIds = accountSids.map(
    (accountSid, i) =>
      store.accounts.insert({
        label: `Desk ${i + 1}`,
        accountSid,
        keySid: `SK${String(i + 1).padStart(32, '0')}`,
        credentialKind: 'api_key',
        kind: 'twilio',
        baseUrl: 'https://numbers.twilio.com',
        uploadBaseUrl: 'https://numbers-upload.twilio.com',
      }).id,
  );
  return { store, accountIds };
}

export { FETCHED_BATCH_LIMITS };

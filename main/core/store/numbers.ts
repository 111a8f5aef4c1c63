import type { Database } from 'better-sqlite3';
import type { PortInNumber } from '../../../shared/domain/portIn';
import type { NumberStatus } from '../../../shared/domain/statuses';
import { containsPattern, foldForSearch, prefixRange, reversedDigits } from './search';

/** A stored number with the request it belongs to. */
export interface StoredPortInNumber extends PortInNumber {
  requestSid: string;
}

export interface NumberListQuery {
  /** Canonical statuses to keep ('unknown' included); empty or absent keeps all. */
  statuses?: readonly (NumberStatus | 'unknown')[];
  /** Digits of the number in any format, a PU… prefix, or words of a rejection reason. */
  search?: string;
}

export interface NumbersRepository {
  /** The request's numbers in the order Twilio returned them. */
  listNumbers(requestSid: string, query?: NumberListQuery): StoredPortInNumber[];
  /** In no particular order; unknown SIDs are left out. */
  getNumbersBySids(sids: readonly string[]): StoredPortInNumber[];
  /** Every stored port-in number with this E.164 number (a draft warns about them). */
  findByPhoneNumber(phoneNumber: string): StoredPortInNumber[];
}

interface NumberRow {
  sid: string;
  request_sid: string;
  phone_number: string;
  status_raw: string;
  status: string;
  portable: number | null;
  not_portable_reason: string | null;
  not_portable_reason_code: number | null;
  number_type: string | null;
  rejection_reason: string | null;
  rejection_reason_code: number | null;
  port_date: string | null;
  status_updated_at: string | null;
}

const NUMBER_COLUMNS = `n.sid, r.sid AS request_sid, n.phone_number, n.status_raw, n.status,
  n.portable, n.not_portable_reason, n.not_portable_reason_code, n.number_type,
  n.rejection_reason, n.rejection_reason_code, n.port_date, n.status_updated_at`;

function toStoredNumber(row: NumberRow): StoredPortInNumber {
  return {
    sid: row.sid,
    requestSid: row.request_sid,
    phoneNumber: row.phone_number,
    status: { canonical: row.status as NumberStatus | 'unknown', raw: row.status_raw },
    portable: row.portable == null ? null : row.portable === 1,
    notPortableReason: row.not_portable_reason,
    notPortableReasonCode: row.not_portable_reason_code,
    numberType: row.number_type,
    rejectionReason: row.rejection_reason,
    rejectionReasonCode: row.rejection_reason_code,
    portDate: row.port_date,
    statusUpdatedAt: row.status_updated_at,
  };
}

/** Drops the requestSid, for rebuilding a PortInRequest exactly as it was fetched. */
export function toPortInNumber(number: StoredPortInNumber): PortInNumber {
  const { requestSid: _requestSid, ...rest } = number;
  return rest;
}

export interface NumberReader {
  /** All numbers of a request, in Twilio's order. */
  numbersOf(requestId: number): PortInNumber[];
}

export function numberReader(db: Database): NumberReader {
  const all = db.prepare<[number], Omit<NumberRow, 'request_sid'>>(
    `SELECT n.sid, n.phone_number, n.status_raw, n.status, n.portable, n.not_portable_reason,
       n.not_portable_reason_code, n.number_type, n.rejection_reason, n.rejection_reason_code,
       n.port_date, n.status_updated_at
     FROM port_in_numbers n WHERE n.request_id = ? ORDER BY n.position`,
  );
  return {
    numbersOf: (requestId) =>
      all.all(requestId).map((row) => toPortInNumber(toStoredNumber({ ...row, request_sid: '' }))),
  };
}

export function numbersRepository(db: Database): NumbersRepository {
  const list = db.prepare<
    {
      requestSid: string;
      statuses: string | null;
      digits: string | null;
      sid: string | null;
      sidEnd: string | null;
      words: string | null;
    },
    NumberRow
  >(
    `SELECT ${NUMBER_COLUMNS} FROM port_in_numbers n JOIN port_in_requests r ON r.id = n.request_id
     WHERE r.sid = @requestSid
       AND (@statuses IS NULL OR n.status IN (SELECT value FROM json_each(@statuses)))
       AND (@words IS NULL
         OR (@digits IS NOT NULL AND n.phone_number LIKE @digits ESCAPE '\\')
         OR (@sid IS NOT NULL AND n.sid >= @sid AND n.sid < @sidEnd)
         OR lower(coalesce(n.rejection_reason, '') || ' ' || coalesce(n.not_portable_reason, '')
              || ' ' || n.status_raw) LIKE @words ESCAPE '\\')
     ORDER BY n.position`,
  );
  const bySids = db.prepare<[string], NumberRow>(
    `SELECT ${NUMBER_COLUMNS} FROM port_in_numbers n JOIN port_in_requests r ON r.id = n.request_id
     WHERE n.sid IN (SELECT value FROM json_each(?))`,
  );
  const byPhone = db.prepare<[string, string], NumberRow>(
    `SELECT ${NUMBER_COLUMNS} FROM port_in_numbers n JOIN port_in_requests r ON r.id = n.request_id
     WHERE n.phone_digits_reversed = ? AND n.phone_number = ?
     ORDER BY r.sid`,
  );

  return {
    listNumbers(requestSid, query = {}) {
      const search = (query.search ?? '').trim();
      const digits = search.replace(/\D+/g, '');
      const sid = /^pu[0-9a-f]{1,32}$/i.test(search)
        ? prefixRange('PU' + search.slice(2).toLowerCase())
        : null;
      return list
        .all({
          requestSid,
          statuses: query.statuses?.length ? JSON.stringify(query.statuses) : null,
          words: search === '' ? null : containsPattern(foldForSearch(search)),
          digits: /^[\d\s().+\-/]+$/.test(search) && digits !== '' ? containsPattern(digits) : null,
          sid: sid?.low ?? null,
          sidEnd: sid?.high ?? null,
        })
        .map(toStoredNumber);
    },
    getNumbersBySids(sids) {
      if (sids.length === 0) return [];
      return bySids.all(JSON.stringify(sids)).map(toStoredNumber);
    },
    findByPhoneNumber: (phoneNumber) =>
      byPhone.all(reversedDigits(phoneNumber), phoneNumber).map(toStoredNumber),
  };
}

export interface NumberWriter {
  /**
   * Makes the stored numbers of the request exactly `numbers`: new ones inserted, changed ones
   * updated, ones Twilio no longer returns deleted, unchanged ones not written at all. Returns
   * how many rows changed (0 when the fetch brought nothing new). Call inside a transaction.
   */
  replaceNumbers(requestId: number, numbers: readonly PortInNumber[]): number;
}

/** Column values in table order after (sid, request_id): what "changed" compares. */
type NumberValues = [
  position: number,
  phoneNumber: string,
  phoneDigitsReversed: string,
  statusRaw: string,
  status: string,
  portable: number | null,
  notPortableReason: string | null,
  notPortableReasonCode: number | null,
  numberType: string | null,
  rejectionReason: string | null,
  rejectionReasonCode: number | null,
  portDate: string | null,
  statusUpdatedAt: string | null,
];

function valuesOf(number: PortInNumber, position: number): NumberValues {
  return [
    position,
    number.phoneNumber,
    reversedDigits(number.phoneNumber),
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
  ];
}

const VALUE_COLUMNS = `position, phone_number, phone_digits_reversed, status_raw, status, portable,
  not_portable_reason, not_portable_reason_code, number_type, rejection_reason,
  rejection_reason_code, port_date, status_updated_at`;

export function numberWriter(db: Database): NumberWriter {
  // Read back as arrays: the unchanged-poll path compares instead of writing.
  const stored = db
    .prepare<[number], [number, string, ...NumberValues]>(
      `SELECT id, sid, ${VALUE_COLUMNS} FROM port_in_numbers WHERE request_id = ?`,
    )
    .raw(true);
  // ON CONFLICT covers a number that Twilio moved to another request (not expected, but the
  // SID is unique and the fetch is the truth).
  const insert = db.prepare<[string, number, ...NumberValues]>(
    `INSERT INTO port_in_numbers (sid, request_id, ${VALUE_COLUMNS})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (sid) DO UPDATE SET request_id = excluded.request_id,
       position = excluded.position, phone_number = excluded.phone_number,
       phone_digits_reversed = excluded.phone_digits_reversed, status_raw = excluded.status_raw,
       status = excluded.status, portable = excluded.portable,
       not_portable_reason = excluded.not_portable_reason,
       not_portable_reason_code = excluded.not_portable_reason_code,
       number_type = excluded.number_type, rejection_reason = excluded.rejection_reason,
       rejection_reason_code = excluded.rejection_reason_code, port_date = excluded.port_date,
       status_updated_at = excluded.status_updated_at`,
  );
  const update = db.prepare<[...NumberValues, number]>(
    `UPDATE port_in_numbers SET position = ?, phone_number = ?, phone_digits_reversed = ?,
       status_raw = ?, status = ?, portable = ?, not_portable_reason = ?,
       not_portable_reason_code = ?, number_type = ?, rejection_reason = ?,
       rejection_reason_code = ?, port_date = ?, status_updated_at = ?
     WHERE id = ?`,
  );
  const remove = db.prepare<[number]>('DELETE FROM port_in_numbers WHERE id = ?');

  return {
    replaceNumbers(requestId, numbers) {
      const existing = new Map<string, [number, string, ...NumberValues]>();
      for (const row of stored.all(requestId)) existing.set(row[1], row);

      let changes = 0;
      numbers.forEach((number, position) => {
        const values = valuesOf(number, position);
        const old = existing.get(number.sid);
        existing.delete(number.sid);
        if (!old) {
          changes += insert.run(number.sid, requestId, ...values).changes;
        } else if (values.some((value, index) => value !== old[index + 2])) {
          changes += update.run(...values, old[0]).changes;
        }
      });
      for (const [, old] of existing) changes += remove.run(old[0]).changes;
      return changes;
    },
  };
}

import type { Database } from 'better-sqlite3';
import type { PortInNumber } from '../../../shared/domain/portIn';
import type { NumberStatus } from '../../../shared/domain/statuses';
import { containsPattern, foldForSearch, ftsPhrase, phoneDigits, prefixRange } from './search';

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
  /**
   * In no particular order; unknown SIDs are left out. A SID is unique in practice (Twilio does
   * not move numbers between requests); the schema does not enforce it (migration 002).
   */
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
  // Built directly (no StoredPortInNumber and copy per number): a 1,000-number request is read
  // on every open and every poll's diff.
  return {
    numbersOf: (requestId) =>
      all.all(requestId).map((row) => ({
        sid: row.sid,
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
      })),
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
  // Through the SID's 6-byte key (migration 002), then the full SID.
  const bySids = db.prepare<[string], NumberRow>(
    `SELECT ${NUMBER_COLUMNS} FROM json_each(?) j
     JOIN port_in_numbers n ON n.sid_key = unhex(substr(j.value, 3, 12)) AND n.sid = j.value
     JOIN port_in_requests r ON r.id = n.request_id`,
  );
  // The requests whose digits contain the number (trigram index), then their rows of it.
  const byPhone = db.prepare<[string, string], NumberRow>(
    `SELECT ${NUMBER_COLUMNS} FROM port_in_numbers n JOIN port_in_requests r ON r.id = n.request_id
     WHERE n.request_id IN (SELECT rowid FROM port_in_request_digits
       WHERE port_in_request_digits MATCH ?)
       AND n.phone_number = ?
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
    findByPhoneNumber(phoneNumber) {
      const digits = phoneDigits(phoneNumber);
      // A trigram index needs three characters; no stored E.164 number is that short.
      if (digits.length < 3) return [];
      return byPhone.all(ftsPhrase(digits), phoneNumber).map(toStoredNumber);
    },
  };
}

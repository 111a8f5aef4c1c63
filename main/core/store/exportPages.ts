import type { Database } from 'better-sqlite3';
import type { NumberStatus } from '../../../shared/domain/statuses';
import type { StoredPortInNumber } from './numbers';

/** A stored number with its place in the request (Twilio's order), for keyset paging. */
export interface ExportNumberRow extends StoredPortInNumber {
  position: number;
}

/**
 * Reads for CSV export (docs/porting.md, "Export"): numbers in bounded pages by keyset on the
 * (request_id, position) index, so a request of any size is read a page at a time and a page
 * costs the same however deep into the request it starts.
 */
export interface ExportPages {
  /** Up to `limit` numbers of the request after `afterPosition` (-1: from the start). */
  numbersPage(requestSid: string, afterPosition: number, limit: number): ExportNumberRow[];
  /** How many numbers these requests have in all (unknown SIDs count 0). */
  countNumbers(requestSids: readonly string[]): number;
}

interface Row {
  sid: string;
  request_sid: string;
  position: number;
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

export function exportPages(db: Database): ExportPages {
  const page = db.prepare<[string, number, number], Row>(
    `SELECT n.sid, r.sid AS request_sid, n.position, n.phone_number, n.status_raw, n.status,
       n.portable, n.not_portable_reason, n.not_portable_reason_code, n.number_type,
       n.rejection_reason, n.rejection_reason_code, n.port_date, n.status_updated_at
     FROM port_in_requests r JOIN port_in_numbers n ON n.request_id = r.id
     WHERE r.sid = ? AND n.position > ?
     ORDER BY n.position LIMIT ?`,
  );
  const count = db
    .prepare<[string], number>(
      `SELECT count(*) FROM port_in_numbers n JOIN port_in_requests r ON r.id = n.request_id
       WHERE r.sid IN (SELECT value FROM json_each(?))`,
    )
    .pluck();

  return {
    numbersPage(requestSid, afterPosition, limit) {
      return page.all(requestSid, afterPosition, limit).map((row) => ({
        sid: row.sid,
        requestSid: row.request_sid,
        position: row.position,
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
      }));
    },
    countNumbers(requestSids) {
      if (requestSids.length === 0) return 0;
      return count.get(JSON.stringify(requestSids)) ?? 0;
    },
  };
}

import type { Database } from 'better-sqlite3';

/**
 * One number as the numbers CSV needs it, read as an array straight from SQLite: a million rows
 * cost no object per row and only the columns the file has (bench/export measures it).
 */
export type ExportNumberTuple = [
  position: number,
  requestSid: string,
  phoneNumber: string,
  sid: string,
  status: string,
  statusRaw: string,
  portDate: string | null,
  rejectionReasonCode: number | null,
  rejectionReason: string | null,
  statusUpdatedAt: string | null,
];

/**
 * Reads for CSV export (docs/porting.md, "Export"): numbers in bounded pages by keyset on the
 * (request_id, position) index, so a request of any size is read a page at a time and a page
 * costs the same however deep into the request it starts.
 */
export interface ExportPages {
  /** Up to `limit` numbers of the request after `afterPosition` (-1: from the start). */
  numbersPage(requestSid: string, afterPosition: number, limit: number): ExportNumberTuple[];
  /** How many numbers these requests have in all (unknown SIDs count 0). */
  countNumbers(requestSids: readonly string[]): number;
}

export function exportPages(db: Database): ExportPages {
  const page = db
    .prepare<[string, number, number], ExportNumberTuple>(
      `SELECT n.position, r.sid, n.phone_number, n.sid, n.status, n.status_raw, n.port_date,
         n.rejection_reason_code, n.rejection_reason, n.status_updated_at
       FROM port_in_requests r JOIN port_in_numbers n ON n.request_id = r.id
       WHERE r.sid = ? AND n.position > ?
       ORDER BY n.position LIMIT ?`,
    )
    .raw(true);
  const count = db
    .prepare<[string], number>(
      `SELECT count(*) FROM port_in_numbers n JOIN port_in_requests r ON r.id = n.request_id
       WHERE r.sid IN (SELECT value FROM json_each(?))`,
    )
    .pluck();

  return {
    numbersPage: (requestSid, afterPosition, limit) => page.all(requestSid, afterPosition, limit),
    countNumbers(requestSids) {
      if (requestSids.length === 0) return 0;
      return count.get(JSON.stringify(requestSids)) ?? 0;
    },
  };
}

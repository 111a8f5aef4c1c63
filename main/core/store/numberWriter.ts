import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { PortInNumber } from '../../../shared/domain/portIn';
import { phoneDigits } from './search';

/**
 * Writes a request's numbers and its digits document (the phone search index, migration 002).
 * The only writer of port_in_numbers: the digits document stays in step because every insert,
 * delete and change of a phone number goes through here (and the account cascade through the
 * delete trigger).
 */
export interface NumberWriter {
  /**
   * Makes the stored numbers of the request exactly `numbers`: new ones inserted, changed ones
   * updated, ones Twilio no longer returns deleted, unchanged ones not written at all. Returns
   * how many rows changed (0 when the fetch brought nothing new). Call inside a transaction.
   *
   * `firstSight`: the request has never had numbers saved (no fetched copy yet), so every
   * number is inserted without reading anything back — the bulk path of a first sync.
   */
  replaceNumbers(
    requestId: number,
    numbers: readonly PortInNumber[],
    options: { firstSight: boolean },
  ): number;
}

/**
 * What the numbers were when last saved: equal fingerprints mean nothing to compare or write.
 * JSON of the numbers as fetched (the client builds them in one field order) through SHA-1, which
 * is not a security boundary here, only a cheap, well-spread digest.
 */
export function numbersFingerprint(numbers: readonly PortInNumber[]): string {
  return createHash('sha1').update(JSON.stringify(numbers)).digest('base64');
}

/** Column values in table order after (sid, request_id): what "changed" compares. */
type NumberValues = [
  position: number,
  phoneNumber: string,
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

const VALUE_COLUMNS = `position, phone_number, status_raw, status, portable, not_portable_reason,
  not_portable_reason_code, number_type, rejection_reason, rejection_reason_code, port_date,
  status_updated_at`;

/** The request's digits document: each number's digits, space-separated, in Twilio's order. */
function digitsDocument(numbers: readonly PortInNumber[]): string {
  return numbers.map((number) => phoneDigits(number.phoneNumber)).join(' ');
}

export function numberWriter(db: Database): NumberWriter {
  // Read back as arrays: the unchanged-poll path compares instead of writing.
  const stored = db
    .prepare<[number], [number, string, ...NumberValues]>(
      `SELECT id, sid, ${VALUE_COLUMNS} FROM port_in_numbers WHERE request_id = ?`,
    )
    .raw(true);
  const insert = db.prepare<[string, number, ...NumberValues]>(
    `INSERT INTO port_in_numbers (sid, request_id, ${VALUE_COLUMNS})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare<[...NumberValues, number]>(
    `UPDATE port_in_numbers SET position = ?, phone_number = ?, status_raw = ?, status = ?,
       portable = ?, not_portable_reason = ?, not_portable_reason_code = ?, number_type = ?,
       rejection_reason = ?, rejection_reason_code = ?, port_date = ?, status_updated_at = ?
     WHERE id = ?`,
  );
  const remove = db.prepare<[number]>('DELETE FROM port_in_numbers WHERE id = ?');
  const insertDigits = db.prepare<[number, string]>(
    'INSERT INTO port_in_request_digits (rowid, digits) VALUES (?, ?)',
  );
  // Contentless FTS5 accepts a second document under a rowid, so a rewrite deletes first.
  const removeDigits = db.prepare<[number]>('DELETE FROM port_in_request_digits WHERE rowid = ?');

  function insertAll(requestId: number, numbers: readonly PortInNumber[]): number {
    // The bulk path of a first sync: arguments passed directly, no array per number.
    for (let position = 0; position < numbers.length; position += 1) {
      const number = numbers[position] as PortInNumber;
      insert.run(
        number.sid,
        requestId,
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
    }
    if (numbers.length > 0) insertDigits.run(requestId, digitsDocument(numbers));
    return numbers.length;
  }

  return {
    replaceNumbers(requestId, numbers, { firstSight }) {
      if (firstSight) return insertAll(requestId, numbers);

      const existing = new Map<string, [number, string, ...NumberValues]>();
      for (const row of stored.all(requestId)) existing.set(row[1], row);
      let changes = 0;
      let digitsChanged = false;
      numbers.forEach((number, position) => {
        const values = valuesOf(number, position);
        const old = existing.get(number.sid);
        existing.delete(number.sid);
        if (!old) {
          changes += insert.run(number.sid, requestId, ...values).changes;
          digitsChanged = true;
        } else if (values.some((value, index) => value !== old[index + 2])) {
          changes += update.run(...values, old[0]).changes;
          if (old[3] !== number.phoneNumber) digitsChanged = true;
        }
      });
      for (const [, old] of existing) {
        changes += remove.run(old[0]).changes;
        digitsChanged = true;
      }
      if (digitsChanged) {
        removeDigits.run(requestId);
        if (numbers.length > 0) insertDigits.run(requestId, digitsDocument(numbers));
      }
      return changes;
    },
  };
}

import type { Migration } from './migration';

/**
 * Numbers that are cheap to write in bulk, and phone search by any run of digits.
 *
 * Migration 001 gave port_in_numbers two random-keyed B-tree indexes (the UNIQUE number SID and
 * the reversed digits). A first sync writes a million numbers, and each one dirtied a random
 * page of both: the store wrote about 18,000 numbers a second. Measured on the same machine
 * (docs/benchmarks.md), without them it writes several times that. This migration:
 *
 * - rebuilds port_in_numbers without UNIQUE (sid) and without phone_digits_reversed. A number
 *   SID is looked up through a 6-byte key (the first 12 hex digits of the SID, `sid_key`, a
 *   virtual column SQLite computes) instead of the 34-character text: the index is a third of
 *   the size, so a batch of inserts dirties fewer pages. Twilio does not move a number SID
 *   between requests; if it ever did, each request would hold its own copy until refetched.
 * - adds `port_in_request_digits`, an FTS5 trigram index with ONE document per request: the
 *   digits of its numbers, space-separated. A phrase query is a substring match, so "512327"
 *   finds +15123270000 by its start, its end or its middle, and the answer is request ids
 *   directly. Contentless (the digits are in port_in_numbers already) with contentless_delete,
 *   so the store can replace a request's document by rowid. The store writes it itself rather
 *   than through a trigger per number: an FTS5 insert from a trigger costs about ten times a
 *   direct one (measured 11.2 vs 1.3 µs a row).
 * - adds `port_in_request_details.numbers_fingerprint`: a hash of the numbers as last saved, so
 *   a poll that brings the same numbers skips reading and comparing them.
 *
 * unhex() needs SQLite 3.41; better-sqlite3 12 bundles 3.50+, under Node and Electron alike.
 */
export const migration002NumberSearch: Migration = {
  version: 2,
  name: 'number_search',
  sql: /* sql */ `
CREATE TABLE port_in_numbers_002 (
  id INTEGER PRIMARY KEY,
  sid TEXT NOT NULL,
  -- The first 12 hex digits of the SID (after "PU") as 6 bytes: what the number SID index holds.
  -- Byte order is hex order, so a SID prefix is a range of keys. NULL for a SID that is not hex.
  sid_key BLOB GENERATED ALWAYS AS (unhex(substr(sid, 3, 12))) VIRTUAL,
  request_id INTEGER NOT NULL REFERENCES port_in_requests (id) ON DELETE CASCADE,
  -- Order within the request as Twilio returned it, so a stored request reads back identically.
  position INTEGER NOT NULL,
  phone_number TEXT NOT NULL,
  status_raw TEXT NOT NULL,
  status TEXT NOT NULL,
  portable INTEGER CHECK (portable IN (0, 1)),
  not_portable_reason TEXT,
  not_portable_reason_code INTEGER,
  number_type TEXT,
  rejection_reason TEXT,
  rejection_reason_code INTEGER,
  port_date TEXT,
  status_updated_at TEXT
) STRICT;

INSERT INTO port_in_numbers_002 (id, sid, request_id, position, phone_number, status_raw, status,
  portable, not_portable_reason, not_portable_reason_code, number_type, rejection_reason,
  rejection_reason_code, port_date, status_updated_at)
SELECT id, sid, request_id, position, phone_number, status_raw, status, portable,
  not_portable_reason, not_portable_reason_code, number_type, rejection_reason,
  rejection_reason_code, port_date, status_updated_at
FROM port_in_numbers ORDER BY id;

DROP TABLE port_in_numbers;
ALTER TABLE port_in_numbers_002 RENAME TO port_in_numbers;

CREATE INDEX port_in_numbers_by_request ON port_in_numbers (request_id, position);
CREATE INDEX port_in_numbers_by_sid_key ON port_in_numbers (sid_key);

-- One document per request: its numbers' digits, space-separated, in Twilio's order.
CREATE VIRTUAL TABLE port_in_request_digits USING fts5(
  digits,
  content = '',
  contentless_delete = 1,
  tokenize = 'trigram'
);

-- Stored numbers are E.164 ("+" and digits), so their digits are the text without the "+".
INSERT INTO port_in_request_digits (rowid, digits)
SELECT request_id, group_concat(replace(phone_number, '+', ''), ' ')
FROM (SELECT request_id, phone_number FROM port_in_numbers ORDER BY request_id, position)
GROUP BY request_id;

-- The store writes documents itself; a request removed by the account cascade takes its own.
CREATE TRIGGER port_in_request_digits_delete AFTER DELETE ON port_in_requests
BEGIN
  DELETE FROM port_in_request_digits WHERE rowid = old.id;
END;

ALTER TABLE port_in_request_details ADD COLUMN numbers_fingerprint TEXT;
`,
};

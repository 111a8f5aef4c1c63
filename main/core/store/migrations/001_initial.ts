import type { Migration } from './migration';

/**
 * The first schema. Design notes (why each table and index exists) are in docs/data-model.md.
 *
 * - STRICT tables: SQLite checks column types, so a bug that writes a number into a text column
 *   fails loudly instead of sorting wrongly forever.
 * - Enumerations owned by PortDesk (account kind, draft status, outbox kind/state) have CHECKs.
 *   Statuses that come from Twilio do not: Twilio's set is open (PORTING-API §6.1), and widening
 *   a CHECK means rebuilding a table that may hold a million numbers.
 * - Instants written by PortDesk are ISO-8601 UTC text (`toISOString()`), so text order is time
 *   order. Dates Twilio sent are kept as sent.
 * - No column holds a secret: credentials live in the OS keychain, keyed by accounts.id.
 */
export const migration001Initial: Migration = {
  version: 1,
  name: 'initial',
  sql: /* sql */ `
CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL CHECK (length(trim(label)) > 0),
  account_sid TEXT NOT NULL,
  key_sid TEXT,
  credential_kind TEXT NOT NULL CHECK (credential_kind IN ('api_key', 'auth_token')),
  kind TEXT NOT NULL CHECK (kind IN ('twilio', 'simulator')),
  base_url TEXT NOT NULL,
  upload_base_url TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK ((credential_kind = 'api_key') = (key_sid IS NOT NULL)),
  -- Request SIDs are global keys below, so the same Twilio account may be added only once per host.
  UNIQUE (kind, base_url, account_sid)
) STRICT;

-- Kept narrow (no payload) on purpose: every list filter, sort and count scans these rows, and
-- ~15 of them fit in a page. The fetched payload lives in port_in_request_details.
CREATE TABLE port_in_requests (
  id INTEGER PRIMARY KEY,
  sid TEXT NOT NULL UNIQUE,
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status_raw TEXT NOT NULL,
  status TEXT NOT NULL,
  customer_name TEXT,
  -- lower-case, accents stripped: the case-insensitive search key for customer_name.
  customer_folded TEXT,
  numbers_requested INTEGER,
  numbers_ported INTEGER,
  target_port_in_date TEXT,
  first_port_date TEXT,
  signature_request_url TEXT,
  -- When PortDesk first saw the LOA link (for "unsigned for N days" and the 30-day expiry).
  signature_requested_at TEXT,
  support_ticket_id INTEGER,
  suggested_action TEXT,
  has_rejections INTEGER NOT NULL DEFAULT 0 CHECK (has_rejections IN (0, 1)),
  -- Normalised to an instant (the payload keeps Twilio's text).
  date_created TEXT,
  status_updated_at TEXT,
  last_changed_at TEXT NOT NULL,
  last_listed_at TEXT,
  -- What the list endpoint last said (status, counts, suggested action, its timestamp), so a
  -- listing is compared with the previous listing, not with what a fetch derived: if the two
  -- endpoints ever count differently, the request does not flap between them every cycle.
  listed_fingerprint TEXT,
  last_fetched_at TEXT,
  next_fetch_at TEXT,
  terminal_fetched INTEGER NOT NULL DEFAULT 0 CHECK (terminal_fetched IN (0, 1)),
  -- Attention facts computed when the row is written (STORED), so the list's filters and badge
  -- counts read a column through a small partial index instead of evaluating per row.
  needs_action INTEGER GENERATED ALWAYS AS (
    status = 'action_required'
    OR (has_rejections = 1 AND status NOT IN ('completed', 'canceled', 'expired'))
  ) STORED,
  -- Open and without a confirmed port date: since when (the request's creation).
  awaiting_port_date_since TEXT GENERATED ALWAYS AS (
    CASE WHEN first_port_date IS NULL AND status NOT IN ('completed', 'canceled', 'expired')
      THEN date_created END
  ) STORED
) STRICT;

-- Sort keys end in the implicit rowid (= id), which the list uses as its tie-breaker, so a
-- filter on one status or one account walks its index already in list order.
CREATE INDEX port_in_requests_by_last_change ON port_in_requests (last_changed_at);
CREATE INDEX port_in_requests_by_status ON port_in_requests (status, last_changed_at);
CREATE INDEX port_in_requests_by_account ON port_in_requests (account_id, last_changed_at);
CREATE INDEX port_in_requests_by_customer ON port_in_requests (customer_folded);
-- Sorts without an index of their own would read every row; these are covering for the id sort.
CREATE INDEX port_in_requests_by_target_date ON port_in_requests (target_port_in_date);
CREATE INDEX port_in_requests_by_first_port_date ON port_in_requests (first_port_date);
CREATE INDEX port_in_requests_by_created ON port_in_requests (date_created);
CREATE INDEX port_in_requests_needing_action ON port_in_requests (last_changed_at)
  WHERE needs_action = 1;
CREATE INDEX port_in_requests_awaiting_port_date ON port_in_requests (awaiting_port_date_since)
  WHERE awaiting_port_date_since IS NOT NULL;
CREATE INDEX port_in_requests_by_ticket ON port_in_requests (support_ticket_id)
  WHERE support_ticket_id IS NOT NULL;
CREATE INDEX port_in_requests_due_for_fetch ON port_in_requests (next_fetch_at)
  WHERE next_fetch_at IS NOT NULL;

-- Customer search by substring: a trigram index over the folded name (measured ~10x faster than
-- LIKE '%…%' over 10,000 names). External content: the text lives in port_in_requests only,
-- and the triggers keep the index in step. Searches shorter than three characters, which a
-- trigram index cannot answer, fall back to LIKE.
CREATE VIRTUAL TABLE port_in_requests_customer_search USING fts5(
  customer_folded,
  content = 'port_in_requests',
  content_rowid = 'id',
  tokenize = 'trigram'
);

-- Every row has an entry, NULL names included: FTS5's integrity check expects one per row.
CREATE TRIGGER port_in_requests_customer_search_insert AFTER INSERT ON port_in_requests
BEGIN
  INSERT INTO port_in_requests_customer_search (rowid, customer_folded)
  VALUES (new.id, new.customer_folded);
END;

CREATE TRIGGER port_in_requests_customer_search_delete AFTER DELETE ON port_in_requests
BEGIN
  INSERT INTO port_in_requests_customer_search (port_in_requests_customer_search, rowid,
    customer_folded)
  VALUES ('delete', old.id, old.customer_folded);
END;

CREATE TRIGGER port_in_requests_customer_search_update AFTER UPDATE OF customer_folded
ON port_in_requests
WHEN old.customer_folded IS NOT new.customer_folded
BEGIN
  INSERT INTO port_in_requests_customer_search (port_in_requests_customer_search, rowid,
    customer_folded)
  VALUES ('delete', old.id, old.customer_folded);
  INSERT INTO port_in_requests_customer_search (rowid, customer_folded)
  VALUES (new.id, new.customer_folded);
END;

-- The last fetched PortInRequest without phoneNumbers (those are rows of port_in_numbers).
CREATE TABLE port_in_request_details (
  request_id INTEGER PRIMARY KEY REFERENCES port_in_requests (id) ON DELETE CASCADE,
  payload TEXT NOT NULL CHECK (json_valid(payload))
) STRICT;

CREATE TABLE port_in_numbers (
  id INTEGER PRIMARY KEY,
  sid TEXT NOT NULL UNIQUE,
  request_id INTEGER NOT NULL REFERENCES port_in_requests (id) ON DELETE CASCADE,
  -- Order within the request as Twilio returned it, so a stored request reads back identically.
  position INTEGER NOT NULL,
  phone_number TEXT NOT NULL,
  -- Digits of phone_number, last first: a search by the last digits ("5550132") or by the
  -- whole number in any format is a range on this index. One index serves both, so a million
  -- numbers carry no second phone index.
  phone_digits_reversed TEXT NOT NULL,
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

CREATE INDEX port_in_numbers_by_request ON port_in_numbers (request_id, position);
CREATE INDEX port_in_numbers_by_reversed_digits ON port_in_numbers (phone_digits_reversed);

CREATE TABLE timeline_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  request_sid TEXT NOT NULL REFERENCES port_in_requests (sid) ON DELETE CASCADE,
  -- Not a foreign key: the history of a number outlives its row.
  number_sid TEXT,
  phone_number TEXT,
  kind TEXT NOT NULL,
  from_value TEXT,
  to_value TEXT,
  detail TEXT NOT NULL CHECK (json_valid(detail)),
  observed_at TEXT NOT NULL,
  source TEXT NOT NULL
) STRICT;

CREATE INDEX timeline_events_by_request ON timeline_events (request_sid, id);

-- Deletes stay possible (they come from cascades when an account is removed); edits do not.
CREATE TRIGGER timeline_events_are_append_only BEFORE UPDATE ON timeline_events
BEGIN
  SELECT RAISE(ABORT, 'timeline events are append-only');
END;

CREATE TABLE drafts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  field_errors TEXT NOT NULL CHECK (json_valid(field_errors)),
  status TEXT NOT NULL CHECK (status IN ('editing', 'queued', 'submitted', 'failed')),
  -- The link to the request once Twilio created it. Not a foreign key: it is known before sync
  -- has stored the request. UNIQUE: one draft per request.
  request_sid TEXT UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX drafts_by_account ON drafts (account_id, updated_at);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  file_name TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
  local_path TEXT NOT NULL,
  twilio_sid TEXT,
  uploaded_at TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (account_id, sha256)
) STRICT;

CREATE TABLE portability_checks (
  draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
  phone_number TEXT NOT NULL,
  result TEXT NOT NULL CHECK (json_valid(result)),
  checked_at TEXT NOT NULL,
  PRIMARY KEY (draft_id, phone_number)
) STRICT, WITHOUT ROWID;

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  kind TEXT NOT NULL
    CHECK (kind IN ('upload_document', 'create_port_in', 'cancel_port_in', 'cancel_number')),
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  state TEXT NOT NULL CHECK (
    state IN ('queued', 'sending', 'reconciling', 'waiting_for_network', 'done', 'failed')
  ),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TEXT,
  last_error TEXT CHECK (last_error IS NULL OR json_valid(last_error)),
  result TEXT CHECK (result IS NULL OR json_valid(result)),
  draft_id INTEGER REFERENCES drafts (id) ON DELETE SET NULL,
  -- The request this mutation is about (cancel) or produced (create, once known). Not a foreign
  -- key for the same reason as drafts.request_sid.
  request_sid TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX outbox_ready ON outbox (state, next_attempt_at);
CREATE INDEX outbox_by_account ON outbox (account_id);
CREATE INDEX outbox_by_draft ON outbox (draft_id) WHERE draft_id IS NOT NULL;
CREATE INDEX outbox_by_request ON outbox (request_sid, state) WHERE request_sid IS NOT NULL;

-- "create_port_in needs every upload_document of its bills done first": one row per edge.
CREATE TABLE outbox_dependencies (
  outbox_id INTEGER NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
  depends_on_id INTEGER NOT NULL REFERENCES outbox (id),
  PRIMARY KEY (outbox_id, depends_on_id),
  CHECK (outbox_id <> depends_on_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX outbox_dependencies_by_dependency ON outbox_dependencies (depends_on_id);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`,
};

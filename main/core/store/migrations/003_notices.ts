import type { Migration } from './migration';

/**
 * The activity feed (docs/data-model.md, "notices"): every notice the notify policy produced,
 * kept 90 days.
 *
 * - The feed is newest first by `id`: ids are handed out in the order notices are recorded,
 *   which is the order the policy produced them, and every index entry ends in the rowid, so a
 *   one-kind or one-account page walks its index backwards without a sort.
 * - `key` is the policy's key: replaying the same sync cycle records nothing twice.
 * - `kind` has no CHECK on purpose: the policy gains kinds, and widening a CHECK means
 *   rebuilding the table; the repository refuses an empty kind instead.
 * - `target` is JSON (`{ screen, sid, tab?, numberSid? }`): where a click lands.
 * - Unread rows are found through two partial indexes (read notices are the vast majority):
 *   by request (mark read when the agent opens it; unread count per request) and by kind (the
 *   sidebar's unread count, the unread-only filter).
 */
export const migration003Notices: Migration = {
  version: 3,
  name: 'notices',
  sql: /* sql */ `
CREATE TABLE notices (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  -- null for a failed send that never became a request.
  request_sid TEXT,
  created_at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (length(kind) > 0),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  urgency TEXT NOT NULL CHECK (urgency IN ('normal', 'critical')),
  -- 1: recorded during quiet hours, no pop-up was shown.
  silent INTEGER NOT NULL CHECK (silent IN (0, 1)),
  target TEXT NOT NULL,
  read_at TEXT
) STRICT;

CREATE INDEX notices_by_kind ON notices (kind);
CREATE INDEX notices_by_account ON notices (account_id);
CREATE INDEX notices_by_time ON notices (created_at);
CREATE INDEX notices_unread_by_request ON notices (request_sid) WHERE read_at IS NULL;
CREATE INDEX notices_unread_by_kind ON notices (kind) WHERE read_at IS NULL;
`,
};

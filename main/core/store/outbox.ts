import type { Database } from 'better-sqlite3';
import { invalidInput, notFound } from './errors';
import { accountGuard, conflict } from './guards';
import type { JsonObject, JsonValue } from './json';
import { fromJson, fromJsonOrNull, toJson } from './json';
import {
  OUTBOX_KINDS,
  parseLastError,
  parseOutboxOperation,
  type OutboxKind,
  type OutboxLastError,
  type OutboxOperation,
} from './outboxPayloads';
import { nowInstant, toInstant } from './time';

export { OUTBOX_KINDS, type OutboxKind };

/**
 * queued: waiting (for its dependencies, or for nextAttemptAt after a retryable failure).
 * sending: written BEFORE the request goes out; found at start-up it means "may have been sent".
 * reconciling: may exist at Twilio (a create that timed out, error 22137): look it up before
 *   anything is sent again (Twilio has no idempotency key).
 * waiting_for_network: offline; resumes when the network is back, without spending an attempt.
 * done: succeeded; `result` holds what later steps need (the document or request SID).
 * failed: gave up; needs the agent.
 */
export const OUTBOX_STATES = [
  'queued',
  'sending',
  'reconciling',
  'waiting_for_network',
  'done',
  'failed',
] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export interface OutboxItem {
  id: number;
  accountId: string;
  kind: OutboxKind;
  /** As stored: a send that rewrites it keeps keys this version does not know. */
  payload: JsonObject;
  /** The payload parsed by kind, once, when the row was read (outboxPayloads.ts). */
  operation: OutboxOperation;
  state: OutboxState;
  /** Items that must be done before this one is ready. */
  dependsOn: number[];
  attempts: number;
  nextAttemptAt: string | null;
  /** The last failure as the outbox recorded it (never a secret). */
  lastError: OutboxLastError | null;
  result: JsonValue | null;
  draftId: number | null;
  requestSid: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewOutboxItem {
  accountId: string;
  kind: OutboxKind;
  payload: JsonObject;
  dependsOn?: readonly number[];
  draftId?: number | null;
  requestSid?: string | null;
  nextAttemptAt?: string | null;
}

export interface OutboxListQuery {
  states?: readonly OutboxState[];
  accountIds?: readonly string[];
  draftId?: number;
  requestSid?: string;
}

export const DEFAULT_READY_STATES: readonly OutboxState[] = ['queued', 'reconciling'];

export interface OutboxPatch {
  state?: OutboxState;
  attempts?: number;
  nextAttemptAt?: string | null;
  lastError?: JsonObject | null;
  result?: JsonValue | null;
  requestSid?: string | null;
  payload?: JsonObject;
}

export interface OutboxRepository {
  enqueue(item: NewOutboxItem, now?: string): OutboxItem;
  /**
   * The oldest item in one of `states` (default: queued and reconciling — the two that have work
   * to do) whose nextAttemptAt has come and whose dependencies are all done; null when nothing
   * can run now. Add 'waiting_for_network' once the network is back.
   */
  nextReady(
    now: string,
    options?: { accountIds?: readonly string[]; states?: readonly OutboxState[] },
  ): OutboxItem | null;
  get(id: number): OutboxItem | null;
  /** Oldest first. */
  list(query?: OutboxListQuery): OutboxItem[];
  update(id: number, patch: OutboxPatch, now?: string): OutboxItem;
  /** Refuses while an unfinished item depends on it. */
  remove(id: number): boolean;
}

interface OutboxRow {
  id: number;
  account_id: string;
  kind: OutboxKind;
  payload: string;
  state: OutboxState;
  depends_on: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  result: string | null;
  draft_id: number | null;
  request_sid: string | null;
  created_at: string;
  updated_at: string;
}

function toItem(row: OutboxRow): OutboxItem {
  const payload = fromJson<JsonObject>(row.payload);
  return {
    id: row.id,
    accountId: row.account_id,
    kind: row.kind,
    payload,
    operation: parseOutboxOperation(row.kind, payload),
    state: row.state,
    dependsOn: fromJson<number[]>(row.depends_on).sort((a, b) => a - b),
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: parseLastError(fromJsonOrNull<JsonObject>(row.last_error)),
    result: fromJsonOrNull<JsonValue>(row.result),
    draftId: row.draft_id,
    requestSid: row.request_sid,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const ITEM_COLUMNS = `o.*, (SELECT json_group_array(d.depends_on_id) FROM outbox_dependencies d
  WHERE d.outbox_id = o.id) AS depends_on`;

function checkState(state: string): void {
  if (!(OUTBOX_STATES as readonly string[]).includes(state)) {
    throw invalidInput('state', `"${state}" is not an outbox state`);
  }
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function outboxRepository(db: Database): OutboxRepository {
  const insert = db.prepare<
    [string, string, string, string | null, number | null, string | null, string, string]
  >(
    `INSERT INTO outbox (account_id, kind, payload, state, next_attempt_at, draft_id, request_sid,
       created_at, updated_at)
     VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?)`,
  );
  const insertDependency = db.prepare<[number, number]>(
    'INSERT INTO outbox_dependencies (outbox_id, depends_on_id) VALUES (?, ?)',
  );
  const selectOne = db.prepare<[number], OutboxRow>(
    `SELECT ${ITEM_COLUMNS} FROM outbox o WHERE o.id = ?`,
  );
  const ready = db.prepare<{ now: string; accountIds: string | null; states: string }, OutboxRow>(
    `SELECT ${ITEM_COLUMNS} FROM outbox o
     WHERE o.state IN (SELECT value FROM json_each(@states))
       AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= @now)
       AND (@accountIds IS NULL OR o.account_id IN (SELECT value FROM json_each(@accountIds)))
       AND NOT EXISTS (
         SELECT 1 FROM outbox_dependencies d JOIN outbox p ON p.id = d.depends_on_id
         WHERE d.outbox_id = o.id AND p.state <> 'done')
     ORDER BY o.id
     LIMIT 1`,
  );
  const selectMany = db.prepare<
    {
      states: string | null;
      accountIds: string | null;
      draftId: number | null;
      requestSid: string | null;
    },
    OutboxRow
  >(
    `SELECT ${ITEM_COLUMNS} FROM outbox o
     WHERE (@states IS NULL OR o.state IN (SELECT value FROM json_each(@states)))
       AND (@accountIds IS NULL OR o.account_id IN (SELECT value FROM json_each(@accountIds)))
       AND (@draftId IS NULL OR o.draft_id = @draftId)
       AND (@requestSid IS NULL OR o.request_sid = @requestSid)
     ORDER BY o.id`,
  );
  const updateOne = db.prepare<{
    id: number;
    state: string | null;
    attempts: number | null;
    setNextAttemptAt: number;
    nextAttemptAt: string | null;
    setLastError: number;
    lastError: string | null;
    setResult: number;
    result: string | null;
    setRequestSid: number;
    requestSid: string | null;
    payload: string | null;
    now: string;
  }>(
    `UPDATE outbox SET
       state = coalesce(@state, state),
       attempts = coalesce(@attempts, attempts),
       next_attempt_at = CASE WHEN @setNextAttemptAt = 1 THEN @nextAttemptAt ELSE next_attempt_at END,
       last_error = CASE WHEN @setLastError = 1 THEN @lastError ELSE last_error END,
       result = CASE WHEN @setResult = 1 THEN @result ELSE result END,
       request_sid = CASE WHEN @setRequestSid = 1 THEN @requestSid ELSE request_sid END,
       payload = coalesce(@payload, payload),
       updated_at = @now
     WHERE id = @id`,
  );
  const unfinishedDependents = db.prepare<[number], { id: number }>(
    `SELECT o.id FROM outbox_dependencies d JOIN outbox o ON o.id = d.outbox_id
     WHERE d.depends_on_id = ? AND o.state <> 'done' ORDER BY o.id`,
  );
  const deleteLinksTo = db.prepare<[number]>(
    'DELETE FROM outbox_dependencies WHERE depends_on_id = ?',
  );
  const deleteOne = db.prepare<[number]>('DELETE FROM outbox WHERE id = ?');
  const requireAccount = accountGuard(db);

  const get = (id: number): OutboxItem | null => {
    const row = selectOne.get(id);
    return row ? toItem(row) : null;
  };

  const enqueue = db.transaction((item: NewOutboxItem, now: string): OutboxItem => {
    if (!(OUTBOX_KINDS as readonly string[]).includes(item.kind)) {
      throw invalidInput('kind', `"${String(item.kind)}" is not an outbox kind`);
    }
    if (!isObject(item.payload)) throw invalidInput('payload', 'must be an object');
    requireAccount(item.accountId);
    const dependsOn = [...new Set(item.dependsOn ?? [])];
    for (const dependencyId of dependsOn) {
      const dependency = get(dependencyId);
      if (!dependency) throw notFound('Outbox item', dependencyId);
      if (dependency.accountId !== item.accountId) {
        throw invalidInput('dependsOn', `outbox item ${dependencyId} belongs to another account`);
      }
    }
    const { lastInsertRowid } = insert.run(
      item.accountId,
      item.kind,
      toJson(item.payload),
      item.nextAttemptAt == null ? null : toInstant(item.nextAttemptAt, 'nextAttemptAt'),
      item.draftId ?? null,
      item.requestSid ?? null,
      now,
      now,
    );
    const id = Number(lastInsertRowid);
    for (const dependencyId of dependsOn) insertDependency.run(id, dependencyId);
    const stored = get(id);
    if (!stored) throw notFound('Outbox item', id);
    return stored;
  });

  const remove = db.transaction((id: number): boolean => {
    const blocking = unfinishedDependents.all(id).map((row) => row.id);
    if (blocking.length > 0) {
      throw conflict(
        `Outbox item ${id} is needed by item(s) ${blocking.join(', ')}; remove those first.`,
      );
    }
    deleteLinksTo.run(id);
    return deleteOne.run(id).changes > 0;
  });

  return {
    enqueue: (item, now = nowInstant()) => enqueue(item, toInstant(now, 'now')),
    nextReady(now, options = {}) {
      const states = options.states ?? DEFAULT_READY_STATES;
      states.forEach(checkState);
      const row = ready.get({
        now: toInstant(now, 'now'),
        accountIds: options.accountIds?.length ? JSON.stringify(options.accountIds) : null,
        states: JSON.stringify(states),
      });
      return row ? toItem(row) : null;
    },
    get,
    list(query = {}) {
      return selectMany
        .all({
          states: query.states?.length ? JSON.stringify(query.states) : null,
          accountIds: query.accountIds?.length ? JSON.stringify(query.accountIds) : null,
          draftId: query.draftId ?? null,
          requestSid: query.requestSid ?? null,
        })
        .map(toItem);
    },
    update(id, patch, now = nowInstant()) {
      if (
        patch.state !== undefined &&
        !(OUTBOX_STATES as readonly string[]).includes(patch.state)
      ) {
        throw invalidInput('state', `"${String(patch.state)}" is not an outbox state`);
      }
      if (
        patch.attempts !== undefined &&
        (!Number.isInteger(patch.attempts) || patch.attempts < 0)
      ) {
        throw invalidInput('attempts', 'must be a whole number, 0 or more');
      }
      if (patch.payload !== undefined && !isObject(patch.payload)) {
        throw invalidInput('payload', 'must be an object');
      }
      const result = updateOne.run({
        id,
        state: patch.state ?? null,
        attempts: patch.attempts ?? null,
        setNextAttemptAt: patch.nextAttemptAt === undefined ? 0 : 1,
        nextAttemptAt:
          patch.nextAttemptAt == null ? null : toInstant(patch.nextAttemptAt, 'nextAttemptAt'),
        setLastError: patch.lastError === undefined ? 0 : 1,
        lastError: patch.lastError == null ? null : toJson(patch.lastError),
        setResult: patch.result === undefined ? 0 : 1,
        result: patch.result == null ? null : toJson(patch.result),
        setRequestSid: patch.requestSid === undefined ? 0 : 1,
        requestSid: patch.requestSid ?? null,
        payload: patch.payload === undefined ? null : toJson(patch.payload),
        now: toInstant(now, 'now'),
      });
      if (result.changes === 0) throw notFound('Outbox item', id);
      const item = get(id);
      if (!item) throw notFound('Outbox item', id);
      return item;
    },
    remove,
  };
}

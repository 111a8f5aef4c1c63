import type { Database } from 'better-sqlite3';
import { invalidInput, notFound } from './errors';
import { accountGuard, conflict, isUniqueViolation } from './guards';
import type { JsonObject } from './json';
import { fromJson, toJson } from './json';
import { nowInstant, toInstant } from './time';

export const DRAFT_STATUSES = ['editing', 'queued', 'submitted', 'failed'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** A problem with one field; `field` is a dotted path such as `phoneNumbers.3.pin`. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * A port-in the agent is writing. The payload's shape belongs to the porting use cases, which
 * validate it when they read it back; the store keeps it as JSON.
 */
export interface Draft {
  id: number;
  accountId: string;
  payload: JsonObject;
  fieldErrors: FieldError[];
  status: DraftStatus;
  /** Set once Twilio has created the request. */
  requestSid: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DraftPatch {
  /**
   * Moves the draft to another account. Portability answers are per account (22131, 22136), so
   * the draft's stored checks are deleted with the move; the payload is the caller's (a bill's
   * document belongs to an account too: the porting use case attaches the new account's copy).
   */
  accountId?: string;
  payload?: JsonObject;
  fieldErrors?: FieldError[];
  status?: DraftStatus;
  requestSid?: string | null;
}

export interface DraftsRepository {
  create(
    input: { accountId: string; payload: JsonObject; fieldErrors?: FieldError[] },
    now?: string,
  ): Draft;
  get(id: number): Draft | null;
  /** Most recently edited first. */
  list(query?: { accountIds?: readonly string[]; statuses?: readonly DraftStatus[] }): Draft[];
  /** One UPDATE (two more to move accounts): cheap enough to call on every keystroke. */
  update(id: number, patch: DraftPatch, now?: string): Draft;
  findByRequestSid(requestSid: string): Draft | null;
  remove(id: number): boolean;
}

interface DraftRow {
  id: number;
  account_id: string;
  payload: string;
  field_errors: string;
  status: DraftStatus;
  request_sid: string | null;
  created_at: string;
  updated_at: string;
}

function toDraft(row: DraftRow): Draft {
  return {
    id: row.id,
    accountId: row.account_id,
    payload: fromJson<JsonObject>(row.payload),
    fieldErrors: fromJson<FieldError[]>(row.field_errors),
    status: row.status,
    requestSid: row.request_sid,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function checkStatus(status: string): void {
  if (!(DRAFT_STATUSES as readonly string[]).includes(status)) {
    throw invalidInput('status', `"${status}" is not a draft status`);
  }
}

function checkObject(value: unknown, field: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidInput(field, 'must be an object');
  }
}

function checkFieldErrors(errors: unknown): void {
  if (!Array.isArray(errors)) throw invalidInput('fieldErrors', 'must be a list');
  errors.forEach((error: unknown, index) => {
    const candidate = error as Partial<FieldError> | null;
    if (typeof candidate?.field !== 'string' || typeof candidate.message !== 'string') {
      throw invalidInput(`fieldErrors[${index}]`, 'must have a field and a message');
    }
  });
}

export function draftsRepository(db: Database): DraftsRepository {
  const insert = db.prepare<[string, string, string, string, string]>(
    `INSERT INTO drafts (account_id, payload, field_errors, status, created_at, updated_at)
     VALUES (?, ?, ?, 'editing', ?, ?)`,
  );
  const selectOne = db.prepare<[number], DraftRow>('SELECT * FROM drafts WHERE id = ?');
  const selectByRequest = db.prepare<[string], DraftRow>(
    'SELECT * FROM drafts WHERE request_sid = ?',
  );
  const selectMany = db.prepare<{ accountIds: string | null; statuses: string | null }, DraftRow>(
    `SELECT * FROM drafts
     WHERE (@accountIds IS NULL OR account_id IN (SELECT value FROM json_each(@accountIds)))
       AND (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))
     ORDER BY updated_at DESC, id DESC`,
  );
  // coalesce keeps what the patch leaves out; requestSid has its own flag so null can clear it.
  const updateOne = db.prepare<{
    id: number;
    payload: string | null;
    fieldErrors: string | null;
    status: string | null;
    setRequestSid: number;
    requestSid: string | null;
    now: string;
  }>(
    `UPDATE drafts SET
       payload = coalesce(@payload, payload),
       field_errors = coalesce(@fieldErrors, field_errors),
       status = coalesce(@status, status),
       request_sid = CASE WHEN @setRequestSid = 1 THEN @requestSid ELSE request_sid END,
       updated_at = @now
     WHERE id = @id`,
  );
  const moveOne = db.prepare<{ id: number; accountId: string }>(
    'UPDATE drafts SET account_id = @accountId WHERE id = @id AND account_id <> @accountId',
  );
  const forgetPortability = db.prepare<[number]>(
    'DELETE FROM portability_checks WHERE draft_id = ?',
  );
  const deleteOne = db.prepare<[number]>('DELETE FROM drafts WHERE id = ?');
  const requireAccount = accountGuard(db);

  const get = (id: number): Draft | null => {
    const row = selectOne.get(id);
    return row ? toDraft(row) : null;
  };

  return {
    create(input, now = nowInstant()) {
      checkObject(input.payload, 'payload');
      if (input.fieldErrors !== undefined) checkFieldErrors(input.fieldErrors);
      requireAccount(input.accountId);
      const at = toInstant(now, 'now');
      const { lastInsertRowid } = insert.run(
        input.accountId,
        toJson(input.payload),
        toJson(input.fieldErrors ?? []),
        at,
        at,
      );
      const draft = get(Number(lastInsertRowid));
      if (!draft) throw notFound('Draft', Number(lastInsertRowid));
      return draft;
    },
    get,
    list(query = {}) {
      return selectMany
        .all({
          accountIds: query.accountIds?.length ? JSON.stringify(query.accountIds) : null,
          statuses: query.statuses?.length ? JSON.stringify(query.statuses) : null,
        })
        .map(toDraft);
    },
    update(id, patch, now = nowInstant()) {
      if (patch.payload !== undefined) checkObject(patch.payload, 'payload');
      if (patch.fieldErrors !== undefined) checkFieldErrors(patch.fieldErrors);
      if (patch.status !== undefined) checkStatus(patch.status);
      const { accountId } = patch;
      if (accountId !== undefined) requireAccount(accountId);
      const values = {
        id,
        payload: patch.payload === undefined ? null : toJson(patch.payload),
        fieldErrors: patch.fieldErrors === undefined ? null : toJson(patch.fieldErrors),
        status: patch.status ?? null,
        setRequestSid: patch.requestSid === undefined ? 0 : 1,
        requestSid: patch.requestSid ?? null,
        now: toInstant(now, 'now'),
      };
      const apply = db.transaction(() => {
        if (accountId !== undefined && moveOne.run({ id, accountId }).changes > 0) {
          forgetPortability.run(id);
        }
        return updateOne.run(values);
      });
      let result;
      try {
        result = apply();
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const other = patch.requestSid ? selectByRequest.get(patch.requestSid) : undefined;
        throw conflict(
          `Port-in request ${String(patch.requestSid)} is already linked to draft ${String(other?.id)}.`,
          'requestSid',
        );
      }
      if (result.changes === 0) throw notFound('Draft', id);
      const draft = get(id);
      if (!draft) throw notFound('Draft', id);
      return draft;
    },
    findByRequestSid(requestSid) {
      const row = selectByRequest.get(requestSid);
      return row ? toDraft(row) : null;
    },
    remove: (id) => deleteOne.run(id).changes > 0,
  };
}

import type { Database } from 'better-sqlite3';
import type { PortabilityResult } from '../../../shared/domain/portIn';
import { invalidInput, notFound } from './errors';
import { fromJson, toJson } from './json';
import { nowInstant, toInstant } from './time';

/** Twilio's answer, or why there was none (the draft shows both). */
export type PortabilityOutcome =
  | { outcome: 'checked'; result: PortabilityResult }
  | { outcome: 'failed'; error: { message: string; code: number | null } };

/** The last portability answer for one number of a draft. */
export type PortabilityCheck = PortabilityOutcome & {
  draftId: number;
  phoneNumber: string;
  checkedAt: string;
};

export interface PortabilityChecksRepository {
  /** Replaces the draft's previous answer for that number. */
  save(
    draftId: number,
    phoneNumber: string,
    outcome: PortabilityOutcome,
    checkedAt?: string,
  ): PortabilityCheck;
  /** In phone-number order. */
  list(draftId: number): PortabilityCheck[];
  get(draftId: number, phoneNumber: string): PortabilityCheck | null;
  /** Forgets answers for numbers no longer in the draft; returns how many were removed. */
  retain(draftId: number, phoneNumbers: readonly string[]): number;
}

interface CheckRow {
  draft_id: number;
  phone_number: string;
  result: string;
  checked_at: string;
}

function toCheck(row: CheckRow): PortabilityCheck {
  return {
    ...fromJson<PortabilityOutcome>(row.result),
    draftId: row.draft_id,
    phoneNumber: row.phone_number,
    checkedAt: row.checked_at,
  };
}

export function portabilityChecksRepository(db: Database): PortabilityChecksRepository {
  const upsert = db.prepare<[number, string, string, string]>(
    `INSERT INTO portability_checks (draft_id, phone_number, result, checked_at)
     VALUES (?, ?, ?, ?)
     ON CONFLICT (draft_id, phone_number) DO UPDATE SET
       result = excluded.result, checked_at = excluded.checked_at`,
  );
  const draftExists = db.prepare<[number], { one: number }>(
    'SELECT 1 AS one FROM drafts WHERE id = ?',
  );
  const selectAll = db.prepare<[number], CheckRow>(
    'SELECT * FROM portability_checks WHERE draft_id = ? ORDER BY phone_number',
  );
  const selectOne = db.prepare<[number, string], CheckRow>(
    'SELECT * FROM portability_checks WHERE draft_id = ? AND phone_number = ?',
  );
  const deleteOthers = db.prepare<[number, string]>(
    `DELETE FROM portability_checks
     WHERE draft_id = ? AND phone_number NOT IN (SELECT value FROM json_each(?))`,
  );

  return {
    save(draftId, phoneNumber, outcome, checkedAt = nowInstant()) {
      if (typeof phoneNumber !== 'string' || phoneNumber.trim() === '') {
        throw invalidInput('phoneNumber', 'must not be empty');
      }
      if (outcome.outcome !== 'checked' && outcome.outcome !== 'failed') {
        throw invalidInput('outcome', 'must be "checked" or "failed"');
      }
      if (!draftExists.get(draftId)) throw notFound('Draft', draftId);
      const at = toInstant(checkedAt, 'checkedAt');
      upsert.run(draftId, phoneNumber, toJson(outcome), at);
      return { ...outcome, draftId, phoneNumber, checkedAt: at };
    },
    list: (draftId) => selectAll.all(draftId).map(toCheck),
    get(draftId, phoneNumber) {
      const row = selectOne.get(draftId, phoneNumber);
      return row ? toCheck(row) : null;
    },
    retain: (draftId, phoneNumbers) =>
      deleteOthers.run(draftId, JSON.stringify(phoneNumbers)).changes,
  };
}

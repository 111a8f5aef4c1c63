import type { Database, Statement } from 'better-sqlite3';
import { NOTICE_PAGE_MAX } from '../../../shared/feed';
import { invalidInput } from './errors';
import type { JsonObject } from './json';
import { fromJson, toJson } from './json';
import { nowInstant, toInstant } from './time';

/**
 * The activity feed's rows: what the notify policy said, when, about which request, and whether
 * the agent has read it. The store does not know the policy's kinds (core/notify owns them);
 * it keeps them as text and filters by them.
 */
export interface StoredNotice {
  id: number;
  key: string;
  kind: string;
  accountId: string;
  requestSid: string | null;
  title: string;
  body: string;
  urgency: 'normal' | 'critical';
  silent: boolean;
  createdAt: string;
  /** Where a click lands, as the policy gave it (`{ screen, sid, tab?, numberSid? }`). */
  target: JsonObject;
  readAt: string | null;
}

export type NewNotice = Omit<StoredNotice, 'id' | 'readAt'>;

export interface NoticeFilter {
  kinds?: readonly string[];
  accountIds?: readonly string[];
  unreadOnly?: boolean;
}

export interface NoticeListQuery extends NoticeFilter {
  /** 1–500; default 100. */
  limit?: number;
  offset?: number;
}

export interface NoticePage {
  rows: StoredNotice[];
  /** How many notices match the filter, for the list's scroll height. */
  total: number;
}

/** The feed keeps at least this much history; older notices are pruned. */
export const NOTICE_RETENTION_DAYS = 90;

export interface NoticesRepository {
  /**
   * Records notices; one whose key is already stored (the same sync cycle replayed) is skipped.
   * Returns the ones recorded, with their ids. Atomic: all or none.
   */
  record(notices: readonly NewNotice[]): StoredNotice[];
  /** Newest first (by id, the order they were recorded). */
  list(query?: NoticeListQuery): NoticePage;
  unreadCount(): number;
  /** Marks these notices read; returns how many were unread. */
  markRead(ids: readonly number[], at?: string): number;
  /** Marks every unread notice of a request read (the agent opened it). */
  markReadForRequest(requestSid: string, at?: string): number;
  /** Marks every unread notice matching the filter read ("mark all read" in the feed). */
  markAllRead(filter?: NoticeFilter, at?: string): number;
  /** Notices recorded after `afterId`, counted by kind (the "since you last looked" digest). */
  countsSince(afterId: number): Record<string, number>;
  /** The newest notice's id; 0 when there is none. */
  latestId(): number;
  /** Deletes notices created before `cutoff` (an instant); returns how many. */
  pruneBefore(cutoff: string): number;
}

interface NoticeRow {
  id: number;
  key: string;
  kind: string;
  account_id: string;
  request_sid: string | null;
  title: string;
  body: string;
  urgency: 'normal' | 'critical';
  silent: number;
  created_at: string;
  target: string;
  read_at: string | null;
}

function toNotice(row: NoticeRow): StoredNotice {
  return {
    id: row.id,
    key: row.key,
    kind: row.kind,
    accountId: row.account_id,
    requestSid: row.request_sid,
    title: row.title,
    body: row.body,
    urgency: row.urgency,
    silent: row.silent === 1,
    createdAt: row.created_at,
    target: fromJson<JsonObject>(row.target),
    readAt: row.read_at,
  };
}

const MAX_FILTER_VALUES = 50;

function checkList(values: readonly string[] | undefined, field: string): readonly string[] {
  if (values === undefined) return [];
  if (values.length > MAX_FILTER_VALUES) {
    throw invalidInput(field, `at most ${MAX_FILTER_VALUES} values`);
  }
  values.forEach((value, index) => {
    if (typeof value !== 'string' || value === '') {
      throw invalidInput(`${field}[${index}]`, 'must be a non-empty string');
    }
  });
  return values;
}

/** WHERE clause from constant fragments; values only ever reach bound parameters. */
function whereFor(filter: NoticeFilter): { sql: string; params: string[] } {
  const kinds = checkList(filter.kinds, 'kinds');
  const accountIds = checkList(filter.accountIds, 'accountIds');
  const clauses: string[] = [];
  if (kinds.length > 0) clauses.push(`kind IN (${kinds.map(() => '?').join(', ')})`);
  if (accountIds.length > 0) {
    clauses.push(`account_id IN (${accountIds.map(() => '?').join(', ')})`);
  }
  if (filter.unreadOnly === true) clauses.push('read_at IS NULL');
  return {
    sql: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`,
    params: [...kinds, ...accountIds],
  };
}

function checkNotice(notice: NewNotice, field: string): void {
  for (const name of ['key', 'kind', 'accountId', 'title'] as const) {
    if (typeof notice[name] !== 'string' || notice[name].trim() === '') {
      throw invalidInput(`${field}.${name}`, 'must not be empty');
    }
  }
  if (notice.urgency !== 'normal' && notice.urgency !== 'critical') {
    throw invalidInput(`${field}.urgency`, 'must be "normal" or "critical"');
  }
  if (typeof notice.target !== 'object' || notice.target === null) {
    throw invalidInput(`${field}.target`, 'must be an object');
  }
}

export function noticesRepository(db: Database): NoticesRepository {
  const insert = db.prepare<
    [string, string, string | null, string, string, string, string, string, number, string]
  >(
    `INSERT INTO notices (key, account_id, request_sid, created_at, kind, title, body, urgency,
       silent, target)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (key) DO NOTHING`,
  );
  const unread = db.prepare<[], { n: number }>(
    'SELECT count(*) AS n FROM notices WHERE read_at IS NULL',
  );
  const readForRequest = db.prepare<[string, string]>(
    'UPDATE notices SET read_at = ? WHERE request_sid = ? AND read_at IS NULL',
  );
  const sinceByKind = db.prepare<[number], { kind: string; n: number }>(
    'SELECT kind, count(*) AS n FROM notices WHERE id > ? GROUP BY kind',
  );
  const newest = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM notices');
  const prune = db.prepare<[string]>('DELETE FROM notices WHERE created_at < ?');

  // Filtered statements differ only in how many values a filter has: cached by their text.
  const cache = new Map<string, Statement<unknown[], unknown>>();
  const prepared = <R>(sql: string): Statement<unknown[], R> => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare<unknown[], unknown>(sql);
      cache.set(sql, statement);
    }
    return statement as Statement<unknown[], R>;
  };

  const record = db.transaction((notices: readonly NewNotice[]): StoredNotice[] => {
    const recorded: StoredNotice[] = [];
    notices.forEach((notice, index) => {
      const field = `notices[${index}]`;
      checkNotice(notice, field);
      const createdAt = toInstant(notice.createdAt, `${field}.createdAt`);
      const { changes, lastInsertRowid } = insert.run(
        notice.key,
        notice.accountId,
        notice.requestSid,
        createdAt,
        notice.kind,
        notice.title,
        notice.body,
        notice.urgency,
        notice.silent ? 1 : 0,
        toJson(notice.target),
      );
      if (changes === 1) {
        recorded.push({ ...notice, createdAt, id: Number(lastInsertRowid), readAt: null });
      }
    });
    return recorded;
  });

  return {
    record,
    list(query = {}) {
      const limit = query.limit ?? 100;
      const offset = query.offset ?? 0;
      if (!Number.isInteger(limit) || limit < 1 || limit > NOTICE_PAGE_MAX) {
        throw invalidInput('limit', `must be a whole number from 1 to ${NOTICE_PAGE_MAX}`);
      }
      if (!Number.isInteger(offset) || offset < 0) {
        throw invalidInput('offset', 'must be a whole number of at least 0');
      }
      const where = whereFor(query);
      const rows = prepared<NoticeRow>(
        `SELECT * FROM notices ${where.sql} ORDER BY id DESC LIMIT ? OFFSET ?`,
      ).all(...where.params, limit, offset);
      const total =
        offset === 0 && rows.length < limit
          ? rows.length
          : (prepared<{ n: number }>(`SELECT count(*) AS n FROM notices ${where.sql}`).get(
              ...where.params,
            )?.n ?? 0);
      return { rows: rows.map(toNotice), total };
    },
    unreadCount: () => unread.get()?.n ?? 0,
    markRead(ids, at = nowInstant()) {
      if (ids.length === 0) return 0;
      if (ids.length > NOTICE_PAGE_MAX) {
        throw invalidInput('ids', `at most ${NOTICE_PAGE_MAX} at once`);
      }
      ids.forEach((id, index) => {
        if (!Number.isInteger(id)) throw invalidInput(`ids[${index}]`, 'must be a whole number');
      });
      return prepared(
        `UPDATE notices SET read_at = ? WHERE read_at IS NULL AND id IN (${ids.map(() => '?').join(', ')})`,
      ).run(toInstant(at, 'at'), ...ids).changes;
    },
    markReadForRequest: (requestSid, at = nowInstant()) =>
      readForRequest.run(toInstant(at, 'at'), requestSid).changes,
    markAllRead(filter = {}, at = nowInstant()) {
      const where = whereFor({ ...filter, unreadOnly: true });
      return prepared(`UPDATE notices SET read_at = ? ${where.sql}`).run(
        toInstant(at, 'at'),
        ...where.params,
      ).changes;
    },
    countsSince(afterId) {
      if (!Number.isInteger(afterId)) throw invalidInput('afterId', 'must be a whole number');
      return Object.fromEntries(sinceByKind.all(afterId).map((row) => [row.kind, row.n]));
    },
    latestId: () => newest.get()?.id ?? 0,
    pruneBefore: (cutoff) => prune.run(toInstant(cutoff, 'cutoff')).changes,
  };
}

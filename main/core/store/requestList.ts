import type { Database, Statement } from 'better-sqlite3';
import type { RequestStatus } from '../../../shared/domain/statuses';
import { REQUEST_STATUSES } from '../../../shared/domain/statuses';
import { ATTENTION_FLAGS, type AttentionFlag } from '../../../shared/views';
import {
  PENDING_OUTBOX_STATES,
  PORT_DATE_AWAITED_STATUS,
  ROW_COLUMNS,
  accountCutoff,
  ageingCutoffs,
  ageingParams,
  attentionSql,
  orderBy,
  pageBounds,
  whereClause,
  type AgeingCutoffs,
  type ListRow,
  type Params,
} from './requestListSql';

export { ATTENTION_FLAGS };

export type {
  AgeingClock,
  RequestListQuery,
  RequestListRow,
  RequestListPage,
  RequestCounts,
} from './requestListTypes';
import type {
  AgeingClock,
  RequestListQuery,
  RequestListPage,
  RequestCounts,
} from './requestListTypes';

/**
 * ATTENTION_SQL for one row already read: the same conditions, evaluated in JS (`cutoff` is the
 * row's account's, see ageingCutoffs).
 */
function rowAttention(
  row: ListRow,
  outbox: { pending: number; failed: number } | undefined,
  cutoff: string,
): AttentionFlag[] {
  const has: Record<AttentionFlag, boolean> = {
    action_required: row.needs_action === 1,
    loa_unsigned: row.status === 'waiting_for_signature',
    no_port_date:
      row.status === PORT_DATE_AWAITED_STATUS &&
      row.awaiting_port_date_since !== null &&
      row.awaiting_port_date_since <= cutoff,
    queued_offline: (outbox?.pending ?? 0) > 0,
    failed_to_send: (outbox?.failed ?? 0) > 0,
  };
  return ATTENTION_FLAGS.filter((flag) => has[flag]);
}

export interface RequestList {
  listRequests(query?: RequestListQuery): RequestListPage;
  counts(query?: { ageing?: AgeingClock }): RequestCounts;
}

export function requestList(db: Database): RequestList {
  // One prepared statement per distinct SQL text; the texts are built from the constants
  // above only (and the count of accounts with an ageing cutoff of their own), so the cache is
  // bounded by their combinations.
  const cache = new Map<string, Statement<[Params]>>();
  const statement = (sql: string): Statement<[Params]> => {
    let prepared = cache.get(sql);
    if (!prepared) {
      prepared = db.prepare<[Params]>(sql);
      cache.set(sql, prepared);
    }
    return prepared;
  };

  const draftsFor = db.prepare<[string], { request_sid: string; id: number }>(
    'SELECT request_sid, id FROM drafts WHERE request_sid IN (SELECT value FROM json_each(?))',
  );
  const outboxFor = db.prepare<[string], { request_sid: string; pending: number; failed: number }>(
    `SELECT request_sid,
       sum(state IN ${PENDING_OUTBOX_STATES}) AS pending, sum(state = 'failed') AS failed
     FROM outbox
     WHERE request_sid IN (SELECT value FROM json_each(?)) AND state <> 'done'
     GROUP BY request_sid`,
  );
  const accountLabels = db.prepare<[], { id: string; label: string }>(
    'SELECT id, label FROM accounts',
  );
  // Badge counts walk indexes only: statuses and accounts in index order (no sort), and each
  // flag through the index its condition hits; "needs attention" is the union of those ids.
  const countByStatus = db.prepare<[], { status: string; n: number }>(
    'SELECT status, count(*) AS n FROM port_in_requests GROUP BY status',
  );
  const countByAccount = db.prepare<[], { account_id: string; n: number }>(
    'SELECT account_id, count(*) AS n FROM port_in_requests GROUP BY account_id',
  );
  const pageRows = db.prepare<[string], ListRow>(
    `SELECT ${ROW_COLUMNS} FROM port_in_requests r
     WHERE r.id IN (SELECT value FROM json_each(?))`,
  );

  const flagIds = (flag: AttentionFlag, cutoffs: AgeingCutoffs): number[] =>
    statement(`SELECT r.id FROM port_in_requests r WHERE ${attentionSql(flag, cutoffs)}`)
      .pluck()
      .all(flag === 'no_port_date' ? ageingParams(cutoffs) : {}) as number[];

  return {
    listRequests(query = {}) {
      const { limit, offset } = pageBounds(query);
      const where = whereClause(query);
      const params = where.params;
      // Sort and page on ids alone (a sort then carries two values a row, not twenty), then read
      // the columns of the page's rows only.
      const ids = statement(
        `SELECT r.id FROM port_in_requests r ${where.sql}
         ORDER BY ${orderBy(query)} LIMIT @limit OFFSET @offset`,
      )
        .pluck()
        .all({ ...params, limit, offset }) as number[];
      const byId = new Map(
        (ids.length ? pageRows.all(JSON.stringify(ids)) : []).map((row) => [row.id, row]),
      );
      const rows = ids.flatMap((id) => byId.get(id) ?? []);
      const cutoffs = ageingCutoffs(query.ageing);
      // A short page tells the total without counting.
      const total =
        rows.length < limit && (offset === 0 || rows.length > 0)
          ? offset + rows.length
          : (
              statement(`SELECT count(*) AS n FROM port_in_requests r ${where.sql}`).get(
                params,
              ) as { n: number }
            ).n;

      const sids = JSON.stringify(rows.map((row) => row.sid));
      const drafts = new Map(draftsFor.all(sids).map((draft) => [draft.request_sid, draft.id]));
      const outbox = new Map(
        outboxFor
          .all(sids)
          .map((item) => [item.request_sid, { pending: item.pending, failed: item.failed }]),
      );
      const labels = new Map(accountLabels.all().map((account) => [account.id, account.label]));

      return {
        total,
        rows: rows.map((row) => ({
          sid: row.sid,
          accountId: row.account_id,
          accountLabel: labels.get(row.account_id) ?? '',
          status: { canonical: row.status as RequestStatus | 'unknown', raw: row.status_raw },
          customerName: row.customer_name,
          numbersRequested: row.numbers_requested,
          numbersPorted: row.numbers_ported,
          targetPortInDate: row.target_port_in_date,
          firstPortDate: row.first_port_date,
          lastChangedAt: row.last_changed_at,
          statusUpdatedAt: row.status_updated_at,
          dateCreated: row.date_created,
          suggestedAction: row.suggested_action,
          supportTicketId: row.support_ticket_id,
          hasSignatureRequest: row.has_signature_request === 1,
          signatureRequestedAt: row.signature_requested_at,
          hasRejections: row.has_rejections === 1,
          draftId: drafts.get(row.sid) ?? null,
          outbox: outbox.get(row.sid) ?? { pending: 0, failed: 0 },
          attention: rowAttention(row, outbox.get(row.sid), accountCutoff(cutoffs, row.account_id)),
        })),
      };
    },

    counts(query = {}) {
      const byStatus = Object.fromEntries(
        [...REQUEST_STATUSES, 'unknown' as const].map((status) => [status, 0]),
      ) as Record<RequestStatus | 'unknown', number>;
      let all = 0;
      for (const { status, n } of countByStatus.all()) {
        byStatus[Object.hasOwn(byStatus, status) ? (status as RequestStatus) : 'unknown'] += n;
        all += n;
      }
      const byAccount = Object.fromEntries(
        countByAccount.all().map((group) => [group.account_id, group.n]),
      );
      const cutoffs = ageingCutoffs(query.ageing);
      const flagged = new Set<number>();
      const byAttention = Object.fromEntries(
        ATTENTION_FLAGS.map((flag) => {
          const ids = flagIds(flag, cutoffs);
          for (const id of ids) flagged.add(id);
          return [flag, ids.length];
        }),
      ) as Record<AttentionFlag, number>;
      return { all, byStatus, byAccount, byAttention, needsAttention: flagged.size };
    },
  };
}

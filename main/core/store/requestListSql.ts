// The SQL of the request list: constant fragments and the WHERE / ORDER BY / LIMIT builders.
import type { RequestStatus } from '../../../shared/domain/statuses';
import { REQUEST_STATUSES } from '../../../shared/domain/statuses';
import { accountNowMs } from '../../../shared/domain/accountTime';
import { DEFAULT_AGEING_DAYS } from '../../../shared/settings';
import { ATTENTION_FLAGS, type AttentionFlag, type RequestSortField } from '../../../shared/views';
import { invalidInput } from './errors';
import { parseSearch } from './search';
import { nowInstant, toInstant } from './time';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type AgeingClock,
  type RequestListQuery,
} from './requestListTypes';

// Every SQL fragment below is a constant; user input only ever reaches a bound parameter.

const STATUS_RANK = `CASE r.status WHEN 'action_required' THEN 0
  WHEN 'waiting_for_signature' THEN 1 WHEN 'in_review' THEN 2 WHEN 'in_progress' THEN 3
  WHEN 'unknown' THEN 4 WHEN 'completed' THEN 5 WHEN 'canceled' THEN 6 WHEN 'expired' THEN 7
  ELSE 8 END`;

const ORDER_BY: Record<RequestSortField, { asc: string; desc: string }> = {
  lastChangedAt: {
    asc: 'r.last_changed_at ASC, r.id ASC',
    desc: 'r.last_changed_at DESC, r.id DESC',
  },
  dateCreated: {
    asc: 'r.date_created ASC NULLS LAST, r.id ASC',
    desc: 'r.date_created DESC NULLS LAST, r.id DESC',
  },
  targetPortInDate: {
    asc: 'r.target_port_in_date ASC NULLS LAST, r.id ASC',
    desc: 'r.target_port_in_date DESC NULLS LAST, r.id DESC',
  },
  firstPortDate: {
    asc: 'r.first_port_date ASC NULLS LAST, r.id ASC',
    desc: 'r.first_port_date DESC NULLS LAST, r.id DESC',
  },
  customerName: {
    asc: 'r.customer_folded ASC NULLS LAST, r.id ASC',
    desc: 'r.customer_folded DESC NULLS LAST, r.id DESC',
  },
  // Ascending is what needs the agent first (action required, LOA…), then the lifecycle.
  status: {
    asc: `${STATUS_RANK} ASC, r.last_changed_at DESC, r.id DESC`,
    desc: `${STATUS_RANK} DESC, r.last_changed_at DESC, r.id DESC`,
  },
  numbersRequested: {
    asc: 'r.numbers_requested ASC NULLS LAST, r.id ASC',
    desc: 'r.numbers_requested DESC NULLS LAST, r.id DESC',
  },
};

export const PENDING_OUTBOX_STATES = `('queued', 'sending', 'reconciling', 'waiting_for_network')`;

/**
 * The one status in which a missing port date is news: the numbers were submitted to the losing
 * carrier, whose confirmation (FOC) sets the date. Earlier statuses cannot have one yet; Action
 * required already has its own flag.
 */
export const PORT_DATE_AWAITED_STATUS: RequestStatus = 'in_progress';

export const ATTENTION_SQL: Record<AttentionFlag, string> = {
  // needs_action and awaiting_port_date_since are stored generated columns (see migration 001).
  action_required: 'r.needs_action = 1',
  loa_unsigned: `r.status = 'waiting_for_signature'`,
  // Only once the numbers went to the losing carrier (In progress): before the LOA is signed no
  // carrier can confirm a date, so the flag would be noise (docs/data-model.md, "Attention").
  // The cutoff is per account (each account's clock, AgeingClock.clockOffsetsMs): this is the
  // text for accounts without an offset; attentionSql adds the accounts that have one.
  no_port_date: `r.awaiting_port_date_since <= @ageingCutoff AND r.status = '${PORT_DATE_AWAITED_STATUS}'`,
  queued_offline: `r.sid IN (SELECT request_sid FROM outbox
    WHERE request_sid IS NOT NULL AND state IN ${PENDING_OUTBOX_STATES})`,
  failed_to_send: `r.sid IN (SELECT request_sid FROM outbox
    WHERE request_sid IS NOT NULL AND state = 'failed')`,
};

const SEARCH_SQL = {
  customer: `r.id IN (SELECT rowid FROM port_in_requests_customer_search
    WHERE port_in_requests_customer_search MATCH @customerPhrase)`,
  // Too short for trigrams: a covering scan of the narrow customer index instead of the table.
  customerShort: `r.id IN (SELECT id FROM port_in_requests
    WHERE customer_folded LIKE @customerPattern ESCAPE '\\')`,
  // Any run of digits: a trigram phrase over each request's digits document (migration 002),
  // which answers request ids directly.
  phone: `r.id IN (SELECT rowid FROM port_in_request_digits
    WHERE port_in_request_digits MATCH @digitsPhrase)`,
  supportTicket: 'r.support_ticket_id = @supportTicketId',
  requestSid: '(r.sid >= @requestSidLow AND r.sid < @requestSidHigh)',
  // The key range walks the number SID index; the text range keeps digits past the key's twelve.
  numberSid: `r.id IN (SELECT request_id FROM port_in_numbers
    WHERE sid_key >= @numberSidKeyLow AND sid_key < @numberSidKeyHigh
      AND sid >= @numberSidLow AND sid < @numberSidHigh)`,
};

export const ROW_COLUMNS = `r.id, r.sid, r.account_id, r.status_raw, r.status, r.customer_name,
  r.numbers_requested, r.numbers_ported, r.target_port_in_date, r.first_port_date,
  r.last_changed_at, r.status_updated_at, r.date_created, r.suggested_action,
  r.support_ticket_id, r.signature_request_url IS NOT NULL AS has_signature_request,
  r.signature_requested_at, r.has_rejections, r.needs_action, r.awaiting_port_date_since`;

export type Params = Record<string, string | number | Buffer | null>;

export interface ListRow {
  id: number;
  sid: string;
  account_id: string;
  status_raw: string;
  status: string;
  customer_name: string | null;
  numbers_requested: number | null;
  numbers_ported: number | null;
  target_port_in_date: string | null;
  first_port_date: string | null;
  last_changed_at: string;
  status_updated_at: string | null;
  date_created: string | null;
  suggested_action: string | null;
  support_ticket_id: number | null;
  has_signature_request: number;
  signature_requested_at: string | null;
  has_rejections: number;
  needs_action: number;
  awaiting_port_date_since: string | null;
}

const DAY_MS = 86_400_000;

/** The no_port_date cutoffs of one query: by account, for the rest, and the latest of all. */
export interface AgeingCutoffs {
  byAccount: ReadonlyMap<string, string>;
  /** For an account without an offset (0). */
  default: string;
  /** The latest cutoff of all: the bound of the index range. */
  latest: string;
}

/**
 * "Created at least N days ago" on each account's clock: the cutoff is the account's now
 * (`now + offset`, shared/domain/accountTime.ts) minus N days, so it is compared with Twilio's
 * creation date on the same clock.
 */
export function ageingCutoffs(ageing: AgeingClock = {}): AgeingCutoffs {
  const days = ageing.noPortDateAfterDays ?? DEFAULT_AGEING_DAYS;
  if (!Number.isFinite(days) || days < 0) {
    throw invalidInput('ageing.noPortDateAfterDays', 'must be a number of days, 0 or more');
  }
  const now = Date.parse(toInstant(ageing.now ?? nowInstant(), 'ageing.now'));
  const cutoffAt = (offsetMs: number) =>
    new Date(accountNowMs(offsetMs, now) - days * DAY_MS).toISOString();
  const byAccount = new Map<string, string>();
  for (const [accountId, offsetMs] of Object.entries(ageing.clockOffsetsMs ?? {})) {
    if (typeof offsetMs !== 'number' || !Number.isFinite(offsetMs)) {
      throw invalidInput('ageing.clockOffsetsMs', `must be milliseconds for account ${accountId}`);
    }
    byAccount.set(accountId, cutoffAt(offsetMs));
  }
  const fallback = cutoffAt(0);
  const latest = [...byAccount.values()].reduce((a, b) => (b > a ? b : a), fallback);
  return { byAccount, default: fallback, latest };
}

/**
 * A flag's condition for these cutoffs. With accounts of their own cutoff, no_port_date bounds the
 * index range by the latest cutoff and refines it by the row's account: a CASE over bound
 * parameters, whose text depends only on how many such accounts there are (a few), so the
 * statement cache stays small (measured cheaper per row than a lookup in a JSON parameter).
 */
export function attentionSql(flag: AttentionFlag, cutoffs: AgeingCutoffs): string {
  if (flag !== 'no_port_date' || cutoffs.byAccount.size === 0) return ATTENTION_SQL[flag];
  const whens = [...cutoffs.byAccount.keys()]
    .map((_, i) => `WHEN @ageingAccount${i} THEN @ageingCutoff${i}`)
    .join(' ');
  return `${ATTENTION_SQL.no_port_date} AND r.awaiting_port_date_since <=
    CASE r.account_id ${whens} ELSE @ageingCutoffDefault END`;
}

/** The bound parameters of attentionSql('no_port_date', cutoffs). */
export function ageingParams(cutoffs: AgeingCutoffs): Params {
  const params: Params = { ageingCutoff: cutoffs.latest };
  if (cutoffs.byAccount.size === 0) return params;
  params.ageingCutoffDefault = cutoffs.default;
  [...cutoffs.byAccount].forEach(([accountId, cutoff], i) => {
    params[`ageingAccount${i}`] = accountId;
    params[`ageingCutoff${i}`] = cutoff;
  });
  return params;
}

/** A request's own cutoff: its account's, else the default. */
export function accountCutoff(cutoffs: AgeingCutoffs, accountId: string): string {
  return cutoffs.byAccount.get(accountId) ?? cutoffs.default;
}

/**
 * The WHERE of a list query. Attention flags become a set of ids gathered through the indexes
 * the flags' conditions hit, which is far cheaper than evaluating five conditions on every row
 * to count the total.
 */
export function whereClause(query: RequestListQuery): { sql: string; params: Params } {
  const conditions: string[] = [];
  const params: Params = {};

  if (query.statuses?.length) {
    for (const status of query.statuses) {
      if (status !== 'unknown' && !(REQUEST_STATUSES as readonly string[]).includes(status)) {
        throw invalidInput('statuses', `"${String(status)}" is not a request status`);
      }
    }
    // One value as `=`, so the planner walks that index already in list order.
    if (query.statuses.length === 1) {
      conditions.push('r.status = @status');
      params.status = query.statuses[0] ?? null;
    } else {
      conditions.push('r.status IN (SELECT value FROM json_each(@statuses))');
      params.statuses = JSON.stringify(query.statuses);
    }
  }
  if (query.accountIds?.length) {
    if (query.accountIds.length === 1) {
      conditions.push('r.account_id = @accountId');
      params.accountId = query.accountIds[0] ?? null;
    } else {
      conditions.push('r.account_id IN (SELECT value FROM json_each(@accountIds))');
      params.accountIds = JSON.stringify(query.accountIds);
    }
  }
  if (query.needsAttention || query.attention?.length) {
    const unknown = query.attention?.find((flag) => !ATTENTION_FLAGS.includes(flag));
    if (unknown !== undefined) {
      throw invalidInput('attention', `"${String(unknown)}" is not an attention flag`);
    }
    const flags = query.needsAttention
      ? ATTENTION_FLAGS
      : ATTENTION_FLAGS.filter((flag) => query.attention?.includes(flag));
    // Each branch walks the index its flag's condition hits. The unary + keeps the planner from
    // looking up every flagged id and sorting them: it walks the sort's index instead and stops
    // at the end of the page (measured: 4.7 → 1.7 ms CPU for "needs attention").
    const cutoffs = ageingCutoffs(query.ageing);
    conditions.push(
      `+r.id IN (${flags
        .map((flag) => `SELECT r.id FROM port_in_requests r WHERE ${attentionSql(flag, cutoffs)}`)
        .join(' UNION ALL ')})`,
    );
    if (flags.includes('no_port_date')) Object.assign(params, ageingParams(cutoffs));
  }

  const terms = parseSearch(query.search);
  if (terms) {
    const alternatives: string[] = [];
    if ('phrase' in terms.customer) {
      alternatives.push(SEARCH_SQL.customer);
      params.customerPhrase = terms.customer.phrase;
    } else {
      alternatives.push(SEARCH_SQL.customerShort);
      params.customerPattern = terms.customer.pattern;
    }
    if (terms.phone) {
      alternatives.push(SEARCH_SQL.phone);
      params.digitsPhrase = terms.phone.phrase;
    }
    if (terms.supportTicketId !== null) {
      alternatives.push(SEARCH_SQL.supportTicket);
      params.supportTicketId = terms.supportTicketId;
    }
    if (terms.requestSid) {
      alternatives.push(SEARCH_SQL.requestSid);
      params.requestSidLow = terms.requestSid.low;
      params.requestSidHigh = terms.requestSid.high;
    }
    if (terms.numberSid) {
      alternatives.push(SEARCH_SQL.numberSid);
      params.numberSidLow = terms.numberSid.sid.low;
      params.numberSidHigh = terms.numberSid.sid.high;
      params.numberSidKeyLow = terms.numberSid.key.low;
      params.numberSidKeyHigh = terms.numberSid.key.high;
    }
    conditions.push(`(${alternatives.join(' OR ')})`);
  }

  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

export function pageBounds(query: RequestListQuery): { limit: number; offset: number } {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const offset = query.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw invalidInput('limit', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw invalidInput('offset', 'must be a whole number, 0 or more');
  }
  return { limit, offset };
}

export function orderBy(query: RequestListQuery): string {
  const { field, direction } = query.sort ?? { field: 'lastChangedAt', direction: 'desc' };
  const order = Object.hasOwn(ORDER_BY, field) ? ORDER_BY[field] : undefined;
  if (!order) throw invalidInput('sort.field', `"${String(field)}" is not a sort field`);
  if (direction !== 'asc' && direction !== 'desc') {
    throw invalidInput('sort.direction', 'must be "asc" or "desc"');
  }
  return order[direction];
}

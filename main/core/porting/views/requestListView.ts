import type {
  RequestListResult,
  RequestListRow as RequestListRowView,
} from '../../../../shared/views';
import type { RequestCounts, RequestListPage, RequestListRow } from '../../store';
import { toAttentionView } from './attentionView';

/**
 * `lastChangedAt` is stored on the account's clock already (the store moves observations by the
 * offset measured with them); `clockOffsetMs` is today's, for "now" in "4 min ago".
 */
export function toRequestListRowView(
  row: RequestListRow,
  now: number,
  clockOffsetMs = 0,
): RequestListRowView {
  return {
    sid: row.sid,
    accountId: row.accountId,
    accountLabel: row.accountLabel,
    status: row.status,
    customerName: row.customerName,
    numbersRequested: row.numbersRequested,
    numbersPorted: row.numbersPorted,
    targetPortInDate: row.targetPortInDate,
    firstPortDate: row.firstPortDate,
    lastChangedAt: row.lastChangedAt,
    dateCreated: row.dateCreated,
    suggestedAction: row.suggestedAction,
    attention: toAttentionView(row, now, clockOffsetMs),
    clockOffsetMs,
  };
}

export function toRequestListResult(
  page: RequestListPage,
  counts: RequestCounts,
  now: number,
  clockOffsetOf: (accountId: string) => number = () => 0,
): RequestListResult {
  return {
    rows: page.rows.map((row) => toRequestListRowView(row, now, clockOffsetOf(row.accountId))),
    total: page.total,
    facets: {
      byStatus: counts.byStatus,
      byAttention: counts.byAttention,
      byAccount: counts.byAccount,
      needsAttention: counts.needsAttention,
      all: counts.all,
    },
  };
}

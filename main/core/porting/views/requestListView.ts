import type {
  RequestListResult,
  RequestListRow as RequestListRowView,
} from '../../../../shared/views';
import type { RequestCounts, RequestListPage, RequestListRow } from '../../store';
import { toAttentionView } from './attentionView';

export function toRequestListRowView(row: RequestListRow, now: number): RequestListRowView {
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
    attention: toAttentionView(row, now),
  };
}

export function toRequestListResult(
  page: RequestListPage,
  counts: RequestCounts,
  now: number,
): RequestListResult {
  return {
    rows: page.rows.map((row) => toRequestListRowView(row, now)),
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

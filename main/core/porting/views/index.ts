export { toAccountView, maskKeySid } from '../../accounts/accountViews';
export { toAttentionView, LOA_SIGNATURE_WINDOW_DAYS } from './attentionView';
export {
  toBillView,
  toDraftSummaryView,
  toDraftView,
  toPortabilityResultView,
  toPortabilityView,
  type PortabilityStatus,
} from './draftView';
export { outboxViewLookups } from './lookups';
export { toOutboxItemView, formatBytes, type OutboxViewLookups } from './outboxItemView';
export { draftFieldKeyOf, failureReasonView, reasonView, toReasonView } from './reasonView';
export { toRequestDetailView, toTimelineEntry } from './requestDetailView';
export { toRequestListResult, toRequestListRowView } from './requestListView';

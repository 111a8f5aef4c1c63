export { noticesForSyncCycle } from './syncCycleNotices';
export type { SyncCycleInput } from './syncCycleNotices';
export { dueReminders } from './reminders';
export { noticeForFailedSend } from './failedSend';
export type { FailedSend, FailedSendInput, SendKind } from './failedSend';
export { digestLine } from './digest';
export type { RemindersInput } from './reminders';
export {
  checkNotifySettings,
  defaultNotifySettings,
  inQuietHours,
  SWITCH_FOR_KIND,
} from './settings';
export { LOA_SIGNATURE_WINDOW_DAYS } from './dateWords';
export type {
  DescribeReason,
  Notice,
  NoticeKind,
  NoticeUrgency,
  NotifySettings,
  QuietHours,
  RequestContext,
} from './types';

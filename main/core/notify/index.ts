export { noticesForSyncCycle } from './syncCycleNotices';
export { dueReminders } from './reminders';
export { noticeForFailedSend } from './failedSend';
export type { FailedSend } from './failedSend';
export { digestLine } from './digest';
export { defaultNotifySettings } from './settings';
export type { DescribeReason, Notice, NotifySettings, RequestContext } from './types';

import type { NoticeTarget } from '../../shared/feed';
import { request } from '../bridge';
import { useApp, type Route } from './appStore';
import { takeEarly } from './earlyCalls';
import { createFeedStore } from './feedPages';
import { createPagePopups } from './pagePopups';

/** Where a notice's target takes the agent: a request (maybe on a number), or the outbox. */
export function routeForTarget(target: NoticeTarget): Route {
  if (target.screen === 'outbox') return { screen: 'outbox' };
  return {
    screen: 'request',
    sid: target.sid,
    ...(target.tab ? { tab: target.tab } : {}),
    ...(target.numberSid ? { numberSid: target.numberSid } : {}),
  };
}

/** The activity feed, over the bridge (docs/notifications.md). */
export const useFeed = createFeedStore({
  listNotices: (query) => request((b) => b.listNotices(query)),
  // The first ones were asked for before React booted (earlyCalls.ts).
  getFeedSummary: () => takeEarly('feedSummary') ?? request((b) => b.getFeedSummary()),
  markNoticesRead: (payload) => request((b) => b.markNoticesRead(payload)),
  markAllNoticesRead: (payload) => request((b) => b.markAllNoticesRead(payload)),
  markRequestNoticesRead: (payload) => request((b) => b.markRequestNoticesRead(payload)),
  getFeedDigest: () => takeEarly('feedDigest') ?? request((b) => b.getFeedDigest()),
  markFeedSeen: (payload) => request((b) => b.markFeedSeen(payload)),
});

/** Pop-ups this page raises itself, in a host where no native ones exist (the browser host). */
export const pagePopups = createPagePopups({
  notifications: typeof window !== 'undefined' ? window.Notification : undefined,
  focus: () => window.focus(),
  open: (target) => useApp.getState().navigate(routeForTarget(target)),
});

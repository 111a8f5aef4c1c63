/** Payloads and pushed shapes of the activity feed's channels (shared/feed.ts). */
import { z } from 'zod';
import { NOTICE_KINDS, NOTICE_PAGE_MAX, type NoticesChangedView, type NoticeTarget } from '../feed';
import { AccountIdSchema, NumberSidSchema, RequestSidSchema, text } from './fieldSchemas';

const NoticeIdSchema = z.int().positive('A notice id is a positive whole number');
const kinds = z.array(z.enum(NOTICE_KINDS)).max(NOTICE_KINDS.length).default([]);
const accountIds = z.array(AccountIdSchema).max(100).default([]);

export const NoticeListQuerySchema = z.strictObject({
  /** Notices of ANY of these kinds; empty for all. */
  kinds,
  accountIds,
  unreadOnly: z.boolean().default(false),
  offset: z.int().min(0).max(10_000_000).default(0),
  limit: z.int().min(1).max(NOTICE_PAGE_MAX).default(100),
});

export const NoticeIdsSchema = z.strictObject({
  ids: z.array(NoticeIdSchema).min(1, 'Name at least one notice').max(NOTICE_PAGE_MAX),
});
/** "Mark all read" within the feed's current kind and account filters. */
export const MarkAllNoticesSchema = z.strictObject({ kinds, accountIds });
export const FeedSeenSchema = z.strictObject({ upToId: z.int().min(0) });

/** Where a notice click lands; also a navigation target (NavigateSchema). */
export const NoticeTargetSchema: z.ZodType<NoticeTarget> = z.discriminatedUnion('screen', [
  z.strictObject({
    screen: z.literal('request'),
    sid: RequestSidSchema,
    tab: z.literal('numbers').optional(),
    numberSid: NumberSidSchema.optional(),
  }),
  z.strictObject({ screen: z.literal('outbox') }),
]);

export const NoticesChangedSchema: z.ZodType<NoticesChangedView> = z.strictObject({
  unread: z.int().min(0),
  added: z
    .array(
      z.strictObject({
        id: NoticeIdSchema,
        key: text(300),
        title: text(500),
        body: text(4000),
        urgency: z.enum(['normal', 'critical']),
        silent: z.boolean(),
        target: NoticeTargetSchema,
      }),
    )
    .max(1000),
});

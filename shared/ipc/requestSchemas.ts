/** Payloads of the request list and request detail channels. */
import { z } from 'zod';
import { REQUEST_STATUSES } from '../domain/statuses';
import { ATTENTION_FLAGS, REQUEST_SORT_FIELDS, type RequestSortField } from '../views';
import { AccountIdSchema, NumberSidSchema, RequestSidSchema, singleLineText } from './fieldSchemas';
import { MAX_NUMBERS_PER_REQUEST, REQUEST_LIST_MAX_LIMIT } from './limits';

export { REQUEST_SORT_FIELDS, type RequestSortField };

export const RequestListQuerySchema = z.strictObject({
  statuses: z
    .array(z.enum([...REQUEST_STATUSES, 'unknown']))
    .max(16)
    .default([]),
  accountIds: z.array(AccountIdSchema).max(100).default([]),
  /** Rows with ANY of these flags. */
  attention: z.array(z.enum(ATTENTION_FLAGS)).max(ATTENTION_FLAGS.length).default([]),
  /**
   * Free text: a phone number in any format (matched on its digits, suffixes too), part of a
   * customer name (case- and accent-insensitive), or a request SID (prefix).
   */
  search: singleLineText(200).default(''),
  sort: z
    .strictObject({
      field: z.enum(REQUEST_SORT_FIELDS),
      direction: z.enum(['asc', 'desc']),
    })
    .default({ field: 'lastChangedAt', direction: 'desc' }),
  offset: z.int().min(0).max(10_000_000).default(0),
  limit: z.int().min(1).max(REQUEST_LIST_MAX_LIMIT).default(100),
});
export type RequestListQuery = z.output<typeof RequestListQuerySchema>;

export const RequestRefSchema = z.strictObject({ sid: RequestSidSchema });
export const CancelNumbersSchema = z.strictObject({
  sid: RequestSidSchema,
  numberSids: z
    .array(NumberSidSchema)
    .min(1, 'Select at least one number to cancel')
    .max(MAX_NUMBERS_PER_REQUEST),
});
export const FocusRequestSchema = z.strictObject({ sid: RequestSidSchema.nullable() });

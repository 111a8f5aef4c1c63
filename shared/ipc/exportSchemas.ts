/** Payloads and answers of the CSV export channels (docs/porting.md, "Export"). */
import { z } from 'zod';
import { RequestSidSchema } from './fieldSchemas';
import { RequestListQuerySchema } from './requestSchemas';

/** The requests list's filters as they are on screen; paging is main's business. */
export const RequestExportFiltersSchema = RequestListQuerySchema.pick({
  statuses: true,
  accountIds: true,
  attention: true,
  search: true,
  sort: true,
});

/** One row per request matching the filters, in the list's order. */
export const ExportRequestsSchema = z.strictObject({
  filters: RequestExportFiltersSchema.prefault({}),
});

/**
 * One row per number: of one request (its Numbers tab), or of every request matching the list's
 * filters, request by request in the list's order.
 */
export const ExportNumbersSchema = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('request'), sid: RequestSidSchema }),
  z.strictObject({
    scope: z.literal('requests'),
    filters: RequestExportFiltersSchema.prefault({}),
  }),
]);

/**
 * How the file reached the agent. `saved`: main wrote it where the agent chose (Electron's save
 * dialog). `canceled`: the agent closed the dialog. `download`: the browser host serves it once
 * at `url` (same origin, a one-time path); the renderer starts the download.
 */
export type ExportResultView =
  | { outcome: 'saved'; fileName: string; rows: number }
  | { outcome: 'canceled' }
  | { outcome: 'download'; url: string; fileName: string; rows: number };

import type { PortInRequestSummary } from '../../../shared/domain';
import { fastPortInListPage } from './fastReaders';
import { fastJson } from './responseReaders';
import { queryString, type CallOptions, type TwilioCaller } from './twilioCaller';
import { KIND_SUMMARY, TwilioError } from './twilioError';
import { portInListWire } from './wireSchemas';
import { toPortInRequestSummary } from './wireToDomain';

export interface PortInListQuery {
  /** Paging token from the previous page's `nextToken`. */
  token?: string;
  /** Rows per page, 1–100 (Twilio's default is 20). */
  size?: number;
  /** Twilio's status filter, sent as given (e.g. "Completed"). */
  status?: string;
  sids?: string[];
  /** YYYY-MM-DD */
  createdAfter?: string;
  /** YYYY-MM-DD */
  createdBefore?: string;
}

export interface PortInListPage {
  requests: PortInRequestSummary[];
  nextToken: string | null;
}

const readPortInListPage = fastJson(
  portInListWire,
  (wire): PortInListPage => ({
    requests: wire.port_in_requests.map(toPortInRequestSummary),
    nextToken: wire.meta?.next_token ?? null,
  }),
  fastPortInListPage,
);

export async function listPortInsPage(
  caller: TwilioCaller,
  query: PortInListQuery = {},
  opts: CallOptions = {},
): Promise<PortInListPage> {
  if (
    query.size !== undefined &&
    (!Number.isInteger(query.size) || query.size < 1 || query.size > 100)
  ) {
    throw new RangeError(`size must be a whole number from 1 to 100 (got ${query.size}).`);
  }
  const params = new URLSearchParams();
  if (query.token !== undefined) params.set('Token', query.token);
  if (query.size !== undefined) params.set('Size', String(query.size));
  if (query.status !== undefined) params.set('PortInRequestStatus', query.status);
  if (query.sids !== undefined && query.sids.length > 0) {
    params.set('PortInRequestSid', query.sids.join(','));
  }
  if (query.createdAfter !== undefined) params.set('CreatedAfter', query.createdAfter);
  if (query.createdBefore !== undefined) params.set('CreatedBefore', query.createdBefore);
  return caller.call(
    {
      method: 'GET',
      baseUrl: caller.baseUrl,
      path: `/v1/Porting/PortIn/PortInRequests${queryString(params)}`,
      operation: 'list port-in requests',
      signal: opts.signal,
    },
    readPortInListPage,
  );
}

/**
 * Every summary row, page after page (Token paging), streamed so a sync over hundreds of pages
 * holds one page at a time. A token Twilio already gave once ends the walk with a
 * malformed_response error rather than looping forever.
 */
export async function* listAllPortIns(
  caller: TwilioCaller,
  query: Omit<PortInListQuery, 'token'> = {},
  opts: CallOptions = {},
): AsyncGenerator<PortInRequestSummary, void, undefined> {
  const seen = new Set<string>();
  let token: string | undefined;
  for (;;) {
    const page = await listPortInsPage(caller, { ...query, token }, opts);
    yield* page.requests;
    if (page.nextToken === null || page.nextToken === '') return;
    if (seen.has(page.nextToken)) {
      throw new TwilioError({
        kind: 'malformed_response',
        httpStatus: 200,
        mayHaveReachedServer: true,
        message: `Could not list port-in requests: ${KIND_SUMMARY.malformed_response}; it gave the paging token ${page.nextToken} a second time, so paging stopped after ${seen.size + 1} pages.`,
      });
    }
    seen.add(page.nextToken);
    token = page.nextToken;
  }
}

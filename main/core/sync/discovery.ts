import type { PortingClient } from '../twilio';
import { KIND_SUMMARY, TwilioError } from '../twilio/twilioError';
import type { Store } from '../store';

/** Twilio's maximum page size for the list endpoint (PORTING-API §3.4). */
export const DISCOVERY_PAGE_SIZE = 100;

export interface DiscoveryResult {
  /** Every SID the listing returned (a request missing here may be gone at Twilio). */
  listedSids: Set<string>;
  /** New SIDs and SIDs whose summary changed; the store made them due for a fetch at once. */
  changedSids: string[];
  pages: number;
  /** Rows the store refused (e.g. a SID already held by another account), in words. */
  problems: string[];
  /** `pauseBefore` stopped it between pages: the listing is partial (`listedSids` too). */
  paused: boolean;
}

/**
 * Pages the list endpoint (Size=100, Token paging) and records every summary row, one
 * transaction per page: a crash mid-way keeps the pages already read, and the next cycle reads
 * them again anyway. Throws the client's TwilioError when a page cannot be read. `pauseBefore`
 * is asked before each page after the first; true stops the walk there (`paused`).
 */
export async function discoverRequests(
  client: PortingClient,
  store: Store,
  accountId: string,
  observedAt: string,
  signal: AbortSignal,
  pauseBefore: () => boolean = () => false,
): Promise<DiscoveryResult> {
  const result: DiscoveryResult = {
    listedSids: new Set(),
    changedSids: [],
    pages: 0,
    problems: [],
    paused: false,
  };
  const seenTokens = new Set<string>();
  let token: string | undefined;
  for (;;) {
    const page = await client.listPortInsPage({ size: DISCOVERY_PAGE_SIZE, token }, { signal });
    result.pages += 1;
    // Measured from this very answer's Date header: "changed" is kept on the account's clock.
    const clockOffsetMs = client.serverClockOffsetMs ?? 0;
    store.transaction(() => {
      for (const summary of page.requests) {
        result.listedSids.add(summary.sid);
        try {
          const saved = store.requests.upsertSummary(accountId, summary, observedAt, clockOffsetMs);
          if (saved.created || saved.changed) result.changedSids.push(summary.sid);
        } catch (error) {
          // Its own savepoint rolled back; the rest of the page still counts.
          result.problems.push(error instanceof Error ? error.message : String(error));
        }
      }
    });
    if (page.nextToken === null || page.nextToken === '') return result;
    if (seenTokens.has(page.nextToken)) {
      throw new TwilioError({
        kind: 'malformed_response',
        httpStatus: 200,
        mayHaveReachedServer: true,
        message: `Could not list port-in requests: ${KIND_SUMMARY.malformed_response}; it gave the paging token ${page.nextToken} a second time, so paging stopped after ${result.pages} pages.`,
      });
    }
    seenTokens.add(page.nextToken);
    token = page.nextToken;
    if (pauseBefore()) {
      result.paused = true;
      return result;
    }
  }
}

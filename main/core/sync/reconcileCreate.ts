import type { PortInRequest } from '../../../shared/domain/portIn';
import type { OutboxPayloadOf, Store } from '../store';
import { isTwilioError, type PortingClient } from '../twilio';
import { DISCOVERY_PAGE_SIZE } from './discovery';

type CreatePayload = OutboxPayloadOf<'create_port_in'>;

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * How far Twilio's clock may be behind ours. A request Twilio dated earlier than our first send
 * minus this cannot be ours; it is someone's older request for the same numbers.
 */
export const CLOCK_SLACK_MS = 15 * 60 * 1000;
/**
 * The CreatedAfter filter is sent two days before the first send: Twilio does not say whether
 * the date is inclusive, nor in which time zone it is read, and two days covers every reading.
 */
const CREATED_AFTER_MARGIN_MS = 2 * DAY_MS;

export interface ReconcileQuery {
  itemId: number;
  accountId: string;
  payload: CreatePayload;
  /** When the item was queued; stands in for firstSentAt if that was never written. */
  queuedAt: string;
  /** Request SIDs an error named (22137 says which request holds the number): checked first. */
  hintedSids: readonly string[];
}

/**
 * Looks for the request a create may have made, before anything is sent again (Twilio has no
 * idempotency key). A candidate is ours when it has exactly the same set of phone numbers and the
 * same customer name, Twilio created it no earlier than our first send (minus clock slack), and
 * no other draft or create already owns it. Candidates come from the list endpoint filtered by
 * CreatedAfter and, if that finds nothing, unfiltered — Twilio's filter semantics are not
 * documented, and a missed request would be sent twice. Rows whose number count differs are
 * skipped without a fetch; a candidate already stored with its numbers is compared locally
 * (the numbers of a request never change).
 *
 * `details` caches fetched candidates across the items of one drain.
 */
export async function findCreatedRequest(
  client: PortingClient,
  store: Store,
  query: ReconcileQuery,
  details: Map<string, PortInRequest>,
  signal: AbortSignal,
): Promise<PortInRequest | null> {
  const wanted = numberSet(query.payload.phoneNumbers.map((n) => n.phoneNumber));
  const customer = nameKey(query.payload.losingCarrier.customerName);
  const firstSentAt = query.payload.firstSentAt ?? Date.parse(query.queuedAt);
  const notBefore = firstSentAt - CLOCK_SLACK_MS;
  const checked = new Set<string>();

  /** The candidate's detail when it is ours, else null. */
  const ours = async (
    sid: string,
    numbersRequested: number | null,
  ): Promise<PortInRequest | null> => {
    if (checked.has(sid)) return null;
    checked.add(sid);
    if (numbersRequested !== null && numbersRequested !== wanted.size) return null;
    if (ownedElsewhere(store, sid, query)) return null;
    const detail = await detailOf(sid);
    if (detail === null) return null;
    if (detail.phoneNumbers.length !== wanted.size) return null;
    if (!detail.phoneNumbers.every((n) => wanted.has(n.phoneNumber))) return null;
    if (nameKey(detail.losingCarrier.customerName) !== customer) return null;
    const created = detail.dateCreated === null ? Number.NaN : Date.parse(detail.dateCreated);
    if (!Number.isNaN(created) && created < notBefore) return null;
    return detail;
  };

  const detailOf = async (sid: string): Promise<PortInRequest | null> => {
    const cached = details.get(sid) ?? store.requests.getRequest(sid)?.request ?? null;
    if (cached !== null) return cached;
    try {
      const fetched = await client.fetchPortIn(sid, { signal });
      details.set(sid, fetched);
      return fetched;
    } catch (error) {
      if (isTwilioError(error) && error.kind === 'not_found') return null;
      throw error;
    }
  };

  for (const sid of query.hintedSids) {
    const match = await ours(sid, null);
    if (match) return match;
  }
  const createdAfter = new Date(firstSentAt - CREATED_AFTER_MARGIN_MS).toISOString().slice(0, 10);
  for (const filter of [{ createdAfter }, {}]) {
    for await (const row of client.listAllPortIns(
      { ...filter, size: DISCOVERY_PAGE_SIZE },
      { signal },
    )) {
      const match = await ours(row.sid, row.numbersRequested);
      if (match) return match;
    }
  }
  return null;
}

/** Linked to another draft, or the result of another create: not a candidate. */
function ownedElsewhere(store: Store, sid: string, query: ReconcileQuery): boolean {
  const draft = store.drafts.findByRequestSid(sid);
  if (draft !== null && draft.id !== query.payload.draftId) return true;
  return store.outbox
    .list({ requestSid: sid, states: ['done'] })
    .some((item) => item.kind === 'create_port_in' && item.id !== query.itemId);
}

function numberSet(numbers: readonly string[]): Set<string> {
  return new Set(numbers);
}

function nameKey(name: string | null | undefined): string {
  return (name ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Request SIDs quoted in an error message (22137 names the request that holds the number). */
export function requestSidsIn(message: string): string[] {
  return [...new Set(message.match(/KW[0-9a-fA-F]{32}/g) ?? [])];
}

import type { PortInRequest } from '../../../shared/domain/portIn';

/**
 * Where a copy of a request comes from. The answer to our own create is the request as it was at
 * creation, so it is older than any copy fetched since — and Twilio's create answer may carry no
 * number timestamps at all (PORTING-API §3.1), so it cannot be dated by them.
 */
export type CopyOrigin = 'fetched' | 'create_answer';

/**
 * Whether `incoming` is an older copy of the request than the one stored, so that saving it would
 * make the timeline step back (and then forward again at the next fetch). Two callers save
 * copies without sharing the detail fetcher's one-fetch-per-request guard — the outbox adopting
 * a created or reconciled request, and the detail fetcher — and a slow answer can land after a
 * newer copy. See docs/sync.md, "Older copies are not saved".
 *
 * Twilio's PortIn resource has no `date_updated`: the only clock on it is each number's
 * `status_last_time_updated_timestamp`, which moves on every change of that number (§6.3). A
 * copy is older when some number it shares with the stored copy was updated before the stored
 * one was, and none was updated after; a copy with any newer number carries news and is saved.
 * Numbers without a readable timestamp on either side are not compared, so a renamed or missing
 * field never stops sync from saving.
 */
export function isOlderCopy(
  stored: PortInRequest,
  incoming: PortInRequest,
  origin: CopyOrigin,
): boolean {
  if (origin === 'create_answer') return true;
  const storedAt = new Map(stored.phoneNumbers.map((n) => [n.sid, instant(n.statusUpdatedAt)]));
  let older = false;
  for (const number of incoming.phoneNumbers) {
    const before = storedAt.get(number.sid) ?? null;
    const now = instant(number.statusUpdatedAt);
    if (before === null || now === null) continue;
    if (now > before) return false;
    if (now < before) older = true;
  }
  return older;
}

function instant(value: string | null): number | null {
  if (value === null) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

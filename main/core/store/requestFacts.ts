import type { PortInNumber, PortInRequestSummary } from '../../../shared/domain/portIn';
import type { ObservedStatus, RequestStatus } from '../../../shared/domain/statuses';
import { TWILIO_SID_PATTERNS } from '../../../shared/domain/identifiers';
import { invalidInput } from './errors';
import { toInstantOrNull } from './time';

/** Pure rules of what a listing or a fetch of a request means for its stored row. */

export function observedStatus(row: {
  status: string;
  status_raw: string;
}): ObservedStatus<RequestStatus> {
  return { canonical: row.status as RequestStatus | 'unknown', raw: row.status_raw };
}

/** A change of spelling alone ("Completed" vs "completed") between endpoints is not a change. */
export function statusDiffers(
  row: { status: string; status_raw: string },
  status: ObservedStatus<RequestStatus>,
): boolean {
  if (row.status !== status.canonical) return true;
  return status.canonical === 'unknown' && row.status_raw !== status.raw;
}

/** What a listing says, spelling of a known status aside. */
export function summaryFingerprint(summary: PortInRequestSummary): string {
  const status =
    summary.status.canonical === 'unknown'
      ? `unknown:${summary.status.raw}`
      : summary.status.canonical;
  return JSON.stringify([
    status,
    summary.numbersRequested,
    summary.numbersPorted,
    summary.suggestedAction,
    summary.statusUpdatedAt,
  ]);
}

/** First sight: Twilio's own timestamp when it has one (never in the future), else now. */
export function firstSeenChangeTime(
  candidates: Iterable<string | null>,
  observedAt: string,
): string {
  // A request's numbers mostly share one timestamp: parse each distinct text once.
  let latest: string | null = null;
  for (const text of new Set(candidates)) {
    const instant = toInstantOrNull(text);
    if (instant !== null && (latest === null || instant > latest)) latest = instant;
  }
  return latest !== null && latest < observedAt ? latest : observedAt;
}

/**
 * When the LOA went out, for "unsigned for N days" and the 30-day expiry: Twilio's timestamp of
 * the numbers turning Waiting for Signature (the LOA is generated then), else the time PortDesk
 * saw the link. Only used the first time the link is seen: a request that was already waiting
 * before its account was connected has been unsigned for longer than PortDesk has known it.
 */
export function loaSentAt(phoneNumbers: readonly PortInNumber[], observedAt: string): string {
  return firstSeenChangeTime(
    phoneNumbers
      .filter((number) => number.status.canonical === 'waiting_for_signature')
      .map((number) => number.statusUpdatedAt),
    observedAt,
  );
}

export function assertRequestSid(sid: string, field: string): void {
  if (typeof sid !== 'string' || !TWILIO_SID_PATTERNS.KW.test(sid)) {
    throw invalidInput(field, `"${String(sid)}" is not a port-in request SID (KW + 32 hex digits)`);
  }
}

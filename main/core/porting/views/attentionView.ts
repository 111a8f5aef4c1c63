import { accountNowMs, toAccountTime } from '../../../../shared/domain/accountTime';
import type { AttentionView } from '../../../../shared/views';
import type { RequestListRow } from '../../store';

const DAY_MS = 86_400_000;
/** Twilio expires a request whose LOA stays unsigned this long (PORTING-API, ARCHITECTURE §7). */
export const LOA_SIGNATURE_WINDOW_DAYS = 30;

function wholeDaysSince(at: number | null, now: number): number | null {
  if (at === null || Number.isNaN(at)) return null;
  return Math.max(0, Math.floor((now - at) / DAY_MS));
}

function parsed(instant: string | null): number | null {
  if (instant === null) return null;
  const at = Date.parse(instant);
  return Number.isNaN(at) ? null : at;
}

type AttentionRow = Pick<
  RequestListRow,
  | 'attention'
  | 'status'
  | 'signatureRequestedAt'
  | 'hasSignatureRequest'
  | 'dateCreated'
  | 'statusUpdatedAt'
>;

/**
 * When the LOA went out, on the account's clock (Twilio expires it 30 days later by that clock).
 * Twilio's time of the request turning Waiting for Signature (the listing's status time; the
 * request's status is Waiting for Signature here) is on it already. The stored
 * `signatureRequestedAt` may be PortDesk's first sight of the link, on our clock (always so in
 * demo mode, where Twilio's stamps read ahead of ours): moved by today's offset it is never
 * earlier than the LOA really went out, so the earlier of the two is the one to count from.
 * The pop-up reminders (main/core/app/noticeFeed.ts) count from it too.
 */
export function loaSentOnAccountClock(
  row: Pick<AttentionRow, 'signatureRequestedAt' | 'statusUpdatedAt'>,
  clockOffsetMs: number,
): number | null {
  // A bare date (the list endpoint may send one) is too coarse to count days from.
  const twilioStamp = /T\d/.test(row.statusUpdatedAt ?? '') ? parsed(row.statusUpdatedAt) : null;
  const stored = parsed(
    row.signatureRequestedAt === null
      ? null
      : toAccountTime(row.signatureRequestedAt, clockOffsetMs),
  );
  if (twilioStamp === null) return stored;
  return stored === null ? twilioStamp : Math.min(twilioStamp, stored);
}

/**
 * The store decides which flags a request has (one SQL definition, also used for filtering and
 * counts); this adds the day counts the list and the detail show. Those count Twilio's dates
 * (creation, the LOA's sending) from now on the account's clock (shared/domain/accountTime.ts):
 * `now` is ours, `clockOffsetMs` the account's offset today.
 */
export function toAttentionView(row: AttentionRow, now: number, clockOffsetMs = 0): AttentionView {
  const accountNow = accountNowMs(clockOffsetMs, now);
  const flags = new Set(row.attention);
  const waitingForSignature =
    row.status.canonical === 'waiting_for_signature' && row.hasSignatureRequest;
  const loaUnsignedDays = waitingForSignature
    ? wholeDaysSince(loaSentOnAccountClock(row, clockOffsetMs), accountNow)
    : null;
  return {
    actionRequired: flags.has('action_required'),
    loaUnsignedDays,
    loaDaysLeft:
      loaUnsignedDays === null ? null : Math.max(0, LOA_SIGNATURE_WINDOW_DAYS - loaUnsignedDays),
    noPortDateDays: flags.has('no_port_date')
      ? wholeDaysSince(parsed(row.dateCreated), accountNow)
      : null,
    queuedOffline: flags.has('queued_offline'),
    failedToSend: flags.has('failed_to_send'),
  };
}

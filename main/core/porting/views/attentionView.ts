import type { AttentionView } from '../../../../shared/views';
import type { RequestListRow } from '../../store';

const DAY_MS = 86_400_000;
/** Twilio expires a request whose LOA stays unsigned this long (PORTING-API, ARCHITECTURE §7). */
export const LOA_SIGNATURE_WINDOW_DAYS = 30;

function wholeDaysSince(instant: string | null, now: number): number | null {
  if (instant === null) return null;
  const at = Date.parse(instant);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.floor((now - at) / DAY_MS));
}

/**
 * The store decides which flags a request has (one SQL definition, also used for filtering and
 * counts); this adds the day counts the list and the detail show.
 */
export function toAttentionView(
  row: Pick<
    RequestListRow,
    'attention' | 'status' | 'signatureRequestedAt' | 'hasSignatureRequest' | 'dateCreated'
  >,
  now: number,
): AttentionView {
  const flags = new Set(row.attention);
  const waitingForSignature =
    row.status.canonical === 'waiting_for_signature' && row.hasSignatureRequest;
  const loaUnsignedDays = waitingForSignature
    ? wholeDaysSince(row.signatureRequestedAt, now)
    : null;
  return {
    actionRequired: flags.has('action_required'),
    loaUnsignedDays,
    loaDaysLeft:
      loaUnsignedDays === null ? null : Math.max(0, LOA_SIGNATURE_WINDOW_DAYS - loaUnsignedDays),
    noPortDateDays: flags.has('no_port_date') ? wholeDaysSince(row.dateCreated, now) : null,
    queuedOffline: flags.has('queued_offline'),
    failedToSend: flags.has('failed_to_send'),
  };
}

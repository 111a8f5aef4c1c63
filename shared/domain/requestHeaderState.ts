import { formatUsPhoneNumber } from './phoneNumbers';
import type { PortInNumber } from './portIn';
import type { ObservedStatus, RequestStatus } from './statuses';
import { isTerminalNumberStatus, isTerminalRequestStatus } from './statuses';

/**
 * What the request header shows — Twilio's state, or the pending state of what the agent just
 * did — decided in ONE place from the request as last synced and the outbox operations that bear
 * on it (issue 10 §2). Pure: the renderer calls it on every render, tests call it alone.
 *
 * The outbox says what PortDesk asked for; the request says what Twilio has done. An action is
 * pending from the moment it is queued until the sync sees its effect: a whole-request cancel
 * until the request is Canceled (or otherwise over), a number cancel until the number is Canceled
 * or Completed — a 204 to the DELETE is not the effect, Canceling is not Canceled. A failed
 * operation is not pending: the header goes back to Twilio's state and the banners say it failed.
 */

/** The parts of an outbox operation (shared/views OutboxItemView) this decision reads. */
export interface HeaderOutboxItem {
  kind: 'upload_document' | 'create_port_in' | 'cancel_port_in' | 'cancel_number';
  state: 'queued' | 'sending' | 'waiting_for_network' | 'failed' | 'done';
  requestSid: string | null;
  /** cancel_number: the number, E.164. */
  phoneNumbers: readonly string[];
  /** A create queued behind the cancel of numbers it corrects. */
  waitingFor?: { requestSid: string; phoneNumbers: readonly string[]; words: string } | null;
}

export interface HeaderRequest {
  sid: string;
  status: ObservedStatus<RequestStatus>;
  numbers: readonly Pick<PortInNumber, 'phoneNumber' | 'status'>[];
}

/** The actions main offers (RequestActionsView) and the banner that invites an action. */
export interface HeaderOffers {
  canCancelRequest: boolean;
  canCancelNumbers: boolean;
  canOpenLoa: boolean;
  canFixAndResubmit: boolean;
  /** The "LOA is waiting for a signature" banner. */
  loaBanner: boolean;
}

export interface PendingState {
  /** "Canceling…", "Canceling 2 numbers…", "Correcting — waiting for the cancel of … to finish". */
  label: string;
  /** One sentence on where it stands ("Sent when PortDesk is back online."). */
  detail: string;
}

export interface RequestHeaderState {
  /** Null: nothing of the agent's is pending, Twilio's status is the whole story. */
  pending: PendingState | null;
  /** `offers` with what no longer makes sense switched off. */
  offers: HeaderOffers;
  /** Numbers (E.164) a pending cancel of PortDesk's covers: not to be offered for cancel again. */
  cancelingNumbers: ReadonlySet<string>;
}

function plural(count: number, one: string): string {
  return `${count.toLocaleString('en-US')} ${one}${count === 1 ? '' : 's'}`;
}

function whereItStands(state: HeaderOutboxItem['state']): string {
  if (state === 'waiting_for_network') return 'Sent when PortDesk is back online.';
  if (state === 'done') return 'Twilio accepted the cancel; this updates when Twilio shows it.';
  return 'Sending the cancel to Twilio.';
}

/** The least advanced state of several operations (the one the agent waits on). */
function leastAdvanced(items: readonly HeaderOutboxItem[]): HeaderOutboxItem['state'] {
  const order: HeaderOutboxItem['state'][] = ['waiting_for_network', 'queued', 'sending', 'done'];
  return order.find((state) => items.some((item) => item.state === state)) ?? 'done';
}

function numbersInWords(phoneNumbers: readonly string[], requestSid: string): string {
  if (phoneNumbers.length === 0) return requestSid;
  if (phoneNumbers.length === 1) return formatUsPhoneNumber(phoneNumbers[0] ?? '');
  return plural(phoneNumbers.length, 'number');
}

export function requestHeaderState(
  request: HeaderRequest,
  items: readonly HeaderOutboxItem[],
  offers: HeaderOffers,
): RequestHeaderState {
  const over = isTerminalRequestStatus(request.status.canonical);
  const live = items.filter((item) => item.state !== 'failed');
  const released = new Set(
    request.numbers
      .filter((n) => isTerminalNumberStatus(n.status.canonical))
      .map((n) => n.phoneNumber),
  );

  const requestCancels = over
    ? []
    : live.filter((item) => item.kind === 'cancel_port_in' && item.requestSid === request.sid);
  const numberCancels = live.filter(
    (item) =>
      item.kind === 'cancel_number' &&
      item.requestSid === request.sid &&
      item.phoneNumbers.some((n) => !released.has(n)),
  );
  const corrections = live.filter(
    (item) =>
      item.kind === 'create_port_in' &&
      item.state !== 'done' &&
      item.waitingFor?.requestSid === request.sid,
  );
  const cancelingNumbers = new Set<string>(
    requestCancels.length > 0
      ? request.numbers.filter((n) => !released.has(n.phoneNumber)).map((n) => n.phoneNumber)
      : numberCancels.flatMap((item) => item.phoneNumbers.filter((n) => !released.has(n))),
  );

  let pending: PendingState | null = null;
  const correction = corrections[0]?.waitingFor;
  if (requestCancels.length > 0) {
    pending = { label: 'Canceling…', detail: whereItStands(leastAdvanced(requestCancels)) };
  } else if (correction) {
    pending = {
      label: `Correcting — waiting for the cancel of ${numbersInWords(correction.phoneNumbers, request.sid)} to finish`,
      detail: correction.words,
    };
  } else if (cancelingNumbers.size > 0) {
    pending = {
      label: `Canceling ${plural(cancelingNumbers.size, 'number')}…`,
      detail: whereItStands(leastAdvanced(numberCancels)),
    };
  }

  const wholeCancel = requestCancels.length > 0;
  const stillCancellable = request.numbers.some(
    (n) =>
      !isTerminalNumberStatus(n.status.canonical) &&
      n.status.canonical !== 'canceling' &&
      !cancelingNumbers.has(n.phoneNumber),
  );
  return {
    pending,
    offers: {
      // Nothing left to ask of Twilio once the whole request is on its way out.
      canCancelRequest: offers.canCancelRequest && !wholeCancel,
      canCancelNumbers: offers.canCancelNumbers && !wholeCancel && stillCancellable,
      // A request being canceled has nothing to sign: the LOA banner and link go at once.
      canOpenLoa: offers.canOpenLoa && !wholeCancel,
      loaBanner: offers.loaBanner && !wholeCancel,
      // A correction is already queued: a second one would race it for the same numbers.
      canFixAndResubmit: offers.canFixAndResubmit && corrections.length === 0,
    },
    cancelingNumbers,
  };
}

import { formatUsPhoneNumber } from '../../../shared/domain/phoneNumbers';
import type { FieldError } from '../../../shared/views';
import type { OutboxItem, Store } from '../store';
import { CancelNumberPayload } from '../sync/outboxPayloads';

/** What the draft's numbers meet in the request they correct. */
export interface OriginHold {
  /** Numbers that stop the submit: ported there, never canceled, or their cancel failed. */
  errors: FieldError[];
  /**
   * Cancels of PortDesk's own, sent or still queued, of numbers that request still holds: the
   * create waits behind them in the outbox until the sync sees the numbers Canceled.
   */
  awaitedCancelIds: number[];
}

/**
 * A "fix and resubmit" draft carries numbers of the rejected request it corrects. Twilio refuses
 * a new request for a number another request of the account still holds (22137), and a rejected
 * number stays held until its cancel has gone through. So, before anything is queued, each of the
 * draft's numbers is looked up in that request as PortDesk last saw it. One whose cancel PortDesk
 * has queued or sent is waited for (the create depends on that cancel); any other that is still
 * held gets a field error saying where it is and what to do, instead of a create that can only fail.
 */
export function numbersHeldByOrigin(
  store: Store,
  originSid: string,
  phoneNumbers: readonly { phoneNumber: string }[],
): OriginHold {
  const origin = store.requests.getRequest(originSid);
  if (!origin?.request) return { errors: [], awaitedCancelIds: [] };
  const inOrigin = new Map(origin.request.phoneNumbers.map((n) => [n.phoneNumber, n]));
  // The latest cancel PortDesk has for each number of that request (a whole-request cancel
  // covers them all): sent, still to send, or failed.
  const cancels = new Map<string, OutboxItem>();
  for (const item of store.outbox.list({ requestSid: originSid })) {
    if (item.kind === 'cancel_port_in') {
      for (const phoneNumber of inOrigin.keys()) cancels.set(phoneNumber, item);
    } else if (item.kind === 'cancel_number') {
      const numberSid = CancelNumberPayload.safeParse(item.payload).data?.numberSid;
      const number = origin.request.phoneNumbers.find((n) => n.sid === numberSid);
      if (number) cancels.set(number.phoneNumber, item);
    }
  }

  const errors: FieldError[] = [];
  const awaited = new Set<number>();
  phoneNumbers.forEach(({ phoneNumber }, index) => {
    const held = inOrigin.get(phoneNumber);
    if (!held || held.status.canonical === 'canceled') return;
    const shown = formatUsPhoneNumber(phoneNumber);
    const where = `request ${originSid}`;
    const rule =
      'Twilio refuses a new request for a number another request still holds (error 22137).';
    const cancel = cancels.get(phoneNumber);
    let message: string;
    if (held.status.canonical === 'completed') {
      message = `${shown} was ported in ${where} already: remove it from this draft.`;
    } else if (cancel !== undefined && cancel.state !== 'failed') {
      // Ours, on its way or accepted: the create waits for Twilio to let the number go.
      awaited.add(cancel.id);
      return;
    } else if (cancel?.state === 'failed') {
      message = `${shown} is still in ${where}: its cancel failed (see the Outbox). ${rule} Retry that cancel, then submit again.`;
    } else if (held.status.canonical === 'canceling') {
      message = `${shown} is still being canceled in ${where}. ${rule} Submit again once it shows Canceled there (Sync now refreshes it).`;
    } else {
      message = `${shown} is still in ${where} (${held.status.raw}). ${rule} Cancel it in that request first (its Numbers tab), then submit again: the new request waits for the cancel.`;
    }
    errors.push({ field: `phoneNumbers.${index}.phoneNumber`, message });
  });
  return { errors, awaitedCancelIds: [...awaited].sort((a, b) => a - b) };
}

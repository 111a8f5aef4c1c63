import { formatUsPhoneNumber } from '../../../shared/domain/phoneNumbers';
import type { FieldError } from '../../../shared/views';
import type { OutboxItem, Store } from '../store';
import { CancelNumberPayload } from '../sync/outboxPayloads';

/**
 * A "fix and resubmit" draft carries numbers of the rejected request it corrects. Twilio refuses
 * a new request for a number another request of the account still holds (22137), and a rejected
 * number stays held until its cancel has gone through. So, before anything is queued, each of the
 * draft's numbers is looked up in that request as PortDesk last saw it: one still held there gets
 * a field error saying where it is and what to do, instead of a create that can only fail.
 */
export function numbersHeldByOrigin(
  store: Store,
  originSid: string,
  phoneNumbers: readonly { phoneNumber: string }[],
): FieldError[] {
  const origin = store.requests.getRequest(originSid);
  if (!origin?.request) return [];
  const inOrigin = new Map(origin.request.phoneNumbers.map((n) => [n.phoneNumber, n]));
  // The latest cancel PortDesk has for each number of that request (a whole-request cancel
  // covers them all): sent, still to send, or failed.
  const cancels = new Map<string, OutboxItem['state']>();
  for (const item of store.outbox.list({ requestSid: originSid })) {
    if (item.kind === 'cancel_port_in') {
      for (const phoneNumber of inOrigin.keys()) cancels.set(phoneNumber, item.state);
    } else if (item.kind === 'cancel_number') {
      const numberSid = CancelNumberPayload.safeParse(item.payload).data?.numberSid;
      const number = origin.request.phoneNumbers.find((n) => n.sid === numberSid);
      if (number) cancels.set(number.phoneNumber, item.state);
    }
  }

  const errors: FieldError[] = [];
  phoneNumbers.forEach(({ phoneNumber }, index) => {
    const held = inOrigin.get(phoneNumber);
    if (!held || held.status.canonical === 'canceled') return;
    const shown = formatUsPhoneNumber(phoneNumber);
    const where = `request ${originSid}`;
    const rule =
      'Twilio refuses a new request for a number another request still holds (error 22137).';
    const retry = 'Submit again once it shows Canceled there (Sync now refreshes it).';
    const cancel = cancels.get(phoneNumber);
    let message: string;
    if (held.status.canonical === 'completed') {
      message = `${shown} was ported in ${where} already: remove it from this draft.`;
    } else if (held.status.canonical === 'canceling' || cancel === 'done') {
      message = `${shown} is still being canceled in ${where}. ${rule} ${retry}`;
    } else if (cancel === 'failed') {
      message = `${shown} is still in ${where}: its cancel failed (see the Outbox). ${rule} Retry that cancel, then submit again once it shows Canceled there.`;
    } else if (cancel !== undefined) {
      message = `${shown} is still in ${where}: its cancel is waiting in the Outbox. ${rule} ${retry}`;
    } else {
      message = `${shown} is still in ${where} (${held.status.raw}). ${rule} Cancel it in that request first (its Numbers tab), then submit again.`;
    }
    errors.push({ field: `phoneNumbers.${index}.phoneNumber`, message });
  });
  return errors;
}

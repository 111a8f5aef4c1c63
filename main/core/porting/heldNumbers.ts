import { reasonByCode } from '../../../shared/domain/reasonCodes';
import type { HeldNumberView, PortabilityView } from '../../../shared/views';
import type { FieldError, Store } from '../store';

/**
 * Not-portable codes that mean "already yours": in (or being ported into) the target account
 * (22131) or another of the agent's accounts (22136). A refused create's 22137 lands on the
 * number as a field error (sync/draftFieldErrors.ts) and is found through that.
 */
const ALREADY_YOURS = new Set([22131, 22136]);

/** How a refused create's 22137 starts on the number (sync/draftFieldErrors.ts writes it). */
const IN_PROGRESS_PREFIX = `${reasonByCode(22137, 'create_error')?.title ?? 'Port already in progress'}:`;

/** A number no longer held by its request: Twilio lets a new request have it. */
const RELEASED = new Set(['canceled']);

/**
 * The draft's numbers that Twilio says another request holds, with the request PortDesk has
 * for each (any account, as 22136 is about the agent's other accounts): the numbers index of
 * the store (`findByPhoneNumber`), one lookup per number in question, never a scan. The
 * request a fix-and-resubmit draft corrects is left out: the wizard already speaks of it.
 */
export function heldNumbersOf(
  store: Store,
  draft: {
    phoneNumbers: readonly string[];
    portability: PortabilityView;
    fieldErrors: readonly FieldError[];
    originSid: string | null;
  },
): HeldNumberView[] {
  const inQuestion = new Set<string>();
  for (const result of draft.portability.results) {
    if (result.outcome === 'not_portable' && ALREADY_YOURS.has(result.reason?.code ?? -1)) {
      inQuestion.add(result.phoneNumber);
    }
  }
  for (const error of draft.fieldErrors) {
    const match = /^phoneNumbers\.(\d+)\.phoneNumber$/.exec(error.field);
    const number = match ? draft.phoneNumbers[Number(match[1])] : undefined;
    if (number !== undefined && error.message.startsWith(IN_PROGRESS_PREFIX))
      inQuestion.add(number);
  }
  if (inQuestion.size === 0) return [];

  const labels = new Map(store.accounts.list().map((a) => [a.id, a.label]));
  const held: HeldNumberView[] = [];
  for (const phoneNumber of draft.phoneNumbers) {
    if (!inQuestion.has(phoneNumber)) continue;
    inQuestion.delete(phoneNumber);
    const holders = store.numbers
      .findByPhoneNumber(phoneNumber)
      .filter((n) => n.requestSid !== draft.originSid && !RELEASED.has(n.status.canonical));
    for (const holder of holders) {
      const request = store.requests.getRequest(holder.requestSid);
      if (!request) continue;
      held.push({
        phoneNumber,
        requestSid: request.sid,
        accountId: request.accountId,
        accountLabel: labels.get(request.accountId) ?? 'Removed account',
        customerName: request.customerName,
        numberStatus: holder.status.raw,
      });
    }
  }
  return held;
}

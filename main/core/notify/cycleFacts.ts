import { observedOffsetMs, toAccountTime } from '../../../shared/domain/accountTime';
import { normaliseNumberStatus, normaliseRequestStatus } from '../../../shared/domain/statuses';
import type { TimelineEvent } from '../../../shared/domain/timeline';

export interface NumberReason {
  code: number | null;
  reason: string | null;
}

/**
 * What one sync cycle changed on one request, reduced to the facts notices speak about. Numbers
 * are keyed by their SID so that two events about the same number count it once.
 */
export interface CycleFacts {
  requestSid: string;
  /** A terminal status the request reached in this cycle. */
  outcome: 'expired' | 'canceled' | 'completed' | null;
  /** Free text Twilio gave for a cancellation, when the event carried one. */
  cancellationReason: string | null;
  /** The request itself moved to Action Required. */
  actionRequired: boolean;
  /**
   * When the LOA was first seen waiting for signature in this cycle, on the account's clock (the
   * clock Twilio expires it by): the event's observation moved by the offset it was stamped with.
   */
  loaWaitingSince: string | null;
  rejected: Map<string, NumberReason>;
  notPortable: Map<string, NumberReason>;
  /** The first rejected or not-portable number with a SID: where a click on the notice lands. */
  firstActionNumberSid: string | null;
  portDateSet: Map<string, string>;
  portDateMoved: Map<string, { from: string | null; to: string }>;
  numbersCompleted: Set<string>;
  numbersCanceled: Set<string>;
}

function numberKey(event: TimelineEvent): string {
  return event.numberSid ?? event.phoneNumber ?? `event-${event.id}`;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Reason codes arrive as numbers or numeric strings (PORTING-API §8.2). */
function code(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  return null;
}

export function emptyFacts(requestSid: string): CycleFacts {
  return {
    requestSid,
    outcome: null,
    cancellationReason: null,
    actionRequired: false,
    loaWaitingSince: null,
    rejected: new Map(),
    notPortable: new Map(),
    firstActionNumberSid: null,
    portDateSet: new Map(),
    portDateMoved: new Map(),
    numbersCompleted: new Set(),
    numbersCanceled: new Set(),
  };
}

/** Sync stamps each event with the offset it observed it with (none: 0, the clocks agreed). */
function observedOnAccountClock(event: TimelineEvent): string {
  return toAccountTime(event.observedAt, observedOffsetMs(event.detail, 0));
}

/** Folds one event into the facts of its request. Events that need no notice leave no trace. */
export function addEvent(facts: CycleFacts, event: TimelineEvent): void {
  const number = numberKey(event);
  switch (event.kind) {
    case 'status_changed': {
      if (event.numberSid === null) {
        const to = normaliseRequestStatus(event.to).canonical;
        if (to === 'expired' || to === 'canceled' || to === 'completed') facts.outcome = to;
        if (to === 'canceled') {
          facts.cancellationReason = text(event.detail.orderCancellationReason);
        }
        if (to === 'action_required') facts.actionRequired = true;
        if (to === 'waiting_for_signature') facts.loaWaitingSince ??= observedOnAccountClock(event);
      } else {
        const to = normaliseNumberStatus(event.to).canonical;
        if (to === 'completed') facts.numbersCompleted.add(number);
        if (to === 'canceled') facts.numbersCanceled.add(number);
        if (to === 'rejected' && !facts.rejected.has(number)) {
          facts.rejected.set(number, { code: null, reason: null });
          facts.firstActionNumberSid ??= event.numberSid;
        }
      }
      return;
    }
    case 'loa_link_available':
      facts.loaWaitingSince ??= observedOnAccountClock(event);
      return;
    case 'rejected':
      facts.firstActionNumberSid ??= event.numberSid;
      facts.rejected.set(number, {
        code: code(event.detail.rejectionReasonCode),
        reason: text(event.detail.rejectionReason),
      });
      return;
    case 'not_portable':
      facts.firstActionNumberSid ??= event.numberSid;
      facts.notPortable.set(number, {
        code: code(event.detail.notPortableReasonCode),
        reason: text(event.detail.notPortableReason) ?? text(event.to),
      });
      return;
    case 'number_canceled':
      facts.numbersCanceled.add(number);
      return;
    case 'port_date_set':
      if (event.to) facts.portDateSet.set(number, event.to);
      return;
    case 'port_date_moved':
      if (event.to) facts.portDateMoved.set(number, { from: event.from, to: event.to });
      return;
    case 'request_created':
      // Creation is the agent's own act (or discovery); whatever it needs comes as other events.
      return;
  }
}

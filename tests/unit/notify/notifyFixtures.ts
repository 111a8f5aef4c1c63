import type { TimelineEvent } from '../../../shared/domain/timeline';
import { defaultNotifySettings } from '../../../main/core/notify';
import type { DescribeReason, NotifySettings, RequestContext } from '../../../main/core/notify';

export const ACME = 'KWacme00000000000000000000000000';
export const GLOBEX = 'KWglobex0000000000000000000000000';

export function request(overrides: Partial<RequestContext> = {}): RequestContext {
  return {
    sid: ACME,
    accountId: 'account-1',
    customerName: 'Acme Inc',
    numbersRequested: 120,
    status: 'in_progress',
    ...overrides,
  };
}

export function requests(...contexts: RequestContext[]): Map<string, RequestContext> {
  return new Map(contexts.map((context) => [context.sid, context]));
}

/** Settings for an agent in New York, everything on, no quiet hours. */
export function settings(overrides: Partial<NotifySettings> = {}): NotifySettings {
  return { ...defaultNotifySettings('America/New_York'), ...overrides };
}

let nextId = 1;

type EventFields = Partial<Omit<TimelineEvent, 'kind'>> & Pick<TimelineEvent, 'kind'>;

export function event(fields: EventFields): TimelineEvent {
  return {
    id: nextId++,
    requestSid: ACME,
    numberSid: null,
    phoneNumber: null,
    from: null,
    to: null,
    detail: {},
    observedAt: '2025-12-01T15:00:00Z',
    source: 'sync',
    ...fields,
  };
}

export function numberSid(index: number): string {
  return `PU${String(index).padStart(32, '0')}`;
}

/** Port dates for `count` numbers, numbered from `firstNumber` (the same numbers overlap). */
export function portDatesSet(
  count: number,
  date: string,
  firstNumber = 0,
  requestSid = ACME,
): TimelineEvent[] {
  return Array.from({ length: count }, (_, index) =>
    event({
      kind: 'port_date_set',
      requestSid,
      numberSid: numberSid(firstNumber + index),
      to: date,
    }),
  );
}

export function rejected(index: number, code: number | string | null, reason: string | null) {
  return event({
    kind: 'rejected',
    numberSid: numberSid(index),
    from: 'Submitted',
    to: 'Rejected',
    detail: { rejectionReasonCode: code, rejectionReason: reason },
  });
}

export function requestStatus(to: string, from = 'In Progress', requestSid = ACME) {
  return event({ kind: 'status_changed', requestSid, from, to });
}

/** A stand-in for the reason-code catalogue: knows two codes, has no words for the rest. */
export const describeReason: DescribeReason = (code) =>
  ({ 22154: 'Invalid address', 22155: 'Invalid PIN' })[code ?? 0] ?? '';

import type { PortInNumber, PortInRequest } from '../../../shared/domain/portIn';
import type { TimelineEvent, TimelineSource } from '../../../shared/domain/timeline';
import {
  numberTransitionKind,
  requestTransitionKind,
  type TransitionKind,
} from '../../../shared/domain/transitions';

/** A timeline event before the store has given it an id. */
export type NewTimelineEvent = Omit<TimelineEvent, 'id'>;

interface DiffContext {
  observedAt: string;
  source: TimelineSource;
}

/**
 * What changed between the stored copy of a request and a freshly fetched one, as timeline
 * events. Pure: the sync engine calls it inside the transaction that saves the fetched copy, so
 * the events and the new state land together or not at all.
 */
export function diffRequest(
  stored: PortInRequest | null,
  fetched: PortInRequest,
  context: DiffContext,
): NewTimelineEvent[] {
  const events: NewTimelineEvent[] = [];
  const requestEvent = (
    kind: NewTimelineEvent['kind'],
    from: string | null,
    to: string | null,
    detail: Record<string, unknown> = {},
  ): void => {
    events.push({
      requestSid: fetched.sid,
      numberSid: null,
      phoneNumber: null,
      kind,
      from,
      to,
      detail,
      observedAt: context.observedAt,
      source: context.source,
    });
  };

  if (!stored) {
    const portDates = confirmedPortDates(fetched.phoneNumbers);
    requestEvent('request_created', null, fetched.status.raw, {
      status: fetched.status.canonical,
      numbers: fetched.phoneNumbers.length,
      ...(portDates ? { portDates } : {}),
    });
  } else if (stored.status.raw !== fetched.status.raw) {
    requestEvent('status_changed', stored.status.raw, fetched.status.raw, {
      fromStatus: stored.status.canonical,
      toStatus: fetched.status.canonical,
      ...unexpectedLabel(requestTransitionKind(stored.status.canonical, fetched.status.canonical)),
    });
  }

  if (fetched.signatureRequestUrl && fetched.signatureRequestUrl !== stored?.signatureRequestUrl) {
    requestEvent(
      'loa_link_available',
      stored?.signatureRequestUrl ?? null,
      fetched.signatureRequestUrl,
    );
  }

  const storedNumbers = new Map((stored?.phoneNumbers ?? []).map((n) => [n.sid, n]));
  const numberContext = { ...context, requestFirstSeen: stored === null };
  for (const number of fetched.phoneNumbers) {
    events.push(
      ...diffNumber(fetched.sid, storedNumbers.get(number.sid) ?? null, number, numberContext),
    );
  }
  return events;
}

/**
 * A move the lifecycle does not expect (transitions.ts) is recorded like any other — Twilio is the
 * source of truth — and labelled `unexpected: true` in the event's detail, for the timeline and
 * for diagnosis: it usually means states were skipped between two polls, or Twilio changed its
 * lifecycle.
 */
function unexpectedLabel(kind: TransitionKind): { unexpected?: true } {
  return kind === 'unexpected' ? { unexpected: true } : {};
}

/** Earlier first; text Twilio sent that is not a date sorts by its text, after the dates. */
/** A date and its instant (NaN when unreadable), parsed once. */
interface ParsedDate {
  text: string;
  at: number;
}

/** Time order; unreadable dates after readable ones, among themselves by text. */
function byInstant(a: ParsedDate, b: ParsedDate): number {
  const [x, y] = [a.at, b.at];
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
  return a.text.localeCompare(b.text);
}

/** What `request_created` says about port dates already confirmed when PortDesk first saw it. */
export interface FirstSeenPortDates {
  /** Numbers that had a confirmed (FOC) port date. */
  numbers: number;
  earliest: string;
  latest: string;
}

/**
 * The first and last port date in time order, as a stable sort would give them (of equal
 * instants, the earliest is the first given and the latest the last). One pass, each date parsed
 * once: a first sight of a 1,000-number request sorted with a parse per comparison cost more
 * than a millisecond.
 */
function confirmedPortDates(numbers: readonly PortInNumber[]): FirstSeenPortDates | null {
  let count = 0;
  let earliest: ParsedDate | null = null;
  let latest: ParsedDate | null = null;
  for (const number of numbers) {
    if (!number.portDate) continue;
    const date = { text: number.portDate, at: Date.parse(number.portDate) };
    count += 1;
    if (earliest === null || byInstant(date, earliest) < 0) earliest = date;
    if (latest === null || byInstant(date, latest) >= 0) latest = date;
  }
  if (earliest === null || latest === null) return null;
  return { numbers: count, earliest: earliest.text, latest: latest.text };
}

function diffNumber(
  requestSid: string,
  stored: PortInNumber | null,
  fetched: PortInNumber,
  context: DiffContext & { requestFirstSeen: boolean },
): NewTimelineEvent[] {
  const events: NewTimelineEvent[] = [];
  const push = (
    kind: NewTimelineEvent['kind'],
    from: string | null,
    to: string | null,
    detail: Record<string, unknown> = {},
  ): void => {
    events.push({
      requestSid,
      numberSid: fetched.sid,
      phoneNumber: fetched.phoneNumber,
      kind,
      from,
      to,
      detail,
      observedAt: context.observedAt,
      source: context.source,
    });
  };

  // A number seen for the first time only gets events for facts that need the agent; its plain
  // status is part of the request_created event.
  const statusChanged = stored !== null && stored.status.raw !== fetched.status.raw;
  const label = stored
    ? unexpectedLabel(numberTransitionKind(stored.status.canonical, fetched.status.canonical))
    : {};
  const becameRejected =
    fetched.status.canonical === 'rejected' &&
    (stored === null || stored.status.canonical !== 'rejected');
  if (becameRejected) {
    push('rejected', stored?.status.raw ?? null, fetched.status.raw, {
      rejectionReason: fetched.rejectionReason,
      rejectionReasonCode: fetched.rejectionReasonCode,
      ...label,
    });
  } else if (statusChanged && fetched.status.canonical === 'canceled') {
    push('number_canceled', stored.status.raw, fetched.status.raw, label);
  } else if (statusChanged) {
    push('status_changed', stored.status.raw, fetched.status.raw, {
      fromStatus: stored.status.canonical,
      toStatus: fetched.status.canonical,
      ...label,
    });
  }

  // Port dates a request already had when PortDesk first saw it are summed up in its
  // request_created event (one event, not one per number: a first sync of 1,000 requests would
  // otherwise write ~12,000); the dates themselves are in the number rows. Later ones are news.
  if (fetched.portDate && !stored?.portDate && !context.requestFirstSeen) {
    push('port_date_set', null, fetched.portDate);
  } else if (fetched.portDate && stored?.portDate && fetched.portDate !== stored.portDate) {
    push('port_date_moved', stored.portDate, fetched.portDate);
  }

  if (fetched.portable === false && stored?.portable !== false) {
    push('not_portable', null, fetched.notPortableReason, {
      notPortableReason: fetched.notPortableReason,
      notPortableReasonCode: fetched.notPortableReasonCode,
    });
  }
  return events;
}

import {
  accountNowMs,
  observedOffsetMs,
  toAccountTime,
  toAccountTimeOrNull,
} from '../../../../shared/domain/accountTime';
import type { PortInNumber } from '../../../../shared/domain/portIn';
import {
  isTerminalNumberStatus,
  isTerminalRequestStatus,
} from '../../../../shared/domain/statuses';
import type { TimelineEvent } from '../../../../shared/domain/timeline';
import type {
  NumberRow,
  OutboxItemView,
  RequestActionsView,
  RequestDetailView,
  RequestHeaderView,
  ResubmissionLinks,
  TimelineEntry,
} from '../../../../shared/views';
import type { Account, OutboxItem, RequestListRow, StoredPortInRequest } from '../../store';
import { CancelNumberPayload } from '../../sync/outboxPayloads';
import { cancelWarning } from '../cancelWarning';
import { toAttentionView } from './attentionView';
import { reasonView } from './reasonView';

export interface RequestDetailParts {
  stored: StoredPortInRequest;
  /** The request as the list sees it (attention flags); null if the list query missed it. */
  listRow: RequestListRow | null;
  account: Account;
  /** Oldest first. */
  events: readonly TimelineEvent[];
  /** Outbox items about this request that are not done. */
  pendingItems: readonly OutboxItem[];
  pendingViews: readonly OutboxItemView[];
  /** What the header's pending state is derived from (RequestDetailView.outboxItems). */
  outboxViews?: readonly OutboxItemView[];
  /** Fix-and-resubmit links, when the caller looked them up. */
  resubmission?: ResubmissionLinks;
  /** This computer's clock; Twilio's dates are counted from `accountNowMs(clockOffsetMs, now)`. */
  now: number;
  /** The account's server clock minus ours now (0 unknown). */
  clockOffsetMs?: number;
}

function header(stored: StoredPortInRequest, account: Account): RequestHeaderView {
  const common = {
    hasLoaLink: stored.signatureRequestUrl !== null,
    numbersRequested: stored.numbersRequested,
    numbersPorted: stored.numbersPorted,
    firstPortDate: stored.firstPortDate,
    lastChangedAt: stored.lastChangedAt,
    suggestedAction: stored.suggestedAction,
  };
  if (stored.request) {
    // The LOA link stays in main: the view says only that there is one.
    const { phoneNumbers: _numbers, signatureRequestUrl: _loaLink, ...request } = stored.request;
    return { ...request, status: stored.status, ...common };
  }
  return {
    sid: stored.sid,
    accountSid: account.accountSid,
    status: stored.status,
    losingCarrier: {
      customerType: null,
      customerName: stored.customerName ?? '',
      accountNumber: null,
      accountTelephoneNumber: null,
      authorizedRepresentative: '',
      authorizedRepresentativeEmail: '',
      addressSid: null,
      address: null,
    },
    notificationEmails: [],
    targetPortInDate: stored.targetPortInDate,
    targetPortInTimeRangeStart: null,
    targetPortInTimeRangeEnd: null,
    documents: [],
    dateCreated: stored.dateCreated,
    supportTicketId: stored.supportTicketId,
    orderCancellationReason: null,
    bundleSid: null,
    ...common,
  };
}

/**
 * What the outbox is about to do to this request: cancel it all, or cancel some numbers. A
 * failed cancel is not pending: cancelling again re-queues it.
 */
export interface PendingCancels {
  request: boolean;
  numberSids: ReadonlySet<string>;
}

export function pendingCancels(items: readonly OutboxItem[]): PendingCancels {
  const numberSids = new Set<string>();
  let request = false;
  for (const item of items) {
    if (item.state === 'done' || item.state === 'failed') continue;
    if (item.kind === 'cancel_port_in') request = true;
    if (item.kind === 'cancel_number') {
      const parsed = CancelNumberPayload.safeParse(item.payload);
      if (parsed.success) numberSids.add(parsed.data.numberSid);
    }
  }
  return { request, numberSids };
}

function numberRow(number: PortInNumber, cancels: PendingCancels): NumberRow {
  const rejected =
    number.status.canonical === 'rejected' ||
    number.rejectionReasonCode !== null ||
    number.rejectionReason !== null;
  return {
    ...number,
    rejection: rejected
      ? reasonView('rejection', number.rejectionReasonCode, number.rejectionReason)
      : null,
    notPortable:
      number.portable === false
        ? reasonView('not_portable', number.notPortableReasonCode, number.notPortableReason)
        : null,
    cancelPending: cancels.request || cancels.numberSids.has(number.sid),
  };
}

function numberValue(detail: Record<string, unknown>, key: string): number | string | null {
  const value = detail[key];
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

function stringValue(detail: Record<string, unknown>, key: string): string | null {
  const value = detail[key];
  return typeof value === 'string' ? value : null;
}

/**
 * A stored event as the renderer shows it: `observedAt` moved onto the account's clock by the
 * offset measured when it was observed (stamped by sync; `clockOffsetMs` for older events).
 */
export function toTimelineEntry(event: TimelineEvent, clockOffsetMs = 0): TimelineEntry {
  const observedAt = toAccountTime(event.observedAt, observedOffsetMs(event.detail, clockOffsetMs));
  return timelineEntryOf({ ...event, observedAt });
}

function timelineEntryOf(event: TimelineEvent): TimelineEntry {
  if (event.kind === 'loa_link_available') {
    // The signing URL stays in main (shared/views/ TimelineEntry).
    return { ...event, from: null, to: null, detail: {}, reason: null };
  }
  if (event.kind === 'rejected') {
    return {
      ...event,
      reason: reasonView(
        'rejection',
        numberValue(event.detail, 'rejectionReasonCode'),
        stringValue(event.detail, 'rejectionReason'),
      ),
    };
  }
  if (event.kind === 'not_portable') {
    return {
      ...event,
      reason: reasonView(
        'not_portable',
        numberValue(event.detail, 'notPortableReasonCode'),
        stringValue(event.detail, 'notPortableReason'),
      ),
    };
  }
  return { ...event, reason: null };
}

/** A number the agent may still cancel: not finished, not already being canceled. */
export function isCancellableNumber(number: PortInNumber): boolean {
  return (
    !isTerminalNumberStatus(number.status.canonical) && number.status.canonical !== 'canceling'
  );
}

function actions(
  stored: StoredPortInRequest,
  numbers: readonly PortInNumber[],
  cancels: PendingCancels,
  accountNow: number,
): RequestActionsView {
  const open = !isTerminalRequestStatus(stored.status.canonical);
  const canCancelRequest = open && !cancels.request;
  return {
    canCancelRequest,
    cancelWarning: canCancelRequest ? cancelWarning(stored, accountNow) : null,
    canCancelNumbers:
      open &&
      !cancels.request &&
      numbers.some((n) => isCancellableNumber(n) && !cancels.numberSids.has(n.sid)),
    // Twilio keeps the link after the signature; offering it then sends the agent to a page that
    // has nothing left to sign.
    canOpenLoa:
      stored.signatureRequestUrl !== null && stored.status.canonical === 'waiting_for_signature',
    canFixAndResubmit: numbers.some((n) => n.status.canonical === 'rejected'),
  };
}

export function toRequestDetailView(parts: RequestDetailParts): RequestDetailView {
  const { stored, account, now } = parts;
  const clockOffsetMs = parts.clockOffsetMs ?? 0;
  const numbers = stored.request?.phoneNumbers ?? [];
  const cancels = pendingCancels(parts.pendingItems);
  return {
    request: header(stored, account),
    account: { id: account.id, label: account.label, kind: account.kind },
    attention: toAttentionView(
      parts.listRow ?? {
        attention: [],
        status: stored.status,
        signatureRequestedAt: stored.signatureRequestedAt,
        hasSignatureRequest: stored.signatureRequestUrl !== null,
        dateCreated: stored.dateCreated,
        statusUpdatedAt: stored.statusUpdatedAt,
      },
      now,
      clockOffsetMs,
    ),
    numbers: numbers.map((number) => numberRow(number, cancels)),
    timeline: parts.events.map((event) => toTimelineEntry(event, clockOffsetMs)),
    pendingOps: [...parts.pendingViews],
    outboxItems: [...(parts.outboxViews ?? parts.pendingViews)],
    // Port dates are Twilio's, on the account's clock: the 48-hour warning counts from its now.
    actions: actions(stored, numbers, cancels, accountNowMs(clockOffsetMs, now)),
    detailLoaded: stored.request !== null,
    lastFetchedAt: toAccountTimeOrNull(stored.sync.lastFetchedAt, clockOffsetMs),
    clockOffsetMs,
    resubmission: parts.resubmission ?? { corrects: null, correctedBy: null },
  };
}

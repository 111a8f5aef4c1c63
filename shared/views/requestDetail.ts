// View models: request detail (see ./index.ts).
import type { PortInNumber, PortInRequest } from '../domain/portIn';
import type { TimelineEvent } from '../domain/timeline';
import type { AccountView } from './accounts';
import type { OutboxItemView } from './outbox';
import type { ReasonView } from './reasons';
import type { AttentionView } from './requestList';

export interface NumberRow extends PortInNumber {
  /** Losing-carrier rejection explained, when the number is rejected. */
  rejection: ReasonView | null;
  /** Not-portable reason explained, when Twilio evaluated the number as not portable. */
  notPortable: ReasonView | null;
  /** A cancel of this number is queued or being sent. */
  cancelPending: boolean;
}

/**
 * A timeline event with its reason in words, when it carries one (rejected, not portable).
 * `from`/`to` are raw status strings as the sync diff stores them (canonical ones are in
 * `detail.fromStatus`/`detail.toStatus`). For `loa_link_available` main sends both as null: the
 * signing URL stays in main, which opens it on request (`openLoaLink`).
 */
export interface TimelineEntry extends TimelineEvent {
  reason: ReasonView | null;
}

export interface RequestActionsView {
  canCancelRequest: boolean;
  /**
   * Why cancelling may fail or come too late, in words, e.g. "The port date is tomorrow:
   * carriers often refuse cancels within 24–48 hours of it." Null when nothing to warn about.
   */
  cancelWarning: string | null;
  canCancelNumbers: boolean;
  /** The request has an LOA signing link (main opens it after checking it). */
  canOpenLoa: boolean;
  canFixAndResubmit: boolean;
}

export type RequestHeaderView = Omit<PortInRequest, 'phoneNumbers' | 'signatureRequestUrl'> & {
  hasLoaLink: boolean;
  numbersRequested: number | null;
  numbersPorted: number | null;
  firstPortDate: string | null;
  lastChangedAt: string | null;
  suggestedAction: string | null;
};

export interface RequestDetailView {
  request: RequestHeaderView;
  account: Pick<AccountView, 'id' | 'label' | 'kind'>;
  attention: AttentionView;
  numbers: NumberRow[];
  /** Oldest first. */
  timeline: TimelineEntry[];
  /** Outbox operations about this request that are not done yet. */
  pendingOps: OutboxItemView[];
  /**
   * Every outbox operation that bears on what the header shows (shared/domain/requestHeaderState):
   * this request's operations not done, its cancels even when done (Twilio may still be
   * canceling), and corrected creates waiting for those cancels. Oldest first.
   */
  outboxItems?: OutboxItemView[];
  actions: RequestActionsView;
  /** false while only the list summary is stored (numbers and carrier details unknown yet). */
  detailLoaded: boolean;
  /** On the account's clock, as every instant of this view (timeline `observedAt` too). */
  lastFetchedAt: string | null;
  /** The account's server clock minus ours now (0 unknown), for "now" in relative times. */
  clockOffsetMs?: number;
  /**
   * Fix and resubmit, both ways: the rejected request this one corrects, and the request created
   * to correct this one (the draft made by fixAndResubmit keeps its origin; once submitted it
   * holds the new SID). Absent or null: no such link known on this computer.
   */
  resubmission?: ResubmissionLinks;
}

export interface ResubmissionLinks {
  corrects: string | null;
  correctedBy: string | null;
}

// View models: outbox (see ./index.ts).
import type { DraftView } from './drafts';
import type { OutboxWaitView } from './outboxWait';

export type OutboxOperationKindView =
  'upload_document' | 'create_port_in' | 'cancel_port_in' | 'cancel_number';

export type OutboxStateView = 'queued' | 'sending' | 'waiting_for_network' | 'failed' | 'done';

export interface OutboxItemView {
  id: number;
  kind: OutboxOperationKindView;
  accountId: string;
  accountLabel: string;
  state: OutboxStateView;
  /** What the operation does, in words: "Create port-in for Acme Inc (12 numbers)". */
  summary: string;
  requestSid: string | null;
  draftId: number | null;
  /** Phone numbers concerned (cancel_number), E.164. */
  phoneNumbers: string[];
  attempts: number;
  nextAttemptAt: string | null;
  /** The last failure in words; `code` is Twilio's error code when there was one. */
  lastError: { message: string; code: number | null } | null;
  /** A create waiting behind a cancel (fix and resubmit); null when nothing holds it back. */
  waitingFor?: OutboxWaitView | null;
  createdAt: string;
  updatedAt: string;
}

/** What a cancel command did: it is queued in the outbox and sent as soon as possible. */
export interface MutationQueuedView {
  outboxItemIds: number[];
  /** true when main could not send it right away (offline). */
  waitingForNetwork: boolean;
}

/** What `correctRejectedRequest` did: the draft is always there; the cancel may not be. */
export interface CorrectionStartedView {
  draft: DraftView;
  /** The cancel of the rejected numbers, queued; null when none was asked for or needed. */
  cancel: (MutationQueuedView & { numbers: number }) | null;
  /** Why the rejected numbers could not be canceled, in words (the draft is kept). */
  cancelProblem: string | null;
}

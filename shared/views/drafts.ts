// View models: drafts (new port-in wizard) (see ./index.ts).
import type { DraftPayload } from '../domain/draftForm';
import type { DraftFieldKey, FieldError } from './fields';
import type { OutboxWaitView } from './outboxWait';
import type { ReasonView } from './reasons';

export type DraftStatus = 'editing' | 'queued' | 'submitted' | 'failed';

export interface BillView {
  name: string;
  sizeBytes: number;
  mimeType: string;
  /** Uploaded to Twilio (has a document SID); false while only stored locally. */
  uploaded: boolean;
}

export type PortabilityOutcome = 'portable' | 'not_portable' | 'failed';

export interface PortabilityResultView {
  phoneNumber: string;
  outcome: PortabilityOutcome;
  /** The request must carry a PIN for this number and the losing carrier's account number. */
  pinAndAccountNumberRequired: boolean;
  /** LOCAL | MOBILE | TOLL-FREE | UNKNOWN as Twilio sent it. */
  numberType: string | null;
  /** Why not portable, or why the check failed, in words. */
  reason: ReasonView | null;
  checkedAt: string;
}

export type PortabilityCheckState = 'idle' | 'running' | 'done' | 'canceled' | 'failed';

export interface PortabilityView {
  checkId: string | null;
  state: PortabilityCheckState;
  done: number;
  total: number;
  /** One per number checked, in the draft's number order. */
  results: PortabilityResultView[];
}

export interface ResubmitOrigin {
  /** The rejected request this draft corrects. */
  requestSid: string;
  /** What to correct, with the reason it was rejected. */
  fieldsToCorrect: { field: DraftFieldKey; reason: ReasonView }[];
}

export interface DraftView {
  id: number;
  accountId: string;
  status: DraftStatus;
  payload: DraftPayload;
  fieldErrors: FieldError[];
  /** Set once Twilio created the request. */
  requestSid: string | null;
  bill: BillView | null;
  portability: PortabilityView;
  origin: ResubmitOrigin | null;
  /** The failed send's error in words when status is `failed`. */
  lastError: string | null;
  /**
   * Queued behind the cancel of the numbers it corrects: "Waiting for the cancel of KW… to
   * finish" (sent by itself once Twilio lets them go). Null otherwise.
   */
  waitingFor?: OutboxWaitView | null;
  createdAt: string;
  updatedAt: string;
  /**
   * The draft's numbers Twilio says are already in, or being ported into, one of the agent's
   * accounts (22131, 22136, or a refused create's 22137) that a request PortDesk has holds:
   * the wizard names that request and links to it. Absent: none known.
   */
  heldNumbers?: HeldNumberView[];
}

/** A draft's number held by a request PortDesk has (same account or another). */
export interface HeldNumberView {
  phoneNumber: string;
  requestSid: string;
  accountId: string;
  accountLabel: string;
  customerName: string | null;
  /** The number's status in that request, as Twilio spells it. */
  numberStatus: string;
}

export interface DraftSummaryView {
  id: number;
  accountId: string;
  accountLabel: string;
  status: DraftStatus;
  customerName: string;
  numberCount: number;
  requestSid: string | null;
  updatedAt: string;
}

export interface DraftValidationView {
  fieldErrors: FieldError[];
  /** No field errors: the draft can be submitted. */
  ready: boolean;
}

export type SubmitResultView =
  | { state: 'created'; draftId: number; requestSid: string }
  /** Stored in the outbox; sent when online. `reason` says why it did not go out right away. */
  | { state: 'queued'; draftId: number; outboxItemId: number; reason: 'offline' | 'sending' };

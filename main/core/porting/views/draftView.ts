import type {
  BillView,
  DraftSummaryView,
  DraftView,
  PortabilityCheckState,
  PortabilityResultView,
  PortabilityView,
} from '../../../../shared/views';
import type { Draft, PortabilityCheck, StoredDocument } from '../../store';
import { formOf, type StoredDraftPayload } from '../draftPayload';
import { failureReasonView, reasonView } from './reasonView';

export function toBillView(document: StoredDocument): BillView {
  return {
    name: document.fileName,
    sizeBytes: document.sizeBytes,
    mimeType: document.mimeType,
    uploaded: document.twilioSid !== null,
  };
}

export function toPortabilityResultView(check: PortabilityCheck): PortabilityResultView {
  if (check.outcome === 'failed') {
    return {
      phoneNumber: check.phoneNumber,
      outcome: 'failed',
      pinAndAccountNumberRequired: false,
      numberType: null,
      reason: failureReasonView({
        title: 'Could not check',
        message: check.error.message,
        fix: 'Run the check again.',
        code: check.error.code,
      }),
      checkedAt: check.checkedAt,
    };
  }
  const { result } = check;
  return {
    phoneNumber: check.phoneNumber,
    outcome: result.portable ? 'portable' : 'not_portable',
    pinAndAccountNumberRequired: result.pinAndAccountNumberRequired,
    numberType: result.numberType,
    reason: result.portable
      ? null
      : reasonView('not_portable', result.notPortableReasonCode, result.notPortableReason),
    checkedAt: check.checkedAt,
  };
}

/** The check running (or last run) for a draft in this session; null after a restart. */
export interface PortabilityStatus {
  checkId: string;
  state: PortabilityCheckState;
  done: number;
  total: number;
}

/** Stored answers in the draft's number order; numbers no longer in the draft are left out. */
export function toPortabilityView(
  numbers: readonly string[],
  checks: readonly PortabilityCheck[],
  status: PortabilityStatus | null,
): PortabilityView {
  const byNumber = new Map(checks.map((check) => [check.phoneNumber, check]));
  const results: PortabilityResultView[] = [];
  for (const phoneNumber of new Set(numbers)) {
    const check = byNumber.get(phoneNumber);
    if (check) results.push(toPortabilityResultView(check));
  }
  if (status) return { ...status, results };
  return {
    checkId: null,
    state: results.length > 0 ? 'done' : 'idle',
    done: results.length,
    total: results.length,
    results,
  };
}

export interface DraftViewParts {
  draft: Draft;
  payload: StoredDraftPayload;
  bill: StoredDocument | null;
  portability: PortabilityView;
  lastError: string | null;
  /** The create queued from it waits behind a cancel (fix and resubmit). */
  waitingFor?: DraftView['waitingFor'];
}

export function toDraftView(parts: DraftViewParts): DraftView {
  const { draft, payload } = parts;
  return {
    id: draft.id,
    accountId: draft.accountId,
    status: draft.status,
    payload: formOf(payload),
    fieldErrors: draft.fieldErrors,
    requestSid: draft.requestSid,
    bill: parts.bill
      ? { ...toBillView(parts.bill), name: payload.billFileName ?? parts.bill.fileName }
      : null,
    portability: parts.portability,
    origin: payload.origin,
    lastError: draft.status === 'failed' ? parts.lastError : null,
    waitingFor: draft.status === 'queued' ? (parts.waitingFor ?? null) : null,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
  };
}

export function toDraftSummaryView(
  draft: Draft,
  payload: StoredDraftPayload,
  accountLabel: string,
): DraftSummaryView {
  return {
    id: draft.id,
    accountId: draft.accountId,
    accountLabel,
    status: draft.status,
    customerName: payload.losingCarrier.customerName,
    numberCount: payload.phoneNumbers.length,
    requestSid: draft.requestSid,
    updatedAt: draft.updatedAt,
  };
}

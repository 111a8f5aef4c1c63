import {
  validateDraftForSubmit,
  type NumberPortability,
  type SubmittableDraft,
} from '../../../shared/domain/draft';
import {
  checkTargetPortDate,
  isCalendarDate,
  localDateString,
} from '../../../shared/domain/portDates';
import type { FieldError } from '../../../shared/views';
import type { Draft, StoredDocument, Store } from '../store';
import { billFileExists } from './billFiles';
import { readDraftPayload, toPortInDraft } from './draftPayload';
import { toFieldErrors } from './fieldErrors';

export type StoredDraftValidation =
  | { ok: true; value: SubmittableDraft; bill: StoredDocument; fieldErrors: [] }
  | { ok: false; fieldErrors: FieldError[] };

/** The stored portability answers the rules judge numbers by (failed checks judge nothing). */
function portabilityOf(store: Store, draftId: number): Map<string, NumberPortability> {
  const map = new Map<string, NumberPortability>();
  for (const check of store.portabilityChecks.list(draftId)) {
    if (check.outcome === 'checked') map.set(check.phoneNumber, check.result);
  }
  return map;
}

/** The attached bill if it can still be sent: ours, and uploaded already or still on disk. */
function usableBill(
  store: Store,
  draft: Draft,
  documentId: number | null,
): { bill: StoredDocument | null; problem: string | null } {
  if (documentId === null) return { bill: null, problem: null };
  const bill = store.documents.get(documentId);
  if (!bill || bill.accountId !== draft.accountId) {
    return {
      bill: null,
      problem: 'The attached bill is no longer known to PortDesk; attach it again.',
    };
  }
  if (bill.twilioSid === null && !billFileExists(bill.localPath)) {
    return {
      bill: null,
      problem: `The bill “${bill.fileName}” is no longer on this computer; attach it again.`,
    };
  }
  return { bill, problem: null };
}

/**
 * Every rule of shared/domain/draft.ts, fed with what only main knows: the stored portability
 * answers, whether the bill is really there, and "today" — the agent's local date at `now` on the
 * account's server clock (`clockOffsetMs`, 0 while unknown), as Twilio judges by its own clock.
 */
export function validateStoredDraft(
  store: Store,
  draft: Draft,
  now: number,
  clockOffsetMs = 0,
): StoredDraftValidation {
  const payload = readDraftPayload(draft.payload);
  const { bill, problem } = usableBill(store, draft, payload.billDocumentId);
  const today = localDateString(new Date(now + clockOffsetMs));
  const result = validateDraftForSubmit(toPortInDraft(draft.accountId, payload, bill?.id ?? null), {
    today,
    portability: portabilityOf(store, draft.id),
  });
  if (result.ok && bill) return { ok: true, value: result.value, bill, fieldErrors: [] };
  const fieldErrors = whoseToday(
    result.ok ? [] : toFieldErrors(result.errors),
    payload.targetPortInDate,
    today,
    localDateString(new Date(now)),
  );
  if (problem) {
    const others = fieldErrors.filter((error) => error.field !== 'bill');
    return { ok: false, fieldErrors: [...others, { field: 'bill', message: problem }] };
  }
  return { ok: false, fieldErrors };
}

/**
 * When the account's today is not this computer's, a date refused as too soon says whose today
 * counted: otherwise "7 days from today" reads as wrong to an agent looking at their own calendar.
 */
function whoseToday(
  fieldErrors: FieldError[],
  date: string | null,
  accountToday: string,
  localToday: string,
): FieldError[] {
  const chosen = date?.trim() ?? '';
  if (accountToday === localToday || !isCalendarDate(chosen)) return fieldErrors;
  const tooSoon = checkTargetPortDate(chosen, { today: accountToday }).find(
    (issue) => issue.code === 'too_soon',
  );
  if (!tooSoon) return fieldErrors;
  return fieldErrors.map((error) =>
    error.field === 'targetPortInDate' && error.message === tooSoon.message
      ? {
          ...error,
          message: `${error.message} Twilio counts from today on its own clock, which for this account is ${accountToday} (this computer says ${localToday}), so ${chosen} is too soon.`,
        }
      : error,
  );
}

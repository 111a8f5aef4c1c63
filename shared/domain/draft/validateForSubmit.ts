/** The full check before submitting, and the create input built from its result. */
import type { LosingCarrierInformation, PortInCreateInput } from '../portIn';
import type { DraftIssue, NumberPortability, PortInDraft } from './draftTypes';
import { parseDraft } from './parseDraft';
import {
  IssueList,
  checkLosingCarrier,
  checkNotificationEmails,
  checkNumbers,
  checkSchedule,
  clean,
} from './submitChecks';

export interface DraftValidationOptions {
  /** The agent's local date, YYYY-MM-DD. */
  today: string;
  /** Portability results by E.164; numbers not in the map are not judged on portability. */
  portability?: ReadonlyMap<string, NumberPortability>;
}

/** A validated draft: trimmed, normalised (E.164, upper-case state, wire time format). */
export interface SubmittableDraft {
  accountId: string;
  billDocumentId: number;
  phoneNumbers: { phoneNumber: string; pin: string | null }[];
  losingCarrier: LosingCarrierInformation;
  notificationEmails: string[];
  targetPortInDate: string | null;
  targetPortInTimeRangeStart: string | null;
  targetPortInTimeRangeEnd: string | null;
}

export type DraftValidation =
  | { ok: true; value: SubmittableDraft; warnings: DraftIssue[] }
  | { ok: false; errors: DraftIssue[]; warnings: DraftIssue[] };

/**
 * Every rule a draft must meet before it is sent, with an error per field in words an agent
 * understands. Warnings (weekend or holiday port date, an unfamiliar area code) never block.
 */
export function validateDraftForSubmit(
  draft: PortInDraft,
  options: DraftValidationOptions,
): DraftValidation {
  const parsed = parseDraft(draft);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, warnings: [] };
  const input = parsed.draft;
  const issues = new IssueList();

  const accountId = clean(input.accountId);
  if (accountId === '')
    issues.error('accountId', 'Choose the Twilio account the numbers will be ported into.');
  const numbers = checkNumbers(input.phoneNumbers ?? [], options.portability, issues);
  const losingCarrier = checkLosingCarrier(
    input.losingCarrier ?? {},
    numbers.needingAccountNumber,
    issues,
  );
  const billDocumentId = input.billDocumentId ?? null;
  if (billDocumentId === null) {
    issues.error(
      'billDocumentId',
      "Attach the customer's utility bill (dated within the last 30 days): Twilio requires it.",
    );
  }
  const schedule = checkSchedule(input, options.today, issues);
  const notificationEmails = checkNotificationEmails(input.notificationEmails ?? [], issues);

  if (issues.errors.length > 0 || billDocumentId === null) {
    return { ok: false, errors: issues.errors, warnings: issues.warnings };
  }
  return {
    ok: true,
    warnings: issues.warnings,
    value: {
      accountId,
      billDocumentId,
      phoneNumbers: numbers.list,
      losingCarrier,
      notificationEmails,
      ...schedule,
    },
  };
}

/** The create input once the outbox knows the account SID and the uploaded bill's document SID. */
export function toPortInCreateInput(
  draft: Omit<SubmittableDraft, 'accountId' | 'billDocumentId'>,
  ids: { accountSid: string; documentSids: readonly string[] },
): PortInCreateInput {
  return {
    accountSid: ids.accountSid,
    documents: [...ids.documentSids],
    phoneNumbers: draft.phoneNumbers.map((n) => ({ ...n })),
    losingCarrier: {
      ...draft.losingCarrier,
      address: draft.losingCarrier.address ? { ...draft.losingCarrier.address } : null,
    },
    notificationEmails: draft.notificationEmails.length > 0 ? [...draft.notificationEmails] : null,
    targetPortInDate: draft.targetPortInDate,
    targetPortInTimeRangeStart: draft.targetPortInTimeRangeStart,
    targetPortInTimeRangeEnd: draft.targetPortInTimeRangeEnd,
  };
}

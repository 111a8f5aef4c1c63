import type { DraftFieldKey, FieldError, ReasonView } from '../views';
import { draftPathForReasonField, toDraftViewPath } from './draft/draftPaths';
import type { DraftLosingCarrier, DraftPayload } from './draftForm';
import { formatUsPhoneNumber } from './phoneNumbers';
import { daysBetween, isCalendarDate, US_MIN_LEAD_DAYS } from './portDates';
import type { PortInNumber, PortInRequest } from './portIn';
import { explainReason, type ReasonEntry, type ReasonField } from './reasonCodes';
import { draftFieldKeyOf, toReasonView } from './reasonViews';

/** "Fix and resubmit": the draft pre-filled from a rejected request, and what it must correct. */
export interface ResubmissionDraft {
  /** The form: the rejected numbers (PINs empty) and the original's details. */
  payload: DraftPayload;
  /** One entry per field and reason, for the wizard's "To correct" list. */
  fieldsToCorrect: { field: DraftFieldKey; reason: ReasonView }[];
  /** The fields to highlight (view paths), each with the carrier's reason in words. */
  fieldErrors: FieldError[];
}

function rejectionOf(number: PortInNumber): ReasonEntry {
  return explainReason({
    kind: 'rejection',
    code: number.rejectionReasonCode,
    name: number.rejectionReason,
  });
}

/**
 * What to correct, from the reason each rejected number carries (REASON-CODES §1): one entry per
 * field and reason — a field two reasons point at (22152 and 22159 both mark the numbers) lists
 * both, a reason that marks two fields (22153: the customer name and the representative) is
 * listed under each, and the wizard says each reason once with its fields. Reasons whose fix is
 * outside the draft (22150, 22151, 22157, unknown codes) mark nothing; the wizard lists them from
 * the original request.
 */
function corrections(
  rejected: readonly PortInNumber[],
): Pick<ResubmissionDraft, 'fieldsToCorrect' | 'fieldErrors'> {
  const fieldsToCorrect: ResubmissionDraft['fieldsToCorrect'] = [];
  const fieldErrors: FieldError[] = [];
  const seenFields = new Set<string>();
  const seenMarkers = new Set<string>();
  const mark = (
    field: ReasonField,
    reason: ReasonEntry,
    numberIndex: number,
    number: PortInNumber,
  ) => {
    const key = draftFieldKeyOf(field);
    const seen = `${key} ${reason.code ?? reason.name ?? reason.title}`;
    if (!seenFields.has(seen)) {
      seenFields.add(seen);
      fieldsToCorrect.push({ field: key, reason: toReasonView(reason) });
    }
    // Per-number fields point at that number's row; the others at the field itself.
    const perNumber = field === 'pin' || field === 'phoneNumber';
    const path = toDraftViewPath(
      draftPathForReasonField(field, perNumber ? numberIndex : undefined),
    );
    if (seenMarkers.has(path)) return;
    seenMarkers.add(path);
    const who = perNumber ? `${formatUsPhoneNumber(number.phoneNumber)}: ` : '';
    fieldErrors.push({
      field: path,
      message: `Rejected by the losing carrier — ${who}${reason.title}. ${reason.fix}`,
    });
  };
  rejected.forEach((number, index) => {
    const reason = rejectionOf(number);
    if (reason.field) mark(reason.field, reason, index, number);
    for (const related of reason.relatedFields) mark(related, reason, index, number);
  });
  return { fieldsToCorrect, fieldErrors };
}

function losingCarrierOf(request: PortInRequest): DraftLosingCarrier {
  const carrier = request.losingCarrier;
  const address = carrier.address;
  return {
    customerType: carrier.customerType,
    customerName: carrier.customerName,
    accountNumber: carrier.accountNumber ?? '',
    accountTelephoneNumber: carrier.accountTelephoneNumber ?? '',
    authorizedRepresentative: carrier.authorizedRepresentative,
    authorizedRepresentativeEmail: carrier.authorizedRepresentativeEmail,
    address: {
      street: address?.street ?? '',
      street2: address?.street2 ?? '',
      city: address?.city ?? '',
      state: address?.state ?? '',
      zip: address?.zip ?? '',
      country: address?.country || 'US',
    },
  };
}

/**
 * The draft that corrects a rejected request (Twilio has no update call, so a correction is a
 * new request): its rejected numbers with empty PINs, the original's carrier details, emails and
 * schedule, and the fields the rejection reasons point at. The target date is kept unless a
 * number was rejected for it or it is now closer than `US_MIN_LEAD_DAYS` to `today` (the
 * account's local date, YYYY-MM-DD). Null when no number was rejected: there is nothing to fix.
 */
export function draftFromRejectedRequest(
  request: PortInRequest,
  today: string,
): ResubmissionDraft | null {
  const rejected = request.phoneNumbers.filter((n) => n.status.canonical === 'rejected');
  if (rejected.length === 0) return null;
  const date = request.targetPortInDate;
  const dateRejected = rejected.some((n) => rejectionOf(n).field === 'targetPortInDate');
  const keepDate =
    date !== null &&
    isCalendarDate(date) &&
    !dateRejected &&
    daysBetween(today, date) >= US_MIN_LEAD_DAYS;
  return {
    payload: {
      phoneNumbers: rejected.map((n) => ({ phoneNumber: n.phoneNumber, pin: null })),
      losingCarrier: losingCarrierOf(request),
      notificationEmails: [...request.notificationEmails],
      targetPortInDate: keepDate ? date : null,
      targetPortInTimeRangeStart: request.targetPortInTimeRangeStart,
      targetPortInTimeRangeEnd: request.targetPortInTimeRangeEnd,
    },
    ...corrections(rejected),
  };
}

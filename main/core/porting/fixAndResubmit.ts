import { draftPathForReasonField } from '../../../shared/domain/draft';
import {
  daysBetween,
  isCalendarDate,
  localDateString,
  US_MIN_LEAD_DAYS,
} from '../../../shared/domain/portDates';
import { formatUsPhoneNumber } from '../../../shared/domain/phoneNumbers';
import {
  explainReason,
  type ReasonEntry,
  type ReasonField,
} from '../../../shared/domain/reasonCodes';
import type { PortInNumber, PortInRequest } from '../../../shared/domain/portIn';
import type { PayloadInput } from '../../../shared/ipc';
import type { DraftView, FieldError, ResubmitOrigin } from '../../../shared/views';
import type { Draft, Store } from '../store';
import { clockOffsetOf, dataChanged, isoNow, type PortingDeps } from './deps';
import {
  emptyLosingCarrier,
  readDraftPayload,
  toJsonPayload,
  type StoredDraftPayload,
} from './draftPayload';
import { readDraftView, type DraftViewSource } from './draftViewReader';
import { conflict, notFound } from './errors';
import { toViewPath } from './fieldErrors';
import { parseInput } from './input';
import type { PortabilityChecks } from './portabilityCheck';
import { draftFieldKeyOf, toReasonView } from './views/reasonView';

export interface FixAndResubmitCommands {
  fixAndResubmit(input: PayloadInput<'fixAndResubmit'>): Promise<DraftView>;
}

/**
 * What to correct, from the reason each rejected number carries (REASON-CODES §1): one entry per
 * field and reason — a field two reasons point at (22152 and 22159 both mark the numbers) lists
 * both, a reason that marks two fields (22153: the customer name and the representative) is
 * listed under each, and the wizard says each reason once with its fields. Reasons whose fix is
 * outside the draft (22150, 22151, 22157, unknown codes) mark nothing; the wizard lists them from
 * the original request.
 */
function corrections(rejected: readonly PortInNumber[]): {
  origin: Omit<ResubmitOrigin, 'requestSid'>;
  markers: FieldError[];
} {
  const fieldsToCorrect: ResubmitOrigin['fieldsToCorrect'] = [];
  const markers: FieldError[] = [];
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
    const path = toViewPath(draftPathForReasonField(field, perNumber ? numberIndex : undefined));
    if (seenMarkers.has(path)) return;
    seenMarkers.add(path);
    const who = perNumber ? `${formatUsPhoneNumber(number.phoneNumber)}: ` : '';
    markers.push({
      field: path,
      message: `Rejected by the losing carrier — ${who}${reason.title}. ${reason.fix}`,
    });
  };
  rejected.forEach((number, index) => {
    const reason = explainReason({
      kind: 'rejection',
      code: number.rejectionReasonCode,
      name: number.rejectionReason,
    });
    if (reason.field) mark(reason.field, reason, index, number);
    for (const related of reason.relatedFields) mark(related, reason, index, number);
  });
  return { origin: { fieldsToCorrect }, markers };
}

/** The original's carrier details, emails and schedule; a date now too close is cleared. */
function prefill(
  request: PortInRequest,
  rejected: readonly PortInNumber[],
  today: string,
): StoredDraftPayload {
  const carrier = request.losingCarrier;
  const address = carrier.address;
  const date = request.targetPortInDate;
  const dateRejected = rejected.some(
    (n) =>
      explainReason({ kind: 'rejection', code: n.rejectionReasonCode, name: n.rejectionReason })
        .field === 'targetPortInDate',
  );
  const keepDate =
    date !== null &&
    isCalendarDate(date) &&
    !dateRejected &&
    daysBetween(today, date) >= US_MIN_LEAD_DAYS;
  return {
    phoneNumbers: rejected.map((n) => ({ phoneNumber: n.phoneNumber, pin: null })),
    losingCarrier: {
      ...emptyLosingCarrier(),
      customerType: carrier.customerType,
      customerName: carrier.customerName,
      accountNumber: carrier.accountNumber ?? '',
      accountTelephoneNumber: carrier.accountTelephoneNumber ?? '',
      authorizedRepresentative: carrier.authorizedRepresentative,
      authorizedRepresentativeEmail: carrier.authorizedRepresentativeEmail,
      address: address
        ? {
            street: address.street,
            street2: address.street2 ?? '',
            city: address.city,
            state: address.state,
            zip: address.zip,
            country: address.country || 'US',
          }
        : emptyLosingCarrier().address,
    },
    notificationEmails: [...request.notificationEmails],
    targetPortInDate: keepDate ? date : null,
    targetPortInTimeRangeStart: request.targetPortInTimeRangeStart,
    targetPortInTimeRangeEnd: request.targetPortInTimeRangeEnd,
    billDocumentId: null,
    origin: null,
  };
}

/** The bill the original request was sent with, when this computer still has it for the account. */
function originalBill(store: Store, accountId: string, request: PortInRequest): number | null {
  const sids = new Set(request.documents);
  return (
    store.documents.list(accountId).find((d) => d.twilioSid !== null && sids.has(d.twilioSid))
      ?.id ?? null
  );
}

function draftCorrecting(store: Store, requestSid: string): Draft | undefined {
  return store.drafts
    .list({ statuses: ['editing', 'failed'] })
    .find((draft) => readDraftPayload(draft.payload).origin?.requestSid === requestSid);
}

/**
 * "Fix and resubmit": Twilio has no update call, so a rejected request is corrected by a new one.
 * The new draft holds the rejected numbers (all of them when the whole request was rejected),
 * the original's carrier details, emails and schedule, and marks the fields the rejection
 * reasons point at. Asking twice opens the same draft while it is still being edited. The
 * rejected numbers are not canceled here: the agent decides (request detail → cancel numbers).
 */
export function fixAndResubmitCommands(
  deps: PortingDeps,
  portability: PortabilityChecks,
): FixAndResubmitCommands {
  const { store } = deps;
  const views: DraftViewSource = { store, portabilityStatus: (id) => portability.statusOf(id) };
  return {
    async fixAndResubmit(input) {
      const { sid } = parseInput('fixAndResubmit', input);
      const stored = store.requests.getRequest(sid);
      if (!stored)
        throw notFound('sid', `PortDesk has no port-in request ${sid}; sync, then try again.`);
      if (!stored.request) {
        throw conflict(
          `PortDesk has not loaded the numbers of ${sid} yet; sync, then try again.`,
          'sid',
        );
      }
      const rejected = stored.request.phoneNumbers.filter((n) => n.status.canonical === 'rejected');
      if (rejected.length === 0) {
        throw conflict(
          `No number of ${sid} was rejected: there is nothing to fix. To change a request that is still running, cancel it and submit a new one.`,
          'sid',
        );
      }
      const existing = draftCorrecting(store, sid);
      if (existing) return readDraftView(views, existing);

      // The account's today: the one Twilio will judge the kept date by.
      const today = localDateString(new Date(deps.now() + clockOffsetOf(deps, stored.accountId)));
      const { origin, markers } = corrections(rejected);
      const payload: StoredDraftPayload = {
        ...prefill(stored.request, rejected, today),
        billDocumentId: originalBill(store, stored.accountId, stored.request),
        origin: { requestSid: sid, ...origin },
      };
      const draft = store.drafts.create(
        { accountId: stored.accountId, payload: toJsonPayload(payload), fieldErrors: markers },
        isoNow(deps),
      );
      dataChanged(deps, { kinds: ['drafts'], draftIds: [draft.id] });
      return readDraftView(views, draft);
    },
  };
}

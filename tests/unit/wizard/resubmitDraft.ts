import type { PortInNumber, PortInRequest } from '../../../shared/domain/portIn';
import type {
  DraftFieldKey,
  DraftView,
  ReasonView,
  RequestDetailView,
} from '../../../shared/views';
import { explain } from '../../fixtures/fakeBridge/reasons';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';

export const KW = `KW${'5'.repeat(32)}`;

/** A rejection as the detail view explains it, by the same shared rules the fake bridge uses. */
export function rejection(code: number, name: string | null = null): ReasonView {
  return explain('rejection', code, name);
}

export function rejectedNumber(phoneNumber: string, code: number): PortInNumber {
  return aNumber({
    sid: `PU${phoneNumber.slice(-4).repeat(8)}`,
    phoneNumber,
    status: 'Rejected',
    rejectionReasonCode: code,
  });
}

/** The detail view of a request, as getRequestDetail answers it, with its numbers' reasons. */
export function detailOf(request: PortInRequest): RequestDetailView {
  const { phoneNumbers, signatureRequestUrl: _url, ...header } = request;
  return {
    request: {
      ...header,
      hasLoaLink: false,
      numbersRequested: phoneNumbers.length,
      numbersPorted: 0,
      firstPortDate: null,
      lastChangedAt: null,
      suggestedAction: null,
    },
    account: { id: 'acct-1', label: 'Acme porting', kind: 'twilio' },
    attention: {
      actionRequired: true,
      loaUnsignedDays: null,
      loaDaysLeft: null,
      noPortDateDays: null,
      queuedOffline: false,
      failedToSend: false,
    },
    numbers: phoneNumbers.map((n) => ({
      ...n,
      rejection: n.rejectionReasonCode === null ? null : rejection(n.rejectionReasonCode),
      notPortable: null,
      cancelPending: false,
    })),
    timeline: [],
    pendingOps: [],
    actions: {
      canCancelRequest: true,
      cancelWarning: null,
      canCancelNumbers: true,
      canOpenLoa: false,
      canFixAndResubmit: true,
    },
    detailLoaded: true,
    lastFetchedAt: null,
  };
}

/** The rejected request and the fix-and-resubmit draft main makes of it (as prefilled). */
export function resubmission(
  numbers: PortInNumber[],
  fieldsToCorrect: { field: DraftFieldKey; code: number }[],
): { original: RequestDetailView; draft: DraftView } {
  const request = aRequest({ sid: KW, status: 'Action Required', phoneNumbers: numbers });
  const carrier = request.losingCarrier;
  const draft: DraftView = {
    id: 9,
    accountId: 'acct-1',
    status: 'editing',
    payload: {
      phoneNumbers: numbers
        .filter((n) => n.status.canonical === 'rejected')
        .map((n) => ({ phoneNumber: n.phoneNumber, pin: null })),
      losingCarrier: {
        customerType: carrier.customerType,
        customerName: carrier.customerName,
        accountNumber: carrier.accountNumber ?? '',
        accountTelephoneNumber: carrier.accountTelephoneNumber ?? '',
        authorizedRepresentative: carrier.authorizedRepresentative,
        authorizedRepresentativeEmail: carrier.authorizedRepresentativeEmail,
        address: {
          street: carrier.address?.street ?? '',
          street2: carrier.address?.street2 ?? '',
          city: carrier.address?.city ?? '',
          state: carrier.address?.state ?? '',
          zip: carrier.address?.zip ?? '',
          country: 'US',
        },
      },
      notificationEmails: [],
      targetPortInDate: request.targetPortInDate,
      targetPortInTimeRangeStart: null,
      targetPortInTimeRangeEnd: null,
    },
    fieldErrors: [],
    requestSid: null,
    bill: { name: 'bill.pdf', sizeBytes: 1000, mimeType: 'application/pdf', uploaded: true },
    portability: { checkId: null, state: 'idle', done: 0, total: 0, results: [] },
    origin: {
      requestSid: KW,
      fieldsToCorrect: fieldsToCorrect.map(({ field, code }) => ({
        field,
        reason: rejection(code),
      })),
    },
    lastError: null,
    createdAt: '2026-11-27T09:00:00Z',
    updatedAt: '2026-11-27T09:00:00Z',
  };
  return { original: detailOf(request), draft };
}

/** Where to point the agent: the draft path and the wizard section for a reason or a field. */
import { DRAFT_SECTIONS, type DraftSection } from '../draftForm';
import type { ReasonField } from '../reasonCodes';

/** The dotted draft path to correct for a reason's field (`numberIndex` picks one number). */
export function draftPathForReasonField(field: ReasonField, numberIndex?: number): string {
  switch (field) {
    case 'account':
      return 'accountId';
    case 'bill':
      return 'billDocumentId';
    case 'targetPortInDate':
      return 'targetPortInDate';
    case 'phoneNumber':
      return numberIndex === undefined ? 'phoneNumbers' : `phoneNumbers.${numberIndex}.phoneNumber`;
    case 'pin':
      return numberIndex === undefined ? 'phoneNumbers' : `phoneNumbers.${numberIndex}.pin`;
    default:
      return `losingCarrier.${field}`;
  }
}

function isDraftSection(value: string): value is DraftSection {
  return (DRAFT_SECTIONS as readonly string[]).includes(value);
}

/** `phoneNumbers.3.pin` → `pin`, `losingCarrier.address.zip` → `losingCarrier.address`; null if none. */
export function draftSectionOf(path: string): DraftSection | null {
  const parts = path.split('.');
  const [head, second, third] = parts;
  if (head === 'accountId') return 'account';
  if (head === 'billDocumentId') return 'bill';
  if (head === 'phoneNumbers') return third === 'pin' ? 'pin' : 'phoneNumbers';
  if (head === 'notificationEmails') return 'notificationEmails';
  if (head === 'targetPortInDate') return 'targetPortInDate';
  if (head === 'targetPortInTimeRangeStart' || head === 'targetPortInTimeRangeEnd') {
    return 'targetPortInTimeRange';
  }
  if (head === 'losingCarrier' && second !== undefined) {
    const section = `losingCarrier.${second}`;
    return isDraftSection(section) ? section : null;
  }
  return null;
}

/**
 * The domain draft names the account and the bill by their ids (`accountId`, `billDocumentId`);
 * the views and the wizard call them `account` and `bill`. Everything else is the same path.
 */
const DOMAIN_TO_VIEW: Readonly<Record<string, string>> = {
  accountId: 'account',
  billDocumentId: 'bill',
};

/** `accountId` → `account`, `billDocumentId` → `bill`; other paths unchanged. */
export function toDraftViewPath(domainPath: string): string {
  const [head, ...rest] = domainPath.split('.');
  const mapped = head !== undefined ? DOMAIN_TO_VIEW[head] : undefined;
  return mapped === undefined ? domainPath : [mapped, ...rest].join('.');
}

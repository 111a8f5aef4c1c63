import type { DraftSection } from './draftForm';

/** Each section of the draft in the words its wizard step shows, for lists that name a field. */
export const DRAFT_SECTION_LABELS: Readonly<Record<DraftSection, string>> = {
  account: 'Account',
  phoneNumbers: 'Numbers',
  pin: 'PIN',
  bill: 'Utility bill',
  'losingCarrier.customerType': 'Customer type',
  'losingCarrier.customerName': 'Customer name',
  'losingCarrier.accountNumber': 'Account number',
  'losingCarrier.accountTelephoneNumber': 'Billing telephone number (BTN)',
  'losingCarrier.authorizedRepresentative': 'Authorized representative',
  'losingCarrier.authorizedRepresentativeEmail': 'Authorized representative’s email',
  'losingCarrier.address': 'Service address',
  notificationEmails: 'LOA copy emails',
  targetPortInDate: 'Target port date',
  targetPortInTimeRange: 'Port time window',
};

/** Every field of the draft by its dotted path (`*` for an index), for messages naming it. */
export const DRAFT_PATH_LABELS: Readonly<Record<string, string>> = {
  '': 'The draft',
  accountId: 'Account',
  phoneNumbers: 'Phone numbers',
  'phoneNumbers.*': 'Phone number entry',
  'phoneNumbers.*.phoneNumber': 'Phone number',
  'phoneNumbers.*.pin': 'PIN',
  losingCarrier: 'Losing carrier details',
  'losingCarrier.customerType': 'Customer type',
  'losingCarrier.customerName': 'Customer name',
  'losingCarrier.accountNumber': 'Account number',
  'losingCarrier.accountTelephoneNumber': 'Billing telephone number',
  'losingCarrier.authorizedRepresentative': 'Authorized representative',
  'losingCarrier.authorizedRepresentativeEmail': "Authorized representative's email",
  'losingCarrier.address': 'Service address',
  'losingCarrier.address.street': 'Street',
  'losingCarrier.address.street2': 'Street line 2',
  'losingCarrier.address.city': 'City',
  'losingCarrier.address.state': 'State',
  'losingCarrier.address.zip': 'ZIP code',
  'losingCarrier.address.country': 'Country',
  billDocumentId: 'Utility bill (document id)',
  targetPortInDate: 'Target port date',
  targetPortInTimeRangeStart: 'Port window start',
  targetPortInTimeRangeEnd: 'Port window end',
  notificationEmails: 'Notification emails',
  'notificationEmails.*': 'Notification email',
};

/** `phoneNumbers.3.pin` → "PIN"; the path itself when it names no known field. */
export function draftPathLabel(path: string): string {
  return DRAFT_PATH_LABELS[path.replace(/\.\d+(?=\.|$)/g, '.*')] ?? path;
}

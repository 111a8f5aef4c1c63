import type { DraftFieldKey } from '../../../shared/views';

/** Each section of the draft in the words its step shows, for lists that name a field. */
export const FIELD_LABELS: Readonly<Record<DraftFieldKey, string>> = {
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

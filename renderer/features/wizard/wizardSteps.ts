import { draftSectionOf } from '../../../shared/domain/draft';
import type { DraftFieldKey } from '../../../shared/views';

export const WIZARD_STEPS = [
  'numbers',
  'portability',
  'carrier',
  'bill',
  'schedule',
  'review',
] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** Which step of the wizard a draft section is edited on. */
export const STEP_OF_SECTION: Record<DraftFieldKey, WizardStep> = {
  account: 'review',
  phoneNumbers: 'numbers',
  pin: 'portability',
  bill: 'bill',
  'losingCarrier.customerType': 'carrier',
  'losingCarrier.customerName': 'carrier',
  'losingCarrier.accountNumber': 'carrier',
  'losingCarrier.accountTelephoneNumber': 'carrier',
  'losingCarrier.authorizedRepresentative': 'carrier',
  'losingCarrier.authorizedRepresentativeEmail': 'carrier',
  'losingCarrier.address': 'carrier',
  notificationEmails: 'schedule',
  targetPortInDate: 'schedule',
  targetPortInTimeRange: 'schedule',
};

/** Main's paths use `accountId`/`billDocumentId`; both spellings land on the same section. */
export function stepOfField(field: string): WizardStep {
  const section =
    draftSectionOf(field) ?? (field === 'account' ? 'account' : field === 'bill' ? 'bill' : null);
  return section ? STEP_OF_SECTION[section] : 'review';
}

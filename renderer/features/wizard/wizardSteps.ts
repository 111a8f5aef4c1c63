import { draftSectionOf } from '../../../shared/domain/draft';
import type { DraftFieldKey } from '../../../shared/views';
import type { WizardStep } from '../../store/wizard/steps';

/** The steps' names, in the stepper, the Back/Next buttons and Review's problem list. */
export const STEP_LABELS: Record<WizardStep, string> = {
  numbers: 'Numbers',
  portability: 'Portability',
  carrier: 'Carrier details',
  bill: 'Utility bill',
  schedule: 'Port date',
  review: 'Review',
};

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

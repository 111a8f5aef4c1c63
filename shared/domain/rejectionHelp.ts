/** REASON-CODES §4: why carriers reject in practice, for help panels and pre-submit hints. */
import type { ReasonField } from './reasonCodes';

export interface RejectionHelpTopic {
  id: string;
  title: string;
  text: string;
  /** Draft fields the topic is about; the wizard shows it next to them. */
  fields: readonly ReasonField[];
}

export const REJECTION_HELP: readonly RejectionHelpTopic[] = [
  {
    id: 'exact_match',
    title: 'Match the carrier record letter for letter',
    text: 'Name, service address, account number, billing telephone number and authorized person must match the losing carrier\'s record exactly: "ABC Inc" is not "ABC Incorporated". Service-address mismatches are the most common rejection (one large carrier reports about 60% of its port-in rejections).',
    fields: [
      'customerName',
      'authorizedRepresentative',
      'address',
      'accountNumber',
      'accountTelephoneNumber',
    ],
  },
  {
    id: 'service_address',
    title: 'Service address, not billing address',
    text: 'Give the address where the lines are in service, as the carrier has it, not the billing address.',
    fields: ['address'],
  },
  {
    id: 'mobile_pin',
    title: 'Mobile numbers need the port-out PIN',
    text: 'US mobile numbers need the port-out PIN, which only the account holder can get from the losing carrier.',
    fields: ['pin', 'accountNumber'],
  },
  {
    id: 'one_account_per_request',
    title: 'One carrier account per request',
    text: 'Numbers under different accounts or billing telephone numbers do not belong in one request: split them by account.',
    fields: ['phoneNumber', 'accountNumber', 'accountTelephoneNumber'],
  },
  {
    id: 'pending_order',
    title: 'Pending orders block the port',
    text: 'A pending order on the account (a change or a disconnect) blocks the port until it closes.',
    fields: [],
  },
  {
    id: 'account_freeze',
    title: 'Account freezes block the port',
    text: 'An account freeze against slamming blocks the port until the customer lifts it with the carrier.',
    fields: [],
  },
  {
    id: 'partial_port',
    title: 'Partial ports',
    text: 'When some numbers stay with the old carrier, they must be addressed; porting the billing telephone number (BTN) needs a new BTN on the remaining account.',
    fields: ['phoneNumber', 'accountTelephoneNumber'],
  },
  {
    id: 'resubmit_and_cancel_timing',
    title: 'Resubmitting and canceling',
    text: "Resubmitting after a rejection usually restarts the carrier's clock, and carriers often refuse a cancel within 24–48 hours of the port date.",
    fields: ['targetPortInDate'],
  },
];

/** Help topics worth showing next to a draft field. */
export function rejectionHelpFor(field: ReasonField): RejectionHelpTopic[] {
  return REJECTION_HELP.filter((topic) => topic.fields.includes(field));
}

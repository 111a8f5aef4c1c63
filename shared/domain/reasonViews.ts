import type { DraftFieldKey, ReasonView } from '../views';
import type { ReasonEntry, ReasonField } from './reasonCodes';

/** The catalog's field names → the wizard's sections (shared/views/ DRAFT_FIELD_KEYS). */
const REASON_FIELD_SECTIONS: Readonly<Record<ReasonField, DraftFieldKey>> = {
  account: 'account',
  phoneNumber: 'phoneNumbers',
  pin: 'pin',
  accountNumber: 'losingCarrier.accountNumber',
  accountTelephoneNumber: 'losingCarrier.accountTelephoneNumber',
  customerName: 'losingCarrier.customerName',
  authorizedRepresentative: 'losingCarrier.authorizedRepresentative',
  address: 'losingCarrier.address',
  targetPortInDate: 'targetPortInDate',
  bill: 'bill',
};

/** The wizard section a reason's field is corrected in. */
export function draftFieldKeyOf(field: ReasonField): DraftFieldKey {
  return REASON_FIELD_SECTIONS[field];
}

const MAX_TEXT = 2000;

function capped(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A catalog entry as the views carry it, each text capped to what the event schemas allow. */
export function toReasonView(entry: ReasonEntry): ReasonView {
  return {
    code: entry.code,
    name: entry.name === null ? null : capped(entry.name, 100),
    title: capped(entry.title, 200),
    meaning: capped(entry.meaning),
    fix: capped(entry.fix),
    field: entry.field === null ? null : draftFieldKeyOf(entry.field),
  };
}

/** Caps a failure's texts like `toReasonView` does (used for reasons PortDesk words itself). */
export function cappedReasonText(text: string, max = MAX_TEXT): string {
  return capped(text, max);
}

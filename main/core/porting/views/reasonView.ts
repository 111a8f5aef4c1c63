import {
  explainReason,
  type ReasonEntry,
  type ReasonField,
  type ReasonKind,
} from '../../../../shared/domain/reasonCodes';
import type { DraftFieldKey, ReasonView } from '../../../../shared/views';

/** The catalog's field names → the wizard's sections (shared/views.ts DRAFT_FIELD_KEYS). */
const FIELD_KEYS: Readonly<Record<ReasonField, DraftFieldKey>> = {
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

export function draftFieldKeyOf(field: ReasonField): DraftFieldKey {
  return FIELD_KEYS[field];
}

const MAX_TEXT = 2000;

function capped(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

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

/** A code and/or name as Twilio sent it, explained; unknown ones are shown raw, never hidden. */
export function reasonView(
  kind: ReasonKind,
  code: number | string | null | undefined,
  name: string | null | undefined,
): ReasonView {
  return toReasonView(explainReason({ kind, code: code ?? null, name: name ?? null }));
}

/** Why something could not be done at all (no answer from Twilio), in the same shape. */
export function failureReasonView(failure: {
  title: string;
  message: string;
  fix: string;
  code?: number | null;
  field?: DraftFieldKey | null;
}): ReasonView {
  return {
    code: failure.code ?? null,
    name: null,
    title: capped(failure.title, 200),
    meaning: capped(failure.message),
    fix: capped(failure.fix),
    field: failure.field ?? null,
  };
}

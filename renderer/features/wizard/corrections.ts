import { formatUsPhoneNumber } from '../../../shared/domain/phoneNumbers';
import type {
  DraftFieldKey,
  DraftView,
  ReasonView,
  RequestDetailView,
  ResubmitOrigin,
} from '../../../shared/views';
import { formatCalendarDate } from '../../ui/format';
import { typedPhoneNumberE164 } from './typedPhoneNumber';

/** One reason the carrier gave, with the draft's fields and numbers it concerns. */
export interface CorrectionGroup {
  reason: ReasonView;
  /** The sections to correct, in main's order; empty when the fix is outside the draft. */
  fields: DraftFieldKey[];
  /** The draft's numbers (E.164) rejected for it, when the original request says which. */
  numbers: string[];
}

function reasonKey(reason: ReasonView): string {
  return String(reason.code ?? reason.name ?? reason.title);
}

/**
 * The "to correct" list of a fix-and-resubmit draft: one entry per reason, naming each field
 * once (22153 marks the customer name and the representative with the same reason; the list
 * says so once, with both fields). With the original request at hand, each entry names the
 * numbers it was given for, and reasons that point outside the draft (22151 carrier
 * restriction, 22150 support ticket, unknown codes) are listed too rather than left out.
 */
export function correctionGroups(
  origin: ResubmitOrigin,
  draftNumbers: readonly string[],
  original: RequestDetailView | null,
): CorrectionGroup[] {
  const groups = new Map<string, CorrectionGroup>();
  for (const { field, reason } of origin.fieldsToCorrect) {
    const key = reasonKey(reason);
    const group = groups.get(key) ?? { reason, fields: [], numbers: [] };
    if (!group.fields.includes(field)) group.fields.push(field);
    groups.set(key, group);
  }
  const inDraft = new Set(draftNumbers);
  for (const row of original?.numbers ?? []) {
    if (!row.rejection || !inDraft.has(row.phoneNumber)) continue;
    const key = reasonKey(row.rejection);
    const group = groups.get(key) ?? { reason: row.rejection, fields: [], numbers: [] };
    if (!group.numbers.includes(row.phoneNumber)) group.numbers.push(row.phoneNumber);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A field marked "to correct" that still holds what the carrier rejected. */
export interface UnchangedCorrection {
  field: DraftFieldKey;
  /** What is unchanged, in words, after the field's label. */
  detail: string;
  /** The carrier's reasons, e.g. "Name does not match". */
  reasons: string;
}

/** Spaces do not make a name different for a carrier's record; letters and their case do. */
function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  const clean = (text: string | null | undefined) => (text ?? '').trim().replace(/\s+/g, ' ');
  return clean(a) === clean(b);
}

function samePhoneNumber(typed: string, original: string | null): boolean {
  const e164 = typedPhoneNumberE164(typed);
  return e164 !== null && original !== null ? e164 === original : sameText(typed, original);
}

function quoted(text: string): string {
  return text.trim() === '' ? 'empty' : `“${text.trim()}”`;
}

/** The numbers of the original request that the carrier rejected for a reason on this field. */
function rejectedFor(field: DraftFieldKey, original: RequestDetailView): Set<string> {
  return new Set(
    original.numbers.filter((n) => n.rejection?.field === field).map((n) => n.phoneNumber),
  );
}

/**
 * The fields a fix-and-resubmit draft marks "to correct" that still hold what was sent in the
 * rejected request: a soft warning on Review (the agent may know better — the carrier can be
 * wrong), naming each field. Carrier details, the address and the date are compared with the
 * original; a PIN (Twilio never returns one) counts as unchanged while still empty; a number
 * rejected for itself (inactive, not portable) while still in the draft.
 */
export function unchangedCorrections(
  draft: DraftView,
  original: RequestDetailView,
): UnchangedCorrection[] {
  if (!draft.origin) return [];
  const reasonsOf = new Map<DraftFieldKey, string[]>();
  for (const { field, reason } of draft.origin.fieldsToCorrect) {
    const titles = reasonsOf.get(field) ?? [];
    if (!titles.includes(reason.title)) titles.push(reason.title);
    reasonsOf.set(field, titles);
  }
  const now = draft.payload.losingCarrier;
  const then = original.request.losingCarrier;
  const result: UnchangedCorrection[] = [];
  for (const [field, titles] of reasonsOf) {
    const reasons = titles.join('; ');
    const push = (detail: string) => result.push({ field, detail, reasons });
    switch (field) {
      case 'losingCarrier.customerName':
      case 'losingCarrier.authorizedRepresentative':
      case 'losingCarrier.authorizedRepresentativeEmail':
      case 'losingCarrier.accountNumber': {
        const key = field.slice('losingCarrier.'.length) as
          | 'customerName'
          | 'authorizedRepresentative'
          | 'authorizedRepresentativeEmail'
          | 'accountNumber';
        if (sameText(now[key], then[key])) push(`still ${quoted(now[key])}`);
        break;
      }
      case 'losingCarrier.accountTelephoneNumber': {
        const typed = now.accountTelephoneNumber;
        if (samePhoneNumber(typed, then.accountTelephoneNumber)) {
          const e164 = typedPhoneNumberE164(typed);
          push(`still ${e164 ? formatUsPhoneNumber(e164) : quoted(typed)}`);
        }
        break;
      }
      case 'losingCarrier.address': {
        const address = then.address;
        const same =
          address !== null &&
          sameText(now.address.street, address.street) &&
          sameText(now.address.street2, address.street2) &&
          sameText(now.address.city, address.city) &&
          sameText(now.address.state.toUpperCase(), address.state.toUpperCase()) &&
          sameText(now.address.zip, address.zip);
        if (same) {
          const { street, street2, city, state, zip } = now.address;
          const shown = [street, street2, city, `${state} ${zip}`]
            .map((part) => part.trim())
            .filter(Boolean)
            .join(', ');
          push(`still ${quoted(shown)}`);
        }
        break;
      }
      case 'targetPortInDate': {
        const date = draft.payload.targetPortInDate;
        if (date !== null && date === original.request.targetPortInDate) {
          push(`still ${formatCalendarDate(date)}`);
        }
        break;
      }
      case 'pin': {
        const rejected = rejectedFor('pin', original);
        for (const n of draft.payload.phoneNumbers) {
          if (rejected.has(n.phoneNumber) && (n.pin ?? '').trim() === '') {
            push(`${formatUsPhoneNumber(n.phoneNumber)} still has no PIN`);
          }
        }
        break;
      }
      case 'phoneNumbers': {
        const rejected = rejectedFor('phoneNumbers', original);
        for (const n of draft.payload.phoneNumbers) {
          if (rejected.has(n.phoneNumber)) {
            push(`${formatUsPhoneNumber(n.phoneNumber)} is still in this request`);
          }
        }
        break;
      }
      default:
        // No rejection reason points at the other sections (bill, account, emails, time window).
        break;
    }
  }
  return result;
}

/**
 * The sections of a fix-and-resubmit draft still to correct: those unchanged since the
 * rejection, or — without the original at hand, when PortDesk cannot tell — every marked one.
 */
export function fieldsStillToCorrect(
  draft: DraftView,
  original: RequestDetailView | null,
): DraftFieldKey[] {
  if (!draft.origin) return [];
  const fields = original
    ? unchangedCorrections(draft, original).map((u) => u.field)
    : draft.origin.fieldsToCorrect.map((f) => f.field);
  return [...new Set(fields)];
}

/** The lenient check of an edit crossing IPC or read from the database: types and sizes only. */
import { z } from 'zod';
import { MAX_NUMBERS_PER_REQUEST } from '../phoneNumbers';
import { draftPathLabel } from '../draftLabels';
import { DRAFT_LIMITS, type DraftIssue, type PortInDraft } from './draftTypes';

const text = (max: number) => z.string().max(max).nullish();

const numberSchema = z.object({
  phoneNumber: text(DRAFT_LIMITS.phoneNumberText),
  pin: text(DRAFT_LIMITS.pin),
});

const addressSchema = z.object({
  street: text(DRAFT_LIMITS.street),
  street2: text(DRAFT_LIMITS.street),
  city: text(DRAFT_LIMITS.city),
  state: text(DRAFT_LIMITS.state),
  zip: text(DRAFT_LIMITS.zip),
  country: text(DRAFT_LIMITS.country),
});

const losingCarrierSchema = z.object({
  customerType: z.enum(['Business', 'Individual']).nullish(),
  customerName: text(DRAFT_LIMITS.name),
  accountNumber: text(DRAFT_LIMITS.accountNumber),
  accountTelephoneNumber: text(DRAFT_LIMITS.phoneNumberText),
  authorizedRepresentative: text(DRAFT_LIMITS.name),
  authorizedRepresentativeEmail: text(DRAFT_LIMITS.email),
  address: addressSchema.nullish(),
});

/** Unknown keys are dropped, not refused, so a draft saved by an older version still loads. */
export const portInDraftSchema: z.ZodType<PortInDraft> = z.object({
  accountId: text(DRAFT_LIMITS.id),
  phoneNumbers: z.array(numberSchema).max(MAX_NUMBERS_PER_REQUEST).nullish(),
  losingCarrier: losingCarrierSchema.nullish(),
  billDocumentId: z.number().int().positive().nullish(),
  targetPortInDate: text(DRAFT_LIMITS.dateText),
  targetPortInTimeRangeStart: text(DRAFT_LIMITS.dateText),
  targetPortInTimeRangeEnd: text(DRAFT_LIMITS.dateText),
  notificationEmails: z
    .array(z.string().max(DRAFT_LIMITS.email))
    .max(DRAFT_LIMITS.notificationEmails)
    .nullish(),
});

const EXPECTED_WORDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  array: 'a list',
  object: 'a group of fields',
};

function issueMessage(issue: z.core.$ZodIssue, label: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return `${label} must be ${EXPECTED_WORDS[issue.expected] ?? issue.expected}.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `${label} is too long: at most ${String(issue.maximum)} characters.`
        : issue.origin === 'array'
          ? `${label}: at most ${Number(issue.maximum).toLocaleString('en-US')} entries.`
          : `${label} is too large.`;
    case 'too_small':
      return `${label} must be a positive number.`;
    case 'invalid_value':
      return `${label} must be one of: ${issue.values.map(String).join(', ')}.`;
    default:
      return `${label} is not valid.`;
  }
}

export type DraftParseResult =
  { ok: true; draft: PortInDraft } | { ok: false; errors: DraftIssue[] };

/**
 * Type-level check of a draft edit (from IPC or the database): wrong types and oversized values
 * are refused with the field named; business rules are left to `validateDraftForSubmit`. Values
 * are kept as typed (no trimming: the agent is mid-edit).
 */
export function parseDraft(input: unknown): DraftParseResult {
  const result = portInDraftSchema.safeParse(input);
  if (result.success) return { ok: true, draft: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.');
      return { field, message: issueMessage(issue, draftPathLabel(field)) };
    }),
  };
}

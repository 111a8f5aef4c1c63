import { checkUsPhoneNumber, formatUsPhoneNumber } from '../../../shared/domain/phoneNumbers';

/**
 * A US number as the agent typed it ("2125550100", "212.555.0100"), shown like every other
 * number in the app: "(212) 555-0100". What does not read as a valid US number is shown as
 * typed (trimmed), so the review never hides what will be checked.
 */
export function formatTypedPhoneNumber(typed: string): string {
  const verdict = checkUsPhoneNumber(typed);
  return verdict.status === 'ok' ? formatUsPhoneNumber(verdict.e164) : typed.trim();
}

/** The E.164 a typed number stands for, or null when it reads as no valid number. */
export function typedPhoneNumberE164(typed: string): string | null {
  const verdict = checkUsPhoneNumber(typed);
  return verdict.status === 'ok' ? verdict.e164 : null;
}

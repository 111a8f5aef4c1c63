import type { DraftIssue } from '../../../shared/domain/draft';
import type { FieldError } from '../../../shared/views';

/**
 * shared/domain/draft.ts names fields by the domain draft's keys; the views and the wizard use
 * DraftFieldKey names, which differ only for the account and the bill.
 */
const DOMAIN_TO_VIEW: Readonly<Record<string, string>> = {
  accountId: 'account',
  billDocumentId: 'bill',
};

export function toViewPath(domainPath: string): string {
  const [head, ...rest] = domainPath.split('.');
  const mapped = head !== undefined ? DOMAIN_TO_VIEW[head] : undefined;
  return mapped === undefined ? domainPath : [mapped, ...rest].join('.');
}

export function toFieldErrors(issues: readonly DraftIssue[]): FieldError[] {
  return issues.map((issue) => ({ field: toViewPath(issue.field), message: issue.message }));
}

/** Whether a change at `touched` makes an error at `field` stale (same field, inside, or around). */
function overlaps(field: string, touched: string): boolean {
  return field === touched || field.startsWith(`${touched}.`) || touched.startsWith(`${field}.`);
}

/**
 * Errors the agent has just edited are dropped: they described the old value. The rest stay
 * (and survive a restart) until the next validation.
 */
export function withoutTouched(
  errors: readonly FieldError[],
  touched: readonly string[],
): FieldError[] {
  if (touched.length === 0) return [...errors];
  return errors.filter((error) => !touched.some((path) => overlaps(error.field, path)));
}

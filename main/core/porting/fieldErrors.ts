import { toDraftViewPath, type DraftIssue } from '../../../shared/domain/draft';
import type { FieldError } from '../../../shared/views';

/** Domain paths (`accountId`, `billDocumentId`) → the views' (`account`, `bill`). */
export const toViewPath = toDraftViewPath;

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

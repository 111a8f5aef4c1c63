// View models: the draft's fields, which reasons and field errors point at (see ./index.ts).
import { DRAFT_SECTIONS, type DraftSection } from '../domain/draftForm';

/**
 * The form's shape and its sections are written once, in shared/domain/draftForm.ts; the view
 * carries the form as is. DRAFT_FIELD_KEYS are the sections: the top-level fields a field error
 * or a "fix and resubmit" marker can point at.
 */
export type { DraftLosingCarrier, DraftPayload, DraftPhoneNumber } from '../domain/draftForm';
export { DRAFT_SECTIONS as DRAFT_FIELD_KEYS };
export type DraftFieldKey = DraftSection;

/**
 * A problem with one field. `field` is a dotted path: a DraftFieldKey, or a deeper path such as
 * `phoneNumbers.3.pin` or `losingCarrier.address.zip`. shared/domain/draft.ts names two fields
 * differently (`accountId`, `billDocumentId`); main sends them as `account` and `bill` (the
 * renderer accepts both spellings, see draftSectionOf).
 */
export interface FieldError {
  field: string;
  message: string;
}

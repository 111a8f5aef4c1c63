import type { DraftView, FieldError, RequestDetailView } from '../../../shared/views';
import { fieldsStillToCorrect } from './corrections';
import { WIZARD_STEPS, type WizardStep } from '../../store/wizard/steps';
import { STEP_OF_SECTION, stepOfField } from './wizardSteps';

/**
 * The step a saved draft opens on: the first one with a problem — a field error, or (fix and
 * resubmit) a field marked "to correct" that still holds what the carrier rejected — and Review
 * when none has one. A draft without numbers opens on Numbers; one that can no longer be edited
 * (queued, submitted) on Review, where its state is. The last step visited is not remembered:
 * the first problem is where the work is, and the stepper shows the rest (docs/ui.md).
 * `errors` are the draft's field errors as the wizard shows them (fieldErrorsOf).
 */
export function initialStep(
  draft: DraftView,
  original: RequestDetailView | null,
  errors: readonly FieldError[],
): WizardStep {
  if (draft.status !== 'editing' && draft.status !== 'failed') return 'review';
  if (draft.payload.phoneNumbers.length === 0) return 'numbers';
  const withProblems = new Set(errors.map((error) => stepOfField(error.field)));
  for (const field of fieldsStillToCorrect(draft, original)) {
    withProblems.add(STEP_OF_SECTION[field]);
  }
  return WIZARD_STEPS.find((step) => withProblems.has(step)) ?? 'review';
}

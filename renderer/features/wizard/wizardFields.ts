import type { DraftFieldKey, DraftView, FieldError } from '../../../shared/views';
import type { WizardStep } from '../../store/wizard/steps';
import { useWizard } from '../../store/wizardStore';
import { accountToday } from './accountToday';
import { liveFieldErrors } from './liveFieldErrors';
import { stepOfField } from './wizardSteps';

/** The draft's field errors as of now (see liveFieldErrors). */
export function fieldErrorsOf(draft: DraftView): FieldError[] {
  return liveFieldErrors(draft, accountToday(draft.accountId));
}

export function errorsOfStep(draft: DraftView, step: WizardStep): FieldError[] {
  return fieldErrorsOf(draft).filter((error) => stepOfField(error.field) === step);
}

/**
 * The error to show next to a field: only once the agent left the field, pressed Next, or tried
 * to submit — an empty form is not a list of errors.
 */
export function useFieldError(path: string): string | undefined {
  const draft = useWizard((s) => s.draft);
  const touched = useWizard((s) => s.touched.has(path));
  const showAll = useWizard((s) => s.showAllErrors);
  if (!draft || (!touched && !showAll)) return undefined;
  return fieldErrorsOf(draft).find((error) => error.field === path)?.message;
}

/** Is this section marked "to correct" by a fix-and-resubmit? */
export function useToCorrect(section: DraftFieldKey): string | null {
  const origin = useWizard((s) => s.draft?.origin ?? null);
  // Two reasons can point at one section (22152 and 22159 both at the numbers): say both.
  const markers = origin?.fieldsToCorrect.filter((f) => f.field === section) ?? [];
  return markers.length > 0
    ? markers.map((m) => `${m.reason.title}: ${m.reason.fix}`).join(' ')
    : null;
}

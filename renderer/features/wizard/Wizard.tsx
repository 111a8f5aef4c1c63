import { useState } from 'react';
import { Button as AriaButton } from 'react-aria-components';
import { useApp } from '../../store/appStore';
import { WIZARD_STEPS, type WizardStep } from '../../store/wizard/steps';
import { useWizard } from '../../store/wizardStore';
import { Button } from '../../ui/Button';
import { formatRelative, plural } from '../../ui/format';
import { IconAlert, IconArrowLeft, IconCheck, IconPen } from '../../ui/icons';
import { Screen } from '../../ui/Screen';
import { Select } from '../../ui/Select';
import { Banner, Spinner } from '../../ui/states';
import { useNow } from '../../app/useTheme';
import { describeError } from '../../bridge';
import { BillStep } from './BillStep';
import { CarrierStep } from './CarrierStep';
import { NumbersStep } from './NumbersStep';
import { PortabilityStep } from './PortabilityStep';
import { ReviewStep } from './ReviewStep';
import { ScheduleStep } from './ScheduleStep';
import { fieldsStillToCorrect } from './corrections';
import { ResubmitBanner } from './ResubmitBanner';
import { errorsOfStep } from './wizardFields';
import { STEP_LABELS, STEP_OF_SECTION } from './wizardSteps';
import type { DraftView } from '../../../shared/views';

function SaveIndicator() {
  const save = useWizard((s) => s.save);
  const now = useNow(10_000);
  if (save.state === 'saving') {
    return (
      <span className="save-indicator" role="status">
        <Spinner /> Saving…
      </span>
    );
  }
  if (save.state === 'error' && save.error) {
    return (
      <span className="save-indicator text-danger" role="alert">
        <IconAlert size={14} /> Not saved: {describeError(save.error)}
      </span>
    );
  }
  if (save.state === 'saved' && save.at) {
    return (
      <span className="save-indicator muted" role="status">
        <IconCheck size={14} /> Draft saved {formatRelative(new Date(save.at).toISOString(), now)}
      </span>
    );
  }
  return <span className="save-indicator muted">Saved as you type</span>;
}

/**
 * A step is ticked when what it asks for is there, nothing is wrong with it, and (fix and
 * resubmit) nothing on it is still as the carrier rejected it.
 */
function isStepComplete(draft: DraftView, step: WizardStep, toCorrect: boolean): boolean {
  if (errorsOfStep(draft, step).length > 0 || toCorrect) return false;
  const { payload, portability, bill } = draft;
  switch (step) {
    case 'numbers':
      return payload.phoneNumbers.length > 0;
    case 'portability': {
      const checked = new Set(portability.results.map((r) => r.phoneNumber));
      return (
        payload.phoneNumbers.length > 0 &&
        payload.phoneNumbers.every((n) => checked.has(n.phoneNumber))
      );
    }
    case 'carrier':
      return payload.losingCarrier.customerName.trim() !== '';
    case 'bill':
      return bill !== null;
    case 'schedule':
      return payload.targetPortInDate !== null;
    case 'review':
      return draft.status !== 'editing';
  }
}

/** Brings the first field with a shown error into view and focuses it. */
function focusFirstError() {
  window.requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>(
      '.wizard__step [aria-invalid="true"], .wizard__step .field__error',
    );
    field?.scrollIntoView({ block: 'center' });
    if (field?.matches('input, textarea, select, button')) field.focus();
  });
}

/** The new port-in wizard around one draft: a stepper, the step, Back/Next. */
export function Wizard() {
  const draft = useWizard((s) => s.draft);
  const step = useWizard((s) => s.step);
  const setStep = useWizard((s) => s.setStep);
  const revealErrors = useWizard((s) => s.revealErrors);
  const changeAccount = useWizard((s) => s.changeAccount);
  const submitResult = useWizard((s) => s.submitResult);
  const original = useWizard((s) => s.original);
  const visited = useWizard((s) => s.visited);
  const [blocked, setBlocked] = useState<WizardStep | null>(null);
  const accounts = useApp((s) => s.accounts);
  const navigate = useApp((s) => s.navigate);
  if (!draft) return null;

  const index = WIZARD_STEPS.indexOf(step);
  const previous = WIZARD_STEPS[index - 1];
  const next = WIZARD_STEPS[index + 1];
  const customer = draft.payload.losingCarrier.customerName.trim();
  const editable = draft.status === 'editing' && !submitResult;
  const stepsToCorrect = new Set(
    fieldsStillToCorrect(draft, original).map((field) => STEP_OF_SECTION[field]),
  );

  return (
    <Screen
      title={customer ? `New port-in: ${customer}` : 'New port-in'}
      before={
        <Button
          variant="ghost"
          iconOnly
          aria-label="Back to drafts"
          onPress={() => navigate({ screen: 'new-port-in' })}
        >
          <IconArrowLeft />
        </Button>
      }
      subtitle={<SaveIndicator />}
      actions={
        accounts.length > 1 && editable ? (
          <Select
            label="Port into account"
            value={draft.accountId}
            onChange={(accountId) => void changeAccount(accountId)}
            options={accounts.map((a) => ({
              value: a.id,
              label: a.label,
              description: a.accountSid,
            }))}
            className="wizard__account"
          />
        ) : null
      }
    >
      <div className="wizard">
        <nav className="stepper" aria-label="Steps of the new port-in">
          <ol>
            {WIZARD_STEPS.map((s, i) => {
              // A step not opened yet has nothing to warn about: its empty fields are not errors.
              const problems = visited.has(s) ? errorsOfStep(draft, s).length : 0;
              const toCorrect = s !== 'review' && editable && stepsToCorrect.has(s);
              const done = isStepComplete(draft, s, toCorrect);
              return (
                <li key={s}>
                  <AriaButton
                    className={`stepper__step ${s === step ? 'is-current' : ''} ${done ? 'is-done' : ''}`}
                    aria-current={s === step ? 'step' : undefined}
                    onPress={() => setStep(s)}
                    isDisabled={!editable && s !== 'review'}
                  >
                    <span className="stepper__number" aria-hidden="true">
                      {done ? <IconCheck size={12} strokeWidth={3} /> : i + 1}
                    </span>
                    <span className="grow">{STEP_LABELS[s]}</span>
                    {problems > 0 && s !== 'review' ? (
                      <span className="stepper__problem" aria-label={`${problems} to fix`}>
                        <IconAlert size={14} />
                      </span>
                    ) : toCorrect ? (
                      <span className="stepper__problem" aria-label="to correct">
                        <IconPen size={14} />
                      </span>
                    ) : null}
                  </AriaButton>
                </li>
              );
            })}
          </ol>
        </nav>
        <div className="wizard__content">
          <ResubmitBanner />
          {!editable && !submitResult ? (
            <Banner
              tone="info"
              title={
                draft.status === 'queued'
                  ? 'Waiting to send'
                  : draft.status === 'failed'
                    ? 'Sending failed'
                    : 'Submitted'
              }
            >
              {draft.status === 'failed' && draft.lastError
                ? draft.lastError
                : 'This draft can no longer be edited.'}
            </Banner>
          ) : null}
          <div className="wizard__step">
            {step === 'numbers' ? <NumbersStep /> : null}
            {step === 'portability' ? (
              <PortabilityStep onGoToNumbers={() => setStep('numbers')} />
            ) : null}
            {step === 'carrier' ? <CarrierStep /> : null}
            {step === 'bill' ? <BillStep /> : null}
            {step === 'schedule' ? <ScheduleStep /> : null}
            {step === 'review' ? <ReviewStep /> : null}
          </div>
          {step !== 'review' || !submitResult ? (
            <div className="wizard__footer">
              {previous ? (
                <Button onPress={() => setStep(previous)}>Back: {STEP_LABELS[previous]}</Button>
              ) : (
                <span />
              )}
              {next ? (
                <Button
                  variant="primary"
                  onPress={() => {
                    // Errors block Next; the stepper is the way past them (and marks the step).
                    const problems = errorsOfStep(draft, step);
                    if (problems.length > 0 && editable) {
                      revealErrors();
                      setBlocked(step);
                      focusFirstError();
                      return;
                    }
                    setBlocked(null);
                    setStep(next);
                  }}
                >
                  Next: {STEP_LABELS[next]}
                </Button>
              ) : null}
            </div>
          ) : null}
          {blocked === step && editable && errorsOfStep(draft, step).length > 0 ? (
            <p className="wizard__blocked text-danger" role="alert">
              <IconAlert size={14} /> {plural(errorsOfStep(draft, step).length, 'problem')} to fix
              on this step before {next ? STEP_LABELS[next] : 'the next step'}. To come back to them
              later, pick another step on the left.
            </p>
          ) : null}
        </div>
      </div>
    </Screen>
  );
}

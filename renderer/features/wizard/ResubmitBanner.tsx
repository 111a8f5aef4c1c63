import { formatUsPhoneNumber } from '../../../shared/domain/phoneNumbers';
import { useApp } from '../../store/appStore';
import { useWizard } from '../../store/wizardStore';
import { Button } from '../../ui/Button';
import { Banner } from '../../ui/states';
import { correctionGroups } from './corrections';
import { FIELD_LABELS } from './fieldLabels';
import { STEP_OF_SECTION } from './wizardSteps';

function firstSentence(text: string): string {
  const end = text.indexOf('. ');
  return end === -1 ? text : text.slice(0, end + 1);
}

const NUMBERS_SHOWN = 3;

function numberList(numbers: readonly string[]): string {
  const shown = numbers.slice(0, NUMBERS_SHOWN).map(formatUsPhoneNumber).join(', ');
  return numbers.length > NUMBERS_SHOWN
    ? `${shown} and ${numbers.length - NUMBERS_SHOWN} more`
    : shown;
}

/**
 * On every step of a fix-and-resubmit draft: what it corrects, what happens to the original,
 * and what to correct — one line per reason, each field named once as a link to its step.
 */
export function ResubmitBanner() {
  const draft = useWizard((s) => s.draft);
  const original = useWizard((s) => s.original);
  const setStep = useWizard((s) => s.setStep);
  const navigate = useApp((s) => s.navigate);
  const submitResult = useWizard((s) => s.submitResult);
  if (!draft?.origin) return null;
  // Once submitted (or on its way) there is nothing left to correct in this draft.
  if (submitResult || (draft.status !== 'editing' && draft.status !== 'failed')) return null;
  const { requestSid } = draft.origin;
  const groups = correctionGroups(
    draft.origin,
    draft.payload.phoneNumbers.map((n) => n.phoneNumber),
    original,
  );

  return (
    <Banner
      tone="warning"
      title={`Correcting rejected request ${requestSid}`}
      action={
        original ? (
          <Button
            variant="ghost"
            size="sm"
            onPress={() => navigate({ screen: 'request', sid: requestSid })}
          >
            Open the original
          </Button>
        ) : null
      }
    >
      <p>
        This draft becomes a new request; the original stays as it is. Twilio accepts its rejected
        numbers in a new request once they show Canceled there — the original&apos;s Fix and
        resubmit cancels them when you agree.
      </p>
      {groups.length > 0 ? (
        <>
          <p>To correct:</p>
          <ul className="to-correct">
            {groups.map(({ reason, fields, numbers }) => (
              <li key={`${reason.code ?? ''}-${reason.title}`}>
                {fields.map((field) => (
                  <Button
                    key={field}
                    variant="ghost"
                    size="sm"
                    onPress={() => setStep(STEP_OF_SECTION[field])}
                  >
                    {FIELD_LABELS[field]}
                  </Button>
                ))}{' '}
                <strong>{reason.title}</strong>
                {numbers.length > 0 ? ` — ${numberList(numbers)}` : ''}: {firstSentence(reason.fix)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>No field of the draft is marked: the reasons are in the original&apos;s timeline.</p>
      )}
    </Banner>
  );
}

import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { formatUsPhoneNumber } from '../../../shared/domain/phoneNumbers';
import type { FieldError } from '../../../shared/views';
import { describeError } from '../../bridge';
import { useApp } from '../../store/appStore';
import type { WizardStep } from '../../store/wizard/steps';
import { useDraftValidation } from '../../store/wizard/useDraftValidation';
import { useWizard } from '../../store/wizardStore';
import { Button } from '../../ui/Button';
import { formatBytes, formatCalendarDate, formatCount, plural } from '../../ui/format';
import { IconCheck, IconCloudOff, IconUpload } from '../../ui/icons';
import { Banner, Spinner } from '../../ui/states';
import { unchangedCorrections } from './corrections';
import { FIELD_LABELS } from './fieldLabels';
import { portabilityTally } from './portabilityTally';
import { formatTypedPhoneNumber } from './typedPhoneNumber';
import { fieldErrorsOf } from './wizardFields';
import { STEP_LABELS, STEP_OF_SECTION, stepOfField } from './wizardSteps';

/** Each problem once: a refusal often repeats what the validation said. */
function distinctErrors(lists: readonly (readonly FieldError[])[]): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of lists.flat()) {
    const key = `${error.field}\n${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(error);
  }
  return result;
}

function Section({
  title,
  step,
  children,
  problems,
  focus,
}: {
  title: string;
  step: WizardStep;
  children: ReactNode;
  problems: number;
  /** The field "Edit" brings into view on that step (its first problem). */
  focus?: string | undefined;
}) {
  const setStep = useWizard((s) => s.setStep);
  return (
    <section
      className={`review-section ${problems ? 'review-section--problem' : ''}`}
      aria-label={title}
    >
      <div className="row row--between">
        <h3>
          {title}
          {problems ? (
            <span className="flag tone-danger review-section__flag">
              {plural(problems, 'problem')}
            </span>
          ) : null}
        </h3>
        <Button
          variant="ghost"
          size="sm"
          onPress={() => setStep(step, focus)}
          aria-label={`Edit ${title.toLowerCase()}`}
        >
          Edit
        </Button>
      </div>
      <div className="review-section__body">{children}</div>
    </section>
  );
}

/** Everything on one page, main's verdict on it, then submit — or "queued until online". */
export function ReviewStep() {
  const draft = useWizard((s) => s.draft);
  const submit = useWizard((s) => s.submit);
  const submitting = useWizard((s) => s.submitting);
  const submitResult = useWizard((s) => s.submitResult);
  const submitError = useWizard((s) => s.submitError);
  const setStep = useWizard((s) => s.setStep);
  const original = useWizard((s) => s.original);
  const loadOriginal = useWizard((s) => s.loadOriginal);
  const accounts = useApp((s) => s.accounts);
  const navigate = useApp((s) => s.navigate);
  const validation = useDraftValidation();
  const draftId = draft?.id;

  // The Submit button is at the bottom of a long page, the refusal at the top: bring it in view.
  const refusalRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (submitError) refusalRef.current?.scrollIntoView({ block: 'nearest' });
  }, [submitError]);

  // What the original request holds now (a sync may have moved it since the draft opened).
  useEffect(() => {
    void loadOriginal();
  }, [draftId, loadOriginal]);

  if (!draft) return null;

  if (submitResult) {
    return submitResult.state === 'created' ? (
      <div className="submit-result stack" role="status">
        <span className="submit-result__icon tone-success" aria-hidden="true">
          <IconCheck size={28} />
        </span>
        <h2>Port-in request submitted</h2>
        <p>
          Twilio created request <span className="mono">{submitResult.requestSid}</span>. Next, the
          authorized representative receives the LOA to sign by email; PortDesk follows every number
          from here.
        </p>
        <div className="row">
          <Button
            variant="primary"
            onPress={() => navigate({ screen: 'request', sid: submitResult.requestSid })}
          >
            Open the request
          </Button>
          <Button onPress={() => navigate({ screen: 'requests' })}>Back to requests</Button>
        </div>
      </div>
    ) : (
      <div className="submit-result stack" role="status">
        <span className="submit-result__icon tone-info" aria-hidden="true">
          {submitResult.reason === 'offline' ? (
            <IconCloudOff size={28} />
          ) : (
            <IconUpload size={28} />
          )}
        </span>
        <h2>
          {draft.waitingFor
            ? `Waiting for the cancel of ${draft.waitingFor.requestSid} to finish`
            : submitResult.reason === 'offline'
              ? 'Queued — will send when online'
              : 'Sending…'}
        </h2>
        <p>
          {draft.waitingFor
            ? // Fix and resubmit: the outbox holds the create until Twilio lets the numbers go.
              `Twilio still holds ${draft.waitingFor.phoneNumbers.length === 1 ? 'the number' : 'the numbers'} in ${draft.waitingFor.requestSid} until the cancel finishes. The corrected request waits in the outbox and is sent by itself once Twilio shows ${draft.waitingFor.phoneNumbers.length === 1 ? 'it' : 'them'} Canceled — you can close the app meanwhile.`
            : submitResult.reason === 'offline'
              ? 'PortDesk is offline. The request is saved in the outbox and sent as soon as the network is back — you can close the app meanwhile.'
              : 'The bill is uploading and the request is being created. It appears in Requests with its SID as soon as Twilio answers.'}
        </p>
        <div className="row">
          <Button variant="primary" onPress={() => navigate({ screen: 'outbox' })}>
            Open the outbox
          </Button>
          <Button onPress={() => navigate({ screen: 'requests' })}>Back to requests</Button>
        </div>
      </div>
    );
  }

  // A refused submit stands until the next one: its fields (a number Twilio still holds in
  // the original request, say) are listed with the rest, and "Ready to submit" is not shown.
  // A field error that only repeats the refusal's message is left to the refusal's banner.
  const refusedFields = (submitError?.fields ?? []).filter(
    (error) => error.message !== submitError?.message,
  );
  const errors = distinctErrors([validation?.fieldErrors ?? fieldErrorsOf(draft), refusedFields]);
  const unchanged = original ? unchangedCorrections(draft, original) : [];
  const count = (step: WizardStep) => errors.filter((e) => stepOfField(e.field) === step).length;
  const { payload } = draft;
  const carrier = payload.losingCarrier;
  const account = accounts.find((a) => a.id === draft.accountId);
  const portability = draft.portability;
  const tally = portabilityTally(payload.phoneNumbers, portability.results);
  // "Edit" on Numbers lands on the first number with a problem (one held elsewhere included).
  const heldIndex = payload.phoneNumbers.findIndex((n) =>
    (draft.heldNumbers ?? []).some((h) => h.phoneNumber === n.phoneNumber),
  );
  const numberFocus =
    errors.find((e) => /^phoneNumbers\.\d+\.phoneNumber$/.test(e.field))?.field ??
    (heldIndex >= 0 ? `phoneNumbers.${heldIndex}` : undefined);

  return (
    <div className="stack stack--lg">
      <div>
        <h2>Review and submit</h2>
        <p className="muted">
          Into <strong>{account?.label ?? 'an unknown account'}</strong>
          {account ? <span className="mono small"> ({account.accountSid})</span> : null}. Twilio has
          no update call: after submitting, a correction means a new request.
        </p>
      </div>
      {submitError ? (
        <div ref={refusalRef}>
          <Banner tone="danger" title="The request was not submitted" role="alert">
            {describeError(submitError)}
          </Banner>
        </div>
      ) : null}
      {validation === null ? (
        <p className="row muted">
          <Spinner /> Checking the draft…
        </p>
      ) : errors.length > 0 ? (
        <Banner tone="warning" title={`${plural(errors.length, 'thing')} to fix before submitting`}>
          <ul className="review-errors">
            {errors.slice(0, 12).map((error) => (
              <li key={`${error.field}-${error.message}`}>
                <Button
                  variant="ghost"
                  size="sm"
                  onPress={() => setStep(stepOfField(error.field), error.field)}
                >
                  {STEP_LABELS[stepOfField(error.field)]}
                </Button>{' '}
                {error.message}
              </li>
            ))}
            {errors.length > 12 ? <li>…and {errors.length - 12} more.</li> : null}
          </ul>
        </Banner>
      ) : submitError ? null : (
        <Banner tone="success" title="Ready to submit">
          Everything Twilio needs is here.
        </Banner>
      )}
      {unchanged.length > 0 ? (
        <Banner
          tone="warning"
          title={`Marked to correct, but still as rejected: ${plural(unchanged.length, 'field')}`}
        >
          <ul className="review-errors" aria-label="Marked to correct, unchanged">
            {unchanged.map((u) => (
              <li key={`${u.field}-${u.detail}`}>
                <Button variant="ghost" size="sm" onPress={() => setStep(STEP_OF_SECTION[u.field])}>
                  {FIELD_LABELS[u.field]}
                </Button>{' '}
                {u.detail}, as in the rejected request ({u.reasons}).
              </li>
            ))}
          </ul>
          <p>
            Submit anyway if you know the carrier&apos;s record matches: the carrier can be wrong.
          </p>
        </Banner>
      ) : null}

      <Section
        title="Numbers"
        step="numbers"
        problems={count('numbers') + count('portability')}
        focus={numberFocus}
      >
        <p>
          {plural(payload.phoneNumbers.length, 'number')}
          {payload.phoneNumbers.length > 0
            ? `: ${payload.phoneNumbers
                .slice(0, 5)
                .map((n) => formatUsPhoneNumber(n.phoneNumber))
                .join(', ')}${payload.phoneNumbers.length > 5 ? ', …' : ''}`
            : ''}
        </p>
        <p className="muted small">
          {portability.results.length === 0
            ? 'Portability not checked.'
            : `Portability: ${formatCount(tally.portable.length)} portable, ${formatCount(tally.needPin.length)} portable with a PIN and the account number, ${formatCount(tally.notPortable.length)} not portable${tally.failed.length ? `, ${formatCount(tally.failed.length)} check failed` : ''}${tally.unchecked.length ? `, ${formatCount(tally.unchecked.length)} not checked` : ''}; ${formatCount(payload.phoneNumbers.filter((n) => n.pin).length)} with a PIN.`}
        </p>
      </Section>
      <Section title="Losing carrier" step="carrier" problems={count('carrier')}>
        <dl className="facts facts--compact">
          <div className="facts__item">
            <dt>Customer</dt>
            <dd>
              {carrier.customerName || '—'}
              {carrier.customerType ? ` · ${carrier.customerType}` : ''}
            </dd>
          </div>
          <div className="facts__item">
            <dt>Account number / BTN</dt>
            <dd>
              {carrier.accountNumber || '—'} /{' '}
              {carrier.accountTelephoneNumber.trim()
                ? formatTypedPhoneNumber(carrier.accountTelephoneNumber)
                : '—'}
            </dd>
          </div>
          <div className="facts__item">
            <dt>Authorized representative</dt>
            <dd>
              {carrier.authorizedRepresentative || '—'}{' '}
              {carrier.authorizedRepresentativeEmail
                ? `<${carrier.authorizedRepresentativeEmail}>`
                : ''}
            </dd>
          </div>
          <div className="facts__item">
            <dt>Service address</dt>
            <dd>
              {[
                carrier.address.street,
                carrier.address.street2,
                carrier.address.city,
                carrier.address.state,
                carrier.address.zip,
              ]
                .filter(Boolean)
                .join(', ') || '—'}
            </dd>
          </div>
        </dl>
      </Section>
      <Section title="Utility bill" step="bill" problems={count('bill')}>
        <p>
          {draft.bill
            ? `${draft.bill.name} (${formatBytes(draft.bill.sizeBytes)})`
            : 'No bill attached.'}
        </p>
      </Section>
      <Section title="Port date and notifications" step="schedule" problems={count('schedule')}>
        <p>
          {payload.targetPortInDate
            ? formatCalendarDate(payload.targetPortInDate)
            : 'No target date: the carrier picks the first date it can.'}
          {payload.targetPortInTimeRangeStart && payload.targetPortInTimeRangeEnd
            ? `, between ${payload.targetPortInTimeRangeStart.slice(0, 5)} and ${payload.targetPortInTimeRangeEnd.slice(0, 5)} (UTC${payload.targetPortInTimeRangeStart.slice(8)})`
            : ''}
        </p>
        <p className="muted small">
          {payload.notificationEmails.length
            ? `LOA copies to ${payload.notificationEmails.join(', ')}`
            : 'No extra LOA copies.'}
        </p>
      </Section>

      <div className="row row--end">
        <Button
          variant="primary"
          onPress={() => void submit()}
          isDisabled={
            submitting || (validation !== null && !validation.ready) || draft.status !== 'editing'
          }
        >
          {submitting ? <Spinner /> : null}
          {submitting
            ? 'Submitting…'
            : `Submit port-in for ${plural(payload.phoneNumbers.length, 'number')}`}
        </Button>
      </div>
    </div>
  );
}

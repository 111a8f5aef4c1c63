import { useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { webhookUrlProblem, type WebhookTypeView } from '../../../shared/ipc';
import type { AccountView } from '../../../shared/views';
import { fieldErrorMap } from '../../bridge';
import { useWebhooks } from '../../store/webhookStore';
import { Button } from '../../ui/Button';
import { ModalDialog } from '../../ui/Dialog';
import { Checkbox, TextField } from '../../ui/fields';
import { formatDateTime } from '../../ui/format';
import { IconTrash } from '../../ui/icons';
import { ErrorState, LoadingState } from '../../ui/states';
import { eventChoices } from './webhookEvents';
import '../../styles/webhooks.css';

/**
 * An account's porting webhooks at Twilio: what is set, a form to replace it (https only), and
 * a delete per type. PortDesk itself polls; webhooks are for the agent's own back office.
 */
export function WebhookDialog({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const { view, loading, error, load, close } = useWebhooks();
  useEffect(() => {
    void load(account.id);
    return () => close();
  }, [account.id, load, close]);

  return (
    <ModalDialog
      isOpen
      wide
      onOpenChange={(open) => !open && onClose()}
      title={`Porting webhooks of ${account.label}`}
    >
      <p className="muted">
        PortDesk polls Twilio itself and does not need webhooks; set them only if your own back
        office should hear from Twilio when a port changes.
      </p>
      {loading ? (
        <LoadingState label="Asking Twilio for the webhook configuration…" />
      ) : error ? (
        <ErrorState
          title="The webhook configuration could not be read"
          error={error}
          onRetry={() => void load(account.id)}
        />
      ) : view ? (
        <WebhookForm key={JSON.stringify(view)} onClose={onClose} />
      ) : null}
    </ModalDialog>
  );
}

function CurrentTarget({
  type,
  url,
  since,
}: {
  type: WebhookTypeView;
  url: string | null;
  since: string | null;
}) {
  const remove = useWebhooks((s) => s.remove);
  const busy = useWebhooks((s) => s.busy);
  const what = type === 'PORT_IN' ? 'Port-in' : 'Port-out';
  if (url === null) return null;
  return (
    <li className="webhook-current__item">
      <span className="webhook-current__type">{what}</span>
      <span className="mono webhook-current__url">{url}</span>
      {since ? <span className="muted small">since {formatDateTime(since)}</span> : null}
      <Button
        size="sm"
        variant="ghost"
        isDisabled={busy !== null}
        onPress={() => void remove(type)}
        aria-label={`Delete the ${what.toLowerCase()} webhook`}
      >
        <IconTrash size={14} /> Delete
      </Button>
    </li>
  );
}

function WebhookForm({ onClose }: { onClose: () => void }) {
  const view = useWebhooks((s) => s.view);
  const busy = useWebhooks((s) => s.busy);
  const save = useWebhooks((s) => s.save);
  const [portIn, setPortIn] = useState(view?.portInTargetUrl ?? '');
  const [portOut, setPortOut] = useState(view?.portOutTargetUrl ?? '');
  const [events, setEvents] = useState<ReadonlySet<string>>(new Set(view?.notificationsOf ?? []));
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!view) return null;

  async function submit() {
    const input = {
      portInTargetUrl: portIn.trim() === '' ? null : portIn.trim(),
      portOutTargetUrl: portOut.trim() === '' ? null : portOut.trim(),
      notificationsOf: [...events],
    };
    // The same words main would answer with, before anything leaves the form.
    const local: Record<string, string> = {};
    for (const [field, value] of [
      ['portInTargetUrl', input.portInTargetUrl],
      ['portOutTargetUrl', input.portOutTargetUrl],
    ] as const) {
      const problem = value === null ? null : webhookUrlProblem(value);
      if (problem) local[field] = problem;
    }
    if (input.portInTargetUrl === null && input.portOutTargetUrl === null) {
      local.portInTargetUrl = 'Enter at least one address. To stop all webhooks, delete them.';
    }
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const result = await save(input);
    if (!result.ok) {
      const fields = fieldErrorMap(result.error.fields);
      setErrors(Object.keys(fields).length > 0 ? fields : { form: result.error.message });
    }
  }

  const toggle = (name: string, on: boolean) => {
    const next = new Set(events);
    if (on) next.add(name);
    else next.delete(name);
    setEvents(next);
  };

  return (
    <div className="stack">
      <section aria-label="Current configuration" className="webhook-current">
        {view.configured ? (
          <ul className="webhook-current__list">
            <CurrentTarget
              type="PORT_IN"
              url={view.portInTargetUrl}
              since={view.portInTargetDateCreated}
            />
            <CurrentTarget
              type="PORT_OUT"
              url={view.portOutTargetUrl}
              since={view.portOutTargetDateCreated}
            />
          </ul>
        ) : (
          <p className="webhook-current__none">Twilio has no porting webhooks for this account.</p>
        )}
      </section>
      <Form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField
          label="Port-in address"
          value={portIn}
          onChange={setPortIn}
          error={errors.portInTargetUrl}
          placeholder="https://backoffice.example.com/twilio/port-in"
          description="Twilio posts port-in request and number events here."
          inputMode="url"
        />
        <TextField
          label="Port-out address"
          value={portOut}
          onChange={setPortOut}
          error={errors.portOutTargetUrl}
          placeholder="https://backoffice.example.com/twilio/port-out"
          description="Optional. Twilio sends port-out events for some countries only."
          inputMode="url"
        />
        <fieldset className="webhook-events">
          <legend className="field__label">Events</legend>
          <p className="field__help">None ticked: Twilio sends every event.</p>
          <div className="webhook-events__grid">
            {eventChoices(view.notificationsOf).map((choice) => (
              <span key={choice.name} title={choice.name}>
                <Checkbox
                  isSelected={events.has(choice.name)}
                  onChange={(on) => toggle(choice.name, on)}
                >
                  {choice.label}
                </Checkbox>
              </span>
            ))}
          </div>
        </fieldset>
        {errors.form ? (
          <p className="text-danger" role="alert">
            {errors.form}
          </p>
        ) : null}
        <div className="dialog__actions">
          <Button onPress={onClose}>Close</Button>
          <Button type="submit" variant="primary" isDisabled={busy !== null}>
            {busy === 'save' ? 'Saving…' : 'Save at Twilio'}
          </Button>
        </div>
      </Form>
    </div>
  );
}

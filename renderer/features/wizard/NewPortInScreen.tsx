import { useEffect, useState } from 'react';
import type { DraftSummaryView } from '../../../shared/views';
import { describeError } from '../../bridge';
import { useApp } from '../../store/appStore';
import { useDrafts } from '../../store/draftsStore';
import type { ChooseStep } from '../../store/wizard/wizardState';
import { useWizard } from '../../store/wizardStore';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/Dialog';
import { formatRelative, plural } from '../../ui/format';
import { IconPlus, IconTrash } from '../../ui/icons';
import { Screen } from '../../ui/Screen';
import { Select } from '../../ui/Select';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { initialStep } from './initialStep';
import { Wizard } from './Wizard';
import { fieldErrorsOf } from './wizardFields';

/** A saved draft opens at its first problem (initialStep), judged as the wizard shows errors. */
const openingStep: ChooseStep = (draft, original) =>
  initialStep(draft, original, fieldErrorsOf(draft));

/**
 * "New port-in": with a draft id, the wizard on that draft; without one, the drafts in progress
 * and a button to start a new one (created at once, so it is saved from the first keystroke).
 */
export function NewPortInScreen({ draftId }: { draftId: number | undefined }) {
  const draft = useWizard((s) => s.draft);
  const loading = useWizard((s) => s.loading);
  const loadError = useWizard((s) => s.loadError);

  useEffect(() => {
    if (draftId !== undefined) void useWizard.getState().open(draftId, openingStep);
  }, [draftId]);
  useEffect(() => () => useWizard.getState().close(), []);

  if (draftId === undefined) return <DraftChooser />;
  if (loadError) {
    return (
      <Screen title="New port-in">
        <ErrorState
          title="This draft could not be opened"
          error={loadError}
          onRetry={() => void useWizard.getState().open(draftId, openingStep)}
        />
      </Screen>
    );
  }
  if (loading || !draft || draft.id !== draftId) {
    return (
      <Screen title="New port-in">
        <LoadingState label="Opening the draft…" />
      </Screen>
    );
  }
  return <Wizard />;
}

function DraftChooser() {
  const accounts = useApp((s) => s.accounts);
  const settings = useApp((s) => s.settings);
  const navigate = useApp((s) => s.navigate);
  const toast = useApp((s) => s.toast);
  const drafts = useDrafts((s) => s.drafts);
  const error = useDrafts((s) => s.error);
  const { open: openDrafts, load } = useDrafts.getState();
  const [accountId, setAccountId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<DraftSummaryView | null>(null);
  const chosen = accountId ?? settings?.defaultAccountId ?? accounts[0]?.id ?? null;

  useEffect(() => {
    void openDrafts();
  }, [openDrafts]);

  async function start() {
    if (!chosen) return;
    setCreating(true);
    const draft = await useWizard.getState().create(chosen);
    setCreating(false);
    if (draft) navigate({ screen: 'new-port-in', draftId: draft.id });
    else
      toast(
        'danger',
        `The draft was not created: ${describeError(useWizard.getState().loadError ?? { code: 'internal', message: 'unknown error' })}`,
      );
  }

  async function remove(draft: DraftSummaryView) {
    setDeleting(null);
    await useDrafts.getState().remove(draft.id);
  }

  return (
    <Screen
      title="New port-in"
      subtitle="Move a customer's numbers to Twilio in six steps; the draft is saved as you type, offline too."
    >
      <div className="stack stack--lg chooser">
        <section className="card" aria-labelledby="start-title">
          <div className="card__body stack">
            <h2 id="start-title">Start a new port-in request</h2>
            <div className="row row--align-end">
              {accounts.length > 1 ? (
                <Select
                  label="Port into account"
                  value={chosen}
                  onChange={setAccountId}
                  options={accounts.map((a) => ({
                    value: a.id,
                    label: a.label,
                    description: a.accountSid,
                  }))}
                  className="chooser__account"
                />
              ) : null}
              <Button
                variant="primary"
                onPress={() => void start()}
                isDisabled={!chosen || creating}
              >
                <IconPlus /> {creating ? 'Creating…' : 'Start'}
              </Button>
            </div>
          </div>
        </section>
        <section aria-labelledby="drafts-title" className="stack">
          <h2 id="drafts-title">Drafts in progress</h2>
          {error ? (
            <ErrorState
              title="The drafts could not be loaded"
              error={error}
              onRetry={() => void load()}
            />
          ) : drafts === null ? (
            <LoadingState label="Loading drafts…" />
          ) : drafts.length === 0 ? (
            <EmptyState title="No drafts">
              A draft appears here as soon as you start a port-in, and stays until it is submitted.
            </EmptyState>
          ) : (
            <ul className="draft-list">
              {drafts.map((d) => (
                <li key={d.id} className="draft-item card">
                  <button
                    type="button"
                    className="draft-item__open"
                    onClick={() => navigate({ screen: 'new-port-in', draftId: d.id })}
                  >
                    <span className="draft-item__title">{d.customerName || 'Untitled draft'}</span>
                    <span className="muted small">
                      {plural(d.numberCount, 'number')} · {d.accountLabel} · edited{' '}
                      {formatRelative(d.updatedAt)}
                      {d.status === 'queued'
                        ? ' · waiting to send'
                        : d.status === 'failed'
                          ? ' · sending failed'
                          : ''}
                    </span>
                  </button>
                  <Button
                    variant="ghost"
                    iconOnly
                    aria-label={`Delete draft ${d.customerName || d.id}`}
                    onPress={() => setDeleting(d)}
                  >
                    <IconTrash />
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <ConfirmDialog
        isOpen={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title="Delete this draft?"
        confirmLabel="Delete draft"
        danger
        onConfirm={() => deleting && void remove(deleting)}
      >
        <p>
          {deleting?.customerName || 'The draft'} with{' '}
          {plural(deleting?.numberCount ?? 0, 'number')} and its bill are deleted from PortDesk.
          Nothing was sent to Twilio.
        </p>
      </ConfirmDialog>
    </Screen>
  );
}

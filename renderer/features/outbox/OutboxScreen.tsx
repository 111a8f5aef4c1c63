import { useEffect, useState, type ReactNode } from 'react';
import { TWILIO_SID_IN_TEXT } from '../../../shared/domain/identifiers';
import type { OutboxItemView, OutboxStateView } from '../../../shared/views';
import { describeError } from '../../bridge';
import { useApp } from '../../store/appStore';
import { useOutbox } from '../../store/outboxStore';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/Dialog';
import { formatCount, formatDateTime, formatRelative } from '../../ui/format';
import { IconOutbox } from '../../ui/icons';
import { Screen } from '../../ui/Screen';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import type { Tone } from '../../ui/status';
import { OrphanBills } from './OrphanBills';

const STATE_WORDS: Record<OutboxStateView, { label: string; tone: Tone }> = {
  queued: { label: 'Queued', tone: 'info' },
  sending: { label: 'Sending', tone: 'purple' },
  // Not a problem: the operation is safe here and goes out by itself when the network is back.
  waiting_for_network: { label: 'Waiting for the network', tone: 'neutral' },
  failed: { label: 'Failed', tone: 'danger' },
  done: { label: 'Sent', tone: 'success' },
};

const KIND_WORDS: Record<OutboxItemView['kind'], string> = {
  upload_document: 'Upload bill',
  create_port_in: 'Create request',
  cancel_port_in: 'Cancel request',
  cancel_number: 'Cancel numbers',
};

/** Work waiting to reach Twilio, and work that failed and needs the agent. */
export function OutboxScreen() {
  const items = useOutbox((s) => s.items);
  const orphanBills = useOutbox((s) => s.orphanBills);
  const error = useOutbox((s) => s.error);
  const busyIds = useOutbox((s) => s.busyIds);
  const navigate = useApp((s) => s.navigate);
  const toast = useApp((s) => s.toast);
  const [discarding, setDiscarding] = useState<OutboxItemView | null>(null);

  useEffect(() => {
    void useOutbox.getState().load();
  }, []);

  async function retry(item: OutboxItemView) {
    const failure = await useOutbox.getState().retry(item.id);
    if (failure) toast('danger', `Retry did not start: ${describeError(failure)}`);
  }

  async function discard(item: OutboxItemView) {
    const failure = await useOutbox.getState().discard(item.id);
    setDiscarding(null);
    if (failure) toast('danger', `Not discarded: ${describeError(failure)}`);
    else toast('info', `Discarded: ${item.summary}`);
  }

  const failed = items?.filter((i) => i.state === 'failed') ?? [];
  const waiting = items?.filter((i) => i.state !== 'failed' && i.state !== 'done') ?? [];

  return (
    <Screen
      title="Outbox"
      subtitle="Changes made in PortDesk wait here until Twilio has them. Nothing is lost when you go offline or close the app."
    >
      {error && items === null ? (
        <ErrorState
          title="The outbox could not be loaded"
          error={error}
          onRetry={() => void useOutbox.getState().load()}
        />
      ) : items === null ? (
        <LoadingState label="Loading the outbox…" />
      ) : failed.length + waiting.length + orphanBills.length === 0 ? (
        <EmptyState icon={<IconOutbox size={28} />} title="Nothing waiting to send">
          New requests and cancels go out right away when you are online; if not, they wait here.
        </EmptyState>
      ) : (
        <div className="stack stack--lg">
          {failed.length > 0 ? (
            <OutboxList
              title={`Failed (${formatCount(failed.length)})`}
              description="Twilio refused these or they failed too many times. Retry after fixing the cause, or discard them."
              items={failed}
              busyIds={busyIds}
              onRetry={retry}
              onDiscard={setDiscarding}
              onOpen={(sid) => navigate({ screen: 'request', sid })}
              onOpenDraft={(draftId) => navigate({ screen: 'new-port-in', draftId })}
            />
          ) : null}
          {waiting.length > 0 ? (
            <OutboxList
              title={`Waiting to send (${formatCount(waiting.length)})`}
              description="Sent in order as soon as PortDesk can reach Twilio."
              items={waiting}
              busyIds={busyIds}
              onRetry={retry}
              onDiscard={setDiscarding}
              onOpen={(sid) => navigate({ screen: 'request', sid })}
              onOpenDraft={(draftId) => navigate({ screen: 'new-port-in', draftId })}
            />
          ) : null}
          <OrphanBills bills={orphanBills} />
        </div>
      )}
      <ConfirmDialog
        isOpen={discarding !== null}
        onOpenChange={(open) => !open && setDiscarding(null)}
        title="Discard this change?"
        confirmLabel="Discard"
        danger
        onConfirm={() => discarding && void discard(discarding)}
      >
        <p>
          “{discarding?.summary}” will never be sent to Twilio.
          {discarding?.kind === 'create_port_in'
            ? ' The draft stays in New port-in, so you can correct it and submit again.'
            : ''}
        </p>
      </ConfirmDialog>
    </Screen>
  );
}

/** Text with any Twilio SIDs in it set apart in monospace and muted: words first, SIDs second. */
function WithSids({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of text.matchAll(TWILIO_SID_IN_TEXT)) {
    parts.push(text.slice(at, match.index));
    parts.push(
      <span key={match.index} className="mono muted outbox-item__sid">
        {match[0]}
      </span>,
    );
    at = match.index + match[0].length;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/**
 * Where the operation stands, in words. Waiting for the network is the outbox doing its job, so it
 * reads calmly (the transport's own message is kept in the title for support); red is kept for
 * an operation that failed and needs the agent: the reason, then retry or discard.
 */
function ItemState({ item }: { item: OutboxItemView }) {
  // Behind the cancel of the numbers it corrects (fix and resubmit): the outbox's own wait.
  if (item.waitingFor && item.state !== 'failed') {
    return (
      <p className={item.waitingFor.cancelFailed ? 'small text-danger' : 'muted small'}>
        <WithSids text={item.waitingFor.words} />
      </p>
    );
  }
  if (item.state === 'waiting_for_network') {
    return (
      <p className="muted small" title={item.lastError?.message}>
        Waiting for the network — will send when online.
      </p>
    );
  }
  if (!item.lastError) return null;
  if (item.state === 'failed') {
    return (
      <p className="small">
        <span className="text-danger">
          <WithSids text={item.lastError.message} />
        </span>
        {item.lastError.code !== null ? (
          <span className="muted"> · Twilio error {item.lastError.code}</span>
        ) : null}
      </p>
    );
  }
  // Queued or sending again after a passing failure: worth knowing, not alarming.
  return (
    <p className="muted small">
      Last try: <WithSids text={item.lastError.message} />
    </p>
  );
}

function OutboxList({
  title,
  description,
  items,
  busyIds,
  onRetry,
  onDiscard,
  onOpen,
  onOpenDraft,
}: {
  title: string;
  description: string;
  items: OutboxItemView[];
  busyIds: ReadonlySet<number>;
  onRetry: (item: OutboxItemView) => Promise<void>;
  onDiscard: (item: OutboxItemView) => void;
  onOpen: (sid: string) => void;
  onOpenDraft: (draftId: number) => void;
}) {
  return (
    <section className="stack" aria-label={title}>
      <div>
        <h2>{title}</h2>
        <p className="muted small">{description}</p>
      </div>
      <ul className="outbox-list">
        {items.map((item) => {
          const state = STATE_WORDS[item.state];
          const busy = busyIds.has(item.id);
          return (
            <li key={item.id} className="outbox-item card" data-testid={`outbox-item-${item.id}`}>
              <div className="outbox-item__main">
                <div className="row">
                  <span className={`chip tone-${state.tone}`}>{state.label}</span>
                  <span className="muted small">
                    {KIND_WORDS[item.kind]} · {item.accountLabel}
                  </span>
                </div>
                <p className="outbox-item__summary">
                  <WithSids text={item.summary} />
                </p>
                <ItemState item={item} />
                {item.requestSid && !item.summary.includes(item.requestSid) ? (
                  <p className="muted small">
                    Request <span className="mono">{item.requestSid}</span>
                  </p>
                ) : null}
                <p className="muted small">
                  Queued {formatRelative(item.createdAt)}
                  {item.attempts > 0
                    ? ` · ${item.attempts} attempt${item.attempts === 1 ? '' : 's'}`
                    : ''}
                  {item.nextAttemptAt ? ` · next try ${formatDateTime(item.nextAttemptAt)}` : ''}
                </p>
              </div>
              <div className="outbox-item__actions">
                {item.requestSid && !item.summary.includes(item.requestSid) ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    onPress={() => item.requestSid && onOpen(item.requestSid)}
                  >
                    Open request
                  </Button>
                ) : item.draftId !== null ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    onPress={() => item.draftId !== null && onOpenDraft(item.draftId)}
                  >
                    Open draft
                  </Button>
                ) : null}
                {item.state === 'failed' || item.state === 'waiting_for_network' ? (
                  <Button size="sm" onPress={() => void onRetry(item)} isDisabled={busy}>
                    Retry now
                  </Button>
                ) : null}
                {item.state !== 'sending' ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    onPress={() => onDiscard(item)}
                    isDisabled={busy}
                  >
                    Discard
                  </Button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

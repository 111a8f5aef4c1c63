import { useEffect, useState, type ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { formatUsPhoneNumber } from '../../../shared/domain/phoneNumbers';
import { isTerminalRequestStatus } from '../../../shared/domain/statuses';
import type { NumberRow, RequestDetailView } from '../../../shared/views';
import { describeError, request } from '../../bridge';
import { useApp } from '../../store/appStore';
import { useDetail } from '../../store/detailStore';
import { Button, WithTooltip } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/Dialog';
import {
  formatCalendarDate,
  formatCount,
  formatDateTime,
  formatPortDate,
  plural,
} from '../../ui/format';
import { IconArrowLeft, IconCopy, IconExternal, IconPen } from '../../ui/icons';
import { Screen } from '../../ui/Screen';
import { Banner, ErrorState, LoadingState } from '../../ui/states';
import { RequestStatusChip } from '../../ui/StatusChip';
import { detailAsText } from './detailText';
import { isCancellable, NumbersTable } from './NumbersTable';
import { Timeline } from './Timeline';

export function RequestDetailScreen({ sid }: { sid: string }) {
  const detail = useDetail((s) => (s.sid === sid ? s.detail : null));
  const error = useDetail((s) => s.error);
  const loading = useDetail((s) => s.loading);
  const fresh = useDetail((s) => s.freshEventIds);
  const goBack = useApp((s) => s.goBack);

  useEffect(() => {
    void useDetail.getState().open(sid);
    return () => useDetail.getState().close();
  }, [sid]);

  const back = (
    <Button variant="ghost" iconOnly aria-label="Back to requests" onPress={goBack}>
      <IconArrowLeft />
    </Button>
  );

  if (!detail) {
    return (
      <Screen title="Port-in request" before={back}>
        {error && !loading ? (
          <ErrorState
            title={
              error.code === 'not_found'
                ? 'This request is not in PortDesk'
                : 'The request could not be loaded'
            }
            error={error}
            onRetry={() => void useDetail.getState().open(sid)}
          />
        ) : (
          <LoadingState label="Loading the request…" />
        )}
      </Screen>
    );
  }
  return <DetailBody detail={detail} fresh={fresh} back={back} />;
}

function DetailBody({
  detail,
  fresh,
  back,
}: {
  detail: RequestDetailView;
  fresh: ReadonlySet<number>;
  back: ReactNode;
}) {
  const { request: req, actions } = detail;
  const toast = useApp((s) => s.toast);
  const navigate = useApp((s) => s.navigate);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [confirmResubmit, setConfirmResubmit] = useState(false);
  const [cancelNumbers, setCancelNumbers] = useState<NumberRow[] | null>(null);
  const [busy, setBusy] = useState<null | 'cancel' | 'numbers' | 'resubmit' | 'loa'>(null);

  async function cancelRequest() {
    setBusy('cancel');
    const result = await request((b) => b.cancelRequest({ sid: req.sid }));
    setBusy(null);
    setConfirmCancel(false);
    if (!result.ok) toast('danger', `The request was not canceled: ${describeError(result.error)}`);
    else {
      toast(
        'info',
        result.data.waitingForNetwork
          ? 'Cancel queued: it is sent when PortDesk is back online.'
          : 'Cancel sent to Twilio.',
      );
      void useDetail.getState().reload();
    }
  }

  async function cancelSelected(rows: NumberRow[]) {
    setBusy('numbers');
    const result = await request((b) =>
      b.cancelNumbers({ sid: req.sid, numberSids: rows.map((r) => r.sid) }),
    );
    setBusy(null);
    setCancelNumbers(null);
    if (!result.ok)
      toast('danger', `The numbers were not canceled: ${describeError(result.error)}`);
    else {
      toast(
        'info',
        `${plural(rows.length, 'number')}: cancel ${result.data.waitingForNetwork ? 'queued until PortDesk is back online' : 'sent to Twilio'}.`,
      );
      void useDetail.getState().reload();
    }
  }

  /**
   * Twilio keeps a rejected number in this request until it is canceled, and refuses a new
   * request for it until then (22137): the corrected draft is opened and, when the agent agreed,
   * the rejected numbers are canceled here at the same time.
   */
  async function fixAndResubmit(cancelRejected: readonly NumberRow[]) {
    setBusy('resubmit');
    const result = await request((b) => b.fixAndResubmit({ sid: req.sid }));
    if (!result.ok) {
      setBusy(null);
      setConfirmResubmit(false);
      toast('danger', `Could not start the corrected request: ${describeError(result.error)}`);
      return;
    }
    if (cancelRejected.length > 0) {
      const canceled = await request((b) =>
        b.cancelNumbers({ sid: req.sid, numberSids: cancelRejected.map((r) => r.sid) }),
      );
      const what = plural(cancelRejected.length, 'rejected number');
      if (!canceled.ok) {
        toast(
          'danger',
          `The ${what} ${cancelRejected.length === 1 ? 'was' : 'were'} not canceled: ${describeError(canceled.error)} Cancel ${cancelRejected.length === 1 ? 'it' : 'them'} in ${req.sid} before you submit the correction.`,
        );
      } else {
        toast(
          'info',
          `${what}: cancel ${canceled.data.waitingForNetwork ? 'queued until PortDesk is back online' : 'sent to Twilio'}.`,
        );
      }
    }
    setBusy(null);
    setConfirmResubmit(false);
    navigate({ screen: 'new-port-in', draftId: result.data.id });
  }

  async function openLoa() {
    setBusy('loa');
    const result = await request((b) => b.openLoaLink({ sid: req.sid }));
    setBusy(null);
    if (!result.ok)
      toast('danger', `The signing link was not opened: ${describeError(result.error)}`);
  }

  async function copyDetails() {
    const result = await request((b) => b.copyToClipboard({ text: detailAsText(detail) }));
    if (result.ok) toast('success', 'Request details copied.');
    else toast('danger', `Could not copy: ${describeError(result.error)}`);
  }

  const carrier = req.losingCarrier;
  const rejectedRows = detail.numbers.filter((n) => n.status.canonical === 'rejected');
  const rejected = rejectedRows.length;
  // Those the agent can still cancel (not already on their way out).
  const rejectedToCancel = actions.canCancelNumbers ? rejectedRows.filter(isCancellable) : [];
  const nearPortDate = cancelWarningFor(detail);

  return (
    <Screen
      before={back}
      title={carrier.customerName || req.sid}
      subtitle={
        <span className="row">
          <RequestStatusChip status={req.status} />
          <span className="mono small">{req.sid}</span>
          <span className="muted small">· {detail.account.label}</span>
          {detail.resubmission?.corrects ? (
            <ResubmissionLink
              words="Corrects"
              sid={detail.resubmission.corrects}
              onOpen={(sid) => navigate({ screen: 'request', sid })}
            />
          ) : null}
          {detail.resubmission?.correctedBy ? (
            <ResubmissionLink
              words="Corrected by"
              sid={detail.resubmission.correctedBy}
              onOpen={(sid) => navigate({ screen: 'request', sid })}
            />
          ) : null}
        </span>
      }
      actions={
        <>
          {actions.canOpenLoa ? (
            <WithTooltip tip="Opens Twilio's signing page in your browser">
              <Button onPress={() => void openLoa()} isDisabled={busy === 'loa'}>
                <IconExternal /> Open LOA signing link
              </Button>
            </WithTooltip>
          ) : null}
          <Button onPress={() => void copyDetails()}>
            <IconCopy /> Copy details
          </Button>
          {actions.canFixAndResubmit ? (
            <Button
              variant="primary"
              onPress={() =>
                rejectedToCancel.length > 0 ? setConfirmResubmit(true) : void fixAndResubmit([])
              }
              isDisabled={busy === 'resubmit'}
            >
              <IconPen /> Fix and resubmit
            </Button>
          ) : null}
          {actions.canCancelRequest ? (
            <Button variant="danger" onPress={() => setConfirmCancel(true)}>
              Cancel request
            </Button>
          ) : null}
        </>
      }
    >
      <div className="detail stack stack--lg">
        <DetailBanners detail={detail} rejected={rejected} />
        <Facts detail={detail} />
        <Tabs className="tabs" defaultSelectedKey="timeline">
          <TabList className="tab-list" aria-label="Request views">
            <Tab id="timeline" className="tab">
              Timeline <span className="muted small">{formatCount(detail.timeline.length)}</span>
            </Tab>
            <Tab id="numbers" className="tab">
              Numbers <span className="muted small">{formatCount(detail.numbers.length)}</span>
              {rejected > 0 ? (
                <span className="count-badge" aria-label={`${formatCount(rejected)} rejected`}>
                  {formatCount(rejected)}
                </span>
              ) : null}
            </Tab>
          </TabList>
          <TabPanel id="timeline" className="tab-panel">
            <Timeline entries={detail.timeline} fresh={fresh} />
          </TabPanel>
          <TabPanel id="numbers" className="tab-panel">
            {detail.detailLoaded ? (
              <NumbersTable
                numbers={detail.numbers}
                canCancel={actions.canCancelNumbers}
                onCancel={setCancelNumbers}
              />
            ) : (
              <LoadingState label="The numbers arrive with the next sync of this request…" />
            )}
          </TabPanel>
        </Tabs>
      </div>

      <ConfirmDialog
        isOpen={confirmCancel}
        onOpenChange={setConfirmCancel}
        title={`Cancel the port-in for ${carrier.customerName || req.sid}?`}
        confirmLabel="Cancel request"
        cancelLabel="Keep the request"
        danger
        busy={busy === 'cancel'}
        onConfirm={() => void cancelRequest()}
      >
        <p>
          Every number not yet ported (
          {plural(
            detail.numbers.filter(
              (n) => n.status.canonical !== 'completed' && n.status.canonical !== 'canceled',
            ).length,
            'number',
          )}
          ) stays with the losing carrier. Twilio has no undo: porting them later takes a new
          request, and the carrier&apos;s clock starts again.
        </p>
        {nearPortDate ? (
          <Banner tone="warning" title="Close to the port date">
            {nearPortDate}
          </Banner>
        ) : (
          <p className="muted">
            Carriers often refuse a cancel within 24–48 hours of the port date.
          </p>
        )}
      </ConfirmDialog>

      <ConfirmDialog
        isOpen={cancelNumbers !== null}
        onOpenChange={(open) => !open && setCancelNumbers(null)}
        title={
          cancelNumbers?.length === 1 && cancelNumbers[0]
            ? `Cancel ${formatUsPhoneNumber(cancelNumbers[0].phoneNumber)}?`
            : `Cancel ${plural(cancelNumbers?.length ?? 0, 'number')}?`
        }
        confirmLabel="Cancel numbers"
        cancelLabel={cancelNumbers?.length === 1 ? 'Keep it' : 'Keep them'}
        danger
        busy={busy === 'numbers'}
        onConfirm={() => cancelNumbers && void cancelSelected(cancelNumbers)}
      >
        {cancelNumbers && cancelNumbers.length > 1 ? (
          <p className="tabular">{numberList(cancelNumbers)}</p>
        ) : null}
        <p>
          {cancelNumbers?.length === 1
            ? 'This number stays with the losing carrier; the rest of the request goes on. Porting it later takes a new request.'
            : 'These numbers stay with the losing carrier; the rest of the request goes on. Porting them later takes a new request.'}
        </p>
        {cancelNumbers && cancelNumbers.some((n) => n.portDate && daysUntil(n.portDate) <= 2) ? (
          <Banner tone="warning" title="Close to the port date">
            Some of these numbers port within two days: carriers often refuse a cancel within 24–48
            hours of the port date.
          </Banner>
        ) : null}
      </ConfirmDialog>

      <ConfirmDialog
        isOpen={confirmResubmit}
        onOpenChange={setConfirmResubmit}
        title={
          rejectedToCancel.length === 1 && rejectedToCancel[0]
            ? `Fix and resubmit ${formatUsPhoneNumber(rejectedToCancel[0].phoneNumber)}?`
            : `Fix and resubmit ${plural(rejectedToCancel.length, 'rejected number')}?`
        }
        confirmLabel={rejectedToCancel.length === 1 ? 'Cancel it and fix' : 'Cancel them and fix'}
        cancelLabel="Not now"
        busy={busy === 'resubmit'}
        onConfirm={() => void fixAndResubmit(rejectedToCancel)}
      >
        {rejectedToCancel.length > 1 ? (
          <p className="tabular">{numberList(rejectedToCancel)}</p>
        ) : null}
        <p>
          Twilio has no update call, so a correction is a new request: PortDesk opens a draft with
          the rejected {rejectedToCancel.length === 1 ? 'number' : 'numbers'} and this
          request&apos;s details, the fields to correct marked.
        </p>
        <p>
          Twilio keeps a rejected number in this request until it is canceled, and refuses a new
          request for it until then. So PortDesk cancels{' '}
          {rejectedToCancel.length === 1 ? 'it' : 'them'} here now;{' '}
          {detail.numbers.some(
            (n) =>
              !rejectedToCancel.includes(n) &&
              n.status.canonical !== 'completed' &&
              n.status.canonical !== 'canceled',
          )
            ? 'the other numbers of this request go on.'
            : 'no other number is still running here, so this request ends.'}
        </p>
      </ConfirmDialog>
    </Screen>
  );
}

/** The numbers a dialog is about, named (a few, then how many more). */
function numberList(rows: readonly NumberRow[]): string {
  const shown = rows.slice(0, 5).map((row) => formatUsPhoneNumber(row.phoneNumber));
  return rows.length > shown.length
    ? `${shown.join(', ')} and ${formatCount(rows.length - shown.length)} more`
    : shown.join(', ');
}

function daysUntil(iso: string): number {
  return Math.floor((new Date(iso).getTime() - Date.now()) / 86_400_000);
}

function cancelWarningFor(detail: RequestDetailView): string | null {
  if (detail.actions.cancelWarning) return detail.actions.cancelWarning;
  const first = detail.request.firstPortDate;
  if (first && daysUntil(first) <= 2) {
    return `The port date is ${formatPortDate(first)}: carriers often refuse a cancel within 24–48 hours of it, and the numbers may port anyway.`;
  }
  return null;
}

function DetailBanners({ detail, rejected }: { detail: RequestDetailView; rejected: number }) {
  const { request: req, attention, pendingOps } = detail;
  const failed = pendingOps.filter((op) => op.state === 'failed');
  const queued = pendingOps.filter((op) => op.state !== 'failed' && op.state !== 'done');
  const navigate = useApp((s) => s.navigate);
  return (
    <>
      {req.status.canonical === 'action_required' ? (
        <Banner tone="danger" title="Action required">
          {rejected > 0
            ? `${plural(rejected, 'number')} ${rejected === 1 ? 'was' : 'were'} rejected by the losing carrier. The reasons and fixes are in the timeline and the Numbers tab; "Fix and resubmit" starts a corrected request.`
            : (req.suggestedAction ?? 'Twilio needs something from you on this request.')}
        </Banner>
      ) : null}
      {attention.loaUnsignedDays !== null ? (
        <Banner
          tone={attention.loaDaysLeft !== null && attention.loaDaysLeft <= 7 ? 'danger' : 'warning'}
          title="The LOA is waiting for a signature"
        >
          Sent to {req.losingCarrier.authorizedRepresentative} (
          {req.losingCarrier.authorizedRepresentativeEmail}){' '}
          {attention.loaUnsignedDays === 0
            ? 'today'
            : `${plural(attention.loaUnsignedDays, 'day')} ago`}
          .
          {attention.loaDaysLeft !== null
            ? ` The request expires in ${plural(attention.loaDaysLeft, 'day')} if it is not signed.`
            : ''}
        </Banner>
      ) : null}
      {attention.noPortDateDays !== null ? (
        <Banner tone="warning" title="No port date yet">
          Submitted {plural(attention.noPortDateDays, 'day')} ago and no number has a confirmed port
          date. Consider asking Twilio porting support
          {req.supportTicketId !== null ? ` (ticket ${req.supportTicketId})` : ''}.
        </Banner>
      ) : null}
      {failed.length > 0 ? (
        <Banner
          tone="danger"
          title="A change could not be sent"
          action={
            <Button size="sm" onPress={() => navigate({ screen: 'outbox' })}>
              Open outbox
            </Button>
          }
        >
          {failed.map((op) => `${op.summary}: ${op.lastError?.message ?? 'failed'}`).join(' · ')}
        </Banner>
      ) : null}
      {queued.length > 0 ? (
        <Banner tone="info" title="Waiting to send">
          {queued.map((op) => op.summary).join(' · ')}
          {queued.some((op) => op.state === 'waiting_for_network')
            ? ' — sent when PortDesk is back online.'
            : ''}
        </Banner>
      ) : null}
      {req.orderCancellationReason ? (
        <Banner tone="neutral" title="Canceled">
          {req.orderCancellationReason}
        </Banner>
      ) : null}
    </>
  );
}

function Facts({ detail }: { detail: RequestDetailView }) {
  const { request: req } = detail;
  const carrier = req.losingCarrier;
  const address = carrier.address;
  const timeWindow =
    req.targetPortInTimeRangeStart && req.targetPortInTimeRangeEnd
      ? ` · ${req.targetPortInTimeRangeStart.slice(0, 5)}–${req.targetPortInTimeRangeEnd.slice(0, 5)} (${req.targetPortInTimeRangeStart.slice(8) || 'UTC'})`
      : '';
  const facts: [string, ReactNode][] = [
    [
      'Customer',
      <>
        {carrier.customerName}
        {carrier.customerType ? <span className="muted"> · {carrier.customerType}</span> : null}
      </>,
    ],
    [
      'Authorized representative',
      <>
        {carrier.authorizedRepresentative}
        <br />
        <span className="muted small">{carrier.authorizedRepresentativeEmail}</span>
      </>,
    ],
    [
      'Service address',
      address ? (
        <>
          {address.street}
          {address.street2 ? `, ${address.street2}` : ''}
          <br />
          {address.city}, {address.state} {address.zip}
        </>
      ) : (
        <span className="muted">{carrier.addressSid ?? '—'}</span>
      ),
    ],
    [
      'Account number / BTN',
      <>
        {carrier.accountNumber ?? '—'} /{' '}
        {carrier.accountTelephoneNumber ? formatUsPhoneNumber(carrier.accountTelephoneNumber) : '—'}
      </>,
    ],
    [
      'Target port date',
      req.targetPortInDate ? (
        `${formatCalendarDate(req.targetPortInDate)}${timeWindow}`
      ) : (
        <span className="muted">None asked</span>
      ),
    ],
    [
      'Confirmed port date',
      req.firstPortDate ? (
        formatPortDate(req.firstPortDate)
      ) : (
        <span className="muted">
          {isTerminalRequestStatus(req.status.canonical) ? 'None' : 'Not set yet'}
        </span>
      ),
    ],
    [
      'Numbers',
      `${formatCount(detail.request.numbersPorted ?? 0)} ported of ${formatCount(detail.request.numbersRequested ?? detail.numbers.length)}`,
    ],
    ['Created', formatDateTime(req.dateCreated)],
    [
      'Twilio support ticket',
      req.supportTicketId !== null ? <span className="mono">{req.supportTicketId}</span> : '—',
    ],
    [
      'Notification emails',
      req.notificationEmails.length ? req.notificationEmails.join(', ') : '—',
    ],
  ];
  return (
    <section className="card" aria-label="Key facts">
      <dl className="facts card__body">
        {facts.map(([term, value]) => (
          <div key={term} className="facts__item">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** "Corrects KW…" / "Corrected by KW…": the other request of a fix and resubmit, one click away. */
function ResubmissionLink({
  words,
  sid,
  onOpen,
}: {
  words: string;
  sid: string;
  onOpen: (sid: string) => void;
}) {
  return (
    <Button size="sm" variant="ghost" onPress={() => onOpen(sid)}>
      {words} <span className="mono">{sid}</span>
    </Button>
  );
}

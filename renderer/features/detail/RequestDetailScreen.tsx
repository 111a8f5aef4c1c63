import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { requestHeaderState } from '../../../shared/domain/requestHeaderState';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import type { NumberRow, RequestDetailView } from '../../../shared/views';
import { useApp } from '../../store/appStore';
import { copyToClipboard } from '../../store/clipboard';
import { useDetail } from '../../store/detailStore';
import { useFeed } from '../../store/feedStore';
import { useRequestActions } from '../../store/requestActionsStore';
import { Button, WithTooltip } from '../../ui/Button';
import { formatCount } from '../../ui/format';
import { IconArrowLeft, IconCopy, IconExternal, IconPen } from '../../ui/icons';
import { Screen } from '../../ui/Screen';
import { ErrorState, LoadingState } from '../../ui/states';
import { RequestStatusChip } from '../../ui/StatusChip';
import { DetailBanners } from './DetailBanners';
import { DetailFacts } from './DetailFacts';
import { clockNote } from './detailClock';
import { detailAsText } from './detailText';
import { isCancellable, NumbersTable } from './NumbersTable';
import { CancelNumbersDialog, CancelRequestDialog, FixAndResubmitDialog } from './RequestDialogs';
import { Timeline } from './Timeline';
import { timelineEntryCount } from './timelineWords';

export function RequestDetailScreen({
  sid,
  tab,
  numberSid,
}: {
  sid: string;
  /** Opened from a notice about numbers: start on the Numbers tab (on `numberSid`). */
  tab?: 'numbers';
  numberSid?: string;
}) {
  const detail = useDetail((s) => (s.sid === sid ? s.detail : null));
  const error = useDetail((s) => s.error);
  const loading = useDetail((s) => s.loading);
  const fresh = useDetail((s) => s.freshEventIds);
  const goBack = useApp((s) => s.goBack);

  useEffect(() => {
    void useDetail.getState().open(sid);
    // Opening the request is reading its news: its notices leave the unread count.
    void useFeed.getState().requestOpened(sid);
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
  return <DetailBody detail={detail} fresh={fresh} back={back} tab={tab} numberSid={numberSid} />;
}

function DetailBody({
  detail,
  fresh,
  back,
  tab,
  numberSid,
}: {
  detail: RequestDetailView;
  fresh: ReadonlySet<number>;
  back: ReactNode;
  tab?: 'numbers';
  numberSid?: string;
}) {
  const [selectedTab, setSelectedTab] = useState<Key>(tab ?? 'timeline');
  const [openedOn, setOpenedOn] = useState({ tab, numberSid });
  if (openedOn.tab !== tab || openedOn.numberSid !== numberSid) {
    // Another notice about this request, clicked while it is open, switches to its tab (set
    // while rendering: no frame on the old tab).
    setOpenedOn({ tab, numberSid });
    if (tab) setSelectedTab(tab);
  }
  const { request: req, actions } = detail;
  const navigate = useApp((s) => s.navigate);
  const busy = useRequestActions((s) => s.busy);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [confirmResubmit, setConfirmResubmit] = useState(false);
  const [cancelNumbers, setCancelNumbers] = useState<readonly NumberRow[] | null>(null);

  async function cancelRequest() {
    await useRequestActions.getState().cancelRequest(req.sid);
    setConfirmCancel(false);
  }

  async function cancelSelected(rows: readonly NumberRow[]) {
    await useRequestActions.getState().cancelNumbers(
      req.sid,
      rows.map((r) => r.sid),
    );
    setCancelNumbers(null);
  }

  async function fixAndResubmit(cancelRejected: boolean) {
    await useRequestActions.getState().fixAndResubmit(req.sid, cancelRejected);
    setConfirmResubmit(false);
  }

  const copyDetails = () =>
    copyToClipboard(detailAsText(detail), {
      copied: 'Request details copied.',
      copiedTone: 'success',
      failedPrefix: 'Could not copy',
    });

  const carrier = req.losingCarrier;
  // What the header shows — Twilio's state or the agent's pending action — and which offers
  // still make sense: one pure decision (shared/domain/requestHeaderState.ts).
  const loaUnsigned = detail.attention.loaUnsignedDays !== null;
  const header = useMemo(
    () =>
      requestHeaderState(
        { sid: req.sid, status: req.status, numbers: detail.numbers },
        detail.outboxItems ?? detail.pendingOps,
        { ...actions, loaBanner: loaUnsigned },
      ),
    [
      req.sid,
      req.status,
      detail.numbers,
      detail.outboxItems,
      detail.pendingOps,
      actions,
      loaUnsigned,
    ],
  );
  const offers = header.offers;
  const { cancelingNumbers } = header;
  const numbers = useMemo(
    () =>
      detail.numbers.map((n) =>
        // A cancel Twilio accepted but the sync has not seen yet: not offered again. Once the
        // number shows Canceling, Twilio's chip says it all.
        !n.cancelPending &&
        cancelingNumbers.has(n.phoneNumber) &&
        n.status.canonical !== 'canceling'
          ? { ...n, cancelPending: true }
          : n,
      ),
    [detail.numbers, cancelingNumbers],
  );
  const rejectedRows = numbers.filter((n) => n.status.canonical === 'rejected');
  const rejected = rejectedRows.length;
  // Those the agent can still cancel (not already on their way out).
  const rejectedToCancel = offers.canCancelNumbers ? rejectedRows.filter(isCancellable) : [];
  const openRequest = (sid: string) => navigate({ screen: 'request', sid });

  return (
    <Screen
      before={back}
      title={carrier.customerName || req.sid}
      subtitle={
        <span className="row">
          {header.pending ? (
            <span
              className="chip tone-info"
              role="status"
              title={header.pending.detail}
              data-testid="pending-state"
            >
              {header.pending.label}
            </span>
          ) : null}
          {/* Twilio's state stays in view: the pending chip is ours until the sync sees it. */}
          {header.pending ? <span className="muted small">Twilio:</span> : null}
          <RequestStatusChip status={req.status} />
          {/* "KW… · Demo": the dot is drawn by detail.css, never at the start of a line. */}
          <span className="detail-ids small">
            <span className="mono">{req.sid}</span>
            <span className="muted">{detail.account.label}</span>
          </span>
          {detail.resubmission?.corrects ? (
            <ResubmissionLink
              words="Corrects"
              sid={detail.resubmission.corrects}
              onOpen={openRequest}
            />
          ) : null}
          {detail.resubmission?.correctedBy ? (
            <ResubmissionLink
              words="Corrected by"
              sid={detail.resubmission.correctedBy}
              onOpen={openRequest}
            />
          ) : null}
        </span>
      }
      actions={
        <>
          {offers.canOpenLoa ? (
            <WithTooltip tip="Opens Twilio's signing page in your browser">
              <Button
                onPress={() => void useRequestActions.getState().openLoaLink(req.sid)}
                isDisabled={busy === 'loa'}
              >
                <IconExternal /> Open LOA signing link
              </Button>
            </WithTooltip>
          ) : null}
          <Button onPress={() => void copyDetails()}>
            <IconCopy /> Copy details
          </Button>
          {offers.canFixAndResubmit ? (
            <Button
              variant="primary"
              onPress={() =>
                rejectedToCancel.length > 0 ? setConfirmResubmit(true) : void fixAndResubmit(false)
              }
              isDisabled={busy === 'resubmit'}
            >
              <IconPen /> Fix and resubmit
            </Button>
          ) : null}
          {offers.canCancelRequest ? (
            <Button variant="danger" onPress={() => setConfirmCancel(true)}>
              Cancel request
            </Button>
          ) : null}
        </>
      }
    >
      <div className="detail stack stack--lg">
        {header.pending ? (
          <p className="muted small" data-testid="pending-detail">
            {header.pending.detail}
          </p>
        ) : null}
        <DetailBanners detail={detail} rejected={rejected} showLoa={offers.loaBanner} />
        <DetailFacts detail={detail} />
        <ClockNote detail={detail} />
        <Tabs className="tabs" selectedKey={selectedTab} onSelectionChange={setSelectedTab}>
          <TabList className="tab-list" aria-label="Request views">
            <Tab id="timeline" className="tab">
              Timeline{' '}
              <span className="muted small">
                {formatCount(timelineEntryCount(detail.timeline))}
              </span>
            </Tab>
            <Tab id="numbers" className="tab">
              Numbers{' '}
              <span className="muted small">
                {detail.detailLoaded ? formatCount(numbers.length) : '—'}
              </span>
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
                numbers={numbers}
                canCancel={offers.canCancelNumbers}
                onCancel={setCancelNumbers}
                focusSid={numberSid}
              />
            ) : (
              <LoadingState label="The numbers arrive with the next sync of this request…" />
            )}
          </TabPanel>
        </Tabs>
      </div>

      <CancelRequestDialog
        detail={detail}
        isOpen={confirmCancel}
        onOpenChange={setConfirmCancel}
        busy={busy === 'cancel'}
        onConfirm={() => void cancelRequest()}
      />
      <CancelNumbersDialog
        numbers={cancelNumbers}
        clockOffsetMs={detail.clockOffsetMs ?? 0}
        onClose={() => setCancelNumbers(null)}
        busy={busy === 'numbers'}
        onConfirm={(rows) => void cancelSelected(rows)}
      />
      <FixAndResubmitDialog
        detail={detail}
        rejectedToCancel={rejectedToCancel}
        isOpen={confirmResubmit}
        onOpenChange={setConfirmResubmit}
        busy={busy === 'resubmit'}
        onConfirm={() => void fixAndResubmit(true)}
      />
    </Screen>
  );
}

/**
 * Says whose clock the screen's times are on when it is not this computer's: in demo mode the
 * simulator's runs ahead, and a time "in the future" would otherwise look like a mistake.
 */
function ClockNote({ detail }: { detail: RequestDetailView }) {
  const note = clockNote(detail.account.kind, detail.clockOffsetMs);
  return note ? (
    <p className="muted small" data-testid="clock-note">
      {note}
    </p>
  ) : null;
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

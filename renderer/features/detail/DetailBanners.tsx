import type { RequestDetailView } from '../../../shared/views';
import { useApp } from '../../store/appStore';
import { Button } from '../../ui/Button';
import { plural } from '../../ui/format';
import { Banner } from '../../ui/states';

/** What needs the agent on this request: rejection, unsigned LOA, no port date, outbox state. */
export function DetailBanners({
  detail,
  rejected,
}: {
  detail: RequestDetailView;
  rejected: number;
}) {
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

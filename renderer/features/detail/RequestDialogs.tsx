import { formatUsPhoneNumber } from '../../../shared/domain/phoneNumbers';
import type { NumberRow, RequestDetailView } from '../../../shared/views';
import { ConfirmDialog } from '../../ui/Dialog';
import { formatCount, plural } from '../../ui/format';
import { Banner } from '../../ui/states';
import { cancelWarningFor, portsWithinTwoDays } from './detailClock';

// The detail screen's three confirmations. Each says what cannot be undone before the agent
// agrees; the screen decides when one is open and what agreeing does.

/** Numbers not yet ported or canceled: what a cancel leaves with the losing carrier. */
function stillRunning(numbers: readonly NumberRow[]): NumberRow[] {
  return numbers.filter(
    (n) => n.status.canonical !== 'completed' && n.status.canonical !== 'canceled',
  );
}

export function CancelRequestDialog({
  detail,
  isOpen,
  onOpenChange,
  busy,
  onConfirm,
}: {
  detail: RequestDetailView;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  busy: boolean;
  onConfirm: () => void;
}) {
  const req = detail.request;
  const nearPortDate = cancelWarningFor(detail);
  return (
    <ConfirmDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={`Cancel the port-in for ${req.losingCarrier.customerName || req.sid}?`}
      confirmLabel="Cancel request"
      cancelLabel="Keep the request"
      danger
      busy={busy}
      onConfirm={onConfirm}
    >
      <p>
        Every number not yet ported ({plural(stillRunning(detail.numbers).length, 'number')}) stays
        with the losing carrier. Twilio has no undo: porting them later takes a new request, and the
        carrier&apos;s clock starts again.
      </p>
      {nearPortDate ? (
        <Banner tone="warning" title="Close to the port date">
          {nearPortDate}
        </Banner>
      ) : (
        <p className="muted">Carriers often refuse a cancel within 24–48 hours of the port date.</p>
      )}
    </ConfirmDialog>
  );
}

/** `numbers` null: closed. */
export function CancelNumbersDialog({
  numbers,
  clockOffsetMs,
  onClose,
  busy,
  onConfirm,
}: {
  numbers: readonly NumberRow[] | null;
  /** The account's clock minus ours: port dates are Twilio's, so "two days" counts on its clock. */
  clockOffsetMs: number;
  onClose: () => void;
  busy: boolean;
  onConfirm: (numbers: readonly NumberRow[]) => void;
}) {
  return (
    <ConfirmDialog
      isOpen={numbers !== null}
      onOpenChange={(open) => !open && onClose()}
      title={
        numbers?.length === 1 && numbers[0]
          ? `Cancel ${formatUsPhoneNumber(numbers[0].phoneNumber)}?`
          : `Cancel ${plural(numbers?.length ?? 0, 'number')}?`
      }
      confirmLabel="Cancel numbers"
      cancelLabel={numbers?.length === 1 ? 'Keep it' : 'Keep them'}
      danger
      busy={busy}
      onConfirm={() => numbers && onConfirm(numbers)}
    >
      {numbers && numbers.length > 1 ? <p className="tabular">{numberList(numbers)}</p> : null}
      <p>
        {numbers?.length === 1
          ? 'This number stays with the losing carrier; the rest of the request goes on. Porting it later takes a new request.'
          : 'These numbers stay with the losing carrier; the rest of the request goes on. Porting them later takes a new request.'}
      </p>
      {numbers && portsWithinTwoDays(numbers, clockOffsetMs) ? (
        <Banner tone="warning" title="Close to the port date">
          Some of these numbers port within two days: carriers often refuse a cancel within 24–48
          hours of the port date.
        </Banner>
      ) : null}
    </ConfirmDialog>
  );
}

/** Asked when fixing a request means canceling its rejected numbers here first. */
export function FixAndResubmitDialog({
  detail,
  rejectedToCancel,
  isOpen,
  onOpenChange,
  busy,
  onConfirm,
}: {
  detail: RequestDetailView;
  rejectedToCancel: readonly NumberRow[];
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  busy: boolean;
  onConfirm: () => void;
}) {
  const one = rejectedToCancel.length === 1;
  const othersGoOn = stillRunning(detail.numbers).some((n) => !rejectedToCancel.includes(n));
  return (
    <ConfirmDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={
        one && rejectedToCancel[0]
          ? `Fix and resubmit ${formatUsPhoneNumber(rejectedToCancel[0].phoneNumber)}?`
          : `Fix and resubmit ${plural(rejectedToCancel.length, 'rejected number')}?`
      }
      confirmLabel={one ? 'Cancel it and fix' : 'Cancel them and fix'}
      cancelLabel="Not now"
      busy={busy}
      onConfirm={onConfirm}
    >
      {rejectedToCancel.length > 1 ? (
        <p className="tabular">{numberList(rejectedToCancel)}</p>
      ) : null}
      <p>
        Twilio has no update call, so a correction is a new request: PortDesk opens a draft with the
        rejected {one ? 'number' : 'numbers'} and this request&apos;s details, the fields to correct
        marked.
      </p>
      <p>
        Twilio keeps a rejected number in this request until it is canceled, and refuses a new
        request for it until then. So PortDesk cancels {one ? 'it' : 'them'} here now;{' '}
        {othersGoOn
          ? 'the other numbers of this request go on.'
          : 'no other number is still running here, so this request ends.'}
      </p>
      <p>
        Submit the correction when it is ready: it waits in the Outbox until Twilio shows{' '}
        {one ? 'the number' : 'the numbers'} Canceled, then goes out by itself.
      </p>
    </ConfirmDialog>
  );
}

/** The numbers a dialog is about, named (a few, then how many more). */
function numberList(rows: readonly NumberRow[]): string {
  const shown = rows.slice(0, 5).map((row) => formatUsPhoneNumber(row.phoneNumber));
  return rows.length > shown.length
    ? `${shown.join(', ')} and ${formatCount(rows.length - shown.length)} more`
    : shown.join(', ');
}

import type { OrphanBillView } from '../../../shared/orphanBills';
import { formatBytes, formatCount, formatDateTime } from '../../ui/format';

/**
 * Bills PortDesk uploaded to Twilio that no request uses — the create they were for was
 * discarded or never went out. Twilio offers no way to delete or list its Documents, so the
 * agent can only know they are there; attaching the same file again reuses the upload.
 */
export function OrphanBills({ bills }: { bills: OrphanBillView[] }) {
  if (bills.length === 0) return null;
  const title = `Bills uploaded to Twilio but not used (${formatCount(bills.length)})`;
  return (
    <section className="stack" aria-label={title}>
      <div>
        <h2>{title}</h2>
        <p className="muted small">
          Twilio keeps these customer bills although no port-in request uses them. Twilio has no way
          to delete an uploaded document, so PortDesk cannot remove them; if you attach the same
          file to a new port-in, PortDesk uses the upload that is already there.
        </p>
      </div>
      <ul className="outbox-list">
        {bills.map((bill) => (
          <li
            key={bill.documentSid}
            className="outbox-item card"
            data-testid={`orphan-bill-${bill.documentSid}`}
          >
            <div className="outbox-item__main">
              <p className="outbox-item__summary">
                “{bill.fileName}” ({formatBytes(bill.sizeBytes)})
              </p>
              <p className="muted small">
                {bill.accountLabel} · uploaded {formatDateTime(bill.uploadedAt)} · document{' '}
                <span className="mono outbox-item__sid">{bill.documentSid}</span>
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

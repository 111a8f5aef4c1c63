import type { ReactNode } from 'react';
import { formatUsPhoneNumber } from '../../../shared/domain/phoneNumbers';
import { isTerminalRequestStatus } from '../../../shared/domain/statuses';
import type { RequestDetailView } from '../../../shared/views';
import { formatCalendarDate, formatCount, formatDateTime, formatPortDate } from '../../ui/format';

/** The request's key facts: customer, representative, address, account, dates, numbers. */
export function DetailFacts({ detail }: { detail: RequestDetailView }) {
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

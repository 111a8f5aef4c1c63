import { formatUsPhoneNumber } from '../../../shared/domain/phoneNumbers';
import type { RequestDetailView } from '../../../shared/views';
import { formatCalendarDate, formatCount, formatPortDate } from '../../ui/format';
import { numberStatusLabel, requestStatusLabel } from '../../ui/status';

/** Plain text for "Copy details": what an agent pastes into a ticket or an email. */
export function detailAsText(detail: RequestDetailView): string {
  const { request, numbers } = detail;
  const carrier = request.losingCarrier;
  const address = carrier.address
    ? [
        carrier.address.street,
        carrier.address.street2,
        `${carrier.address.city}, ${carrier.address.state} ${carrier.address.zip}`,
        carrier.address.country,
      ]
        .filter(Boolean)
        .join(', ')
    : null;
  const lines = [
    `Port-in request ${request.sid}`,
    `Customer: ${carrier.customerName}`,
    `Status: ${requestStatusLabel(request.status)}`,
    `Account: ${detail.account.label}`,
    `Authorized representative: ${carrier.authorizedRepresentative} <${carrier.authorizedRepresentativeEmail}>`,
    address ? `Service address: ${address}` : null,
    request.targetPortInDate
      ? `Target port date: ${formatCalendarDate(request.targetPortInDate)}`
      : null,
    request.firstPortDate ? `Confirmed port date: ${formatPortDate(request.firstPortDate)}` : null,
    request.supportTicketId !== null ? `Twilio support ticket: ${request.supportTicketId}` : null,
    '',
    `Numbers (${formatCount(numbers.length)}):`,
    ...numbers.map((n) => {
      const parts = [formatUsPhoneNumber(n.phoneNumber), numberStatusLabel(n.status)];
      if (n.portDate) parts.push(`port date ${formatPortDate(n.portDate)}`);
      if (n.rejection) parts.push(`rejected: ${n.rejection.title} — fix: ${n.rejection.fix}`);
      return `  ${parts.join(' · ')}`;
    }),
  ];
  return lines.filter((line) => line !== null).join('\n');
}

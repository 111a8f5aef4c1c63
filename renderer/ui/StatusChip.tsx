import type { NumberStatus, ObservedStatus, RequestStatus } from '../../shared/domain/statuses';
import {
  numberStatusLabel,
  numberStatusTone,
  requestStatusLabel,
  requestStatusTone,
} from './status';

export function RequestStatusChip({ status }: { status: ObservedStatus<RequestStatus> }) {
  const tone = requestStatusTone(status);
  return (
    <span
      className={`chip ${tone === 'unknown' ? 'chip--unknown' : `tone-${tone}`}`}
      title={
        tone === 'unknown' ? 'A status PortDesk does not know, shown as Twilio sent it' : undefined
      }
    >
      {requestStatusLabel(status)}
    </span>
  );
}

export function NumberStatusChip({ status }: { status: ObservedStatus<NumberStatus> }) {
  const tone = numberStatusTone(status);
  return (
    <span className={`chip ${tone === 'unknown' ? 'chip--unknown' : `tone-${tone}`}`}>
      {numberStatusLabel(status)}
    </span>
  );
}

import type { NumberStatus, ObservedStatus, RequestStatus } from '../../shared/domain/statuses';
import {
  numberStatusLabel,
  numberStatusTone,
  requestStatusLabel,
  requestStatusTone,
} from './status';

/**
 * An unknown status is shown as Twilio sent it, however long: in a table it may end in …
 * (components.css), so its title says all of it.
 */
function unknownTitle(label: string): string {
  return `${label} — a status PortDesk does not know, shown as Twilio sent it`;
}

export function RequestStatusChip({ status }: { status: ObservedStatus<RequestStatus> }) {
  const tone = requestStatusTone(status);
  const label = requestStatusLabel(status);
  return (
    <span
      className={`chip ${tone === 'unknown' ? 'chip--unknown' : `tone-${tone}`}`}
      title={tone === 'unknown' ? unknownTitle(label) : undefined}
    >
      {label}
    </span>
  );
}

export function NumberStatusChip({ status }: { status: ObservedStatus<NumberStatus> }) {
  const tone = numberStatusTone(status);
  const label = numberStatusLabel(status);
  return (
    <span
      className={`chip ${tone === 'unknown' ? 'chip--unknown' : `tone-${tone}`}`}
      title={tone === 'unknown' ? unknownTitle(label) : undefined}
    >
      {label}
    </span>
  );
}

import {
  isTerminalRequestStatus,
  type ObservedStatus,
  type RequestStatus,
} from '../../../shared/domain/statuses';

const HOUR_MS = 3_600_000;

function parsePortDate(value: string): number | null {
  // A bare YYYY-MM-DD is read as the start of that day (UTC): close enough for a 48-hour rule.
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}

function shownDate(at: number): string {
  return new Date(at).toLocaleDateString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * Why a cancel may be refused or come too late (REASON-CODES §4: carriers often refuse cancels
 * within 24–48 hours of the port date). The confirmed port date counts first, then the target
 * date the agent asked for. Null when there is nothing to warn about. `now` is on the account's
 * clock (`accountNowMs`), as the port dates are.
 */
export function cancelWarning(
  request: {
    status: ObservedStatus<RequestStatus>;
    firstPortDate: string | null;
    targetPortInDate: string | null;
  },
  now: number,
): string | null {
  if (isTerminalRequestStatus(request.status.canonical)) return null;
  const portAt =
    (request.firstPortDate ? parsePortDate(request.firstPortDate) : null) ??
    (request.targetPortInDate ? parsePortDate(request.targetPortInDate) : null);
  if (portAt === null) return null;
  const hoursLeft = (portAt - now) / HOUR_MS;
  if (hoursLeft > 48) return null;
  if (hoursLeft <= -24) {
    return `The port date (${shownDate(portAt)}) has passed: the numbers may already have moved, so a cancel may come too late.`;
  }
  const when =
    hoursLeft <= 0 ? 'is today' : `is less than ${hoursLeft <= 24 ? '24' : '48'} hours away`;
  return `The port date (${shownDate(portAt)}) ${when}: carriers often refuse cancels within 24–48 hours of the port date.`;
}

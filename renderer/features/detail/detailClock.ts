import { accountNowMs } from '../../../shared/domain/accountTime';
import type { AccountKind, NumberRow, RequestDetailView } from '../../../shared/views';
import { formatPortDate, plural } from '../../ui/format';

// The detail's times are on the account's clock (docs/ui.md, "One clock"): Twilio's port dates
// count from "now" on that clock, and the screen says so when it is not this computer's.

/** Below this, a clock difference is the network's and HTTP dates' noise, not worth a word. */
const NOTED_CLOCK_OFFSET_MS = 60_000;

/** "25 days", "3 hr", "5 min": how far two clocks are apart, roughly. */
function clockDistance(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hr`;
  return plural(Math.round(hours / 24), 'day');
}

/**
 * Why the times on this screen are not this computer's (docs/ui.md, "One clock"): they are on
 * the account's clock. Null when the two agree within a minute (or the offset is not known yet).
 * The demo simulator's clock runs many times real time, so its distance grows by the second and
 * is not given; a Twilio account's is (a computer clock set wrong, usually).
 */
export function clockNote(kind: AccountKind, clockOffsetMs: number | undefined): string | null {
  const offset = clockOffsetMs ?? 0;
  if (!Number.isFinite(offset) || Math.abs(offset) < NOTED_CLOCK_OFFSET_MS) return null;
  if (kind === 'simulator') {
    return 'Times here are on the demo simulator’s clock, which runs much faster than real time, so they read ahead of this computer’s clock.';
  }
  const side = offset > 0 ? 'ahead of' : 'behind';
  return `Times here are on this account’s Twilio clock, ${clockDistance(Math.abs(offset))} ${side} this computer’s clock.`;
}

/** Whole days from "now" on the account's clock, the clock Twilio's port dates are on. */
function daysUntil(iso: string, accountNow: number): number {
  return Math.floor((new Date(iso).getTime() - accountNow) / 86_400_000);
}

/** Whether any of these numbers ports within two days of now on the account's clock. */
export function portsWithinTwoDays(
  numbers: readonly NumberRow[],
  clockOffsetMs: number,
  now = Date.now(),
): boolean {
  const accountNow = accountNowMs(clockOffsetMs, now);
  return numbers.some((n) => n.portDate !== null && daysUntil(n.portDate, accountNow) <= 2);
}

/**
 * What the cancel-request dialog warns about: main's warning, else a confirmed port date within
 * two days of now on the account's clock.
 */
export function cancelWarningFor(detail: RequestDetailView, now = Date.now()): string | null {
  if (detail.actions.cancelWarning) return detail.actions.cancelWarning;
  const first = detail.request.firstPortDate;
  if (first && daysUntil(first, accountNowMs(detail.clockOffsetMs ?? 0, now)) <= 2) {
    return `The port date is ${formatPortDate(first)}: carriers often refuse a cancel within 24–48 hours of it, and the numbers may port anyway.`;
  }
  return null;
}

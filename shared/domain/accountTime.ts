/**
 * One clock for everything on screen (docs/ui.md, "One clock"). Twilio stamps its own facts
 * (date_created, a number's status time) by its clock; PortDesk stamps what it observes (a
 * timeline event, "changed", "last fetched") by this computer's clock. Shown side by side they
 * disagree by the account's server clock offset: minutes on a real account with a drifting PC
 * clock, weeks in demo mode, whose simulated clock runs ahead. So every instant PortDesk
 * observed is moved onto the account's clock, by the offset measured when it was observed, and
 * Twilio's timestamps are shown as sent. This module is the only place that rule is written.
 */

/** An instant of ours (ISO) on the account's clock: `observedAt + offset`, ISO again. */
export function toAccountTime(observedAtOurClock: string, offsetMs: number): string {
  const at = Date.parse(observedAtOurClock);
  if (Number.isNaN(at) || !Number.isFinite(offsetMs) || offsetMs === 0) return observedAtOurClock;
  return new Date(at + offsetMs).toISOString();
}

/** Like `toAccountTime`, for a value that may be missing. */
export function toAccountTimeOrNull(
  observedAtOurClock: string | null,
  offsetMs: number,
): string | null {
  return observedAtOurClock === null ? null : toAccountTime(observedAtOurClock, offsetMs);
}

/** "Now" on the account's clock, epoch ms: the `now` of "4 min ago" beside an account's times. */
export function accountNowMs(offsetMs: number, nowMs: number): number {
  return Number.isFinite(offsetMs) ? nowMs + offsetMs : nowMs;
}

/**
 * The offset a timeline event was observed with: sync stamps it into the event's detail
 * (`clockOffsetMs`), because the demo's offset grows 599 ms every real second and today's offset
 * would move an old observation by days. Events written before the stamp use `fallbackMs`.
 */
export function observedOffsetMs(detail: Record<string, unknown>, fallbackMs: number): number {
  const stamped = detail.clockOffsetMs;
  return typeof stamped === 'number' && Number.isFinite(stamped) ? stamped : fallbackMs;
}

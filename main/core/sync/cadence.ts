import { isTerminalRequestStatus, type RequestStatus } from '../../../shared/domain/statuses';

/**
 * When a request's detail is fetched next (ARCHITECTURE §6): non-terminal requests on the
 * agent's cadence, the request open on screen about every 30 s, a request that has just turned
 * terminal once more (to catch the last number changes), then never again.
 */
export interface CadenceSettings {
  /** Minutes between detail fetches of an open (non-terminal) request. */
  syncCadenceMinutes: number;
}

export const OPEN_ON_SCREEN_INTERVAL_MS = 30_000;
export const DEFAULT_SYNC_CADENCE_MINUTES = 5;

export interface CadenceInput {
  status: RequestStatus | 'unknown';
  /** The request already had its one fetch after turning terminal. */
  terminalFetched: boolean;
  openOnScreen: boolean;
}

export interface CadenceDecision {
  /** Epoch ms of the next fetch, or null for never. */
  nextFetchAt: number | null;
  terminalFetched: boolean;
}

/** Decides the next fetch after a fetch that just happened at `now`. */
export function afterFetch(
  input: CadenceInput,
  now: number,
  settings: CadenceSettings,
  random: () => number = Math.random,
): CadenceDecision {
  if (isTerminalRequestStatus(input.status)) {
    // The fetch that revealed the terminal status counts as the "once more" only if it was
    // already terminal before it; otherwise schedule one more fetch soon.
    if (input.terminalFetched) return { nextFetchAt: null, terminalFetched: true };
    return { nextFetchAt: now + jittered(60_000, random), terminalFetched: true };
  }
  if (input.openOnScreen) {
    return { nextFetchAt: now + OPEN_ON_SCREEN_INTERVAL_MS, terminalFetched: false };
  }
  const cadenceMs = Math.max(1, settings.syncCadenceMinutes) * 60_000;
  return { nextFetchAt: now + jittered(cadenceMs, random), terminalFetched: false };
}

/** ±10 % so that requests created together are not fetched in lockstep forever. */
function jittered(ms: number, random: () => number): number {
  return Math.round(ms * (0.9 + 0.2 * random()));
}

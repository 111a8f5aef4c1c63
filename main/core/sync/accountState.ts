import type { SyncPhase, SyncState } from '../../../shared/views';
import { HOST_OFFLINE_MESSAGE } from './syncErrors';

/**
 * One account's sync status as a state machine (docs/sync.md "Status"). Everything the panel,
 * the tray and the list header say about an account is derived from it, and only the events
 * below move it:
 *
 * - `up_to_date` only after a complete cycle (with the listing) in which every call succeeded;
 * - a cycle without the listing (the loop's wake for due fetches) never makes it up to date, and
 *   the outbox's own sends never move it at all;
 * - a failure makes it `retrying` until a complete clean cycle; the cycle after an outage (a
 *   failure, no network, the computer offline) is `catching_up`.
 */
export interface AccountSyncMachine {
  phase: SyncPhase;
  /** In words; null when there is nothing to say. */
  message: string | null;
  /** ISO instant of the last complete clean cycle; null before the first. */
  lastSuccessAt: string | null;
  /** What the last trouble was, so the cycle after it says it is catching up; null: none. */
  outage: 'twilio' | 'network' | null;
}

export type SyncEvent =
  /** A cycle starts; `full`: with the listing. */
  | { kind: 'cycle_started'; full: boolean }
  | {
      kind: 'cycle_ended';
      full: boolean;
      outcome: 'ok' | 'offline' | 'unauthorized' | 'failed' | 'aborted' | 'paused';
      /** Calls that failed in an `ok` cycle (detail fetches): not clean. */
      failures: number;
      message: string | null;
      /** ISO instant the cycle ended. */
      at: string;
    }
  /** The computer says offline: no call is made until it says online (or a probe answers). */
  | { kind: 'host_offline' }
  /** The network is back, or the machine woke up: a full cycle follows at once. */
  | { kind: 'resumed' }
  /** The computer says online again, but no loop runs (the engine is not started). */
  | { kind: 'host_online' }
  /** Twilio refused the credentials (in a cycle or a send). */
  | { kind: 'credentials_refused'; message: string }
  /** New credentials: a full cycle follows. */
  | { kind: 'credentials_changed' };

export const CATCHING_UP_AFTER_OUTAGE = 'Catching up after a Twilio outage…';
export const CATCHING_UP_AFTER_OFFLINE = 'Catching up after being offline…';

export function initialMachine(lastSuccessAt: string | null): AccountSyncMachine {
  return { phase: 'waiting', message: null, lastSuccessAt, outage: null };
}

export function nextMachine(machine: AccountSyncMachine, event: SyncEvent): AccountSyncMachine {
  switch (event.kind) {
    case 'cycle_started': {
      if (machine.phase === 'paused' || !event.full) return machine;
      return machine.outage === null
        ? { ...machine, phase: 'syncing', message: null }
        : {
            ...machine,
            phase: 'catching_up',
            message:
              machine.outage === 'twilio' ? CATCHING_UP_AFTER_OUTAGE : CATCHING_UP_AFTER_OFFLINE,
          };
    }
    case 'cycle_ended':
      return afterCycle(machine, event);
    case 'host_offline':
      if (machine.phase === 'unauthorized') return machine;
      return { ...machine, phase: 'paused', message: HOST_OFFLINE_MESSAGE, outage: 'network' };
    case 'host_online':
      return machine.phase === 'paused' ? { ...machine, phase: 'waiting', message: null } : machine;
    case 'resumed':
      if (machine.phase === 'unauthorized') return machine;
      return nextMachine({ ...machine, phase: 'waiting' }, { kind: 'cycle_started', full: true });
    case 'credentials_refused':
      return { ...machine, phase: 'unauthorized', message: event.message };
    case 'credentials_changed':
      if (machine.phase !== 'unauthorized') return machine;
      return { ...machine, phase: 'waiting', message: null };
  }
}

function afterCycle(
  machine: AccountSyncMachine,
  event: Extract<SyncEvent, { kind: 'cycle_ended' }>,
): AccountSyncMachine {
  switch (event.outcome) {
    case 'unauthorized':
      return { ...machine, phase: 'unauthorized', message: event.message };
    case 'offline':
      return { ...machine, phase: 'offline', message: event.message, outage: 'network' };
    case 'paused':
      // The computer went offline during the cycle (host_offline said so), or came back already.
      return machine;
    case 'aborted':
      // Stopped, not finished: what was true before the cycle still is, except that it ran.
      return machine.phase === 'syncing' || machine.phase === 'catching_up'
        ? { ...machine, phase: 'waiting', message: null }
        : machine;
    case 'failed':
      return {
        ...machine,
        phase: 'retrying',
        message: event.message,
        outage: machine.outage ?? 'twilio',
      };
    case 'ok':
      if (event.failures > 0) {
        return {
          ...machine,
          phase: 'retrying',
          message: event.message,
          outage: machine.outage ?? 'twilio',
        };
      }
      if (!event.full) {
        // Due fetches only: everything it did went through, but the listing did not run, so it
        // proves nothing about the rest. A "syncing" it interrupted stays until the full cycle.
        return machine;
      }
      return {
        ...machine,
        phase: 'up_to_date',
        message: event.message,
        lastSuccessAt: event.at,
        outage: null,
      };
  }
}

/** The coarse state the tray and older views read. */
export function stateOfPhase(phase: SyncPhase): SyncState {
  switch (phase) {
    case 'syncing':
    case 'catching_up':
      return 'syncing';
    // `syncing` means a cycle is running; before one, nothing runs and nothing is wrong.
    case 'waiting':
    case 'up_to_date':
      return 'idle';
    case 'retrying':
      return 'error';
    case 'offline':
    case 'paused':
      return 'offline';
    case 'unauthorized':
      return 'unauthorized';
  }
}

/** Worse is higher: the panel shows the worst account. */
export const PHASE_SEVERITY: Readonly<Record<SyncPhase, number>> = {
  up_to_date: 0,
  waiting: 1,
  syncing: 2,
  catching_up: 3,
  paused: 4,
  offline: 5,
  retrying: 6,
  unauthorized: 7,
};

import type { DataKind } from '../../../shared/views';
import type { EventMethod, EventPayloadOf } from '../../../shared/ipc';
import type { AccountClocks, ClientProvider } from '../accounts/clientProvider';
import type { RequestListQuery, Store } from '../store';

type AgeingClock = NonNullable<RequestListQuery['ageing']>;

/** Pushes one of the contract's events (shared/ipc.ts `eventContract`) to the renderer. */
export type EmitEvent = <E extends EventMethod>(event: E, payload: EventPayloadOf<E>) => void;

/** What the porting use cases are built from; the composition root passes the real ones. */
export interface PortingDeps {
  store: Store;
  /** With AccountClocks, date rules count from the account's today (0 offset without). */
  clients: Pick<ClientProvider, 'clientFor'> & Partial<AccountClocks>;
  /** App data folder; bills are kept under `<dataDir>/bills/<sha256>`. */
  dataDir: string;
  /**
   * Epoch ms; every instant the use cases use comes from here, and "today" for date rules too,
   * moved by the account's clock offset (`clockOffsetOf`).
   */
  now: () => number;
  /** Wakes the outbox runner after work was queued. */
  kickOutbox: () => void;
  emit: EmitEvent;
  /** Whether main believes it can reach Twilio (the submit result and cancels say so). */
  isOnline: () => boolean;
  /** "No port date N days after submission" threshold; default: the stored setting, else 14. */
  ageingDays?: () => number;
  /** Portability checks in flight at once; default 8. */
  portabilityConcurrency?: number;
  /** Progress events at most this often… (default 100 ms) */
  progressIntervalMs?: number;
  /** …unless this many results are waiting (default 50). */
  progressBatchSize?: number;
}

export function isoNow(deps: Pick<PortingDeps, 'now'>): string {
  return new Date(deps.now()).toISOString();
}

/**
 * The account's server clock minus ours (0 while unknown): "today" for a date rule is the date
 * at `now() + clockOffsetOf(…)`, as Twilio counts "at least 7 days ahead" by its own clock
 * (docs/porting.md, "Whose today").
 */
export function clockOffsetOf(deps: Pick<PortingDeps, 'clients'>, accountId: string): number {
  return deps.clients.clockOffsetMs?.(accountId) ?? 0;
}

/**
 * The clock of the list's "No port date" ageing at `now`: a request's creation date is Twilio's,
 * on its account's clock, so each account's offset goes with it (AgeingClock.clockOffsetsMs).
 */
export function ageingClockAt(
  deps: Pick<PortingDeps, 'store' | 'clients'>,
  now: number,
  noPortDateAfterDays: number,
): AgeingClock {
  const clockOffsetsMs: Record<string, number> = {};
  for (const account of deps.store.accounts.list()) {
    const offsetMs = clockOffsetOf(deps, account.id);
    if (offsetMs !== 0) clockOffsetsMs[account.id] = offsetMs;
  }
  return { now: new Date(now).toISOString(), noPortDateAfterDays, clockOffsetsMs };
}

export function dataChanged(
  deps: Pick<PortingDeps, 'emit'>,
  change: { kinds: DataKind[]; draftIds?: number[]; requestSids?: string[] },
): void {
  deps.emit('onDataChanged', {
    kinds: change.kinds,
    draftIds: change.draftIds ?? [],
    requestSids: change.requestSids ?? [],
  });
}

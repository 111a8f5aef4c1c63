import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWriteBatcher, openStore } from '../../../main/core/store';
import { DetailFetcher } from '../../../main/core/sync/detailFetcher';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import {
  addSimulatorAccount,
  openTempStore,
  simRequests,
  simulatorClients,
  type TempStore,
} from './syncHarness';

/**
 * A fetch's slot is freed once its answer is queued for the writer, not once it is saved. What
 * that must never do: mark as fetched something not yet saved. A crash while answers wait in
 * the queue loses them, and the next cycle fetches those requests again.
 */
let sim: RunningSimulator;
let temp: TempStore;
let accountId: string;
let clients: ReturnType<typeof simulatorClients>;

const FETCH = 'GET /v1/Porting/PortIn/{PortInRequestSid}';
const fetchCalls = (): number => sim.control.state().callLog[FETCH] ?? 0;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'sync-queued-saves' });
  sim.control.seed({ requests: 3, numbersPerRequest: 2 });
  sim.control.setAcceleration(1e-9);
  temp = openTempStore();
  accountId = addSimulatorAccount(temp.store, sim);
  clients = simulatorClients(sim);
});

afterAll(async () => {
  await clients.closeAll();
  await sim.close();
  temp.close();
});

function fetcherWith(writes: ReturnType<typeof createWriteBatcher>): DetailFetcher {
  return new DetailFetcher({
    store: temp.store,
    now: () => Date.now(),
    random: () => 0.5,
    cadence: () => ({ syncCadenceMinutes: 5 }),
    isOpenOnScreen: () => false,
    accountLabel: () => 'Simulator',
    writes,
  });
}

describe('answers queued for the writer', () => {
  it('free the fetch at once, and nothing is marked fetched before its commit', async () => {
    // A queue that never commits on its own: only flush() does, as on quit or at a cycle's end.
    const writes = createWriteBatcher(temp.store, { maxWaitMs: 3_600_000 });
    const details = fetcherWith(writes);
    const client = await clients.clientFor(accountId);
    const signal = new AbortController().signal;
    const sids = simRequests(sim).map((request) => request.port_in_request_sid);
    expect(sids).toHaveLength(3);

    // One slot, three fetches: each answer is queued and the next fetch starts.
    const queued = [];
    for (const sid of sids) {
      const outcome = await details.fetchAndQueue(client, accountId, sid, { signal });
      expect(outcome.kind).toBe('queued');
      queued.push(outcome);
    }
    expect(fetchCalls()).toBe(3);
    expect(writes.pending).toBe(3);

    // What a crash now would leave on disk: nothing of the three, so all three stay to fetch.
    const afterCrash = openStore({ file: temp.file });
    try {
      for (const sid of sids) expect(afterCrash.requests.getRequest(sid)).toBeNull();
    } finally {
      afterCrash.close();
    }

    // A second fetch of a request whose save is still queued joins it: no second call.
    const joined = details.fetchAndQueue(client, accountId, sids[0] ?? '', { signal });
    writes.flush();
    await expect(joined).resolves.toEqual({ kind: 'joined' });
    expect(fetchCalls()).toBe(3);

    for (const outcome of queued) {
      if (outcome.kind !== 'queued') throw new Error('expected a queued save');
      await expect(outcome.saved).resolves.toMatchObject({ kind: 'saved', changed: true });
    }
    for (const sid of sids) {
      const stored = temp.store.requests.getRequest(sid);
      expect(stored?.request?.sid).toBe(sid);
      expect(stored?.sync.nextFetchAt).not.toBeNull();
      expect(stored?.sync.lastFetchedAt).not.toBeNull();
    }
    expect(temp.store.requests.dueForFetch(new Date().toISOString(), 10)).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SyncStatusSnapshot } from '../../../main/core/sync/engine';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import {
  addSimulatorAccount,
  engineFor,
  openTempStore,
  simRequests,
  simulatorClients,
  type TempStore,
} from './syncHarness';

let sim: RunningSimulator;
let temp: TempStore;
let accountId: string;
let clients: ReturnType<typeof simulatorClients>;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'sync-loops' });
  sim.control.seed({ requests: 12, numbersPerRequest: 1 });
  sim.control.setAcceleration(1e-9);
  temp = openTempStore();
  accountId = addSimulatorAccount(temp.store, sim, 'Loop desk');
  clients = simulatorClients(sim);
});

afterAll(async () => {
  await clients.closeAll();
  await sim.close();
  temp.close();
});

describe('the running engine', () => {
  it('syncs on demand, streams its status, then fetches the request on screen right away', async () => {
    const statuses: SyncStatusSnapshot[] = [];
    const engine = engineFor(temp.store, clients, {
      onStatus: (status) => statuses.push(status),
      // Far from any test's length: only triggers make the loop run.
      settings: () => ({ syncCadenceMinutes: 60 }),
      timing: { initialSkewMs: 60_000, minWakeMs: 60_000 },
    });
    try {
      engine.start();
      expect(engine.status().accounts).toEqual([
        {
          accountId,
          state: 'idle',
          phase: 'waiting',
          lastSuccessAt: null,
          message: null,
          nextAttemptAt: null,
        },
      ]);

      await engine.syncNow(accountId);

      const wire = simRequests(sim);
      for (const request of wire) {
        expect(temp.store.requests.getRequest(request.port_in_request_sid)?.request).not.toBeNull();
      }
      const status = engine.status();
      expect(status.state).toBe('idle');
      expect(status.phase).toBe('up_to_date');
      expect(status.message).toBe('Up to date.');
      expect(status.lastSuccessAt).not.toBeNull();
      expect(Date.parse(status.nextSyncAt ?? '')).toBeGreaterThan(Date.now());
      const states = statuses.map((s) => s.state);
      expect(states.indexOf('syncing')).toBeGreaterThanOrEqual(0);
      expect(states.lastIndexOf('idle')).toBeGreaterThan(states.indexOf('syncing'));

      // The request on screen is fetched now, and then planned 30 s out, not at the cadence.
      const open = wire.find(
        (r) => !['Completed', 'Canceled', 'Expired'].includes(r.port_in_request_status),
      );
      if (!open) throw new Error('no open request seeded');
      const sid = open.port_in_request_sid;
      const before = temp.store.requests.getRequest(sid)?.sync.lastFetchedAt;
      engine.focusRequest(sid);
      await vi.waitFor(
        () => expect(temp.store.requests.getRequest(sid)?.sync.lastFetchedAt).not.toBe(before),
        { timeout: 10_000 },
      );
      const sync = temp.store.requests.getRequest(sid)?.sync;
      expect(Date.parse(sync?.nextFetchAt ?? '') - Date.parse(sync?.lastFetchedAt ?? '')).toBe(
        30_000,
      );
    } finally {
      await engine.stop();
    }
    expect(engine.status().nextSyncAt).toBeNull();
  });
});

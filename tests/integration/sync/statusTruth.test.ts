import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatusSnapshot } from '../../../main/core/sync/engine';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import {
  addSimulatorAccount,
  engineFor,
  openTempStore,
  queueSubmission,
  simulatorClients,
  testNumber,
  type TempStore,
} from './syncHarness';

let sim: RunningSimulator;
let temp: TempStore;
let accountId: string;
let clients: ReturnType<typeof simulatorClients>;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'sync-status-truth', accelerate: 1e-9 });
  sim.control.seed({ requests: 6, numbersPerRequest: 1 });
  temp = openTempStore();
  accountId = addSimulatorAccount(temp.store, sim);
  clients = simulatorClients(sim);
});

afterAll(async () => {
  await clients.closeAll();
  await sim.close();
  temp.close();
});

describe('the sync status during a Twilio outage', () => {
  it('never says up to date until a complete cycle in which every call succeeded', async () => {
    const statuses: SyncStatusSnapshot[] = [];
    const engine = engineFor(temp.store, clients, { onStatus: (s) => statuses.push(s) });
    await engine.runCycle(accountId);
    expect(engine.status()).toMatchObject({ phase: 'up_to_date', state: 'idle' });
    const lastClean = engine.status().lastSuccessAt;

    // Twilio answers 503 to every read (the client's own retries included).
    const outage = sim.control.addFault({ kind: 'status', status: 503, match: { method: 'GET' } });
    const fromOutage = statuses.length;
    expect((await engine.runCycle(accountId)).outcome).toBe('failed');
    expect(engine.status()).toMatchObject({ phase: 'retrying', state: 'error' });
    expect(engine.status().message).toMatch(/tries again/);

    // The outbox gets through (its sends are not reads): its success moves nothing.
    queueSubmission(temp.store, accountId, temp.dir, {
      numbers: [testNumber(41)],
      customerName: 'Outage Customer',
    });
    await engine.drainOutbox(accountId);
    expect(temp.store.outbox.list({ states: ['done'] })).toHaveLength(2);
    expect(engine.status()).toMatchObject({ phase: 'retrying', lastSuccessAt: lastClean });

    // Twilio is back: the next cycle catches up, and only its clean end is "up to date".
    sim.control.removeFault(outage.id);
    expect((await engine.runCycle(accountId)).outcome).toBe('ok');
    const phases = statuses.slice(fromOutage).map((s) => s.phase);
    expect(phases).toContain('catching_up');
    expect(phases.indexOf('up_to_date')).toBe(phases.length - 1);
    expect(engine.status().lastSuccessAt).not.toBe(lastClean);
  });

  it('a cycle in which one request could not be fetched is not up to date', async () => {
    const engine = engineFor(temp.store, clients);
    await engine.runCycle(accountId);
    const [request] = temp.store.requests.listRequests({ accountIds: [accountId] }).rows;
    if (!request) throw new Error('no request stored');
    // Due now, and its fetch fails (more 503s than the client retries).
    temp.store.requests.markFetched(request.sid, { nextFetchAt: new Date().toISOString() });
    const fault = sim.control.addFault({
      kind: 'status',
      status: 503,
      count: 20,
      match: { method: 'GET', path: `/v1/Porting/PortIn/${request.sid}` },
    });
    const result = await engine.runCycle(accountId);
    sim.control.removeFault(fault.id);
    expect(result.outcome).toBe('ok');
    expect(result.fetchFailures).toHaveLength(1);
    expect(engine.status()).toMatchObject({ phase: 'retrying', state: 'error' });
    expect(engine.status().message).toMatch(/could not be refreshed/);

    await engine.runCycle(accountId);
    expect(engine.status().phase).toBe('up_to_date');
  });
});

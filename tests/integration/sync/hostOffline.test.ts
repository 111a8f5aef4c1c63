import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClientProvider } from '../../../main/core/accounts/clientProvider';
import type { SyncEngine, SyncStatusSnapshot } from '../../../main/core/sync/engine';
import { HOST_OFFLINE_MESSAGE } from '../../../main/core/sync/syncErrors';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import {
  addSimulatorAccount,
  engineFor,
  MINUTE,
  openTempStore,
  queueSubmission,
  simRequests,
  simulatorClients,
  testNumber,
  type TempStore,
} from './syncHarness';

/**
 * The host's offline signal (docs/sync.md, "When the host says offline"): the simulator stays
 * up the whole time, so every call the engine makes while told "offline" would reach it and
 * show in its call log.
 */

const CREATE = 'POST /v1/Porting/PortIn';
const UPLOAD = 'POST /v1/Documents';
const LIST = 'GET /v1/Porting/PortIn/PortInRequests';
const FETCH = 'GET /v1/Porting/PortIn/{PortInRequestSid}';
const CANCEL = 'DELETE /v1/Porting/PortIn/{PortInRequestSid}';

interface World {
  sim: RunningSimulator;
  /** The simulator's log: one line per answered call, in the order they finished. */
  lines: string[];
  temp: TempStore;
  accountId: string;
  clients: ClientProvider;
  /** How many times the engine asked for a client (each probe asks once). */
  clientRequests: () => number;
  engine: SyncEngine;
  statuses: SyncStatusSnapshot[];
  logLines: string[];
}

const worlds: World[] = [];

afterEach(async () => {
  for (const world of worlds.splice(0)) {
    await world.engine.stop();
    await world.clients.closeAll();
    await world.sim.close();
    world.temp.close();
  }
});

async function world(
  seed: string,
  options: { requests?: number; offlineProbeMs?: number } = {},
): Promise<World> {
  const lines: string[] = [];
  const sim = await startSimulator({ seed, accelerate: 1e-9, log: (line) => lines.push(line) });
  if (options.requests) sim.control.seed({ requests: options.requests, numbersPerRequest: 1 });
  const temp = openTempStore();
  const accountId = addSimulatorAccount(temp.store, sim, 'Harbor desk');
  const base = simulatorClients(sim);
  let asked = 0;
  const clients: ClientProvider = {
    clientFor: (id) => {
      asked += 1;
      return base.clientFor(id);
    },
    invalidate: (id) => base.invalidate(id),
    closeAll: () => base.closeAll(),
  };
  const statuses: SyncStatusSnapshot[] = [];
  const logLines: string[] = [];
  const engine = engineFor(temp.store, clients, {
    onStatus: (status) => statuses.push(status),
    onLog: (line) => logLines.push(line),
    // Eager loops: with nothing holding them back they would call within milliseconds.
    timing: {
      initialSkewMs: 0,
      minWakeMs: 1_000,
      offlineProbeMs: options.offlineProbeMs ?? 10 * MINUTE,
    },
  });
  const created: World = {
    sim,
    lines,
    temp,
    accountId,
    clients,
    clientRequests: () => asked,
    engine,
    statuses,
    logLines,
  };
  worlds.push(created);
  return created;
}

const callLog = (sim: RunningSimulator): Record<string, number> => sim.control.state().callLog;
const calls = (sim: RunningSimulator, route: string): number => callLog(sim)[route] ?? 0;

describe('while the host says offline', () => {
  it('fetches and sends nothing, whatever asks, says so, and sends the queued work exactly once on reconnect, before it syncs', async () => {
    const { sim, lines, temp, accountId, engine, statuses } = await world('host-offline-quiet', {
      requests: 6,
    });
    engine.start();
    await engine.syncNow(accountId);
    const open = simRequests(sim).find(
      (r) => !['Completed', 'Canceled', 'Expired'].includes(r.port_in_request_status),
    );
    if (!open) throw new Error('no open request seeded');
    const before = { ...callLog(sim) };

    engine.networkChanged(false);
    const fromOffline = statuses.length;
    const submission = queueSubmission(temp.store, accountId, temp.dir, {
      numbers: [testNumber(300), testNumber(301)],
      customerName: 'Harbor Freight Co',
    });
    const cancel = temp.store.outbox.enqueue({
      accountId,
      kind: 'cancel_port_in',
      payload: { requestSid: open.port_in_request_sid },
      requestSid: open.port_in_request_sid,
    });
    // Everything that would send or fetch at once when online.
    engine.kickOutbox();
    await engine.syncNow();
    await engine.syncNow(accountId);
    engine.focusRequest(open.port_in_request_sid);
    await engine.drainOutbox(accountId);
    const cycle = await engine.runCycle(accountId);

    expect(cycle.outcome).toBe('paused');
    expect(callLog(sim)).toEqual(before);
    const itemIds = [submission.uploadItemId, submission.createItemId, cancel.id];
    expect(itemIds.map((id) => temp.store.outbox.get(id)?.state)).toEqual([
      'waiting_for_network',
      'waiting_for_network',
      'waiting_for_network',
    ]);
    const status = engine.status();
    expect(status).toMatchObject({
      state: 'offline',
      message: HOST_OFFLINE_MESSAGE,
      nextSyncAt: null,
      queuedOps: 3,
    });
    expect(status.accounts[0]).toMatchObject({ state: 'offline', message: HOST_OFFLINE_MESSAGE });
    // Never "Up to date" or "Syncing" while the host says offline.
    expect(new Set(statuses.slice(fromOffline).map((s) => s.state))).toEqual(new Set(['offline']));
    expect(engine.isOnline()).toBe(false);

    const linesBeforeReconnect = lines.length;
    engine.networkChanged(true);
    await vi.waitFor(
      () => {
        expect(itemIds.map((id) => temp.store.outbox.get(id)?.state)).toEqual([
          'done',
          'done',
          'done',
        ]);
        expect(engine.status()).toMatchObject({ state: 'idle', message: 'Up to date.' });
      },
      { timeout: 15_000 },
    );
    expect(calls(sim, UPLOAD)).toBe(1);
    expect(calls(sim, CREATE)).toBe(1);
    expect(calls(sim, CANCEL)).toBe((before[CANCEL] ?? 0) + 1);
    expect(calls(sim, LIST)).toBeGreaterThan(before[LIST] ?? 0);
    // The outbox first, then the sync's listing.
    const after = lines.slice(linesBeforeReconnect);
    const firstListing = after.findIndex((line) =>
      line.startsWith('GET /v1/Porting/PortIn/PortInRequests'),
    );
    const sends = after
      .map((line, index) => (/^(POST|DELETE) /.test(line) ? index : -1))
      .filter((index) => index >= 0);
    expect(sends).toHaveLength(3);
    expect(firstListing).toBeGreaterThan(Math.max(...sends));
    expect(temp.store.drafts.get(submission.draftId)?.status).toBe('submitted');
    expect(engine.isOnline()).toBe(true);
  });

  it('lets a send in flight finish, then starts no other', async () => {
    const { sim, temp, accountId, engine } = await world('host-offline-in-flight');
    // The first bill upload is slow, so the host's signal lands while it is on the wire.
    sim.control.addFault({
      kind: 'latency',
      ms: 400,
      count: 1,
      match: { method: 'POST', path: '/v1/Documents' },
    });
    const first = queueSubmission(temp.store, accountId, temp.dir, {
      numbers: [testNumber(310)],
      customerName: 'First Light LLC',
    });
    const second = queueSubmission(temp.store, accountId, temp.dir, {
      numbers: [testNumber(311)],
      customerName: 'Second Wind LLC',
    });
    engine.start();
    await vi.waitFor(
      () => expect(temp.store.outbox.get(first.uploadItemId)?.state).toBe('sending'),
      { timeout: 10_000 },
    );

    engine.networkChanged(false);
    await vi.waitFor(() => expect(temp.store.outbox.get(first.uploadItemId)?.state).toBe('done'), {
      timeout: 10_000,
    });
    // Stopping waits for every drain and cycle in flight: whatever they did is in now.
    await engine.stop();
    expect(temp.store.documents.get(first.documentId)?.twilioSid).toMatch(/^RD/);
    expect(calls(sim, UPLOAD)).toBe(1);
    expect(calls(sim, CREATE)).toBe(0);
    expect(
      [first.createItemId, second.uploadItemId, second.createItemId].map(
        (id) => temp.store.outbox.get(id)?.state,
      ),
    ).toEqual(['waiting_for_network', 'waiting_for_network', 'waiting_for_network']);
    expect(engine.status().state).toBe('offline');

    engine.networkChanged(true);
    engine.start();
    await vi.waitFor(
      () => expect(temp.store.drafts.get(second.draftId)?.status).toBe('submitted'),
      { timeout: 15_000 },
    );
    await vi.waitFor(() => expect(temp.store.drafts.get(first.draftId)?.status).toBe('submitted'));
    expect(calls(sim, UPLOAD)).toBe(2);
    expect(calls(sim, CREATE)).toBe(2);
    expect(sim.control.state().requests).toHaveLength(2);
  });

  it('stops a cycle in flight before its detail fetches, and shows offline rather than the cycle’s outcome', async () => {
    const { sim, temp, accountId, engine } = await world('host-offline-cycle', { requests: 8 });
    sim.control.addFault({
      kind: 'latency',
      ms: 400,
      count: 1,
      match: { method: 'GET', path: '/v1/Porting/PortIn/PortInRequests' },
    });
    const cycle = engine.runCycle(accountId);
    await vi.waitFor(() => expect(engine.status().state).toBe('syncing'), { timeout: 10_000 });
    engine.networkChanged(false);

    const result = await cycle;

    // The listing that was on the wire came back and was saved; no request was fetched after.
    expect(result.outcome).toBe('paused');
    expect(calls(sim, LIST)).toBe(1);
    expect(calls(sim, FETCH)).toBe(0);
    expect(temp.store.requests.listRequests({ accountIds: [accountId] }).total).toBe(8);
    expect(engine.status()).toMatchObject({ state: 'offline', message: HOST_OFFLINE_MESSAGE });
  });

  it('probes lightly every offlineProbeMs, and when Twilio answers anyway, resumes and logs one line', async () => {
    const { sim, lines, temp, accountId, engine, logLines, clientRequests } = await world(
      'host-offline-probe',
      { offlineProbeMs: 100 },
    );
    engine.start();
    await engine.syncNow(accountId);
    // What the probes meet at first: connections dropped before any answer, like no network.
    const dropAll = sim.control.addFault({ kind: 'reset', phase: 'before' });
    engine.networkChanged(false);
    const asked = clientRequests();
    const linesBeforeOffline = lines.length;
    const submission = queueSubmission(temp.store, accountId, temp.dir, {
      numbers: [testNumber(320)],
      customerName: 'Mistaken Signal Inc',
    });
    engine.kickOutbox();

    await vi.waitFor(() => expect(clientRequests() - asked).toBeGreaterThanOrEqual(3), {
      timeout: 10_000,
    });
    expect(engine.status().state).toBe('offline');
    expect(engine.isOnline()).toBe(false);
    expect(logLines).toEqual([]);
    // Nothing but the one-row listing reached the simulator.
    const probes = lines.slice(linesBeforeOffline);
    expect(probes.length).toBeGreaterThan(0);
    for (const line of probes) {
      expect(line).toMatch(/^GET \/v1\/Porting\/PortIn\/PortInRequests\?Size=1 → fault reset/);
    }

    // The network was there all along (the OS was wrong): the next probe gets an answer.
    sim.control.removeFault(dropAll.id);
    await vi.waitFor(
      () => expect(temp.store.drafts.get(submission.draftId)?.status).toBe('submitted'),
      { timeout: 15_000 },
    );
    expect(logLines).toHaveLength(1);
    expect(logLines[0]).toMatch(/no network, but Twilio answered a probe for “Harbor desk”/);
    expect(engine.isOnline()).toBe(true);
    expect(calls(sim, CREATE)).toBe(1);
    await vi.waitFor(() => expect(engine.status().state).toBe('idle'), { timeout: 10_000 });
  });

  it('on waking from sleep, probes once instead of syncing', async () => {
    const { sim, lines, temp, accountId, engine, logLines } = await world('host-offline-wake');
    engine.start();
    await engine.syncNow(accountId);
    engine.networkChanged(false);
    const submission = queueSubmission(temp.store, accountId, temp.dir, {
      numbers: [testNumber(330)],
      customerName: 'Early Riser Ltd',
    });
    engine.kickOutbox();
    const linesBeforeWake = lines.length;

    engine.resumedFromSleep();

    await vi.waitFor(
      () => expect(temp.store.drafts.get(submission.draftId)?.status).toBe('submitted'),
      { timeout: 15_000 },
    );
    expect(lines[linesBeforeWake]).toMatch(
      /^GET \/v1\/Porting\/PortIn\/PortInRequests\?Size=1 → 200/,
    );
    expect(logLines).toHaveLength(1);
    expect(calls(sim, CREATE)).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CycleNotice } from '../../../main/core/sync/engine';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import {
  addSimulatorAccount,
  engineFor,
  manualClock,
  MINUTE,
  openTempStore,
  simRequests,
  simulatorClients,
  type TempStore,
} from './syncHarness';

const SEEDED = 230;
let sim: RunningSimulator;
let temp: TempStore;
let accountId: string;
const clock = manualClock();
const cycles: CycleNotice[] = [];
let clients: ReturnType<typeof simulatorClients>;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'sync-discovery' });
  sim.control.seed({ requests: SEEDED, numbersPerRequest: 2 });
  // Freeze the simulator's clock: what it holds now is what the store must hold.
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

function calls(route: string): number {
  return sim.control.state().callLog[route] ?? 0;
}
const LIST = 'GET /v1/Porting/PortIn/PortInRequests';
const FETCH = 'GET /v1/Porting/PortIn/{PortInRequestSid}';

describe('sync of an account with many requests', () => {
  it('a first sync pages the whole list and stores every request exactly as the simulator holds it', async () => {
    const engine = engineFor(temp.store, clients, {
      now: clock.now,
      onCycle: (cycle) => cycles.push(cycle),
    });
    const result = await engine.runCycle(accountId);

    expect(result.outcome).toBe('ok');
    expect(result.firstSync).toBe(true);
    expect(result.listPages).toBe(Math.ceil(SEEDED / 100));
    expect(calls(FETCH)).toBe(SEEDED);

    const wire = simRequests(sim);
    expect(wire).toHaveLength(SEEDED);
    for (const request of wire) {
      const stored = temp.store.requests.getRequest(request.port_in_request_sid);
      expect(stored?.accountId).toBe(accountId);
      expect(stored?.request?.status.raw).toBe(request.port_in_request_status);
      expect(stored?.signatureRequestUrl).toBe(request.signature_request_url);
      const numbers = new Map(stored?.request?.phoneNumbers.map((n) => [n.sid, n]));
      expect(numbers.size).toBe(request.phone_numbers.length);
      for (const number of request.phone_numbers) {
        const local = numbers.get(number.port_in_phone_number_sid);
        expect(local?.phoneNumber).toBe(number.phone_number);
        expect(local?.status.raw).toBe(number.port_in_phone_number_status);
        expect(local?.portDate).toBe(number.port_date);
      }
    }

    // Every request got exactly one request_created event, every LOA link one event, every
    // rejected number one rejection event.
    for (const request of wire) {
      const events = temp.store.timeline.listEvents(request.port_in_request_sid);
      expect(events.filter((e) => e.kind === 'request_created')).toHaveLength(1);
      expect(events.filter((e) => e.kind === 'loa_link_available')).toHaveLength(
        request.signature_request_url === null ? 0 : 1,
      );
      const rejected = request.phone_numbers.filter((n) => n.rejection_reason_code !== null);
      expect(events.filter((e) => e.kind === 'rejected')).toHaveLength(rejected.length);
    }
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.firstSync).toBe(true);
    expect(cycles[0]?.events.length).toBe(result.events.length);
    expect(new Set(cycles[0]?.changedRequestSids)).toEqual(
      new Set(wire.map((r) => r.port_in_request_sid)),
    );
  });

  it('a second sync with nothing changed only lists, fetches nothing and adds no events', async () => {
    const engine = engineFor(temp.store, clients, {
      now: clock.now,
      onCycle: (cycle) => cycles.push(cycle),
    });
    clock.advance(10_000);
    const listed = calls(LIST);
    const fetched = calls(FETCH);

    const result = await engine.runCycle(accountId);

    expect(result.outcome).toBe('ok');
    expect(result.firstSync).toBe(false);
    expect(calls(LIST) - listed).toBe(Math.ceil(SEEDED / 100));
    expect(calls(FETCH) - fetched).toBe(0);
    expect(result.events).toEqual([]);
    expect(result.changedRequestSids).toEqual([]);
    expect(cycles.at(-1)?.firstSync).toBe(false);
  });

  it('after the cadence open requests are fetched again, terminal ones once more, then never', async () => {
    const engine = engineFor(temp.store, clients, { now: clock.now });
    const terminal = simRequests(sim).filter((r) =>
      ['Completed', 'Canceled', 'Expired'].includes(r.port_in_request_status),
    );
    expect(terminal.length).toBeGreaterThan(0);

    clock.advance(6 * MINUTE);
    const fetched = calls(FETCH);
    const again = await engine.runCycle(accountId);
    expect(again.events).toEqual([]);
    expect(calls(FETCH) - fetched).toBe(SEEDED);

    clock.advance(6 * MINUTE);
    const before = calls(FETCH);
    await engine.runCycle(accountId);
    expect(calls(FETCH) - before).toBe(SEEDED - terminal.length);
    for (const request of terminal) {
      expect(
        temp.store.requests.getRequest(request.port_in_request_sid)?.sync.nextFetchAt,
      ).toBeNull();
    }
  });

  it('one request that cannot be fetched (malformed answers, or gone at Twilio) does not fail the cycle', async () => {
    const engine = engineFor(temp.store, clients, { now: clock.now });
    const broken = simRequests(sim).find(
      (r) => !['Completed', 'Canceled', 'Expired'].includes(r.port_in_request_status),
    );
    if (!broken) throw new Error('no open request seeded');
    sim.control.addFault({
      kind: 'malformed',
      phase: 'after',
      match: { method: 'GET', path: `/v1/Porting/PortIn/${broken.port_in_request_sid}` },
    });
    const ghost = `KW${'ab'.repeat(16)}`;
    temp.store.requests.upsertSummary(accountId, {
      sid: ghost,
      status: { canonical: 'in_progress', raw: 'In Progress' },
      statusUpdatedAt: null,
      numbersRequested: 1,
      numbersPorted: 0,
      suggestedAction: null,
    });

    clock.advance(6 * MINUTE);
    try {
      const result = await engine.runCycle(accountId);
      expect(result.outcome).toBe('ok');
      expect(result.fetchFailures.map((f) => f.sid)).toEqual([broken.port_in_request_sid]);
      expect(result.message).toMatch(/1 request could not be refreshed/);
      expect(result.fetched).toBeGreaterThan(100);
      // Gone at Twilio and not listed any more: kept as last seen, never asked for again.
      expect(temp.store.requests.getRequest(ghost)?.sync.nextFetchAt).toBeNull();
      // The broken one is simply due again soon.
      const retryAt = temp.store.requests.getRequest(broken.port_in_request_sid)?.sync.nextFetchAt;
      expect(Date.parse(retryAt ?? '')).toBe(clock.now() + MINUTE);
    } finally {
      sim.control.clearFaults();
    }
  });
});

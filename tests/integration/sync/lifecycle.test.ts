import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../shared/domain/timeline';
import type { CycleNotice } from '../../../main/core/sync/engine';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import {
  addSimulatorAccount,
  DAY,
  engineFor,
  manualClock,
  MINUTE,
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
  // Time moves only when the test says so.
  sim = await startSimulator({ seed: 'sync-lifecycle' });
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

/** [kind, number or '-', to] — what an agent reads in the timeline. */
function line(event: TimelineEvent): string {
  const to =
    event.kind === 'status_changed'
      ? String(event.detail.toStatus)
      : event.kind === 'rejected'
        ? String(event.detail.rejectionReasonCode)
        : event.kind === 'port_date_set'
          ? 'date'
          : event.kind === 'request_created'
            ? String(event.detail.status)
            : '';
  return `${event.kind} ${event.phoneNumber ?? '-'} ${to}`.trim();
}

describe('a request through its lifecycle', () => {
  it('turns every step of the simulator’s clock into timeline events, in order, each reported once', async () => {
    const clock = manualClock();
    const reported: CycleNotice[] = [];
    const engine = engineFor(temp.store, clients, {
      now: clock.now,
      onCycle: (cycle) => reported.push(cycle),
    });
    const ported = testNumber(500);
    const rejected = testNumber(501);
    sim.control.scriptNumber(rejected, { kind: 'reject', code: 22155 });
    const queued = queueSubmission(temp.store, accountId, temp.dir, {
      numbers: [ported, rejected],
      customerName: 'Lifecycle Inc',
    });

    const step = async (simMs: number): Promise<void> => {
      if (simMs > 0) sim.control.advance(simMs);
      clock.advance(6 * MINUTE); // past the cadence: every open request is due
      const result = await engine.runCycle(accountId);
      expect(result.outcome).toBe('ok');
    };

    await step(0); // the outbox sends the bill and the create
    const sid = temp.store.drafts.get(queued.draftId)?.requestSid ?? '';
    expect(sid).toMatch(/^KW/);
    await step(31 * MINUTE); // reviewed: LOA generated
    sim.control.signLoa(sid);
    await step(6 * MINUTE); // signed, then submitted to the losing carrier
    await step(1 * DAY); // the carrier answers: one FOC with a port date, one rejection
    await step(8 * DAY); // the port date passes
    temp.store.outbox.enqueue({
      accountId,
      kind: 'cancel_number',
      payload: {
        requestSid: sid,
        numberSid:
          temp.store.requests
            .getRequest(sid)
            ?.request?.phoneNumbers.find((n) => n.phoneNumber === rejected)?.sid ?? '',
        phoneNumber: rejected,
      },
      requestSid: sid,
    });
    await step(0); // the agent cancels the rejected number
    await step(11 * MINUTE); // canceled: the request is complete

    const timeline = temp.store.timeline.listEvents(sid).reverse();
    expect(timeline.map(line)).toEqual([
      'request_created - in_review',
      'status_changed - waiting_for_signature',
      'loa_link_available -',
      `status_changed ${ported} waiting_for_signature`,
      `status_changed ${rejected} waiting_for_signature`,
      'status_changed - in_progress',
      `status_changed ${ported} submitted`,
      `status_changed ${rejected} submitted`,
      'status_changed - action_required',
      `status_changed ${ported} pending`,
      `port_date_set ${ported} date`,
      `rejected ${rejected} 22155`,
      `status_changed ${ported} completed`,
      // Canceling the only rejected number clears Action Required at once.
      'status_changed - in_progress',
      `status_changed ${rejected} canceling`,
      'status_changed - completed',
      `number_canceled ${rejected}`,
    ]);
    expect(timeline[0]?.source).toBe('outbox');
    expect(timeline.slice(1).every((event) => event.source === 'sync')).toBe(true);
    const rejection = timeline.find((event) => event.kind === 'rejected');
    expect(rejection?.detail.rejectionReason).toBe('INVALID_PIN');

    // onCycle carried each sync event exactly once, and none of the outbox's.
    const reportedIds = reported.flatMap((cycle) => cycle.events.map((event) => event.id));
    expect(reportedIds).toEqual(timeline.slice(1).map((event) => event.id));
    expect(reported.every((cycle) => cycle.accountId === accountId)).toBe(true);
  });
});

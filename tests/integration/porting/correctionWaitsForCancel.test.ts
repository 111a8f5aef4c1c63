/**
 * Fix and resubmit end to end on the real core parts and the simulator (issue 10 §3): the
 * corrected create waits in the outbox behind the cancel of the original number, survives a
 * restart with its dependency, and is sent by itself once the sync sees the number Canceled —
 * no 22137 reaches the agent, and the correction (the carrier's address on file) passes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../main/core/store';
import type { SyncEngine } from '../../../main/core/sync/engine';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import { engineFor, manualClock, simulatorClients } from '../sync/syncHarness';
import { minimalPdf } from './billBytes';
import { completeForm, createHarness, type Harness } from './harness';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const KEPT = '+13125550181';
const REJECTED = '+13125550182';
const CREATE_ROUTE = 'POST /v1/Porting/PortIn';
const ON_FILE = { street: '600 Sansome St', city: 'Springfield', state: 'IL', zip: '62701' };

let sim: RunningSimulator;
let h: Harness;
let clock: ReturnType<typeof manualClock>;
const engines: SyncEngine[] = [];
const stores: Store[] = [];

beforeEach(async () => {
  sim = await startSimulator({ seed: 'correction-waits-for-cancel' });
  clock = manualClock(Date.parse(sim.control.advance(0).now));
  h = await createHarness({ sim, deps: { now: clock.now } });
});

afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.stop();
  for (const store of stores.splice(0)) store.close();
  await h.close();
  await sim.close();
});

function engineOn(store: Store): SyncEngine {
  const engine = engineFor(store, simulatorClients(sim), { now: clock.now });
  engines.push(engine);
  return engine;
}

/** The simulated world and PortDesk's clock move together. */
function advance(ms: number): void {
  sim.control.advance(ms);
  clock.advance(ms);
}

function creates(): number {
  return sim.control.state().callLog[CREATE_ROUTE] ?? 0;
}

/** Every 22137 PortDesk recorded anywhere the agent could read it. */
function shown22137(store: Store): unknown[] {
  const onItems = store.outbox.list().filter((item) => item.lastError?.code === 22137);
  const onDrafts = store.drafts
    .list()
    .flatMap((draft) => draft.fieldErrors)
    .filter((error) => error.message.includes('22137'));
  return [...onItems, ...onDrafts];
}

/** A request for KEPT and REJECTED whose REJECTED number the carrier refuses (address). */
async function rejectedRequest(engine: SyncEngine): Promise<string> {
  sim.control.setCarrierRecord(REJECTED, { address: ON_FILE });
  const draft = await h.porting.createDraft({
    accountId: h.accountId,
    initial: { ...completeForm([KEPT, REJECTED]), targetPortInDate: null },
  });
  await h.porting.attachBill({ draftId: draft.id, name: 'bill.pdf', bytes: minimalPdf() });
  await h.porting.submitDraft({ draftId: draft.id });
  await engine.drainOutbox(h.accountId);
  const sid = h.store.drafts.get(draft.id)?.requestSid ?? '';
  expect(sid).toMatch(/^KW/);
  advance(31 * MINUTE);
  sim.control.signLoa(sid);
  advance(6 * MINUTE);
  advance(DAY + MINUTE);
  await engine.runCycle(h.accountId);
  const stored = h.store.requests.getRequest(sid)?.request;
  expect(stored?.phoneNumbers.find((n) => n.phoneNumber === REJECTED)?.status.canonical).toBe(
    'rejected',
  );
  return sid;
}

describe('a correction queued behind the cancel of the original number', () => {
  it('is sent by itself once Twilio shows the number Canceled, across a restart, with no 22137 shown', async () => {
    const engine = engineOn(h.store);
    const original = await rejectedRequest(engine);

    // The detail's one command: the corrected draft and the cancel of the rejected number.
    const started = await h.porting.correctRejectedRequest({ sid: original, cancelRejected: true });
    expect(started.cancel?.numbers).toBe(1);
    const draftId = started.draft.id;
    await h.porting.updateDraft({
      draftId,
      patch: {
        losingCarrier: {
          address: { ...completeForm().losingCarrier.address, street: ON_FILE.street },
        },
      },
    });
    const submitted = await h.porting.submitDraft({ draftId });
    expect(submitted.state).toBe('queued');
    const createId = submitted.state === 'queued' ? submitted.outboxItemId : 0;

    // The cancel goes out (204); the create does not: Twilio still holds the number.
    await engine.drainOutbox(h.accountId);
    expect(creates()).toBe(1);
    expect(h.store.outbox.get(createId)?.state).toBe('queued');
    const waiting = (await h.porting.getDraft({ draftId })).waitingFor;
    expect(waiting?.words).toContain(`Waiting for the cancel of ${original} to finish`);
    await engine.runCycle(h.accountId);
    expect(creates()).toBe(1);
    const canceling = h.store.requests
      .getRequest(original)
      ?.request?.phoneNumbers.find((n) => n.phoneNumber === REJECTED);
    expect(canceling?.status.canonical).toBe('canceling');
    await engine.stop();

    // Restart: a new connection and a new engine read the dependency back from the file.
    const reopened = openStore({ file: h.store.file });
    stores.push(reopened);
    const create = reopened.outbox.get(createId);
    expect(create?.awaitsRelease).toHaveLength(1);
    expect(reopened.outbox.unreleasedDependencies(createId)).toHaveLength(1);
    const restarted = engineOn(reopened);
    await restarted.drainOutbox(h.accountId);
    expect(creates()).toBe(1);

    // Twilio finishes the cancel; the next cycle sees it and sends the correction in the same cycle.
    advance(11 * MINUTE);
    await restarted.runCycle(h.accountId);
    expect(creates()).toBe(2);
    const draft = reopened.drafts.get(draftId);
    expect(draft?.status).toBe('submitted');
    expect(draft?.fieldErrors).toEqual([]);
    expect(shown22137(reopened)).toEqual([]);
    const corrected = draft?.requestSid ?? '';
    expect(corrected).toMatch(/^KW/);
    expect(corrected).not.toBe(original);

    // The carrier has this address on file: the correction is not rejected again.
    advance(31 * MINUTE);
    sim.control.signLoa(corrected);
    advance(6 * MINUTE);
    advance(DAY + MINUTE);
    await restarted.runCycle(h.accountId);
    const answer = reopened.requests.getRequest(corrected)?.request?.phoneNumbers[0];
    expect(answer?.phoneNumber).toBe(REJECTED);
    expect(answer?.status.canonical).not.toBe('rejected');
  });

  it('goes back to waiting, without a word to the agent, when Twilio answers 22137 anyway', async () => {
    const engine = engineOn(h.store);
    const original = await rejectedRequest(engine);
    const started = await h.porting.correctRejectedRequest({ sid: original, cancelRejected: true });
    const draftId = started.draft.id;
    const submitted = await h.porting.submitDraft({ draftId });
    const createId = submitted.state === 'queued' ? submitted.outboxItemId : 0;
    await engine.drainOutbox(h.accountId);
    expect(creates()).toBe(1);

    // PortDesk believes the number Canceled while Twilio still holds it (its check lags).
    const stored = h.store.requests.getRequest(original)?.request;
    if (!stored) throw new Error('original not stored');
    h.store.requests.saveFetchedRequest(
      h.accountId,
      {
        ...stored,
        phoneNumbers: stored.phoneNumbers.map((n) =>
          n.phoneNumber === REJECTED
            ? { ...n, status: { canonical: 'canceled', raw: 'Canceled' } }
            : n,
        ),
      },
      new Date(clock.now()).toISOString(),
    );
    await engine.drainOutbox(h.accountId);
    expect(creates()).toBe(2); // sent, and refused with 22137 by the simulator

    const item = h.store.outbox.get(createId);
    expect(item?.state).toBe('queued');
    expect(item?.nextAttemptAt).not.toBeNull();
    expect(item?.lastError?.kind).toBe('held_by_own_cancel');
    expect(h.store.drafts.get(draftId)?.status).toBe('queued');
    expect(shown22137(h.store)).toEqual([]);
    const view = (await h.porting.listOutbox()).find((entry) => entry.id === createId);
    expect(view?.lastError).toBeNull();
    expect(view?.waitingFor?.words).toContain(`Waiting for the cancel of ${original} to finish`);
  });
});

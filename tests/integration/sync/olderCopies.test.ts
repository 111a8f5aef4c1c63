import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortInCreateInput, PortInRequest } from '../../../shared/domain/portIn';
import type { ClientProvider } from '../../../main/core/accounts/clientProvider';
import { DetailFetcher } from '../../../main/core/sync/detailFetcher';
import { saveFetchedWithEvents } from '../../../main/core/sync/requestWriter';
import { PortingClient, type CallOptions } from '../../../main/core/twilio';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import {
  addSimulatorAccount,
  engineFor,
  MINUTE,
  openTempStore,
  queueSubmission,
  testNumber,
  type TempStore,
} from './syncHarness';

/**
 * Two copies of one request saved out of order: the older must not replace the newer, or the
 * timeline steps back ("Waiting for Signature → In Review") and forward again at the next fetch.
 * The interleavings are forced with a held answer, never with timing.
 */
let sim: RunningSimulator;
let temp: TempStore;
let accountId: string;
let nextNumber = 500;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'older-copies' });
  temp = openTempStore();
  accountId = addSimulatorAccount(temp.store, sim);
});

afterAll(async () => {
  await sim.close();
  temp.close();
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** A client whose create reaches Twilio but whose answer waits until the test lets it through. */
class HeldCreateClient extends PortingClient {
  readonly answered = deferred<PortInRequest>();
  readonly release = deferred<true>();

  override async createPortIn(input: PortInCreateInput, opts?: CallOptions) {
    const answer = await super.createPortIn(input, opts);
    this.answered.resolve(answer);
    await this.release.promise;
    return answer;
  }
}

function clientFor<C extends PortingClient>(
  Client: new (options: ConstructorParameters<typeof PortingClient>[0]) => C,
): C {
  return new Client({
    credentials: { username: sim.credentials.apiKeySid, password: sim.credentials.apiKeySecret },
    accountSid: sim.credentials.accountSid,
    baseUrl: sim.url,
    uploadBaseUrl: sim.uploadUrl,
    sleep: async () => undefined,
  });
}

function providerOf(client: PortingClient): ClientProvider {
  return {
    clientFor: async () => client,
    invalidate: async () => undefined,
    closeAll: () => client.close(),
  };
}

function detailFetcher(): DetailFetcher {
  return new DetailFetcher({
    store: temp.store,
    now: () => Date.now(),
    random: () => 0.5,
    cadence: () => ({ syncCadenceMinutes: 5 }),
    isOpenOnScreen: () => false,
    accountLabel: () => 'Simulator',
  });
}

const statusSteps = (sid: string) =>
  temp.store.timeline
    .listEvents(sid)
    .filter((e) => e.kind === 'status_changed' || e.kind === 'request_created')
    .map((e) => [e.kind, e.numberSid === null ? 'request' : 'number', e.to, e.source]);

describe('an older copy of a request', () => {
  it('from our own create, answered after sync saved a newer one, is not saved over it', async () => {
    const client = clientFor(HeldCreateClient);
    const engine = engineFor(temp.store, providerOf(client));
    const queued = queueSubmission(temp.store, accountId, temp.dir, {
      numbers: [testNumber(nextNumber++), testNumber(nextNumber++)],
      customerName: 'Acme Inc',
    });

    const drained = engine.drainOutbox(accountId);
    // Twilio has the request; our create's answer (In Review) is still on its way.
    const answer = await client.answered.promise;
    expect(answer.status.canonical).toBe('in_review');
    // Meanwhile the LOA goes out, and a sync cycle lists and fetches the request.
    sim.control.advance(30 * MINUTE);
    const fetched = await detailFetcher().fetchAndSave(client, accountId, answer.sid, {
      signal: new AbortController().signal,
    });
    expect(fetched.kind).toBe('saved');
    expect(temp.store.requests.getRequest(answer.sid)?.status.canonical).toBe(
      'waiting_for_signature',
    );

    client.release.resolve(true);
    await drained;

    const stored = temp.store.requests.getRequest(answer.sid);
    expect(stored?.status.canonical).toBe('waiting_for_signature');
    expect(stored?.request?.phoneNumbers.map((n) => n.status.canonical)).toEqual([
      'waiting_for_signature',
      'waiting_for_signature',
    ]);
    expect(statusSteps(answer.sid)).toEqual([
      ['request_created', 'request', 'Waiting for Signature', 'sync'],
    ]);
    // The outbox still finished its work: the item is done and the draft links the request.
    expect(temp.store.outbox.get(queued.createItemId)).toMatchObject({
      state: 'done',
      result: { requestSid: answer.sid, reconciled: false },
    });
    expect(temp.store.drafts.get(queued.draftId)).toMatchObject({
      status: 'submitted',
      requestSid: answer.sid,
    });
    expect(stored?.draftId).toBe(queued.draftId);
    await client.close();
  });

  it('fetched before a newer copy was saved, is not saved when its answer lands last', async () => {
    const client = clientFor(PortingClient);
    const queued = queueSubmission(temp.store, accountId, temp.dir, {
      numbers: [testNumber(nextNumber++)],
      customerName: 'Beta LLC',
    });
    await engineFor(temp.store, providerOf(client)).drainOutbox(accountId);
    const sid = temp.store.drafts.get(queued.draftId)?.requestSid ?? '';
    const context = {
      accountId,
      nowMs: Date.now(),
      source: 'sync' as const,
      openOnScreen: false,
      cadence: { syncCadenceMinutes: 5 },
      random: () => 0.5,
    };
    // A slow fetch (e.g. the outbox's reconciliation) took its copy first…
    const slow = await client.fetchPortIn(sid);
    sim.control.advance(30 * MINUTE);
    // …a later fetch's newer copy is saved first…
    const newer = await client.fetchPortIn(sid);
    saveFetchedWithEvents(temp.store, newer, context);
    const timeline = temp.store.timeline.listEvents(sid);
    expect(statusSteps(sid)).toContainEqual([
      'status_changed',
      'request',
      'Waiting for Signature',
      'sync',
    ]);
    // …and the slow one lands last.
    const late = saveFetchedWithEvents(temp.store, slow, context);

    expect(late).toMatchObject({ keptNewer: true, events: [], changed: false });
    expect(temp.store.requests.getRequest(sid)?.request).toEqual(newer);
    expect(temp.store.timeline.listEvents(sid)).toEqual(timeline);
    await client.close();
  });
});

/**
 * Issue 12, "Also": a crash between a bill's upload and the create that needs it. The upload's
 * document SID is stored before the create goes out; a bill no request ends up using is listed
 * for the agent; and attaching the same bytes again reuses that document instead of uploading a
 * second copy of the customer's bill (Twilio documents no way to delete one).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxChange, SyncEngine } from '../../../main/core/sync/engine';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import { localDateString, addDays } from '../../../shared/domain/portDates';
import { engineFor } from '../sync/syncHarness';
import { minimalPdf } from './billBytes';
import { aRequest } from '../../fixtures/portInBuilders';
import {
  completeForm,
  createHarness,
  simulatorClients,
  storeFetchedRequest,
  type Harness,
} from './harness';

let sim: RunningSimulator;
let h: Harness;
let clients: ReturnType<typeof simulatorClients>;
const engines: SyncEngine[] = [];

beforeEach(async () => {
  sim = await startSimulator({ seed: 'orphan-bills' });
  h = await createHarness({ sim });
  h.clock.now = Date.now();
  clients = simulatorClients(sim);
});

afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.stop()));
  await clients.closeAll();
  await h.close();
  await sim.close();
});

const UPLOAD = 'POST /v1/Documents';
const uploads = () => sim.control.state().documents.length;
/** The document SIDs of each request the simulator holds, in creation order. */
const requestDocuments = () =>
  sim.control.state().requests.map((request) => (request as { documents: string[] }).documents);

/** A weekday at least 10 days after today, so the create's date rules pass at the simulator. */
function targetDate(): string {
  let day = addDays(localDateString(new Date(h.clock.now)), 10);
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, 1);
  return day;
}

async function queueDraft(numbers: string[], bill: Uint8Array, name: string) {
  const form = { ...completeForm(numbers), targetPortInDate: targetDate() };
  const draft = await h.porting.createDraft({ accountId: h.accountId, initial: form });
  await h.porting.attachBill({ draftId: draft.id, name, bytes: bill });
  const submitted = await h.porting.submitDraft({ draftId: draft.id });
  if (submitted.state !== 'queued') throw new Error('expected the draft to be queued');
  return { draftId: draft.id, createId: submitted.outboxItemId };
}

/** An engine whose outbox stops dead once an upload is done: the process "crashes" there. */
function engineThatStopsAfterUpload(): SyncEngine {
  const engine: SyncEngine = engineFor(h.store, clients, {
    onOutboxChanged: (change: OutboxChange) => {
      const done = change.itemIds.some(
        (id) =>
          h.store.outbox.get(id)?.kind === 'upload_document' &&
          h.store.outbox.get(id)?.state === 'done',
      );
      // The runner looks at the host's word before every send: nothing goes out after this.
      if (done) engine.networkChanged(false);
    },
  });
  engines.push(engine);
  return engine;
}

function restartedEngine(): SyncEngine {
  const engine = engineFor(h.store, clients);
  engines.push(engine);
  return engine;
}

describe('bills uploaded to Twilio between upload and create', () => {
  it('keeps the document SID before the create, and the restarted outbox sends no second copy', async () => {
    const bill = minimalPdf('Acme bill, March');
    const { draftId, createId } = await queueDraft(['+13125550101'], bill, 'march.pdf');

    await engineThatStopsAfterUpload().drainOutbox(h.accountId);

    expect(uploads()).toBe(1);
    const [uploaded] = sim.control.state().documents;
    const document = h.store.documents.list(h.accountId)[0];
    // Stored before the create went out: the create has not been sent.
    expect(document?.twilioSid).toBe(uploaded?.sid);
    expect(h.store.outbox.get(createId)?.state).not.toBe('done');
    expect(requestDocuments()).toEqual([]);
    // Waiting for its create is not unused.
    expect(await h.porting.listOrphanBills()).toEqual([]);

    await restartedEngine().drainOutbox(h.accountId);

    expect(uploads()).toBe(1);
    expect(requestDocuments()).toEqual([[uploaded?.sid]]);
    expect(h.store.drafts.get(draftId)?.status).toBe('submitted');
    expect(await h.porting.listOrphanBills()).toEqual([]);
    expect(sim.control.state().callLog[UPLOAD]).toBe(1);
  });

  it('lists a bill whose create never went out, and reuses it when the same bytes come back', async () => {
    const bill = minimalPdf('Beta bill, April');
    const first = await queueDraft(['+13125550111'], bill, 'april.pdf');
    await engineThatStopsAfterUpload().drainOutbox(h.accountId);
    const sid = sim.control.state().documents[0]?.sid;
    expect(sid).toMatch(/^RD[0-9a-f]{32}$/);

    // After the restart the agent drops that port-in: the create is discarded, the draft deleted.
    await h.porting.discardOutboxItem({ id: first.createId });
    await h.porting.deleteDraft({ draftId: first.draftId });

    const orphans = await h.porting.listOrphanBills();
    expect(orphans).toEqual([
      {
        documentSid: sid,
        fileName: 'april.pdf',
        sizeBytes: bill.byteLength,
        accountId: h.accountId,
        accountLabel: 'Acme ops',
        uploadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);

    // The same bill (same bytes, another name) on a new port-in: no upload, the orphan is used.
    const second = await queueDraft(['+13125550112'], bill, 'april-copy.pdf');
    await restartedEngine().drainOutbox(h.accountId);

    expect(uploads()).toBe(1);
    expect(requestDocuments()).toEqual([[sid]]);
    expect(h.store.drafts.get(second.draftId)?.status).toBe('submitted');
    expect(await h.porting.listOrphanBills()).toEqual([]);
  });

  it('does not upload a second copy when an upload is retried after the bill reached Twilio', async () => {
    const bill = minimalPdf('Gamma bill, May');
    const first = await queueDraft(['+13125550121'], bill, 'may.pdf');
    await engineThatStopsAfterUpload().drainOutbox(h.accountId);
    const document = h.store.documents.list(h.accountId)[0];
    const sid = document?.twilioSid;
    // An upload of the same document queued before the first finished (e.g. one that had failed
    // and the agent retried): its step finds the SID and sends nothing.
    const again = h.store.outbox.enqueue({
      accountId: h.accountId,
      kind: 'upload_document',
      payload: { documentId: document?.id ?? 0 },
      draftId: first.draftId,
    });

    await restartedEngine().drainOutbox(h.accountId);

    expect(uploads()).toBe(1);
    expect(h.store.outbox.get(again.id)).toMatchObject({
      state: 'done',
      result: { documentSid: sid },
    });
    expect(h.store.documents.get(document?.id ?? 0)?.twilioSid).toBe(sid);
    expect(requestDocuments()).toEqual([[sid]]);
  });

  it('counts a bill as used when a synced request lists its SID, with no draft of ours behind it', async () => {
    const sha256 = (n: number) => String(n).repeat(64);
    const [used, unused] = [1, 2].map((n) => {
      const { document } = h.store.documents.add({
        accountId: h.accountId,
        sha256: sha256(n),
        fileName: `bill-${n}.pdf`,
        mimeType: 'application/pdf',
        sizeBytes: 100 * n,
        localPath: `/bills/${sha256(n)}`,
      });
      return h.store.documents.markUploaded(document.id, `RD${String(n).repeat(32)}`);
    });
    // A request known from Twilio (made with this bill, e.g. before a reinstall) lists `used`.
    storeFetchedRequest(h, aRequest({ documents: [used?.twilioSid ?? ''] }));

    expect((await h.porting.listOrphanBills()).map((bill) => bill.documentSid)).toEqual([
      unused?.twilioSid,
    ]);
  });
});

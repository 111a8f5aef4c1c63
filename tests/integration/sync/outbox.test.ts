import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClientProvider } from '../../../main/core/accounts/clientProvider';
import type { OutboxChange, SyncStatusSnapshot } from '../../../main/core/sync/engine';
import { PortingClient } from '../../../main/core/twilio';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import { minimalPdf } from '../../unit/twilio/documentBytes';
import {
  addSimulatorAccount,
  engineFor,
  manualClock,
  MINUTE,
  openTempStore,
  queueSubmission,
  simRequests,
  simulatorClients,
  testNumber,
  type TempStore,
} from './syncHarness';

let sim: RunningSimulator;
let temp: TempStore;
let accountId: string;
let clients: ClientProvider;
let nextNumber = 0;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'sync-outbox' });
  temp = openTempStore();
  accountId = addSimulatorAccount(temp.store, sim);
  clients = simulatorClients(sim);
});

afterEach(() => sim.control.clearFaults());

afterAll(async () => {
  await clients.closeAll();
  await sim.close();
  temp.close();
});

function numbers(count: number): string[] {
  return Array.from({ length: count }, () => testNumber(nextNumber++));
}

function requestsWith(phoneNumbers: string[]) {
  const key = [...phoneNumbers].sort().join(',');
  return simRequests(sim).filter(
    (r) =>
      r.phone_numbers
        .map((n) => n.phone_number)
        .sort()
        .join(',') === key,
  );
}

const CREATE = 'POST /v1/Porting/PortIn';
const calls = (route: string): number => sim.control.state().callLog[route] ?? 0;

describe('outbox', () => {
  it('uploads each bill before the create that needs it, links the draft and records the request', async () => {
    const changes: OutboxChange[] = [];
    const engine = engineFor(temp.store, clients, { onOutboxChanged: (c) => changes.push(c) });
    const first = queueSubmission(temp.store, accountId, temp.dir, {
      numbers: numbers(2),
      customerName: 'Acme Inc',
    });
    const second = queueSubmission(temp.store, accountId, temp.dir, {
      numbers: numbers(1),
      customerName: 'Beta LLC',
    });

    await engine.drainOutbox(accountId);

    const order = changes.map((c) => c.itemIds[0]);
    const firstDone = (id: number) => order.lastIndexOf(id);
    expect(firstDone(first.uploadItemId)).toBeLessThan(order.indexOf(first.createItemId));
    expect(firstDone(second.uploadItemId)).toBeLessThan(order.indexOf(second.createItemId));
    for (const queued of [first, second]) {
      const document = temp.store.documents.get(queued.documentId);
      expect(document?.twilioSid).toMatch(/^RD/);
      const create = temp.store.outbox.get(queued.createItemId);
      expect(create?.state).toBe('done');
      const requestSid = (create?.result as { requestSid: string }).requestSid;
      expect(create?.result).toEqual({ requestSid, reconciled: false });
      const draft = temp.store.drafts.get(queued.draftId);
      expect(draft).toMatchObject({ status: 'submitted', requestSid, fieldErrors: [] });
      const wire = simRequests(sim).find((r) => r.port_in_request_sid === requestSid);
      expect((wire as unknown as { documents: string[] }).documents).toEqual([document?.twilioSid]);
      const stored = temp.store.requests.getRequest(requestSid);
      expect(stored?.draftId).toBe(queued.draftId);
      const events = temp.store.timeline.listEvents(requestSid);
      expect(events.map((e) => [e.kind, e.source])).toEqual([['request_created', 'outbox']]);
    }
  });

  it('retries a bill upload after a server error, at its next attempt time', async () => {
    const clock = manualClock();
    const engine = engineFor(temp.store, clients, { now: clock.now });
    const queued = queueSubmission(temp.store, accountId, temp.dir, {
      numbers: numbers(1),
      customerName: 'Gamma Co',
    });
    sim.control.addFault({ kind: 'status', status: 503, count: 1, match: { method: 'POST' } });

    await engine.drainOutbox(accountId);
    const upload = temp.store.outbox.get(queued.uploadItemId);
    expect(upload).toMatchObject({ state: 'queued', attempts: 1 });
    expect(upload?.lastError).toMatchObject({ kind: 'server', httpStatus: 503 });
    expect(Date.parse(upload?.nextAttemptAt ?? '')).toBeGreaterThan(clock.now());

    clock.advance(20 * MINUTE);
    await engine.drainOutbox(accountId);
    expect(temp.store.outbox.get(queued.createItemId)?.state).toBe('done');
    expect(temp.store.drafts.get(queued.draftId)?.status).toBe('submitted');
  });

  it('reconciles a create whose answer was lost after Twilio processed it, without sending it again', async () => {
    const engine = engineFor(temp.store, clients);
    const phoneNumbers = numbers(3);
    const queued = queueSubmission(temp.store, accountId, temp.dir, {
      numbers: phoneNumbers,
      customerName: 'Delta Corp',
    });
    sim.control.addFault({
      kind: 'reset',
      phase: 'after',
      count: 1,
      match: { method: 'POST', path: '/v1/Porting/PortIn' },
    });
    const creates = calls(CREATE);

    await engine.drainOutbox(accountId);

    expect(calls(CREATE) - creates).toBe(1);
    const matching = requestsWith(phoneNumbers);
    expect(matching).toHaveLength(1);
    const create = temp.store.outbox.get(queued.createItemId);
    expect(create?.state).toBe('done');
    expect(create?.result).toEqual({
      requestSid: matching[0]?.port_in_request_sid,
      reconciled: true,
    });
    expect(temp.store.drafts.get(queued.draftId)).toMatchObject({
      status: 'submitted',
      requestSid: matching[0]?.port_in_request_sid,
    });
  });

  it('sends a create again once reconciliation shows the first attempt never arrived', async () => {
    const engine = engineFor(temp.store, clients);
    const phoneNumbers = numbers(1);
    const queued = queueSubmission(temp.store, accountId, temp.dir, {
      numbers: phoneNumbers,
      customerName: 'Epsilon Ltd',
    });
    // The connection drops before the server reads the create: nothing was created.
    sim.control.addFault({
      kind: 'reset',
      phase: 'before',
      count: 1,
      match: { method: 'POST', path: '/v1/Porting/PortIn' },
    });

    await engine.drainOutbox(accountId);

    expect(requestsWith(phoneNumbers)).toHaveLength(1);
    const create = temp.store.outbox.get(queued.createItemId);
    expect(create).toMatchObject({ state: 'done', attempts: 2 });
    expect(create?.result).toMatchObject({ reconciled: false });
  });

  it('puts a refused create back on the draft as field messages', async () => {
    const engine = engineFor(temp.store, clients);
    const noAddress = queueSubmission(temp.store, accountId, temp.dir, {
      numbers: numbers(1),
      customerName: 'Zeta Inc',
      overrides: {
        losingCarrier: {
          customerType: 'Business',
          customerName: 'Zeta Inc',
          accountNumber: null,
          accountTelephoneNumber: null,
          authorizedRepresentative: 'Jane Doe',
          authorizedRepresentativeEmail: 'jane@example.com',
          addressSid: null,
          address: null,
        },
      },
    });
    const badNumber = queueSubmission(temp.store, accountId, temp.dir, {
      numbers: ['+1555123'],
      customerName: 'Eta Inc',
    });

    await engine.drainOutbox(accountId);

    expect(temp.store.outbox.get(noAddress.createItemId)?.state).toBe('failed');
    const first = temp.store.drafts.get(noAddress.draftId);
    expect(first?.status).toBe('failed');
    expect(first?.fieldErrors).toEqual([
      {
        field: 'losingCarrier.address',
        message: expect.stringContaining('Missing required field'),
      },
    ]);
    const second = temp.store.drafts.get(badNumber.draftId);
    expect(second?.status).toBe('failed');
    expect(second?.fieldErrors.map((e) => e.field)).toEqual(['phoneNumbers.0.phoneNumber']);
    expect(second?.fieldErrors[0]?.message).toMatch(/^Invalid phone number: /);
    expect(temp.store.outbox.get(badNumber.createItemId)?.lastError).toMatchObject({
      code: 22102,
      httpStatus: 400,
    });
  });

  it('fails a create whose numbers are already being ported by a request that is not ours, naming them', async () => {
    const engine = engineFor(temp.store, clients);
    const [taken = '', free = ''] = numbers(2);
    const someoneElse = new PortingClient({
      credentials: { username: sim.credentials.apiKeySid, password: sim.credentials.apiKeySecret },
      accountSid: sim.credentials.accountSid,
      baseUrl: sim.url,
      uploadBaseUrl: sim.uploadUrl,
    });
    const bill = await someoneElse.uploadDocument({
      bytes: minimalPdf('other'),
      fileName: 'b.pdf',
    });
    const theirs = await someoneElse.createPortIn({
      accountSid: sim.credentials.accountSid,
      documents: [bill.sid],
      phoneNumbers: [{ phoneNumber: taken }],
      losingCarrier: {
        customerType: 'Business',
        customerName: 'Another Customer',
        accountNumber: null,
        accountTelephoneNumber: null,
        authorizedRepresentative: 'John Roe',
        authorizedRepresentativeEmail: 'john@example.com',
        addressSid: null,
        address: {
          street: '2 Side St',
          street2: null,
          city: 'Austin',
          state: 'TX',
          zip: '73301',
          country: 'US',
        },
      },
    });
    await someoneElse.close();
    const queued = queueSubmission(temp.store, accountId, temp.dir, {
      numbers: [free, taken],
      customerName: 'Theta Inc',
    });

    await engine.drainOutbox(accountId);

    const create = temp.store.outbox.get(queued.createItemId);
    expect(create?.state).toBe('failed');
    expect(create?.lastError).toMatchObject({ code: 22137 });
    const draft = temp.store.drafts.get(queued.draftId);
    expect(draft?.status).toBe('failed');
    expect(draft?.fieldErrors).toHaveLength(1);
    expect(draft?.fieldErrors[0]?.field).toBe('phoneNumbers.1.phoneNumber');
    expect(draft?.fieldErrors[0]?.message).toContain(taken);
    expect(draft?.fieldErrors[0]?.message).toContain(theirs.sid);
    expect(requestsWith([free, taken])).toHaveLength(0);
  });

  it('cancels a request and a number, and counts a cancel of something already gone as done', async () => {
    const engine = engineFor(temp.store, clients);
    const queued = queueSubmission(temp.store, accountId, temp.dir, {
      numbers: numbers(2),
      customerName: 'Iota Inc',
    });
    await engine.drainOutbox(accountId);
    const requestSid = temp.store.drafts.get(queued.draftId)?.requestSid ?? '';
    const stored = temp.store.requests.getRequest(requestSid);
    const [one] = stored?.request?.phoneNumbers ?? [];
    if (!one) throw new Error('the created request has no numbers');

    const cancelNumber = temp.store.outbox.enqueue({
      accountId,
      kind: 'cancel_number',
      payload: { requestSid, numberSid: one.sid, phoneNumber: one.phoneNumber },
      requestSid,
    });
    const cancelRequest = temp.store.outbox.enqueue({
      accountId,
      kind: 'cancel_port_in',
      payload: { requestSid },
      requestSid,
    });
    const cancelUnknown = temp.store.outbox.enqueue({
      accountId,
      kind: 'cancel_port_in',
      payload: { requestSid: `KW${'cd'.repeat(16)}` },
    });
    await engine.drainOutbox(accountId);

    expect(temp.store.outbox.get(cancelNumber.id)?.state).toBe('done');
    expect(temp.store.outbox.get(cancelRequest.id)?.state).toBe('done');
    expect(temp.store.outbox.get(cancelUnknown.id)).toMatchObject({
      state: 'done',
      result: { alreadyDone: true },
    });
    const wire = simRequests(sim).find((r) => r.port_in_request_sid === requestSid);
    expect(wire?.phone_numbers.every((n) => /cancel/i.test(n.port_in_phone_number_status))).toBe(
      true,
    );
    // The cancel made the request due, so the next cycle shows it.
    const due = temp.store.requests.dueForFetch(new Date().toISOString(), 1000, {
      accountIds: [accountId],
    });
    expect(due.map((d) => d.sid)).toContain(requestSid);
  });
});

describe('outbox and sync status without a network', () => {
  it('waits for the network while offline, says so, and sends everything once the network is back', async () => {
    // A closed simulator: connections are refused, as with no network.
    const gone = await startSimulator({ seed: 'sync-offline' });
    await gone.close();
    let target = gone;
    const local = openTempStore();
    const id = addSimulatorAccount(local.store, gone, 'Offline desk');
    const offlineClients = simulatorClients(() => target);

    const statuses: SyncStatusSnapshot[] = [];
    const engine = engineFor(local.store, offlineClients, {
      onStatus: (s) => statuses.push(s),
      timing: { initialSkewMs: 0 },
    });
    const queued = queueSubmission(local.store, id, local.dir, {
      numbers: [testNumber(900)],
      customerName: 'Offline Customer',
    });
    let back: RunningSimulator | null = null;
    try {
      engine.start();
      await vi.waitFor(
        () => {
          expect(engine.status().state).toBe('offline');
          expect(local.store.outbox.get(queued.uploadItemId)?.state).toBe('waiting_for_network');
        },
        { timeout: 10_000 },
      );
      expect(engine.status().message).toMatch(/offline/);
      expect(engine.status().queuedOps).toBe(2);

      back = await startSimulator({ seed: 'sync-offline', credentials: gone.credentials });
      target = back;
      engine.networkChanged(true);
      await vi.waitFor(
        () => expect(local.store.outbox.get(queued.createItemId)?.state).toBe('done'),
        { timeout: 10_000 },
      );
      await vi.waitFor(() => expect(engine.status().state).toBe('idle'), { timeout: 10_000 });
      expect(engine.status().queuedOps).toBe(0);
      expect(back.control.state().requests).toHaveLength(1);
      expect(statuses.some((s) => s.state === 'offline')).toBe(true);
    } finally {
      await engine.stop();
      await offlineClients.closeAll();
      await back?.close();
      local.close();
    }
  });

  it('halts an account whose credentials Twilio refuses, and says what to do', async () => {
    const local = openTempStore();
    const id = addSimulatorAccount(local.store, sim, 'Acme desk');
    const wrong = simulatorClients(sim, {
      credentials: { username: sim.credentials.apiKeySid, password: 'not-the-secret' },
    });
    const engine = engineFor(local.store, wrong, { timing: { initialSkewMs: 0 } });
    try {
      engine.start();
      await vi.waitFor(() => expect(engine.status().state).toBe('unauthorized'), {
        timeout: 10_000,
      });
      const status = engine.status();
      expect(status.message).toBe(
        'Twilio did not accept the credentials of “Acme desk”. Open Accounts and rotate the secret; syncing resumes after that.',
      );
      expect(status.accounts).toEqual([
        expect.objectContaining({ accountId: id, state: 'unauthorized', lastSuccessAt: null }),
      ]);
      // Halted: no next run is planned until the secret changes.
      expect(status.nextSyncAt).toBeNull();
      expect(JSON.stringify(status)).not.toContain('not-the-secret');
    } finally {
      await engine.stop();
      await wrong.closeAll();
      local.close();
    }
  });
});

import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PortabilityProgressView } from '../../../shared/views';
import { PortingClient } from '../../../main/core/twilio';
import type { PortabilityOutcome } from '../../../main/core/twilio';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import {
  addSecondAccount,
  completeForm,
  createHarness,
  expectRefusedWithoutChange,
  type Harness,
} from './harness';

let sim: RunningSimulator;
let h: Harness;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'porting-portability' });
  sim.control.seed({ inTwilio: [ELSEWHERE] });
});

afterAll(async () => {
  await sim.close();
});

beforeEach(async () => {
  h = await createHarness({ sim });
});

afterEach(async () => {
  sim.control.clearFaults();
  await h.close();
});

const LOCAL = '+13125550101';
/** The simulator classifies exchanges starting with 9 as MOBILE: a PIN is needed. */
const MOBILE = '+13129550102';
const TOLL_FREE = '+18005550103';
/** Seeded into the simulator as belonging to another Twilio account (22132). */
const ELSEWHERE = '+13125550777';

function numbers(count: number, prefix = '+1312555'): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
}

async function draftWith(phoneNumbers: string[]): Promise<number> {
  const draft = await h.porting.createDraft({
    accountId: h.accountId,
    initial: {
      ...completeForm(phoneNumbers),
      losingCarrier: { ...completeForm().losingCarrier, accountNumber: '' },
    },
  });
  return draft.id;
}

function progressOf(checkId: string): PortabilityProgressView[] {
  return h.eventsOf('onPortabilityProgress').filter((e) => e.checkId === checkId);
}

describe('portability check of a draft', () => {
  it('checks every number against Twilio, stores each answer and explains the refusals', async () => {
    const draftId = await draftWith([LOCAL, MOBILE, TOLL_FREE]);
    const { checkId, total } = await h.porting.startPortabilityCheck({ draftId });
    expect(total).toBe(3);
    await h.porting.portabilitySettled(checkId);

    const events = progressOf(checkId);
    expect(events[0]).toMatchObject({ state: 'running', done: 0, total: 3, results: [] });
    expect(events.at(-1)).toMatchObject({ state: 'done', done: 3, total: 3 });
    expect(
      events
        .flatMap((e) => e.results)
        .map((r) => r.phoneNumber)
        .sort(),
    ).toEqual([LOCAL, MOBILE, TOLL_FREE].sort());

    const view = await h.porting.getDraft({ draftId });
    expect(view.portability).toMatchObject({ checkId, state: 'done', done: 3, total: 3 });
    // In the draft's order, with the reasons in words.
    const [local, mobile, tollFree] = view.portability.results;
    expect(local).toMatchObject({
      phoneNumber: LOCAL,
      outcome: 'portable',
      numberType: 'LOCAL',
      reason: null,
    });
    expect(mobile).toMatchObject({
      phoneNumber: MOBILE,
      outcome: 'portable',
      pinAndAccountNumberRequired: true,
    });
    expect(tollFree).toMatchObject({
      phoneNumber: TOLL_FREE,
      outcome: 'not_portable',
      reason: {
        code: 22133,
        name: 'MANUAL_PORTING_AVAILABLE',
        title: 'Manual port only',
        field: 'phoneNumbers',
      },
    });
    expect(h.store.portabilityChecks.list(draftId)).toHaveLength(3);
    expect(h.eventsOf('onDataChanged').at(-1)).toMatchObject({
      kinds: ['drafts'],
      draftIds: [draftId],
    });
  });

  it('feeds the answers into validation: a mobile number needs its PIN and the account number', async () => {
    const draftId = await draftWith([LOCAL, MOBILE, ELSEWHERE]);
    const { checkId } = await h.porting.startPortabilityCheck({ draftId });
    await h.porting.portabilitySettled(checkId);
    const { fieldErrors } = await h.porting.validateDraft({ draftId });
    const byField = new Map(fieldErrors.map((e) => [e.field, e.message]));
    expect(byField.get('phoneNumbers.1.pin')).toMatch(/needs the port-out PIN/);
    expect(byField.get('losingCarrier.accountNumber')).toMatch(/account number/);
    expect(byField.get('phoneNumbers.2.phoneNumber')).toMatch(
      /can't be ported through the API: The number belongs to another Twilio account/,
    );
  });

  it('rechecks only the numbers asked for', async () => {
    const draftId = await draftWith([LOCAL, MOBILE]);
    const { checkId, total } = await h.porting.startPortabilityCheck({
      draftId,
      phoneNumbers: [MOBILE],
    });
    expect(total).toBe(1);
    await h.porting.portabilitySettled(checkId);
    expect(h.store.portabilityChecks.list(draftId).map((c) => c.phoneNumber)).toEqual([MOBILE]);
  });

  it('reports 1,000 numbers in batches, each answer once, never one event per number', async () => {
    const all = numbers(1000);
    const draftId = await draftWith(all);
    const { checkId } = await h.porting.startPortabilityCheck({ draftId });
    await h.porting.portabilitySettled(checkId);

    const events = progressOf(checkId);
    const results = events.flatMap((e) => e.results.map((r) => r.phoneNumber));
    expect(results.sort()).toEqual([...all].sort());
    expect(events.every((e) => e.results.length <= 100)).toBe(true);
    // A batch closes at 50 answers or after 100 ms: far fewer events than numbers.
    expect(events.length).toBeLessThan(all.length / 4);
    expect(events.at(-1)).toMatchObject({ state: 'done', done: 1000, total: 1000 });
    expect(h.store.portabilityChecks.list(draftId)).toHaveLength(1000);
  });

  it('stops when canceled: answers so far are kept, the last event says canceled', async () => {
    sim.control.addFault({ kind: 'latency', ms: 150, match: { path: '/v1/Porting/Portability' } });
    const all = numbers(60, '+1217555');
    const draftId = await draftWith(all);
    const { checkId } = await h.porting.startPortabilityCheck({ draftId });
    await vi.waitFor(
      () => expect(progressOf(checkId).some((e) => e.results.length > 0)).toBe(true),
      { timeout: 10_000, interval: 20 },
    );
    expect(await h.porting.cancelPortabilityCheck({ checkId })).toEqual({ canceled: true });

    const last = progressOf(checkId).at(-1);
    expect(last?.state).toBe('canceled');
    expect(last?.done).toBeLessThan(60);
    const reported = progressOf(checkId).flatMap((e) => e.results);
    expect(reported).toHaveLength(last?.done ?? -1);
    expect(h.store.portabilityChecks.list(draftId)).toHaveLength(reported.length);
    expect((await h.porting.getDraft({ draftId })).portability.state).toBe('canceled');
    // Canceling an ended check again is harmless.
    expect(await h.porting.cancelPortabilityCheck({ checkId })).toEqual({ canceled: true });
  });

  it('runs one check per draft: a new one cancels the one still running', async () => {
    sim.control.addFault({ kind: 'latency', ms: 100, match: { path: '/v1/Porting/Portability' } });
    const draftId = await draftWith(numbers(40, '+1630555'));
    const first = await h.porting.startPortabilityCheck({ draftId });
    const second = await h.porting.startPortabilityCheck({
      draftId,
      phoneNumbers: ['+16305550001'],
    });
    await h.porting.portabilitySettled(first.checkId);
    await h.porting.portabilitySettled(second.checkId);
    expect(progressOf(first.checkId).at(-1)?.state).toBe('canceled');
    expect(progressOf(second.checkId).at(-1)).toMatchObject({ state: 'done', done: 1 });
    expect((await h.porting.getDraft({ draftId })).portability.checkId).toBe(second.checkId);
  });

  it('stops a running check when its draft moves to another account, keeping none of its answers', async () => {
    sim.control.addFault({ kind: 'latency', ms: 150, match: { path: '/v1/Porting/Portability' } });
    const other = addSecondAccount(h);
    const draftId = await draftWith(numbers(60, '+1414555'));
    const { checkId } = await h.porting.startPortabilityCheck({ draftId });
    await vi.waitFor(
      () => expect(progressOf(checkId).some((e) => e.results.length > 0)).toBe(true),
      { timeout: 10_000, interval: 20 },
    );

    const moved = await h.porting.updateDraft({ draftId, accountId: other.id, patch: {} });

    expect(progressOf(checkId).at(-1)?.state).toBe('canceled');
    expect(moved.portability).toEqual({
      checkId: null,
      state: 'idle',
      done: 0,
      total: 0,
      results: [],
    });
    await h.porting.portabilitySettled(checkId);
    expect(h.store.portabilityChecks.list(draftId)).toEqual([]);
  });

  it('offline: the check ends failed with the reason in words for every number, storing nothing', async () => {
    const draftId = await draftWith([LOCAL, MOBILE]);
    h.online.value = false;
    const { checkId } = await h.porting.startPortabilityCheck({ draftId });
    await h.porting.portabilitySettled(checkId);
    const last = progressOf(checkId).at(-1);
    expect(last?.state).toBe('failed');
    expect(last?.results).toHaveLength(2);
    expect(last?.results[0]).toMatchObject({
      outcome: 'failed',
      reason: {
        title: 'Offline',
        meaning: expect.stringMatching(/offline/),
        fix: expect.stringMatching(/network/),
      },
    });
    expect(h.store.portabilityChecks.list(draftId)).toEqual([]);
  });
});

describe('portability check without a network', () => {
  it('ends failed when Twilio cannot be reached, keeping the earlier answers', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
      });
    });
    const unreachable = new PortingClient({
      credentials: { username: 'SKx', password: 'secret' },
      accountSid: sim.credentials.accountSid,
      baseUrl: `http://127.0.0.1:${closedPort}`,
      sleep: async () => undefined,
    });
    const offline = await createHarness({ clients: { clientFor: async () => unreachable } });
    try {
      const draft = await offline.porting.createDraft({
        accountId: offline.accountId,
        initial: completeForm([LOCAL]),
      });
      const earlier = {
        phoneNumber: LOCAL,
        portable: true,
        pinAndAccountNumberRequired: false,
        notPortableReason: null,
        notPortableReasonCode: null,
        numberType: 'LOCAL',
        country: 'US',
        accountSid: null,
      };
      offline.store.portabilityChecks.save(draft.id, LOCAL, {
        outcome: 'checked',
        result: earlier,
      });
      const { checkId } = await offline.porting.startPortabilityCheck({ draftId: draft.id });
      await offline.porting.portabilitySettled(checkId);
      const last = offline.eventsOf('onPortabilityProgress').at(-1);
      expect(last?.state).toBe('failed');
      const reported = offline.eventsOf('onPortabilityProgress').flatMap((e) => e.results);
      expect(reported[0]?.reason?.meaning).toMatch(/Could not reach Twilio/);
      expect(offline.store.portabilityChecks.list(draft.id)).toMatchObject([
        { outcome: 'checked' },
      ]);
    } finally {
      await offline.close();
      await unreachable.close();
    }
  });
});

describe('progress batching', () => {
  it('1,000 answers arriving together become 20 events of 50, plus the first and the last', async () => {
    const all = numbers(1000);
    const instant: PortabilityOutcome[] = all.map((phoneNumber) => ({
      phoneNumber,
      result: {
        phoneNumber,
        portable: true,
        pinAndAccountNumberRequired: false,
        notPortableReason: null,
        notPortableReasonCode: null,
        numberType: 'LOCAL',
        country: 'US',
        accountSid: null,
      },
    }));
    const client = {
      async checkPortabilityMany(
        list: readonly string[],
        options: {
          onProgress?: (p: {
            done: number;
            total: number;
            phoneNumber: string;
            outcome: PortabilityOutcome;
          }) => void;
        },
      ) {
        instant.forEach((outcome, index) =>
          options.onProgress?.({
            done: index + 1,
            total: list.length,
            phoneNumber: outcome.phoneNumber,
            outcome,
          }),
        );
        return instant;
      },
    } as unknown as PortingClient;
    const batched = await createHarness({ clients: { clientFor: async () => client } });
    try {
      const draft = await batched.porting.createDraft({
        accountId: batched.accountId,
        initial: completeForm(all),
      });
      const { checkId } = await batched.porting.startPortabilityCheck({ draftId: draft.id });
      await batched.porting.portabilitySettled(checkId);
      // The clock does not move in this test: only the batch size closes a batch.
      const sizes = batched.eventsOf('onPortabilityProgress').map((e) => e.results.length);
      expect(sizes).toEqual([0, ...Array<number>(20).fill(50), 0]);
      expect(batched.eventsOf('onPortabilityProgress').at(-1)?.state).toBe('done');
    } finally {
      await batched.close();
    }
  });
});

describe('portability check refuses bad input without changing anything', () => {
  it('an unknown draft, a draft without numbers, a number not in the draft, a malformed number', async () => {
    await expectRefusedWithoutChange(h, () => h.porting.startPortabilityCheck({ draftId: 4242 }), {
      code: 'not_found',
      field: 'draftId',
    });
    const empty = await h.porting.createDraft({ accountId: h.accountId });
    await expectRefusedWithoutChange(
      h,
      () => h.porting.startPortabilityCheck({ draftId: empty.id }),
      {
        code: 'validation_failed',
        field: 'phoneNumbers',
        message: /Add at least one phone number/,
      },
    );
    const draftId = await draftWith([LOCAL]);
    await expectRefusedWithoutChange(
      h,
      () => h.porting.startPortabilityCheck({ draftId, phoneNumbers: [LOCAL, MOBILE] }),
      {
        code: 'validation_failed',
        field: 'phoneNumbers.1',
        message: /\(312\) 955-0102 is not one of this draft's numbers/,
      },
    );
    await expectRefusedWithoutChange(
      h,
      () => h.porting.startPortabilityCheck({ draftId, phoneNumbers: ['312-555-0101'] }),
      { code: 'invalid_payload', field: 'phoneNumbers.0' },
    );
    expect(h.eventsOf('onPortabilityProgress')).toEqual([]);
  });

  it('a queued draft, and an unknown check to cancel', async () => {
    const draftId = await draftWith([LOCAL]);
    h.store.drafts.update(draftId, { status: 'queued' });
    await expectRefusedWithoutChange(h, () => h.porting.startPortabilityCheck({ draftId }), {
      code: 'conflict',
      field: 'draftId',
    });
    await expectRefusedWithoutChange(
      h,
      () => h.porting.cancelPortabilityCheck({ checkId: 'nope' }),
      {
        code: 'not_found',
        field: 'checkId',
      },
    );
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDateString } from '../../../shared/domain/portDates';
import type { PortInCreateInput } from '../../../shared/domain/portIn';
import type { PortingDeps } from '../../../main/core/porting';
import { PortingClient } from '../../../main/core/twilio';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import { minimalPdf } from './billBytes';
import { completeForm, createHarness, DAY, type Harness } from './harness';

let sim: RunningSimulator;
let client: PortingClient;
let h: Harness;

/**
 * The use cases on the wall clock, against a simulator whose calendar is `aheadDays` ahead (as
 * the demo's runs ahead); its clock is learned from one answer, as the first sync would.
 */
async function setUp(aheadDays: number): Promise<void> {
  sim = await startSimulator({ seed: 'account-clock' });
  if (aheadDays > 0) sim.control.advance(aheadDays * DAY);
  client = new PortingClient({
    credentials: { username: sim.credentials.apiKeySid, password: sim.credentials.apiKeySecret },
    accountSid: sim.credentials.accountSid,
    baseUrl: sim.url,
    uploadBaseUrl: sim.uploadUrl,
    sleep: async () => undefined,
  });
  const clients: PortingDeps['clients'] = {
    clientFor: async () => client,
    clockOffsetMs: () => client.serverClockOffsetMs ?? 0,
  };
  h = await createHarness({ sim, clients, deps: { now: () => Date.now() } });
  await client.listPortInsPage({ size: 1 });
}

afterEach(async () => {
  await h.close();
  await client.close();
  await sim.close();
});

async function readyDraft(targetPortInDate: string): Promise<number> {
  const draft = await h.porting.createDraft({
    accountId: h.accountId,
    initial: { ...completeForm(), targetPortInDate },
  });
  await h.porting.attachBill({ draftId: draft.id, name: 'bill.pdf', bytes: minimalPdf() });
  return draft.id;
}

function dateError(error: unknown): string | undefined {
  const fields = (error as { fields?: { field: string; message: string }[] }).fields ?? [];
  return fields.find((f) => f.field === 'targetPortInDate')?.message;
}

describe('a target port date judged by the account’s clock, 20 days ahead of ours', () => {
  let wallToday: string;
  let accountToday: string;

  beforeEach(async () => {
    await setUp(20);
    wallToday = localDateString(new Date());
    accountToday = localDateString(new Date(Date.now() + (client.serverClockOffsetMs ?? 0)));
  });

  it('learns the account’s today from the simulator’s answers', () => {
    expect(daysBetween(wallToday, accountToday)).toBe(20);
  });

  it('refuses a date 8 days after the wall clock, naming the date and the account’s today', async () => {
    const tooSoon = addDays(wallToday, 8);
    const draftId = await readyDraft(tooSoon);
    const error = await h.porting.submitDraft({ draftId }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'validation_failed' });
    const message = dateError(error);
    expect(message).toContain(tooSoon);
    expect(message).toContain(`for this account is ${accountToday}`);
    expect(message).toContain(`this computer says ${wallToday}`);
    expect(message).toContain(`at least 7 days from today: `);
    expect(message).toContain(addDays(accountToday, 7));
    expect(h.store.outbox.list({ draftId })).toEqual([]);

    const validation = await h.porting.validateDraft({ draftId });
    expect(validation.fieldErrors.find((f) => f.field === 'targetPortInDate')?.message).toBe(
      message,
    );
  });

  it('queues a date 8 days after the account’s today', async () => {
    const draftId = await readyDraft(addDays(accountToday, 8));
    const result = await h.porting.submitDraft({ draftId });
    expect(result).toMatchObject({ state: 'queued', draftId });
  });

  it('agrees with the simulator, which judges by its own clock too', async () => {
    const bill = await client.uploadDocument({ bytes: minimalPdf(), fileName: 'bill.pdf' });
    const form = completeForm();
    const create = (targetPortInDate: string, phoneNumber: string): PortInCreateInput => ({
      accountSid: sim.credentials.accountSid,
      documents: [bill.sid],
      phoneNumbers: [{ phoneNumber, pin: null }],
      losingCarrier: {
        ...form.losingCarrier,
        addressSid: null,
        address: { ...form.losingCarrier.address, street2: null },
      },
      notificationEmails: [],
      targetPortInDate,
      targetPortInTimeRangeStart: null,
      targetPortInTimeRangeEnd: null,
    });
    await expect(
      client.createPortIn(create(addDays(wallToday, 8), '+13125550101')),
    ).rejects.toMatchObject({
      kind: 'invalid_request',
      message: expect.stringContaining('target_port_in_date'),
    });
    const created = await client.createPortIn(create(addDays(accountToday, 8), '+13125550102'));
    expect(created.targetPortInDate).toBe(addDays(accountToday, 8));
  });
});

describe('a target port date for an account whose clock agrees with ours', () => {
  beforeEach(async () => {
    await setUp(0);
  });

  it('counts from this computer’s today, as before', async () => {
    expect(client.serverClockOffsetMs).toBe(0);
    const draftId = await readyDraft(addDays(localDateString(new Date()), 8));
    const result = await h.porting.submitDraft({ draftId });
    expect(result).toMatchObject({ state: 'queued', draftId });
  });
});

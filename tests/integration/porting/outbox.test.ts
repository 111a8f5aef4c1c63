import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';
import { minimalPdf } from './billBytes';
import {
  completeForm,
  createHarness,
  expectRefusedWithoutChange,
  storeFetchedRequest,
  DAY,
  type Harness,
} from './harness';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(async () => {
  await h.close();
});

async function submitted(): Promise<{ draftId: number; uploadId: number; createId: number }> {
  const draft = await h.porting.createDraft({ accountId: h.accountId, initial: completeForm() });
  await h.porting.attachBill({ draftId: draft.id, name: 'march-bill.pdf', bytes: minimalPdf() });
  const result = await h.porting.submitDraft({ draftId: draft.id });
  if (result.state !== 'queued') throw new Error('expected queued');
  const upload = h.store.outbox
    .list({ draftId: draft.id })
    .find((i) => i.kind === 'upload_document');
  return { draftId: draft.id, uploadId: upload?.id ?? 0, createId: result.outboxItemId };
}

describe('outbox list', () => {
  it('says what each operation does, in words', async () => {
    await submitted();
    const kw = `KW${'1'.repeat(32)}`;
    storeFetchedRequest(
      h,
      aRequest({
        sid: kw,
        status: 'In Progress',
        phoneNumbers: [aNumber({ sid: `PU${'1'.repeat(32)}`, status: 'Submitted' })],
      }),
    );
    await h.porting.cancelRequest({ sid: kw });
    const list = await h.porting.listOutbox();
    expect(list.map((i) => [i.kind, i.state, i.summary])).toEqual([
      [
        'upload_document',
        'queued',
        expect.stringMatching(/^Upload bill “march-bill\.pdf” \(\d+ bytes\)$/),
      ],
      ['create_port_in', 'queued', 'Create port-in for Acme Inc (2 numbers)'],
      ['cancel_port_in', 'queued', `Cancel port-in ${kw} for Acme Inc`],
    ]);
    expect(list[0]).toMatchObject({ accountLabel: 'Acme ops', attempts: 0, lastError: null });
  });

  it('shows a failure in words with the fix for a known Twilio code, and hides old done work', async () => {
    const { createId, uploadId } = await submitted();
    h.store.outbox.update(
      uploadId,
      { state: 'done', result: { documentSid: `RD${'2'.repeat(32)}` } },
      new Date(h.clock.now).toISOString(),
    );
    h.store.outbox.update(createId, {
      state: 'failed',
      attempts: 1,
      lastError: { message: 'Twilio rejected the request: address SID unknown.', code: 22173 },
    });
    const list = await h.porting.listOutbox();
    expect(list.find((i) => i.id === createId)?.lastError).toEqual({
      message:
        'Twilio rejected the request: address SID unknown. Send the service address in full instead.',
      code: 22173,
    });
    expect(list.map((i) => i.id)).toContain(uploadId);
    h.clock.now += 2 * DAY;
    expect((await h.porting.listOutbox()).map((i) => i.id)).toEqual([createId]);
  });
});

describe('outbox list input', () => {
  it('refuses an unexpected field', async () => {
    await expectRefusedWithoutChange(h, () => h.porting.listOutbox({ state: 'failed' } as never), {
      code: 'invalid_payload',
      field: 'state',
    });
  });
});

describe('outbox retry', () => {
  it('puts a failed operation back in line now, and its draft back to queued', async () => {
    const { draftId, createId } = await submitted();
    h.store.outbox.update(createId, {
      state: 'failed',
      attempts: 12,
      nextAttemptAt: new Date(h.clock.now + DAY).toISOString(),
      lastError: { message: 'Twilio had a server error' },
    });
    h.store.drafts.update(draftId, { status: 'failed' });
    const kicksBefore = h.kicks.count;
    const view = await h.porting.retryOutboxItem({ id: createId });
    expect(view).toMatchObject({ id: createId, state: 'queued', attempts: 0, nextAttemptAt: null });
    expect((await h.porting.getDraft({ draftId })).status).toBe('queued');
    expect(h.kicks.count).toBe(kicksBefore + 1);
  });

  it('makes an operation waiting for the network due now, keeping its attempts', async () => {
    const { createId } = await submitted();
    h.store.outbox.update(createId, {
      state: 'waiting_for_network',
      attempts: 3,
      nextAttemptAt: new Date(h.clock.now + DAY).toISOString(),
      lastError: { message: 'Could not reach Twilio' },
    });
    const kicksBefore = h.kicks.count;
    const view = await h.porting.retryOutboxItem({ id: createId });
    expect(view).toMatchObject({ id: createId, state: 'queued', attempts: 3, nextAttemptAt: null });
    expect(h.kicks.count).toBe(kicksBefore + 1);
  });

  it('refuses what is neither failed nor waiting, and an unknown operation', async () => {
    const { createId } = await submitted();
    await expectRefusedWithoutChange(h, () => h.porting.retryOutboxItem({ id: createId }), {
      code: 'conflict',
      field: 'id',
      message: /only a failed operation or one waiting for the network can be retried/,
    });
    await expectRefusedWithoutChange(h, () => h.porting.retryOutboxItem({ id: 999 }), {
      code: 'not_found',
      field: 'id',
    });
  });
});

describe('outbox discard', () => {
  it('refuses to discard an upload a create still needs', async () => {
    const { uploadId } = await submitted();
    await expectRefusedWithoutChange(h, () => h.porting.discardOutboxItem({ id: uploadId }), {
      code: 'conflict',
      field: 'id',
      message: /“Create port-in for Acme Inc \(2 numbers\)” needs this operation/,
    });
  });

  it('a discarded create sends its draft back to editing and takes its own upload with it', async () => {
    const { draftId, createId } = await submitted();
    expect(await h.porting.discardOutboxItem({ id: createId })).toEqual({ discarded: true });
    expect(h.store.outbox.list()).toEqual([]);
    const draft = await h.porting.getDraft({ draftId });
    expect(draft.status).toBe('editing');
    // Editable again, and submittable again.
    await h.porting.updateDraft({ draftId, patch: { notificationEmails: [] } });
    expect((await h.porting.submitDraft({ draftId })).state).toBe('queued');
  });

  it('refuses what is in flight or done, and an unknown operation', async () => {
    const { createId, uploadId } = await submitted();
    h.store.outbox.update(uploadId, { state: 'sending' });
    await expectRefusedWithoutChange(h, () => h.porting.discardOutboxItem({ id: uploadId }), {
      code: 'conflict',
      field: 'id',
      message: /being sent right now/,
    });
    h.store.outbox.update(uploadId, { state: 'done' });
    h.store.outbox.update(createId, { state: 'done' });
    await expectRefusedWithoutChange(h, () => h.porting.discardOutboxItem({ id: createId }), {
      code: 'conflict',
      field: 'id',
      message: /was sent already/,
    });
    await expectRefusedWithoutChange(h, () => h.porting.discardOutboxItem({ id: 0 }), {
      code: 'invalid_payload',
      field: 'id',
    });
  });
});

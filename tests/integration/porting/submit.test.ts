import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OUTBOX_PAYLOADS } from '../../../main/core/sync/outboxPayloads';
import { minimalPdf } from './billBytes';
import {
  completeForm,
  createHarness,
  expectRefusedWithoutChange,
  snapshot,
  type Harness,
} from './harness';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(async () => {
  await h.close();
});

async function readyDraft(numbers?: string[]): Promise<number> {
  const draft = await h.porting.createDraft({
    accountId: h.accountId,
    initial: completeForm(numbers),
  });
  await h.porting.attachBill({ draftId: draft.id, name: 'bill.pdf', bytes: minimalPdf() });
  return draft.id;
}

describe('submitting a draft', () => {
  it('queues the bill upload and the create that depends on it, in one go, then wakes the outbox', async () => {
    const draftId = await readyDraft();
    const result = await h.porting.submitDraft({ draftId });

    const items = h.store.outbox.list({ draftId });
    expect(items.map((i) => [i.kind, i.state])).toEqual([
      ['upload_document', 'queued'],
      ['create_port_in', 'queued'],
    ]);
    const [upload, create] = items;
    expect(result).toEqual({
      state: 'queued',
      draftId,
      outboxItemId: create?.id,
      reason: 'sending',
    });
    expect(create?.dependsOn).toEqual([upload?.id]);
    expect(upload?.draftId).toBe(draftId);
    expect(create?.draftId).toBe(draftId);
    expect(h.kicks.count).toBe(1);

    // The runner reads them back with the same schemas.
    const document = h.store.documents.list(h.accountId)[0];
    expect(OUTBOX_PAYLOADS.upload_document.parse(upload?.payload)).toEqual({
      documentId: document?.id,
    });
    const payload = OUTBOX_PAYLOADS.create_port_in.parse(create?.payload);
    expect(payload).toMatchObject({
      draftId,
      documentIds: [document?.id],
      phoneNumbers: [
        { phoneNumber: '+13125550101', pin: null },
        { phoneNumber: '+13125550102', pin: null },
      ],
      losingCarrier: {
        customerType: 'Business',
        customerName: 'Acme Inc',
        accountNumber: '123456',
        accountTelephoneNumber: '+13125550100',
        authorizedRepresentative: 'Jane Doe',
        authorizedRepresentativeEmail: 'jane@acme.example',
        addressSid: null,
        address: {
          street: '1 Main St',
          street2: null,
          city: 'Springfield',
          state: 'IL',
          zip: '62701',
          country: 'US',
        },
      },
      notificationEmails: ['ops@acme.example'],
      targetPortInDate: '2026-03-17',
    });

    const draft = await h.porting.getDraft({ draftId });
    expect(draft.status).toBe('queued');
    expect(draft.fieldErrors).toEqual([]);
  });

  it('says it is waiting for the network when offline, and still queues the work', async () => {
    const draftId = await readyDraft();
    h.online.value = false;
    const result = await h.porting.submitDraft({ draftId });
    expect(result).toMatchObject({ state: 'queued', reason: 'offline' });
    expect(h.store.outbox.list({ draftId })).toHaveLength(2);
  });

  it('does not upload again a bill Twilio already has', async () => {
    const draftId = await readyDraft();
    const document = h.store.documents.list(h.accountId)[0];
    h.store.documents.markUploaded(document?.id ?? 0, `RD${'d'.repeat(32)}`);
    await h.porting.submitDraft({ draftId });
    const items = h.store.outbox.list({ draftId });
    expect(items.map((i) => i.kind)).toEqual(['create_port_in']);
    expect(items[0]?.dependsOn).toEqual([]);
  });

  it('shares one pending upload between two drafts with the same bill', async () => {
    const first = await readyDraft(['+13125550101']);
    const second = await readyDraft(['+13125550102']);
    await h.porting.submitDraft({ draftId: first });
    await h.porting.submitDraft({ draftId: second });
    const uploads = h.store.outbox.list().filter((i) => i.kind === 'upload_document');
    expect(uploads).toHaveLength(1);
    const creates = h.store.outbox.list().filter((i) => i.kind === 'create_port_in');
    expect(creates.map((c) => c.dependsOn)).toEqual([[uploads[0]?.id], [uploads[0]?.id]]);
  });

  it('never sends twice: submitting a queued or submitted draft is a conflict', async () => {
    const draftId = await readyDraft();
    await h.porting.submitDraft({ draftId });
    await expectRefusedWithoutChange(h, () => h.porting.submitDraft({ draftId }), {
      code: 'conflict',
      field: 'draftId',
      message: /queued/,
    });
    h.store.drafts.update(draftId, { status: 'submitted', requestSid: `KW${'e'.repeat(32)}` });
    await expectRefusedWithoutChange(h, () => h.porting.submitDraft({ draftId }), {
      code: 'conflict',
      field: 'draftId',
      message: /submitted/,
    });
    expect(h.store.outbox.list({ draftId })).toHaveLength(2);
  });

  it('resubmitting a failed draft replaces its failed operations instead of adding to them', async () => {
    const draftId = await readyDraft();
    const first = await h.porting.submitDraft({ draftId });
    if (first.state !== 'queued') throw new Error('expected queued');
    h.store.outbox.update(first.outboxItemId, {
      state: 'failed',
      lastError: { message: 'Twilio rejected the request.' },
    });
    h.store.drafts.update(draftId, { status: 'failed' });

    const again = await h.porting.submitDraft({ draftId });
    if (again.state !== 'queued') throw new Error('expected queued');
    const items = h.store.outbox.list({ draftId });
    expect(items.filter((i) => i.kind === 'create_port_in').map((i) => i.id)).toEqual([
      again.outboxItemId,
    ]);
    expect(items.filter((i) => i.kind === 'upload_document')).toHaveLength(1);
  });

  it('refuses an incomplete draft with its field errors, keeps them on the draft, queues nothing', async () => {
    const draft = await h.porting.createDraft({
      accountId: h.accountId,
      initial: {
        ...completeForm(),
        losingCarrier: { customerName: '', authorizedRepresentativeEmail: 'jane@' },
      },
    });
    const before = await snapshot(h);
    const error = await h.porting.submitDraft({ draftId: draft.id }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/not ready to submit/),
    });
    const fields = (error as { fields: { field: string; message: string }[] }).fields;
    expect(fields.map((f) => f.field)).toEqual(
      expect.arrayContaining([
        'losingCarrier.customerName',
        'losingCarrier.authorizedRepresentativeEmail',
        'bill',
      ]),
    );
    expect(
      fields.find((f) => f.field === 'losingCarrier.authorizedRepresentativeEmail')?.message,
    ).toMatch(/"jane@" is not a valid email address/);
    const after = await snapshot(h);
    // Only the draft's saved field errors changed: no outbox item, same status.
    expect(after.outbox).toEqual(before.outbox);
    expect(after.documents).toEqual(before.documents);
    const saved = await h.porting.getDraft({ draftId: draft.id });
    expect(saved.status).toBe('editing');
    expect(saved.fieldErrors).toEqual(fields);
    expect(h.kicks.count).toBe(0);
  });

  it('refuses when the bill file has gone from the computer', async () => {
    const draftId = await readyDraft();
    const document = h.store.documents.list(h.accountId)[0];
    const { rm } = await import('node:fs/promises');
    await rm(document?.localPath ?? '');
    const error = await h.porting.submitDraft({ draftId }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'validation_failed',
      fields: [
        {
          field: 'bill',
          message: expect.stringMatching(/“bill\.pdf” is no longer on this computer/),
        },
      ],
    });
    expect(h.store.outbox.list()).toEqual([]);
  });

  it('refuses an unknown draft and a malformed id', async () => {
    await expectRefusedWithoutChange(h, () => h.porting.submitDraft({ draftId: 77 }), {
      code: 'not_found',
      field: 'draftId',
    });
    await expectRefusedWithoutChange(h, () => h.porting.submitDraft({ draftId: -1 }), {
      code: 'invalid_payload',
      field: 'draftId',
    });
  });
});

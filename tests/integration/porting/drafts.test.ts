import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  completeForm,
  createHarness,
  expectRefusedWithoutChange,
  NOW,
  DAY,
  addSecondAccount,
  type Harness,
} from './harness';
import { minimalPdf } from './billBytes';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(async () => {
  await h.close();
});

describe('drafts', () => {
  it('creates a draft with a default for every field, and an initial patch applied', async () => {
    const empty = await h.porting.createDraft({ accountId: h.accountId });
    expect(empty).toMatchObject({
      accountId: h.accountId,
      status: 'editing',
      payload: {
        phoneNumbers: [],
        losingCarrier: {
          customerType: null,
          customerName: '',
          address: { street: '', street2: '', city: '', state: '', zip: '', country: 'US' },
        },
        notificationEmails: [],
        targetPortInDate: null,
      },
      fieldErrors: [],
      bill: null,
      portability: { checkId: null, state: 'idle', done: 0, total: 0, results: [] },
      origin: null,
      lastError: null,
      requestSid: null,
    });

    const prefilled = await h.porting.createDraft({
      accountId: h.accountId,
      initial: { losingCarrier: { customerName: 'Acme Inc' } },
    });
    expect(prefilled.payload.losingCarrier.customerName).toBe('Acme Inc');
    expect(prefilled.payload.losingCarrier.address.country).toBe('US');
    expect(h.eventsOf('onDataChanged').at(-1)).toEqual({
      kinds: ['drafts'],
      draftIds: [prefilled.id],
      requestSids: [],
    });
  });

  it('merges a partial update deeply into the losing carrier and its address, and saves it at once', async () => {
    const draft = await h.porting.createDraft({ accountId: h.accountId, initial: completeForm() });
    await h.porting.updateDraft({
      draftId: draft.id,
      patch: { losingCarrier: { address: { zip: '62702' } } },
    });
    const updated = await h.porting.updateDraft({
      draftId: draft.id,
      patch: { losingCarrier: { customerName: 'Acme Incorporated' } },
    });
    expect(updated.payload.losingCarrier).toEqual({
      ...completeForm().losingCarrier,
      customerName: 'Acme Incorporated',
      address: { ...completeForm().losingCarrier.address, zip: '62702' },
    });
    expect(updated.payload.phoneNumbers).toEqual(completeForm().phoneNumbers);
    // Read back from the file, as after a restart.
    expect((await h.porting.getDraft({ draftId: draft.id })).payload).toEqual(updated.payload);
  });

  it('lists drafts as summaries, most recently edited first', async () => {
    const first = await h.porting.createDraft({ accountId: h.accountId, initial: completeForm() });
    h.clock.now += 1000;
    const second = await h.porting.createDraft({
      accountId: h.accountId,
      initial: {
        losingCarrier: { customerName: 'Globex' },
        phoneNumbers: [{ phoneNumber: '+13125550199', pin: null }],
      },
    });
    const list = await h.porting.listDrafts();
    expect(list.map((d) => d.id)).toEqual([second.id, first.id]);
    expect(list[1]).toEqual({
      id: first.id,
      accountId: h.accountId,
      accountLabel: 'Acme ops',
      status: 'editing',
      customerName: 'Acme Inc',
      numberCount: 2,
      requestSid: null,
      updatedAt: first.updatedAt,
    });
  });

  it('validates with field errors in words, saves them on the draft, and clears the edited ones', async () => {
    const draft = await h.porting.createDraft({
      accountId: h.accountId,
      initial: { ...completeForm(), targetPortInDate: '2026-03-05' },
    });
    const validation = await h.porting.validateDraft({ draftId: draft.id });
    expect(validation.ready).toBe(false);
    const fields = validation.fieldErrors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['bill', 'targetPortInDate']));
    expect(validation.fieldErrors.find((e) => e.field === 'targetPortInDate')?.message).toMatch(
      /at least 7 days/,
    );
    expect((await h.porting.getDraft({ draftId: draft.id })).fieldErrors).toEqual(
      validation.fieldErrors,
    );

    const edited = await h.porting.updateDraft({
      draftId: draft.id,
      patch: { targetPortInDate: '2026-03-17' },
    });
    expect(edited.fieldErrors.map((e) => e.field)).toEqual(['bill']);
  });

  it('is ready to submit once every rule holds', async () => {
    const draft = await h.porting.createDraft({ accountId: h.accountId, initial: completeForm() });
    await h.porting.attachBill({ draftId: draft.id, name: 'bill.pdf', bytes: minimalPdf() });
    expect(await h.porting.validateDraft({ draftId: draft.id })).toEqual({
      fieldErrors: [],
      ready: true,
    });
  });

  it('deletes a draft with its stored portability answers and its bill file', async () => {
    const draft = await h.porting.createDraft({ accountId: h.accountId, initial: completeForm() });
    await h.porting.attachBill({ draftId: draft.id, name: 'bill.pdf', bytes: minimalPdf() });
    h.store.portabilityChecks.save(draft.id, '+13125550101', {
      outcome: 'checked',
      result: {
        phoneNumber: '+13125550101',
        portable: true,
        pinAndAccountNumberRequired: false,
        notPortableReason: null,
        notPortableReasonCode: null,
        numberType: 'LOCAL',
        country: 'US',
        accountSid: null,
      },
    });
    expect(await h.porting.deleteDraft({ draftId: draft.id })).toEqual({ deleted: true });
    expect(h.store.drafts.get(draft.id)).toBeNull();
    expect(h.store.portabilityChecks.list(draft.id)).toEqual([]);
    expect(h.store.documents.list(h.accountId)).toEqual([]);
  });

  it('drops the portability answers of numbers taken out of the draft', async () => {
    const draft = await h.porting.createDraft({ accountId: h.accountId, initial: completeForm() });
    for (const phoneNumber of ['+13125550101', '+13125550102']) {
      h.store.portabilityChecks.save(draft.id, phoneNumber, {
        outcome: 'failed',
        error: { message: 'Twilio had a server error', code: null },
      });
    }
    const updated = await h.porting.updateDraft({
      draftId: draft.id,
      patch: { phoneNumbers: [{ phoneNumber: '+13125550102', pin: null }] },
    });
    expect(updated.portability.results.map((r) => r.phoneNumber)).toEqual(['+13125550102']);
    expect(h.store.portabilityChecks.list(draft.id).map((c) => c.phoneNumber)).toEqual([
      '+13125550102',
    ]);
  });

  it('moves a draft to another account: its bill follows, its portability answers are forgotten', async () => {
    const other = addSecondAccount(h);
    const draft = await h.porting.createDraft({ accountId: h.accountId, initial: completeForm() });
    await h.porting.attachBill({ draftId: draft.id, name: 'bill.pdf', bytes: minimalPdf() });
    h.store.portabilityChecks.save(draft.id, '+13125550101', {
      outcome: 'failed',
      error: { message: 'Twilio had a server error', code: null },
    });
    h.store.drafts.update(draft.id, {
      fieldErrors: [{ field: 'account', message: 'Choose an account' }],
    });

    const moved = await h.porting.updateDraft({
      draftId: draft.id,
      accountId: other.id,
      patch: { losingCarrier: { customerName: 'Acme Holdings' } },
    });

    expect(moved).toMatchObject({
      accountId: other.id,
      status: 'editing',
      fieldErrors: [],
      payload: { losingCarrier: { customerName: 'Acme Holdings' } },
      bill: { name: 'bill.pdf', uploaded: false },
      portability: { state: 'idle', results: [] },
    });
    expect(h.store.portabilityChecks.list(draft.id)).toEqual([]);
    // The bill is the new account's document now; the old account's copy was not used elsewhere.
    expect(h.store.documents.list(other.id).map((d) => d.fileName)).toEqual(['bill.pdf']);
    expect(h.store.documents.list(h.accountId)).toEqual([]);
    expect((await h.porting.listDrafts()).map((d) => [d.id, d.accountLabel])).toEqual([
      [draft.id, 'Beta porting'],
    ]);
    expect(await h.porting.validateDraft({ draftId: draft.id })).toEqual({
      fieldErrors: [],
      ready: true,
    });
  });

  it('keeps a queued or submitted draft read-only', async () => {
    const draft = await h.porting.createDraft({ accountId: h.accountId, initial: completeForm() });
    h.store.drafts.update(draft.id, { status: 'queued' });
    await expectRefusedWithoutChange(
      h,
      () => h.porting.updateDraft({ draftId: draft.id, patch: { targetPortInDate: '2026-03-18' } }),
      { code: 'conflict', field: 'draftId', message: /queued/ },
    );
    await expectRefusedWithoutChange(h, () => h.porting.deleteDraft({ draftId: draft.id }), {
      code: 'conflict',
      field: 'draftId',
    });
    h.store.drafts.update(draft.id, { status: 'submitted', requestSid: `KW${'1'.repeat(32)}` });
    await expectRefusedWithoutChange(
      h,
      () => h.porting.updateDraft({ draftId: draft.id, patch: { notificationEmails: [] } }),
      { code: 'conflict', field: 'draftId', message: /Fix and resubmit/ },
    );
  });

  it('sends a failed draft back to editing on the first edit, dropping its failed operations', async () => {
    const draft = await h.porting.createDraft({ accountId: h.accountId, initial: completeForm() });
    await h.porting.attachBill({ draftId: draft.id, name: 'bill.pdf', bytes: minimalPdf() });
    const submitted = await h.porting.submitDraft({ draftId: draft.id });
    if (submitted.state !== 'queued') throw new Error('expected queued');
    h.store.outbox.update(submitted.outboxItemId, {
      state: 'failed',
      lastError: { message: 'Twilio rejected the request: the address is invalid.', code: 22173 },
    });
    h.store.drafts.update(draft.id, { status: 'failed' });
    const failed = await h.porting.getDraft({ draftId: draft.id });
    expect(failed.lastError).toMatch(/address is invalid/);

    const edited = await h.porting.updateDraft({
      draftId: draft.id,
      patch: { losingCarrier: { address: { street: '2 Main St' } } },
    });
    expect(edited.status).toBe('editing');
    expect(edited.lastError).toBeNull();
    expect(h.store.outbox.list({ draftId: draft.id })).toEqual([]);
  });

  it('takes the time of every change from the injected clock', async () => {
    const draft = await h.porting.createDraft({ accountId: h.accountId });
    expect(draft.createdAt).toBe(new Date(NOW).toISOString());
    h.clock.now = NOW + DAY;
    const updated = await h.porting.updateDraft({
      draftId: draft.id,
      patch: { notificationEmails: ['a@b.example'] },
    });
    expect(updated.updatedAt).toBe(new Date(NOW + DAY).toISOString());
  });
});

describe('draft commands refuse bad input with the field named, changing nothing', () => {
  it('create: an unknown account, a malformed number, an unexpected field', async () => {
    await expectRefusedWithoutChange(h, () => h.porting.createDraft({ accountId: 'nobody' }), {
      code: 'not_found',
      field: 'accountId',
      message: /no account nobody/,
    });
    await expectRefusedWithoutChange(
      h,
      () =>
        h.porting.createDraft({
          accountId: h.accountId,
          initial: { phoneNumbers: [{ phoneNumber: '(312) 555-0101', pin: null }] },
        }),
      { code: 'invalid_payload', field: 'initial.phoneNumbers.0.phoneNumber', message: /E\.164/ },
    );
    await expectRefusedWithoutChange(
      h,
      () => h.porting.createDraft({ accountId: h.accountId, color: 'blue' } as never),
      { code: 'invalid_payload', field: 'color' },
    );
  });

  it('update: an unknown draft, a malformed date, a misspelt carrier field, an unknown account', async () => {
    const draft = await h.porting.createDraft({ accountId: h.accountId, initial: completeForm() });
    await expectRefusedWithoutChange(
      h,
      () => h.porting.updateDraft({ draftId: 31337, patch: { notificationEmails: [] } }),
      { code: 'not_found', field: 'draftId' },
    );
    await expectRefusedWithoutChange(
      h,
      () => h.porting.updateDraft({ draftId: draft.id, patch: { targetPortInDate: '17/03/2026' } }),
      { code: 'invalid_payload', field: 'patch.targetPortInDate', message: /YYYY-MM-DD/ },
    );
    await expectRefusedWithoutChange(
      h,
      () =>
        h.porting.updateDraft({
          draftId: draft.id,
          patch: { losingCarrier: { customer_name: 'Acme' } } as never,
        }),
      { code: 'invalid_payload', field: 'patch.losingCarrier.customer_name' },
    );
    await expectRefusedWithoutChange(
      h,
      () =>
        h.porting.updateDraft({
          draftId: draft.id,
          patch: {
            phoneNumbers: Array.from({ length: 1001 }, () => ({
              phoneNumber: '+13125550101',
              pin: null,
            })),
          },
        }),
      { code: 'invalid_payload', field: 'patch.phoneNumbers', message: /At most 1,000 numbers/ },
    );
    await expectRefusedWithoutChange(
      h,
      () => h.porting.updateDraft({ draftId: draft.id, accountId: 'nobody', patch: {} }),
      { code: 'not_found', field: 'accountId' },
    );
  });

  it('get, delete and validate: an unknown or malformed draft id', async () => {
    await expectRefusedWithoutChange(h, () => h.porting.getDraft({ draftId: 5 }), {
      code: 'not_found',
      field: 'draftId',
    });
    await expectRefusedWithoutChange(h, () => h.porting.deleteDraft({ draftId: 5 }), {
      code: 'not_found',
      field: 'draftId',
    });
    await expectRefusedWithoutChange(h, () => h.porting.validateDraft({ draftId: 5 }), {
      code: 'not_found',
      field: 'draftId',
    });
    await expectRefusedWithoutChange(h, () => h.porting.getDraft({ draftId: 1.5 }), {
      code: 'invalid_payload',
      field: 'draftId',
    });
    await expectRefusedWithoutChange(h, () => h.porting.listDrafts({ all: true } as never), {
      code: 'invalid_payload',
      field: 'all',
    });
  });
});

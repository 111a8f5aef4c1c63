import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';
import { normaliseNumberStatus, normaliseRequestStatus } from '../../../shared/domain/statuses';
import { minimalPdf } from './billBytes';
import {
  createHarness,
  expectRefusedWithoutChange,
  storeFetchedRequest,
  type Harness,
} from './harness';

const KW = `KW${'5'.repeat(32)}`;
const pu = (n: number) => `PU${String(n).repeat(32).slice(0, 32)}`;

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(async () => {
  await h.close();
});

function rejected(index: number, code: number, name: string | null) {
  return aNumber({
    sid: pu(index),
    phoneNumber: `+1312555010${index}`,
    status: 'Rejected',
    rejectionReasonCode: code,
    rejectionReason: name,
  });
}

describe('fix and resubmit', () => {
  it('prefills a new draft with the rejected numbers and marks the fields the reasons point at', async () => {
    storeFetchedRequest(
      h,
      aRequest({
        sid: KW,
        status: 'Action Required',
        targetPortInDate: '2026-03-24',
        notificationEmails: ['ops@acme.example'],
        phoneNumbers: [
          rejected(1, 22155, 'INVALID_PIN'),
          rejected(2, 22154, 'INVALID_ADDRESS'),
          aNumber({ sid: pu(3), phoneNumber: '+13125550103', status: 'Submitted' }),
          rejected(4, 22153, 'INVALID_END_USER_NAME'),
          rejected(5, 22156, 'INVALID_ACCOUNT_NUMBER'),
        ],
      }),
    );
    const draft = await h.porting.fixAndResubmit({ sid: KW });

    expect(draft.status).toBe('editing');
    expect(draft.payload.phoneNumbers).toEqual([
      { phoneNumber: '+13125550101', pin: null },
      { phoneNumber: '+13125550102', pin: null },
      { phoneNumber: '+13125550104', pin: null },
      { phoneNumber: '+13125550105', pin: null },
    ]);
    expect(draft.payload.losingCarrier).toEqual({
      customerType: 'Business',
      customerName: 'Acme Inc',
      accountNumber: '123456',
      accountTelephoneNumber: '+14155550100',
      authorizedRepresentative: 'Jane Doe',
      authorizedRepresentativeEmail: 'jane@acme.example',
      address: {
        street: '1 Main St',
        street2: '',
        city: 'Springfield',
        state: 'IL',
        zip: '62701',
        country: 'US',
      },
    });
    expect(draft.payload.notificationEmails).toEqual(['ops@acme.example']);
    expect(draft.payload.targetPortInDate).toBe('2026-03-24');

    expect(draft.origin?.requestSid).toBe(KW);
    expect(draft.origin?.fieldsToCorrect.map((f) => [f.field, f.reason.code])).toEqual([
      ['pin', 22155],
      ['losingCarrier.address', 22154],
      ['losingCarrier.customerName', 22153],
      ['losingCarrier.authorizedRepresentative', 22153],
      ['losingCarrier.accountNumber', 22156],
    ]);
    expect(draft.origin?.fieldsToCorrect[0]?.reason).toMatchObject({
      name: 'INVALID_PIN',
      title: 'Invalid PIN',
    });

    // The markers are field errors, saved, so the wizard highlights them after a restart too.
    const saved = await h.porting.getDraft({ draftId: draft.id });
    expect(saved.fieldErrors.map((e) => e.field)).toEqual([
      'phoneNumbers.0.pin',
      'losingCarrier.address',
      'losingCarrier.customerName',
      'losingCarrier.authorizedRepresentative',
      'losingCarrier.accountNumber',
    ]);
    expect(saved.fieldErrors[0]?.message).toMatch(/\(312\) 555-0101: Invalid PIN/);
    expect(saved.origin).toEqual(draft.origin);
  });

  it('takes every number of a fully rejected request, and clears a target date now less than 7 days ahead', async () => {
    storeFetchedRequest(
      h,
      aRequest({
        sid: KW,
        status: 'Action Required',
        targetPortInDate: '2026-03-06',
        phoneNumbers: [
          rejected(1, 22156, 'INVALID_ACCOUNT_NUMBER'),
          rejected(2, 22156, 'INVALID_ACCOUNT_NUMBER'),
        ],
      }),
    );
    const draft = await h.porting.fixAndResubmit({ sid: KW });
    expect(draft.payload.phoneNumbers).toHaveLength(2);
    expect(draft.payload.targetPortInDate).toBeNull();
    expect(draft.origin?.fieldsToCorrect.map((f) => f.field)).toEqual([
      'losingCarrier.accountNumber',
    ]);
  });

  it('lists two reasons that point at the same field, each once, and no field twice for one reason', async () => {
    storeFetchedRequest(
      h,
      aRequest({
        sid: KW,
        status: 'Action Required',
        phoneNumbers: [
          rejected(1, 22152, 'PHONE_NUMBER_INACTIVE_OR_DISCONNECTED'),
          rejected(2, 22159, null),
          rejected(3, 22152, 'PHONE_NUMBER_INACTIVE_OR_DISCONNECTED'),
          rejected(4, 22153, 'INVALID_END_USER_NAME'),
          rejected(5, 22153, 'INVALID_END_USER_NAME'),
          rejected(6, 22151, 'PHONE_NUMBER_WITH_CARRIER_RESTRICTION'),
        ],
      }),
    );
    const draft = await h.porting.fixAndResubmit({ sid: KW });
    expect(draft.origin?.fieldsToCorrect.map((f) => [f.field, f.reason.code])).toEqual([
      ['phoneNumbers', 22152],
      ['phoneNumbers', 22159],
      ['losingCarrier.customerName', 22153],
      ['losingCarrier.authorizedRepresentative', 22153],
    ]);
    // Each number rejected for itself is marked on its own row; 22151's fix is outside the draft.
    const saved = await h.porting.getDraft({ draftId: draft.id });
    expect(saved.fieldErrors.map((e) => e.field)).toEqual([
      'phoneNumbers.0.phoneNumber',
      'phoneNumbers.1.phoneNumber',
      'phoneNumbers.2.phoneNumber',
      'losingCarrier.customerName',
      'losingCarrier.authorizedRepresentative',
    ]);
    expect(saved.fieldErrors[1]?.message).toMatch(/\(312\) 555-0102: Not portable \(carrier\)/);
  });

  it('shows an unknown code raw and points nowhere, rather than hiding it', async () => {
    storeFetchedRequest(
      h,
      aRequest({
        sid: KW,
        status: 'Action Required',
        phoneNumbers: [rejected(1, 22999, 'SOMETHING_NEW')],
      }),
    );
    const draft = await h.porting.fixAndResubmit({ sid: KW });
    expect(draft.origin?.fieldsToCorrect).toEqual([]);
    const detail = await h.porting.getRequestDetail({ sid: KW });
    expect(detail.numbers[0]?.rejection).toMatchObject({
      code: 22999,
      title: 'Unknown reason 22999 SOMETHING_NEW',
      fix: expect.stringMatching(/Twilio porting support/),
    });
  });

  it('reuses the original bill when this computer uploaded it', async () => {
    const documentSid = `RD${'7'.repeat(32)}`;
    const { document } = h.store.documents.add({
      accountId: h.accountId,
      sha256: 'a'.repeat(64),
      fileName: 'bill.pdf',
      mimeType: 'application/pdf',
      sizeBytes: 100,
      localPath: '/nowhere/bill.pdf',
    });
    h.store.documents.markUploaded(document.id, documentSid);
    storeFetchedRequest(
      h,
      aRequest({
        sid: KW,
        status: 'Action Required',
        documents: [documentSid],
        phoneNumbers: [rejected(1, 22155, 'INVALID_PIN')],
      }),
    );
    const draft = await h.porting.fixAndResubmit({ sid: KW });
    expect(draft.bill).toEqual({
      name: 'bill.pdf',
      sizeBytes: 100,
      mimeType: 'application/pdf',
      uploaded: true,
    });
  });

  it('asking twice opens the same draft while it is being edited', async () => {
    storeFetchedRequest(
      h,
      aRequest({
        sid: KW,
        status: 'Action Required',
        phoneNumbers: [rejected(1, 22155, 'INVALID_PIN')],
      }),
    );
    const first = await h.porting.fixAndResubmit({ sid: KW });
    const second = await h.porting.fixAndResubmit({ sid: KW });
    expect(second.id).toBe(first.id);
    expect(h.store.drafts.list()).toHaveLength(1);
  });

  it('refuses a request without rejected numbers, one never fetched, and an unknown one', async () => {
    storeFetchedRequest(
      h,
      aRequest({ sid: KW, status: 'In Progress', phoneNumbers: [aNumber({ sid: pu(1) })] }),
    );
    await expectRefusedWithoutChange(h, () => h.porting.fixAndResubmit({ sid: KW }), {
      code: 'conflict',
      field: 'sid',
      message: /nothing to fix/,
    });
    await expectRefusedWithoutChange(
      h,
      () => h.porting.fixAndResubmit({ sid: `KW${'6'.repeat(32)}` }),
      {
        code: 'not_found',
        field: 'sid',
      },
    );
    const listed = `KW${'8'.repeat(32)}`;
    h.store.requests.upsertSummary(h.accountId, {
      sid: listed,
      status: normaliseRequestStatus('Action Required'),
      statusUpdatedAt: null,
      numbersRequested: 1,
      numbersPorted: 0,
      suggestedAction: null,
    });
    await expectRefusedWithoutChange(h, () => h.porting.fixAndResubmit({ sid: listed }), {
      code: 'conflict',
      field: 'sid',
      message: /sync, then try again/,
    });
    await expectRefusedWithoutChange(h, () => h.porting.fixAndResubmit({ sid: 'not-a-sid' }), {
      code: 'invalid_payload',
      field: 'sid',
    });
  });

  it('queues the corrected create behind the cancel of the numbers, ready once they show Canceled', async () => {
    const original = (status: string) =>
      aRequest({
        sid: KW,
        status: 'Action Required',
        phoneNumbers: [
          { ...rejected(1, 22153, 'INVALID_END_USER_NAME'), status: normaliseNumberStatus(status) },
          aNumber({ sid: pu(2), phoneNumber: '+13125550102', status: 'Pending' }),
        ],
      });
    storeFetchedRequest(h, original('Rejected'));
    const draft = await h.porting.fixAndResubmit({ sid: KW });
    const edited = await h.porting.updateDraft({
      draftId: draft.id,
      patch: { losingCarrier: { customerName: 'Acme Incorporated' }, targetPortInDate: null },
    });
    await h.porting.attachBill({ draftId: draft.id, name: 'bill.pdf', bytes: minimalPdf() });
    const submit = () => h.porting.submitDraft({ draftId: draft.id });

    // Never canceled: a create could only meet 22137, so the agent is told what to do.
    await expectRefusedWithoutChange(h, submit, {
      code: 'validation_failed',
      field: 'phoneNumbers.0.phoneNumber',
      message: new RegExp(
        `\\(312\\) 555-0101 is still in request ${KW} \\(Rejected\\).*22137.*Cancel it in that request first`,
      ),
    });
    // Its cancel failed: the same, pointing at the Outbox.
    const cancel = await h.porting.cancelNumbers({ sid: KW, numberSids: [pu(1)] });
    const cancelId = cancel.outboxItemIds[0] ?? 0;
    h.store.outbox.update(cancelId, { state: 'failed' });
    await expectRefusedWithoutChange(h, submit, {
      code: 'validation_failed',
      field: 'phoneNumbers.0.phoneNumber',
      message: /its cancel failed \(see the Outbox\)/,
    });
    h.store.outbox.update(cancelId, { state: 'queued' });

    // Cancel queued: the submit is accepted, and the create waits behind that cancel.
    const queued = await submit();
    expect(queued).toMatchObject({ state: 'queued', draftId: draft.id });
    const createId = queued.state === 'queued' ? queued.outboxItemId : 0;
    const create = h.store.outbox.get(createId);
    expect(create?.awaitsRelease).toEqual([cancelId]);
    expect(create?.dependsOn).toContain(cancelId);
    const ready = () =>
      h.store.outbox.nextReady(new Date(h.clock.now + 1).toISOString(), {
        states: ['queued', 'reconciling', 'waiting_for_network'],
      })?.id ?? null;
    const uploadFirst = ready();
    expect(uploadFirst).not.toBe(createId); // the bill's upload and the cancel go first
    for (const item of h.store.outbox.list()) {
      if (item.kind === 'upload_document') h.store.outbox.update(item.id, { state: 'done' });
    }
    const waitWords = `Waiting for the cancel of ${KW} to finish`;
    const draftWaiting = await h.porting.getDraft({ draftId: draft.id });
    expect(draftWaiting.status).toBe('queued');
    expect(draftWaiting.waitingFor?.words).toContain(waitWords);
    expect(draftWaiting.waitingFor?.phoneNumbers).toEqual(['+13125550101']);
    expect(draftWaiting.fieldErrors).toEqual([]);
    expect(edited.fieldErrors.length).toBeGreaterThan(0);

    // Sent (204): Twilio still holds the number until it is Canceled — the create still waits.
    h.store.outbox.update(cancelId, { state: 'done' });
    expect(ready()).toBeNull();
    storeFetchedRequest(h, original('Canceling'));
    expect(ready()).toBeNull();
    const listed = (await h.porting.listOutbox()).find((item) => item.id === createId);
    expect(listed?.state).toBe('queued');
    expect(listed?.waitingFor?.words).toContain(waitWords);
    expect(listed?.lastError).toBeNull();
    // The original request's detail carries the waiting create, for its header.
    const detail = await h.porting.getRequestDetail({ sid: KW });
    expect(detail.outboxItems?.map((item) => item.id)).toEqual([cancelId, createId]);

    // The sync sees the number Canceled: the create is ready, and waits for nothing.
    storeFetchedRequest(h, original('Canceled'));
    expect(ready()).toBe(createId);
    expect((await h.porting.getDraft({ draftId: draft.id })).waitingFor).toBeNull();
  });

  it('starts the correction and the cancel of the rejected numbers in one command', async () => {
    storeFetchedRequest(
      h,
      aRequest({
        sid: KW,
        status: 'Action Required',
        phoneNumbers: [
          rejected(1, 22153, 'INVALID_END_USER_NAME'),
          rejected(2, 22155, 'INVALID_PIN'),
          aNumber({ sid: pu(3), phoneNumber: '+13125550103', status: 'Pending' }),
        ],
      }),
    );
    const started = await h.porting.correctRejectedRequest({ sid: KW, cancelRejected: true });
    expect(started.draft.origin?.requestSid).toBe(KW);
    expect(started.cancelProblem).toBeNull();
    expect(started.cancel).toMatchObject({ numbers: 2, waitingForNetwork: false });
    const cancels = h.store.outbox.list({ requestSid: KW });
    expect(cancels.map((item) => item.operation.kind)).toEqual(['cancel_number', 'cancel_number']);
    expect(h.kicks.count).toBeGreaterThan(0);

    // Asked again, even once Twilio accepted the cancels: the same draft, and no second cancel.
    for (const item of cancels) h.store.outbox.update(item.id, { state: 'done' });
    const again = await h.porting.correctRejectedRequest({ sid: KW, cancelRejected: true });
    expect(again.draft.id).toBe(started.draft.id);
    expect(again.cancel).toBeNull();
    expect(h.store.outbox.list({ requestSid: KW })).toHaveLength(2);

    // Without consent nothing is canceled.
    const other = `KW${'6'.repeat(32)}`;
    storeFetchedRequest(
      h,
      aRequest({
        sid: other,
        status: 'Action Required',
        phoneNumbers: [{ ...rejected(4, 22155, 'INVALID_PIN'), sid: pu(4) }],
      }),
    );
    const noCancel = await h.porting.correctRejectedRequest({ sid: other, cancelRejected: false });
    expect(noCancel.cancel).toBeNull();
    expect(h.store.outbox.list({ requestSid: other })).toEqual([]);
  });

  it('keeps the draft and says why when the cancel cannot be queued', async () => {
    storeFetchedRequest(
      h,
      aRequest({
        sid: KW,
        status: 'Action Required',
        phoneNumbers: [rejected(1, 22155, 'INVALID_PIN')],
      }),
    );
    // The whole request is already being canceled: its numbers go with it, no number cancel.
    await h.porting.cancelRequest({ sid: KW });
    const started = await h.porting.correctRejectedRequest({ sid: KW, cancelRejected: true });
    expect(started.draft.status).toBe('editing');
    expect(started.cancel).toBeNull();
    expect(started.cancelProblem).toBeNull();

    const refused = `KW${'7'.repeat(32)}`;
    storeFetchedRequest(
      h,
      aRequest({
        sid: refused,
        status: 'Action Required',
        phoneNumbers: [{ ...rejected(2, 22155, 'INVALID_PIN'), sid: pu(2) }],
      }),
    );
    // A stale copy: the request finished at Twilio after the list was read (the use case says so).
    h.store.requests.upsertSummary(h.accountId, {
      sid: refused,
      status: normaliseRequestStatus('Expired'),
      statusUpdatedAt: null,
      numbersRequested: 1,
      numbersPorted: 0,
      suggestedAction: null,
    });
    const partial = await h.porting.correctRejectedRequest({ sid: refused, cancelRejected: true });
    expect(partial.draft.origin?.requestSid).toBe(refused);
    expect(partial.cancel).toBeNull();
    expect(partial.cancelProblem).toMatch(/nothing left to cancel/);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';
import { minimalPdf } from './billBytes';
import {
  addSecondAccount,
  completeForm,
  createHarness,
  storeFetchedRequest,
  type Harness,
} from './harness';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(async () => {
  await h.close();
});

const KW_HOLDER = `KW${'a'.repeat(32)}`;

function notPortable(draftId: number, phoneNumber: string, code: number, name: string) {
  h.store.portabilityChecks.save(draftId, phoneNumber, {
    outcome: 'checked',
    result: {
      phoneNumber,
      portable: false,
      pinAndAccountNumberRequired: false,
      notPortableReason: name,
      notPortableReasonCode: code,
      numberType: 'LOCAL',
      country: 'US',
      accountSid: null,
    },
  });
}

describe('numbers another request of PortDesk holds (22131, 22136, 22137)', () => {
  it('names the request of another account that has a number Twilio calls "in one of your accounts"', async () => {
    const beta = addSecondAccount(h);
    h.store.requests.saveFetchedRequest(
      beta.id,
      aRequest({
        sid: KW_HOLDER,
        status: 'In Progress',
        losingCarrier: { ...aRequest().losingCarrier, customerName: 'Globex' },
        phoneNumbers: [aNumber({ phoneNumber: '+13125550102', status: 'Pending' })],
      }),
      new Date().toISOString(),
    );
    const draft = await h.porting.createDraft({ accountId: h.accountId, initial: completeForm() });
    notPortable(draft.id, '+13125550102', 22136, 'ALREADY_IN_ONE_OF_YOUR_TWILIO_ACCOUNTS');

    const view = await h.porting.getDraft({ draftId: draft.id });
    expect(view.heldNumbers).toEqual([
      {
        phoneNumber: '+13125550102',
        requestSid: KW_HOLDER,
        accountId: beta.id,
        accountLabel: 'Beta porting',
        customerName: 'Globex',
        numberStatus: 'Pending',
      },
    ]);
  });

  it('leaves out canceled numbers, numbers Twilio did not question, and the request corrected', async () => {
    storeFetchedRequest(
      h,
      aRequest({
        sid: KW_HOLDER,
        phoneNumbers: [
          aNumber({ sid: `PU${'1'.repeat(32)}`, phoneNumber: '+13125550101', status: 'Canceled' }),
          aNumber({ sid: `PU${'2'.repeat(32)}`, phoneNumber: '+13125550102' }),
        ],
      }),
    );
    const draft = await h.porting.createDraft({ accountId: h.accountId, initial: completeForm() });
    notPortable(draft.id, '+13125550101', 22131, 'ALREADY_IN_THE_TARGET_ACCOUNT');
    // +13125550102 is held, but Twilio said nothing about it: no lookup, no claim.
    const view = await h.porting.getDraft({ draftId: draft.id });
    expect(view.heldNumbers).toBeUndefined();
  });

  it('a refused create’s 22137 on a number names the request that has it', async () => {
    storeFetchedRequest(
      h,
      aRequest({ sid: KW_HOLDER, phoneNumbers: [aNumber({ phoneNumber: '+13125550101' })] }),
    );
    const draft = await h.porting.createDraft({ accountId: h.accountId, initial: completeForm() });
    h.store.drafts.update(
      draft.id,
      {
        fieldErrors: [
          {
            field: 'phoneNumbers.0.phoneNumber',
            message: 'Port already in progress: +13125550101 is in another request.',
          },
        ],
      },
      new Date().toISOString(),
    );
    const view = await h.porting.getDraft({ draftId: draft.id });
    expect(view.heldNumbers?.map((n) => [n.phoneNumber, n.requestSid])).toEqual([
      ['+13125550101', KW_HOLDER],
    ]);
  });
});

describe('a bill reused by its bytes', () => {
  it('keeps the name this draft gave it, not the name of the draft that stored it first', async () => {
    const first = await h.porting.createDraft({ accountId: h.accountId });
    const second = await h.porting.createDraft({ accountId: h.accountId });
    await h.porting.attachBill({
      draftId: first.id,
      name: 'bill-nov-2026.pdf',
      bytes: minimalPdf(),
    });
    const view = await h.porting.attachBill({
      draftId: second.id,
      name: 'wayne-bill.pdf',
      bytes: minimalPdf(),
    });
    expect(h.store.documents.list(h.accountId)).toHaveLength(1);
    expect(view.bill?.name).toBe('wayne-bill.pdf');
    expect((await h.porting.getDraft({ draftId: first.id })).bill?.name).toBe('bill-nov-2026.pdf');
    // Removed and attached again under a third name: that name.
    await h.porting.removeBill({ draftId: second.id });
    const again = await h.porting.attachBill({
      draftId: second.id,
      name: 'scan.pdf',
      bytes: minimalPdf(),
    });
    expect(again.bill?.name).toBe('scan.pdf');
  });
});

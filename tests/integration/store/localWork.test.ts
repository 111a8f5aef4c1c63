import { beforeEach, describe, expect, it } from 'vitest';
import type { PortabilityResult } from '../../../shared/domain/portIn';
import type { Account, Store } from '../../../main/core/store';
import { addAccount, requestSid, rowCount, useTempFolders } from './storeHarness';

const temp = useTempFolders();
const T0 = '2026-11-27T10:00:00.000Z';
const T1 = '2026-11-27T10:00:01.000Z';
let store: Store;
let account: Account;

beforeEach(() => {
  store = temp.open();
  account = addAccount(store);
});

describe('drafts', () => {
  it('create, save on every keystroke and read back a draft', () => {
    const draft = store.drafts.create({ accountId: account.id, payload: { customer: 'A' } }, T0);
    expect(draft).toMatchObject({
      status: 'editing',
      fieldErrors: [],
      requestSid: null,
      createdAt: T0,
    });
    let saved = draft;
    for (const customer of ['Ac', 'Acm', 'Acme']) {
      saved = store.drafts.update(draft.id, { payload: { customer } }, T1);
    }
    expect(saved).toMatchObject({ payload: { customer: 'Acme' }, updatedAt: T1, createdAt: T0 });
    const withErrors = store.drafts.update(draft.id, {
      fieldErrors: [{ field: 'phoneNumbers.0.pin', message: 'Required for mobile numbers' }],
    });
    expect(withErrors.payload).toEqual({ customer: 'Acme' });
    expect(store.drafts.get(draft.id)).toEqual(withErrors);
  });

  it('link a draft to the request Twilio created, once', () => {
    const draft = store.drafts.create({ accountId: account.id, payload: {} });
    store.drafts.update(draft.id, { status: 'submitted', requestSid: requestSid(1) });
    expect(store.drafts.findByRequestSid(requestSid(1))?.id).toBe(draft.id);
    const other = store.drafts.create({ accountId: account.id, payload: {} });
    expect(() => store.drafts.update(other.id, { requestSid: requestSid(1) })).toThrow(
      new RegExp(`already linked to draft ${draft.id}`),
    );
    expect(store.drafts.update(draft.id, { requestSid: null }).requestSid).toBeNull();
  });

  it('list drafts by status and account, most recently edited first', () => {
    const second = addAccount(store, 2);
    const a = store.drafts.create({ accountId: account.id, payload: {} }, T0);
    const b = store.drafts.create({ accountId: second.id, payload: {} }, T1);
    store.drafts.update(a.id, { status: 'queued' }, '2026-11-27T11:00:00Z');
    expect(store.drafts.list().map((d) => d.id)).toEqual([a.id, b.id]);
    expect(store.drafts.list({ statuses: ['queued'] }).map((d) => d.id)).toEqual([a.id]);
    expect(store.drafts.list({ accountIds: [second.id] }).map((d) => d.id)).toEqual([b.id]);
  });

  it('move a draft to another account, forgetting its portability answers with the move', () => {
    const second = addAccount(store, 2);
    const draft = store.drafts.create({ accountId: account.id, payload: { customer: 'A' } }, T0);
    store.portabilityChecks.save(draft.id, '+14155550101', {
      outcome: 'failed',
      error: { message: 'Not found', code: 20404 },
    });
    const moved = store.drafts.update(
      draft.id,
      { accountId: second.id, payload: { customer: 'B' } },
      T1,
    );
    expect(moved).toMatchObject({
      accountId: second.id,
      payload: { customer: 'B' },
      updatedAt: T1,
    });
    expect(store.portabilityChecks.list(draft.id)).toEqual([]);
    expect(store.drafts.list({ accountIds: [second.id] }).map((d) => d.id)).toEqual([draft.id]);

    // Naming the account it is already in moves nothing and forgets nothing.
    store.portabilityChecks.save(draft.id, '+14155550101', {
      outcome: 'failed',
      error: { message: 'Not found', code: 20404 },
    });
    store.drafts.update(draft.id, { accountId: second.id });
    expect(store.portabilityChecks.list(draft.id)).toHaveLength(1);

    // An unknown account is refused by name, and nothing changes.
    expect(() => store.drafts.update(draft.id, { accountId: 'gone', payload: {} })).toThrow(
      /Account gone does not exist/,
    );
    expect(store.drafts.get(draft.id)).toMatchObject({
      accountId: second.id,
      payload: { customer: 'B' },
    });
    expect(store.portabilityChecks.list(draft.id)).toHaveLength(1);
  });

  it('name what is wrong with a bad patch', () => {
    const draft = store.drafts.create({ accountId: account.id, payload: {} });
    expect(() => store.drafts.update(draft.id, { status: 'sent' as never })).toThrow(/status/);
    expect(() => store.drafts.update(draft.id, { payload: [] as never })).toThrow(/payload/);
    expect(() => store.drafts.update(draft.id, { fieldErrors: [{ field: 'x' }] as never })).toThrow(
      /fieldErrors\[0\]/,
    );
    expect(() => store.drafts.update(999, { payload: {} })).toThrow(/Draft 999 does not exist/);
    expect(store.drafts.remove(draft.id)).toBe(true);
    expect(store.drafts.get(draft.id)).toBeNull();
  });
});

describe('documents', () => {
  const bill = {
    sha256: 'AB'.repeat(32),
    fileName: 'bill.pdf',
    mimeType: 'application/pdf',
    sizeBytes: 52_000,
    localPath: '/data/bills/ab.pdf',
  };

  it('keep one document per account for the same bytes', () => {
    const first = store.documents.add({ ...bill, accountId: account.id }, T0);
    const again = store.documents.add({ ...bill, accountId: account.id, fileName: 'copy.pdf' }, T1);
    expect(first.created).toBe(true);
    expect(again).toEqual({ document: first.document, created: false });
    expect(first.document.sha256).toBe('ab'.repeat(32));
    const other = addAccount(store, 2);
    expect(store.documents.add({ ...bill, accountId: other.id }).created).toBe(true);
  });

  it('record the Twilio SID once uploaded', () => {
    const { document } = store.documents.add({ ...bill, accountId: account.id });
    const uploaded = store.documents.markUploaded(document.id, `RD${'c'.repeat(32)}`, T1);
    expect(uploaded).toMatchObject({ twilioSid: `RD${'c'.repeat(32)}`, uploadedAt: T1 });
    expect(store.documents.findBySha256(account.id, bill.sha256)).toEqual(uploaded);
    expect(store.documents.list(account.id)).toEqual([uploaded]);
    expect(() => store.documents.markUploaded(document.id, 'RD1')).toThrow(/twilioSid/);
  });

  it('refuse a document without a proper hash or size', () => {
    expect(() => store.documents.add({ ...bill, accountId: account.id, sha256: 'xyz' })).toThrow(
      /sha256/,
    );
    expect(() => store.documents.add({ ...bill, accountId: account.id, sizeBytes: -1 })).toThrow(
      /sizeBytes/,
    );
  });
});

describe('portability checks', () => {
  const portable: PortabilityResult = {
    phoneNumber: '+14155550101',
    portable: true,
    pinAndAccountNumberRequired: false,
    notPortableReason: null,
    notPortableReasonCode: null,
    numberType: 'LOCAL',
    country: 'US',
    accountSid: null,
  };

  it('keep the latest answer per number of a draft, and forget removed numbers', () => {
    const draft = store.drafts.create({ accountId: account.id, payload: {} });
    store.portabilityChecks.save(
      draft.id,
      '+14155550101',
      { outcome: 'failed', error: { message: 'timeout', code: null } },
      T0,
    );
    store.portabilityChecks.save(
      draft.id,
      '+14155550101',
      { outcome: 'checked', result: portable },
      T1,
    );
    store.portabilityChecks.save(draft.id, '+12125550102', {
      outcome: 'failed',
      error: { message: 'Not found', code: 20404 },
    });
    expect(store.portabilityChecks.get(draft.id, '+14155550101')).toEqual({
      draftId: draft.id,
      phoneNumber: '+14155550101',
      outcome: 'checked',
      result: portable,
      checkedAt: T1,
    });
    expect(store.portabilityChecks.list(draft.id).map((c) => c.phoneNumber)).toEqual([
      '+12125550102',
      '+14155550101',
    ]);
    expect(store.portabilityChecks.retain(draft.id, ['+14155550101'])).toBe(1);
    expect(store.portabilityChecks.list(draft.id)).toHaveLength(1);
    store.drafts.remove(draft.id);
    expect(rowCount(store, 'portability_checks')).toBe(0);
    expect(() =>
      store.portabilityChecks.save(draft.id, '+1', { outcome: 'checked', result: portable }),
    ).toThrow(/does not exist/);
  });
});

describe('settings', () => {
  it('return the fallback until set, then the stored JSON', () => {
    expect(store.settings.get('syncCadenceMinutes', 5)).toBe(5);
    store.settings.set('syncCadenceMinutes', 10);
    store.settings.set('notifications', { rejected: true, quietHours: [22, 7] });
    expect(store.settings.get('syncCadenceMinutes', 5)).toBe(10);
    expect(store.settings.get('notifications', {})).toEqual({
      rejected: true,
      quietHours: [22, 7],
    });
    expect(store.settings.remove('syncCadenceMinutes')).toBe(true);
    expect(store.settings.get('syncCadenceMinutes', 5)).toBe(5);
  });

  it('fall back when a stored value no longer fits the shape the caller expects', () => {
    store.settings.set('syncCadenceMinutes', 'often');
    const minutes = (value: unknown): number => {
      if (typeof value !== 'number') throw new Error('not a number');
      return value;
    };
    expect(store.settings.get('syncCadenceMinutes', 5, minutes)).toBe(5);
    expect(() => store.settings.set(' ', 1)).toThrow(/key/);
  });
});

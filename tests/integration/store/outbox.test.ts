import { beforeEach, describe, expect, it } from 'vitest';
import type { Account, Store } from '../../../main/core/store';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';
import { addAccount, numberSid, requestSid, useTempFolders } from './storeHarness';

const temp = useTempFolders();
const T0 = '2026-11-27T10:00:00.000Z';
let store: Store;
let account: Account;

beforeEach(() => {
  store = temp.open();
  account = addAccount(store);
});

/** Marks the next ready item done and says which it was; null when nothing is ready. */
function runNext(now = T0): string | null {
  const item = store.outbox.nextReady(now);
  if (!item) return null;
  store.outbox.update(item.id, { state: 'sending', attempts: item.attempts + 1 });
  store.outbox.update(item.id, { state: 'done', result: { label: item.payload.label ?? null } });
  return String(item.payload.label);
}

describe('outbox', () => {
  it('hold a create behind a cancel until the stored request shows the number released, across a reopen', () => {
    const file = `${temp.folder()}/portdesk.sqlite`;
    const first = temp.open(file);
    const owner = addAccount(first);
    const sid = requestSid(7);
    const save = (target: Store, status: string) =>
      target.requests.saveFetchedRequest(
        owner.id,
        aRequest({
          sid,
          status: 'Action Required',
          phoneNumbers: [
            aNumber({ sid: numberSid(1), phoneNumber: '+13125550101', status }),
            aNumber({ sid: numberSid(2), phoneNumber: '+13125550102', status: 'Pending' }),
          ],
        }),
        T0,
      );
    save(first, 'Rejected');
    const cancel = first.outbox.enqueue({
      accountId: owner.id,
      kind: 'cancel_number',
      payload: { requestSid: sid, numberSid: numberSid(1), phoneNumber: '+13125550101' },
      requestSid: sid,
    });
    const create = first.outbox.enqueue({
      accountId: owner.id,
      kind: 'create_port_in',
      payload: { label: 'correction' },
      awaitsRelease: [cancel.id],
    });
    expect(create.dependsOn).toEqual([cancel.id]);
    expect(create.awaitsRelease).toEqual([cancel.id]);
    // A release edge needs a cancel.
    expect(() =>
      first.outbox.enqueue({
        accountId: owner.id,
        kind: 'create_port_in',
        payload: {},
        awaitsRelease: [create.id],
      }),
    ).toThrow(/not a cancel/);
    first.close();

    const store = temp.open(file);
    expect(store.outbox.get(create.id)?.awaitsRelease).toEqual([cancel.id]);
    const ready = () => store.outbox.nextReady(T0)?.id ?? null;
    expect(ready()).toBe(cancel.id);
    store.outbox.update(cancel.id, { state: 'done' });
    // Twilio accepted the cancel, the number is still held (Rejected, then Canceling).
    expect(ready()).toBeNull();
    expect(store.outbox.unreleasedDependencies(create.id).map((i) => i.id)).toEqual([cancel.id]);
    save(store, 'Canceling');
    expect(ready()).toBeNull();
    // The other number of the request is not this cancel's business.
    save(store, 'Canceled');
    expect(ready()).toBe(create.id);
    expect(store.outbox.unreleasedDependencies(create.id)).toEqual([]);
  });

  it('run bill uploads before the port-in that needs them, then the rest in order', () => {
    const billA = store.outbox.enqueue({
      accountId: account.id,
      kind: 'upload_document',
      payload: { label: 'bill A' },
    });
    const billB = store.outbox.enqueue({
      accountId: account.id,
      kind: 'upload_document',
      payload: { label: 'bill B' },
    });
    const create = store.outbox.enqueue({
      accountId: account.id,
      kind: 'create_port_in',
      payload: { label: 'create' },
      dependsOn: [billB.id, billA.id],
    });
    store.outbox.enqueue({
      accountId: account.id,
      kind: 'cancel_port_in',
      payload: { label: 'cancel' },
      dependsOn: [create.id],
    });
    expect(create.dependsOn).toEqual([billA.id, billB.id]);

    expect([runNext(), runNext(), runNext(), runNext(), runNext()]).toEqual([
      'bill A',
      'bill B',
      'create',
      'cancel',
      null,
    ]);
  });

  it('hold back a dependant while its dependency is not done', () => {
    const bill = store.outbox.enqueue({
      accountId: account.id,
      kind: 'upload_document',
      payload: {},
    });
    const create = store.outbox.enqueue({
      accountId: account.id,
      kind: 'create_port_in',
      payload: {},
      dependsOn: [bill.id],
    });
    store.outbox.update(bill.id, { state: 'failed', lastError: { message: 'Bill too old' } });
    expect(store.outbox.nextReady(T0)).toBeNull();
    store.outbox.update(bill.id, { state: 'queued', lastError: null });
    expect(store.outbox.nextReady(T0)?.id).toBe(bill.id);
    store.outbox.update(bill.id, { state: 'done' });
    expect(store.outbox.nextReady(T0)?.id).toBe(create.id);
  });

  it('wait for nextAttemptAt after a retryable failure', () => {
    const item = store.outbox.enqueue({
      accountId: account.id,
      kind: 'cancel_number',
      payload: {},
    });
    store.outbox.update(item.id, {
      attempts: 1,
      nextAttemptAt: '2026-11-27T10:05:00Z',
      lastError: { message: 'Too many requests', code: 20429 },
    });
    expect(store.outbox.nextReady('2026-11-27T10:04:59Z')).toBeNull();
    expect(store.outbox.nextReady('2026-11-27T10:05:00Z')).toMatchObject({
      id: item.id,
      attempts: 1,
      lastError: { message: 'Too many requests', code: 20429 },
    });
  });

  it('hand out reconciling items, and waiting-for-network ones only when asked', () => {
    const offline = store.outbox.enqueue({
      accountId: account.id,
      kind: 'cancel_number',
      payload: {},
    });
    const unsure = store.outbox.enqueue({
      accountId: account.id,
      kind: 'create_port_in',
      payload: {},
    });
    store.outbox.update(offline.id, { state: 'waiting_for_network' });
    store.outbox.update(unsure.id, { state: 'reconciling' });
    expect(store.outbox.nextReady(T0)?.id).toBe(unsure.id);
    expect(store.outbox.nextReady(T0, { states: ['waiting_for_network'] })?.id).toBe(offline.id);
    expect(() => store.outbox.nextReady(T0, { states: ['lost' as never] })).toThrow(/state/);
  });

  it('filter the list by state, account, draft and request', () => {
    const other = addAccount(store, 2);
    const draft = store.drafts.create({ accountId: account.id, payload: {} });
    const a = store.outbox.enqueue({
      accountId: account.id,
      kind: 'create_port_in',
      payload: {},
      draftId: draft.id,
    });
    const b = store.outbox.enqueue({
      accountId: other.id,
      kind: 'cancel_port_in',
      payload: {},
      requestSid: 'KWx',
    });
    store.outbox.update(a.id, { state: 'failed' });
    expect(store.outbox.list().map((i) => i.id)).toEqual([a.id, b.id]);
    expect(store.outbox.list({ states: ['failed'] }).map((i) => i.id)).toEqual([a.id]);
    expect(store.outbox.list({ accountIds: [other.id] }).map((i) => i.id)).toEqual([b.id]);
    expect(store.outbox.list({ draftId: draft.id }).map((i) => i.id)).toEqual([a.id]);
    expect(store.outbox.list({ requestSid: 'KWx' }).map((i) => i.id)).toEqual([b.id]);
  });

  it('record the result and the request a create produced', () => {
    const item = store.outbox.enqueue(
      { accountId: account.id, kind: 'create_port_in', payload: {} },
      T0,
    );
    const done = store.outbox.update(
      item.id,
      { state: 'done', result: { sid: 'KW1' }, requestSid: 'KW1' },
      '2026-11-27T10:00:05Z',
    );
    expect(done).toMatchObject({
      state: 'done',
      result: { sid: 'KW1' },
      requestSid: 'KW1',
      createdAt: T0,
      updatedAt: '2026-11-27T10:00:05.000Z',
    });
  });

  it('refuse to remove an item something unfinished still needs, then remove in order', () => {
    const bill = store.outbox.enqueue({
      accountId: account.id,
      kind: 'upload_document',
      payload: {},
    });
    const create = store.outbox.enqueue({
      accountId: account.id,
      kind: 'create_port_in',
      payload: {},
      dependsOn: [bill.id],
    });
    expect(() => store.outbox.remove(bill.id)).toThrow(
      new RegExp(`needed by item\\(s\\) ${create.id}`),
    );
    expect(store.outbox.remove(create.id)).toBe(true);
    expect(store.outbox.remove(bill.id)).toBe(true);
    expect(store.outbox.list()).toEqual([]);
  });

  it('refuse dependencies that do not exist or belong to another account', () => {
    const other = addAccount(store, 2);
    const foreign = store.outbox.enqueue({
      accountId: other.id,
      kind: 'upload_document',
      payload: {},
    });
    expect(() =>
      store.outbox.enqueue({
        accountId: account.id,
        kind: 'create_port_in',
        payload: {},
        dependsOn: [foreign.id],
      }),
    ).toThrow(/dependsOn/);
    expect(() =>
      store.outbox.enqueue({
        accountId: account.id,
        kind: 'create_port_in',
        payload: {},
        dependsOn: [404],
      }),
    ).toThrow(/Outbox item 404 does not exist/);
    expect(() =>
      store.outbox.enqueue({ accountId: account.id, kind: 'port_out' as never, payload: {} }),
    ).toThrow(/kind/);
    expect(store.outbox.list({ accountIds: [account.id] })).toEqual([]);
  });
});

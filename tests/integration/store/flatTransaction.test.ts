import { describe, expect, it } from 'vitest';
import { aRequest } from '../../fixtures/portInBuilders';
import { addAccount, requestSid, rowCount, useTempFolders } from './storeHarness';

const temp = useTempFolders();
const T0 = '2026-11-27T10:00:00.000Z';

describe('store.flatTransaction', () => {
  it('commits nested transactions and saves together, and rolls all back on a throw', () => {
    const store = temp.open();
    const account = addAccount(store);
    const saved = store.flatTransaction(() =>
      [1, 2].map((n) =>
        store.transaction(() =>
          store.requests.saveFetchedRequest(account.id, aRequest({ sid: requestSid(n) }), T0),
        ),
      ),
    );
    expect(saved).toEqual([
      { created: true, changed: true },
      { created: true, changed: true },
    ]);
    expect(() =>
      store.flatTransaction(() => {
        store.transaction(() =>
          store.requests.saveFetchedRequest(account.id, aRequest({ sid: requestSid(3) }), T0),
        );
        throw new Error('the diff blew up');
      }),
    ).toThrow('the diff blew up');
    expect(rowCount(store, 'port_in_requests')).toBe(2);
    expect(store.requests.getRequest(requestSid(3))).toBeNull();
  });

  it('has nested transactions roll back on their own again once it is over, even after a throw', () => {
    const store = temp.open();
    const account = addAccount(store);
    expect(() =>
      store.flatTransaction(() => {
        throw new Error('first');
      }),
    ).toThrow('first');
    store.transaction(() => {
      store.requests.saveFetchedRequest(account.id, aRequest({ sid: requestSid(1) }), T0);
      try {
        store.transaction(() => {
          store.requests.saveFetchedRequest(account.id, aRequest({ sid: requestSid(2) }), T0);
          throw new Error('inner');
        });
      } catch {
        // The inner savepoint rolled back; the outer transaction goes on.
      }
    });
    expect(store.requests.getRequest(requestSid(1))).not.toBeNull();
    expect(store.requests.getRequest(requestSid(2))).toBeNull();
  });

  it('refuses an async function and stores nothing of it', () => {
    const store = temp.open();
    const account = addAccount(store);
    expect(() =>
      store.flatTransaction(async () => {
        store.requests.saveFetchedRequest(account.id, aRequest({ sid: requestSid(1) }), T0);
        await Promise.resolve();
      }),
    ).toThrow(/synchronous/);
    expect(rowCount(store, 'port_in_requests')).toBe(0);
  });
});

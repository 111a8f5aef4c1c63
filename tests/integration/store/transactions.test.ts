import { describe, expect, it } from 'vitest';
import { aRequest } from '../../fixtures/portInBuilders';
import { addAccount, requestSid, rowCount, useTempFolders } from './storeHarness';

const temp = useTempFolders();
const T0 = '2026-11-27T10:00:00.000Z';

describe('store.transaction', () => {
  it('leave nothing behind when the function throws', () => {
    const store = temp.open();
    expect(() =>
      store.transaction(() => {
        const account = addAccount(store);
        store.requests.saveFetchedRequest(account.id, aRequest({ sid: requestSid(1) }), T0);
        store.timeline.appendEvents([
          {
            requestSid: requestSid(1),
            numberSid: null,
            phoneNumber: null,
            kind: 'request_created',
            from: null,
            to: 'In Review',
            detail: {},
            observedAt: T0,
            source: 'sync',
          },
        ]);
        throw new Error('the diff blew up');
      }),
    ).toThrow('the diff blew up');
    for (const table of ['accounts', 'port_in_requests', 'port_in_numbers', 'timeline_events']) {
      expect(rowCount(store, table), table).toBe(0);
    }
  });

  it('commit what the function did and return its result', () => {
    const store = temp.open();
    const id = store.transaction(() => addAccount(store).id);
    expect(store.accounts.get(id)).not.toBeNull();
  });

  it('roll back only the inner call when an outer one catches its error', () => {
    const store = temp.open();
    store.transaction(() => {
      addAccount(store, 1);
      try {
        store.transaction(() => {
          addAccount(store, 2);
          throw new Error('inner');
        });
      } catch {
        // the outer transaction goes on
      }
    });
    expect(store.accounts.list().map((a) => a.label)).toEqual(['Desk 1']);
  });

  it('refuse an async function and roll back what it started', async () => {
    const store = temp.open();
    expect(() =>
      store.transaction(async () => {
        addAccount(store);
        await Promise.resolve();
      }),
    ).toThrow(/synchronous function/);
    expect(rowCount(store, 'accounts')).toBe(0);
  });

  it('see its own writes before it commits, and let a second connection see them after', () => {
    const store = temp.open();
    store.transaction(() => {
      const account = addAccount(store);
      expect(store.accounts.get(account.id)).not.toBeNull();
      expect(rowCount(store, 'accounts')).toBe(0);
    });
    expect(rowCount(store, 'accounts')).toBe(1);
  });
});

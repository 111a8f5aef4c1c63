import { beforeEach, describe, expect, it } from 'vitest';
import type { PortInRequest } from '../../../shared/domain/portIn';
import {
  FETCHED_BATCH_LIMITS,
  StoreError,
  chunkWithin,
  createWriteBatcher,
} from '../../../main/core/store';
import type { Account, Store } from '../../../main/core/store';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';
import { addAccount, numberSid, requestSid, rowCount, useTempFolders } from './storeHarness';

const temp = useTempFolders();
const T0 = '2026-11-27T10:00:00.000Z';
let store: Store;
let account: Account;

beforeEach(() => {
  store = temp.open();
  account = addAccount(store);
});

function requestWith(n: number, count: number): PortInRequest {
  return aRequest({
    sid: requestSid(n),
    phoneNumbers: Array.from({ length: count }, (_, i) =>
      aNumber({
        sid: numberSid(n * 10_000 + i),
        phoneNumber: `+1415${String(n * 10_000 + i).padStart(7, '0')}`,
      }),
    ),
  });
}

describe('saveFetchedRequests', () => {
  it('saves several fetched requests as saveFetchedRequest would, in one go', () => {
    const results = store.requests.saveFetchedRequests([
      { accountId: account.id, request: requestWith(1, 3), observedAt: T0 },
      { accountId: account.id, request: requestWith(2, 2), observedAt: T0 },
    ]);
    expect(results).toEqual([
      { created: true, changed: true },
      { created: true, changed: true },
    ]);
    expect(store.requests.getRequest(requestSid(1))?.request).toEqual(requestWith(1, 3));
    expect(store.numbers.listNumbers(requestSid(2))).toHaveLength(2);
    expect(
      store.requests.listRequests({ search: '4150020001' }).rows.map((row) => row.sid),
    ).toEqual([requestSid(2)]);
  });

  it('stores nothing of the batch when one request fails', () => {
    const other = addAccount(store, 2);
    store.requests.saveFetchedRequest(other.id, requestWith(2, 1), T0);
    expect(() =>
      store.requests.saveFetchedRequests([
        { accountId: account.id, request: requestWith(1, 3), observedAt: T0 },
        // Belongs to the other account: refused.
        { accountId: account.id, request: requestWith(2, 1), observedAt: T0 },
      ]),
    ).toThrow(/belongs to another account/);
    expect(store.requests.getRequest(requestSid(1))).toBeNull();
    expect(rowCount(store, 'port_in_numbers')).toBe(1);
  });

  it('refuses a batch over its bounds, which chunkWithin keeps to', () => {
    const many = Array.from({ length: FETCHED_BATCH_LIMITS.maxItems + 1 }, (_, i) => ({
      accountId: account.id,
      request: requestWith(i + 1, 1),
      observedAt: T0,
    }));
    expect(() => store.requests.saveFetchedRequests(many)).toThrow(StoreError);
    expect(rowCount(store, 'port_in_requests')).toBe(0);
    for (const chunk of chunkWithin(many, (item) => item.request.phoneNumbers.length)) {
      store.requests.saveFetchedRequests(chunk);
    }
    expect(rowCount(store, 'port_in_requests')).toBe(many.length);
  });
});

describe('chunkWithin', () => {
  it('splits in order by count and by weight, never splitting one heavy item', () => {
    const limits = { maxItems: 3, maxWeight: 10 };
    const weights = [4, 4, 4, 1, 1, 1, 1, 25, 2];
    expect(chunkWithin(weights, (w) => w, limits)).toEqual([[4, 4], [4, 1, 1], [1, 1], [25], [2]]);
    expect(chunkWithin([], (w: number) => w, limits)).toEqual([]);
  });
});

describe('createWriteBatcher', () => {
  const saveJob = (n: number) => () =>
    store.requests.saveFetchedRequest(account.id, requestWith(n, 2), T0);

  it('commits queued writes together and settles each after the commit', async () => {
    const batcher = createWriteBatcher(store, { maxWaitMs: 1 });
    let committedWhenSettled = -1;
    const first = batcher.run(2, saveJob(1)).then((result) => {
      committedWhenSettled = rowCount(store, 'port_in_requests');
      return result;
    });
    const second = batcher.run(2, saveJob(2));
    expect(batcher.pending).toBe(2);
    // Nothing is written before the batch runs.
    expect(rowCount(store, 'port_in_requests')).toBe(0);
    await expect(first).resolves.toEqual({ created: true, changed: true });
    await expect(second).resolves.toEqual({ created: true, changed: true });
    // Seen from another connection: both were durable when the first promise settled.
    expect(committedWhenSettled).toBe(2);
    expect(batcher.pending).toBe(0);
  });

  it('rolls back only the write that threw', async () => {
    const batcher = createWriteBatcher(store, { maxWaitMs: 1 });
    const good = batcher.run(2, saveJob(1));
    const bad = batcher.run(2, () => {
      saveJob(2)();
      throw new Error('diff failed');
    });
    const alsoGood = batcher.run(2, saveJob(3));
    await expect(bad).rejects.toThrow('diff failed');
    await expect(good).resolves.toMatchObject({ created: true });
    await expect(alsoGood).resolves.toMatchObject({ created: true });
    expect(store.requests.getRequest(requestSid(2))).toBeNull();
    expect(store.requests.getRequest(requestSid(3))).not.toBeNull();
  });

  it('keeps each transaction within its bounds', async () => {
    const sizes: number[] = [];
    let inBatch = 0;
    const counting = {
      transaction<T>(fn: () => T): T {
        const outer = inBatch === 0;
        if (outer) sizes.push(0);
        inBatch += 1;
        try {
          if (!outer) sizes[sizes.length - 1] = (sizes.at(-1) ?? 0) + 1;
          return store.transaction(fn);
        } finally {
          inBatch -= 1;
        }
      },
    };
    const batcher = createWriteBatcher(counting, { maxItems: 3, maxWeight: 5, maxWaitMs: 1 });
    const weights = [1, 1, 1, 1, 4, 4, 1];
    await Promise.all(weights.map((weight) => batcher.run(weight, () => weight)));
    // [1, 1, 1] by count, [1, 4] by weight (4 + 4 would be 8), [4, 1].
    expect(sizes).toEqual([3, 2, 2]);
  });

  it('gives room at once while the queue is within its bound, else only after the commit', async () => {
    const batcher = createWriteBatcher(store, { maxWaitMs: 60_000, maxQueuedItems: 2 });
    const first = batcher.enqueue(2, saveJob(1));
    const second = batcher.enqueue(2, saveJob(2));
    const third = batcher.enqueue(2, saveJob(3));
    const roomSettled: number[] = [];
    void first.room.then(() => roomSettled.push(1));
    void second.room.then(() => roomSettled.push(2));
    void third.room.then(() => roomSettled.push(3));
    // Let every settled promise run its callbacks; nothing has committed yet.
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(roomSettled).toEqual([1, 2]);
    expect(rowCount(store, 'port_in_requests')).toBe(0);
    batcher.flush();
    await third.room;
    expect(roomSettled).toEqual([1, 2, 3]);
    await expect(third.committed).resolves.toMatchObject({ created: true });
    expect(rowCount(store, 'port_in_requests')).toBe(3);
  });

  it('settles room, never rejects it, when the write failed', async () => {
    const batcher = createWriteBatcher(store, { maxWaitMs: 60_000, maxQueuedItems: 0 });
    const failing = batcher.enqueue(1, () => {
      throw new Error('diff failed');
    });
    batcher.flush();
    await expect(failing.room).resolves.toBeUndefined();
    await expect(failing.committed).rejects.toThrow('diff failed');
  });

  it('rejects every write of a batch whose commit fails, without running them again', async () => {
    let runs = 0;
    const lockedAtCommit = {
      transaction: <T>(fn: () => T): T => store.transaction(fn),
      flatTransaction: <T>(fn: () => T): T =>
        store.flatTransaction(() => {
          fn();
          throw new Error('database is locked');
        }),
    };
    const batcher = createWriteBatcher(lockedAtCommit, { maxWaitMs: 60_000 });
    const job = (n: number) => () => {
      runs += 1;
      return saveJob(n)();
    };
    const first = batcher.run(2, job(1));
    const second = batcher.run(2, job(2));
    batcher.flush();
    await expect(first).rejects.toThrow('database is locked');
    await expect(second).rejects.toThrow('database is locked');
    expect(runs).toBe(2);
    expect(rowCount(store, 'port_in_requests')).toBe(0);
  });

  it('runs everything queued on flush', () => {
    const batcher = createWriteBatcher(store, { maxWaitMs: 1_000 });
    void batcher.run(2, saveJob(1));
    void batcher.run(2, saveJob(2));
    batcher.flush();
    expect(batcher.pending).toBe(0);
    expect(rowCount(store, 'port_in_requests')).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import type { Envelope, RequestListQuery } from '../../../shared/ipc';
import type { AttentionFlag, RequestListResult, RequestListRow } from '../../../shared/views';
import {
  createRequestsStore,
  PAGE_SIZE,
  type ListRequests,
} from '../../../renderer/store/requestPages';

/** A desk of `count` requests whose customer names start with `prefix`. */
function rowsFor(prefix: string, offset: number, count: number): RequestListRow[] {
  return Array.from({ length: count }, (_, i) => ({
    sid: `KW${prefix}${offset + i}`,
    accountId: 'acc-1',
    accountLabel: 'Main',
    status: { canonical: 'in_review', raw: 'in-review' },
    customerName: `${prefix} customer ${offset + i}`,
    numbersRequested: 1,
    numbersPorted: 0,
    targetPortInDate: null,
    firstPortDate: null,
    lastChangedAt: null,
    dateCreated: null,
    suggestedAction: null,
    attention: {
      actionRequired: false,
      loaUnsignedDays: null,
      loaDaysLeft: null,
      noPortDateDays: null,
      queuedOffline: false,
      failedToSend: false,
    },
  }));
}

const NO_ATTENTION = {
  action_required: 0,
  loa_unsigned: 0,
  no_port_date: 0,
  queued_offline: 0,
  failed_to_send: 0,
} satisfies Record<AttentionFlag, number>;

interface PendingCall {
  query: Partial<RequestListQuery>;
  /** Answers as main would for a desk of `total` requests named after the query's search. */
  answer(total: number): Promise<void>;
  fail(message: string): Promise<void>;
}

/** Lets every awaited continuation (the store's after its answer) run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A bridge whose answers the test releases one by one, in any order. */
function scriptedBridge() {
  const calls: PendingCall[] = [];
  const listRequests: ListRequests = (query) =>
    new Promise<Envelope<RequestListResult>>((resolve) => {
      calls.push({
        query,
        async answer(total) {
          const offset = query.offset ?? 0;
          const prefix = query.search || 'all';
          resolve({
            ok: true,
            data: {
              rows: rowsFor(prefix, offset, Math.max(0, Math.min(PAGE_SIZE, total - offset))),
              total,
              facets: {
                byStatus: {},
                byAttention: NO_ATTENTION,
                byAccount: {},
                needsAttention: 0,
                all: total,
              },
            },
          });
          await settle();
        },
        async fail(message) {
          resolve({ ok: false, error: { code: 'internal', message } });
          await settle();
        },
      });
    });
  return { calls, store: createRequestsStore(listRequests) };
}

function call(calls: readonly PendingCall[], index: number): PendingCall {
  const found = calls[index];
  if (!found) throw new Error(`no call #${index} (only ${calls.length})`);
  return found;
}

/** A store showing the unfiltered desk of 250 requests, pages 0 and 1 loaded. */
async function showingTheDesk() {
  const bridge = scriptedBridge();
  const { store, calls } = bridge;
  store.getState().setFilters({});
  await call(calls, 0).answer(250);
  store.getState().ensureRows(0, 150);
  await call(calls, 1).answer(250);
  return bridge;
}

describe('requests list store', () => {
  it('the first query has nothing to keep: loading (total null) until its first page arrives', async () => {
    const { store, calls } = scriptedBridge();
    store.getState().setFilters({});
    expect(store.getState()).toMatchObject({ total: null, stale: false });
    await call(calls, 0).answer(250);
    expect(store.getState()).toMatchObject({ total: 250, stale: false });
    expect(store.getState().rowAt(0)?.customerName).toBe('all customer 0');
  });

  it('startList runs the first view’s query once and resolves when its first page is in', async () => {
    const { store, calls } = scriptedBridge();
    let done = false;
    void store
      .getState()
      .startList()
      .then(() => {
        done = true;
      });
    await settle();
    expect(calls).toHaveLength(1);
    expect(done).toBe(false);
    await call(calls, 0).answer(250);
    expect(done).toBe(true);
    expect(store.getState().total).toBe(250);

    // A query already ran (or the agent searched): nothing is asked again.
    await store.getState().startList();
    expect(calls).toHaveLength(1);
  });

  it('keeps the previous rows on screen, marked stale, until the new query’s first page arrives', async () => {
    const { store, calls } = await showingTheDesk();
    store.getState().setFilters({ search: 'summit' });

    expect(store.getState()).toMatchObject({ total: 250, stale: true });
    expect(store.getState().rowAt(0)?.customerName).toBe('all customer 0');
    expect(store.getState().rowAt(120)?.customerName).toBe('all customer 120');

    await call(calls, 2).answer(12);
    expect(store.getState()).toMatchObject({ total: 12, stale: false });
    expect(store.getState().rowAt(0)?.customerName).toBe('summit customer 0');
  });

  it('the new first page replaces every page of the previous query, not only page 0', async () => {
    const { store, calls } = await showingTheDesk();
    store.getState().setFilters({ search: 'summit' });
    await call(calls, 2).answer(400);
    expect(store.getState().rowAt(120)).toBeUndefined();
    store.getState().ensureRows(100, 130);
    expect(call(calls, 3).query).toMatchObject({ search: 'summit', offset: 100 });
  });

  it('a slow answer to an older query never overwrites a newer query’s rows', async () => {
    const { store, calls } = await showingTheDesk();
    store.getState().setFilters({ search: 'sum' });
    store.getState().setFilters({ search: 'summit' });
    const [slow, fast] = [call(calls, 2), call(calls, 3)];
    expect(slow.query.search).toBe('sum');
    expect(fast.query.search).toBe('summit');

    await fast.answer(12);
    await slow.answer(40);

    expect(store.getState()).toMatchObject({ total: 12, stale: false, error: null });
    expect(store.getState().rowAt(0)?.customerName).toBe('summit customer 0');
    expect(store.getState().filters.search).toBe('summit');
  });

  it('an older answer arriving first is dropped: the previous rows stay until the newest query answers', async () => {
    const { store, calls } = await showingTheDesk();
    store.getState().setFilters({ search: 'sum' });
    store.getState().setFilters({ search: 'summit' });

    await call(calls, 2).answer(40);
    expect(store.getState()).toMatchObject({ total: 250, stale: true });
    expect(store.getState().rowAt(0)?.customerName).toBe('all customer 0');

    await call(calls, 3).answer(12);
    expect(store.getState()).toMatchObject({ total: 12, stale: false });
    expect(store.getState().rowAt(0)?.customerName).toBe('summit customer 0');
  });

  it('while stale, scrolling asks for nothing and a refresh waits for the same first page', async () => {
    const { store, calls } = await showingTheDesk();
    store.getState().setFilters({ search: 'summit' });
    store.getState().ensureRows(100, 230);
    const refreshed = store.getState().refresh();
    expect(calls).toHaveLength(3);

    let refreshDone = false;
    void refreshed.then(() => (refreshDone = true));
    await settle();
    expect(refreshDone).toBe(false);
    await call(calls, 2).answer(300);
    expect(refreshDone).toBe(true);
    // Only the new query's own pages from here on.
    expect(Object.keys(store.getState().pages)).toEqual(['0']);
  });

  it('a failed first page of a new query drops the previous rows and shows the error', async () => {
    const { store, calls } = await showingTheDesk();
    store.getState().setFilters({ search: 'summit' });
    await call(calls, 2).fail('The local database is busy.');
    expect(store.getState()).toMatchObject({ total: null, stale: false, pages: {} });
    expect(store.getState().error?.message).toBe('The local database is busy.');
  });

  it('a late failure of an older query leaves the newer rows alone', async () => {
    const { store, calls } = await showingTheDesk();
    store.getState().setFilters({ search: 'sum' });
    store.getState().setFilters({ search: 'summit' });
    await call(calls, 3).answer(12);
    await call(calls, 2).fail('too late');
    expect(store.getState()).toMatchObject({ total: 12, stale: false, error: null });
  });

  it('a refresh of a settled list replaces the pages on screen and keeps them meanwhile', async () => {
    const { store, calls } = await showingTheDesk();
    const refreshed = store.getState().refresh();
    expect(calls.slice(2).map((c) => c.query.offset)).toEqual([0, 100]);
    expect(store.getState()).toMatchObject({ total: 250, stale: false });
    await call(calls, 3).answer(260);
    await call(calls, 2).answer(260);
    await refreshed;
    expect(store.getState().total).toBe(260);
    expect(store.getState().rowAt(150)?.customerName).toBe('all customer 150');
  });

  it('whatever order the answers arrive in, the rows shown are the last query’s', async () => {
    let seed = 7;
    // mulberry32: a small seeded generator, so a failure names a reproducible seed.
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (let round = 0; round < 200; round++) {
      const roundSeed = seed;
      const { store, calls } = await showingTheDesk();
      const answered = new Set<PendingCall>(calls);
      const answerOne = async () => {
        const waiting = calls.filter((c) => !answered.has(c));
        const next = waiting[Math.floor(random() * waiting.length)];
        if (!next) return;
        answered.add(next);
        await next.answer(50 + Math.floor(random() * 200));
      };
      const searches = Array.from({ length: 2 + Math.floor(random() * 5) }, (_, i) => `q${i}`);
      for (const search of searches) {
        store.getState().setFilters({ search });
        if (random() < 0.5) store.getState().ensureRows(0, 130);
        if (random() < 0.3) void store.getState().refresh();
        // Sometimes an answer arrives between two keystrokes.
        if (random() < 0.4) await answerOne();
      }
      while (calls.some((c) => !answered.has(c))) await answerOne();

      const last = searches[searches.length - 1];
      expect(store.getState().stale, `seed ${roundSeed}`).toBe(false);
      expect(store.getState().rowAt(0)?.customerName, `seed ${roundSeed}`).toBe(
        `${last} customer 0`,
      );
      const shown = Object.values(store.getState().pages).flat();
      expect(
        shown.every((row) => row.customerName?.startsWith(`${last} `)),
        `seed ${roundSeed}`,
      ).toBe(true);
    }
  });
});

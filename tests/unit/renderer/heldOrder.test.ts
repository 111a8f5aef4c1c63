import { describe, expect, it } from 'vitest';
import type { AttentionFlag, RequestListRow } from '../../../shared/views';
import { createRequestsStore, type ListRequests } from '../../../renderer/store/requestPages';

const NO_ATTENTION = {
  action_required: 0,
  loa_unsigned: 0,
  no_port_date: 0,
  queued_offline: 0,
  failed_to_send: 0,
} satisfies Record<AttentionFlag, number>;

function row(sid: string, lastChangedAt: string, raw = 'in-review'): RequestListRow {
  return {
    sid,
    accountId: 'acc-1',
    accountLabel: 'Main',
    status: { canonical: 'in_review', raw },
    customerName: sid,
    numbersRequested: 1,
    numbersPorted: 0,
    targetPortInDate: null,
    firstPortDate: null,
    lastChangedAt,
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
  };
}

/** Main's desk, sorted by "Changed", newest first; the test changes it between refreshes. */
function desk() {
  let rows = [
    row('KW-a', '2026-12-05T10:05:00Z'),
    row('KW-b', '2026-12-05T10:04:00Z'),
    row('KW-c', '2026-12-05T10:03:00Z'),
  ];
  const listRequests: ListRequests = async () => {
    const sorted = [...rows].sort((x, y) =>
      (y.lastChangedAt ?? '').localeCompare(x.lastChangedAt ?? ''),
    );
    return {
      ok: true,
      data: {
        rows: sorted,
        total: sorted.length,
        facets: {
          byStatus: {},
          byAttention: NO_ATTENTION,
          byAccount: {},
          needsAttention: 0,
          all: sorted.length,
        },
      },
    };
  };
  const store = createRequestsStore(listRequests);
  return {
    store,
    change(sid: string, lastChangedAt: string, raw = 'in-review') {
      rows = rows.filter((r) => r.sid !== sid).concat(row(sid, lastChangedAt, raw));
    },
    shown: () => [0, 1, 2, 3].map((i) => store.getState().rowAt(i)?.sid ?? null),
  };
}

async function loaded() {
  const d = desk();
  d.store.getState().setFilters({});
  await d.store.getState().refresh();
  return d;
}

describe('a list that stays still', () => {
  it('while the agent looks, a refresh updates rows in place and holds back the new order', async () => {
    const d = await loaded();
    d.store.getState().setHoldOrder(true);
    d.change('KW-c', '2026-12-05T10:09:00Z', 'in-progress');
    d.change('KW-new', '2026-12-05T10:08:00Z');
    await d.store.getState().refresh();

    expect(d.shown()).toEqual(['KW-a', 'KW-b', 'KW-c', null]);
    expect(d.store.getState().rowAt(2)?.status.raw).toBe('in-progress');
    expect(d.store.getState()).toMatchObject({ total: 3, heldUpdates: 2 });

    // A second sync adds to the count; a row already counted is not counted twice.
    d.change('KW-c', '2026-12-05T10:10:00Z');
    d.change('KW-b', '2026-12-05T10:11:00Z');
    await d.store.getState().refresh();
    expect(d.shown()).toEqual(['KW-a', 'KW-b', 'KW-c', null]);
    expect(d.store.getState().heldUpdates).toBe(3);

    d.store.getState().showUpdates();
    await d.store.getState().refresh();
    expect(d.shown()).toEqual(['KW-b', 'KW-c', 'KW-new', 'KW-a']);
    expect(d.store.getState()).toMatchObject({ total: 4, heldUpdates: 0 });
  });

  it('a change that moves nothing raises no bar', async () => {
    const d = await loaded();
    d.store.getState().setHoldOrder(true);
    d.change('KW-a', '2026-12-05T10:06:00Z', 'in-progress');
    await d.store.getState().refresh();
    expect(d.shown()).toEqual(['KW-a', 'KW-b', 'KW-c', null]);
    expect(d.store.getState().rowAt(0)?.status.raw).toBe('in-progress');
    expect(d.store.getState().heldUpdates).toBe(0);
  });

  it('nobody looking: the new order is applied at once; a new query clears what was held', async () => {
    const d = await loaded();
    d.change('KW-c', '2026-12-05T10:09:00Z');
    await d.store.getState().refresh();
    expect(d.shown()).toEqual(['KW-c', 'KW-a', 'KW-b', null]);

    d.store.getState().setHoldOrder(true);
    d.change('KW-b', '2026-12-05T10:12:00Z');
    await d.store.getState().refresh();
    expect(d.store.getState().heldUpdates).toBe(1);
    d.store.getState().setFilters({ sort: { field: 'customerName', direction: 'asc' } });
    expect(d.store.getState().heldUpdates).toBe(0);
  });
});

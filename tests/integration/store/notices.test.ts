import { describe, expect, it } from 'vitest';
import type { NewNotice, Store, StoreError } from '../../../main/core/store';
import { addAccount, peek, requestSid, useTempFolders } from './storeHarness';

const temp = useTempFolders();

let seq = 0;
function aNotice(accountId: string, overrides: Partial<NewNotice> = {}): NewNotice {
  seq += 1;
  const sid = overrides.requestSid === undefined ? requestSid(1) : overrides.requestSid;
  return {
    key: `notice-${seq}`,
    kind: 'port_date_set',
    accountId,
    requestSid: sid,
    title: `Acme Inc: notice ${seq}`,
    body: 'The losing carrier confirmed the port date (FOC).',
    urgency: 'normal',
    silent: false,
    createdAt: '2026-12-01T10:00:00Z',
    target: { screen: 'request', sid: sid ?? '' },
    ...overrides,
  };
}

function setUp(): { store: Store; a: string; b: string } {
  const store = temp.open();
  return { store, a: addAccount(store, 1).id, b: addAccount(store, 2).id };
}

describe('notices: recording', () => {
  it('keeps what the policy said, and reads it back as it was written', () => {
    const { store, a } = setUp();
    const [recorded] = store.notices.record([
      aNotice(a, {
        kind: 'action_required',
        urgency: 'critical',
        silent: true,
        target: { screen: 'request', sid: requestSid(1), tab: 'numbers', numberSid: 'PU1' },
      }),
    ]);
    const page = store.notices.list();
    expect(page.total).toBe(1);
    expect(page.rows).toEqual([recorded]);
    expect(page.rows[0]).toMatchObject({
      kind: 'action_required',
      urgency: 'critical',
      silent: true,
      createdAt: '2026-12-01T10:00:00.000Z',
      target: { tab: 'numbers', numberSid: 'PU1' },
      readAt: null,
    });
  });

  it('skips a notice whose key is already recorded (a replayed sync cycle)', () => {
    const { store, a } = setUp();
    const first = aNotice(a);
    expect(store.notices.record([first])).toHaveLength(1);
    const again = store.notices.record([first, aNotice(a)]);
    expect(again.map((notice) => notice.key)).toEqual([`notice-${seq}`]);
    expect(store.notices.list().total).toBe(2);
  });

  it('refuses a notice without a kind, naming the field, and records none of the batch', () => {
    const { store, a } = setUp();
    expect(() => store.notices.record([aNotice(a), aNotice(a, { kind: ' ' })])).toThrow(
      expect.objectContaining({ field: 'notices[1].kind' }) as StoreError,
    );
    expect(store.notices.list().total).toBe(0);
  });

  it('keeps a failed send that has no request', () => {
    const { store, a } = setUp();
    store.notices.record([
      aNotice(a, { kind: 'outbox_failed', requestSid: null, target: { screen: 'outbox' } }),
    ]);
    expect(store.notices.list().rows[0]).toMatchObject({ requestSid: null });
  });

  it('goes with its account when the account is removed', () => {
    const { store, a, b } = setUp();
    store.notices.record([aNotice(a), aNotice(b)]);
    store.accounts.remove(a);
    expect(store.notices.list().rows.map((notice) => notice.accountId)).toEqual([b]);
  });
});

describe('notices: the feed query', () => {
  it('pages newest first, with the total for the scroll height', () => {
    const { store, a } = setUp();
    store.notices.record(Array.from({ length: 250 }, () => aNotice(a)));
    const first = store.notices.list({ limit: 100 });
    const last = store.notices.list({ limit: 100, offset: 200 });
    expect(first.total).toBe(250);
    expect(last.total).toBe(250);
    expect(first.rows).toHaveLength(100);
    expect(last.rows).toHaveLength(50);
    const ids = [...first.rows, ...last.rows].map((notice) => notice.id);
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    expect(first.rows[0]?.title).toBe(`Acme Inc: notice ${seq}`);
  });

  it('filters by kind, by account and by unread, together', () => {
    const { store, a, b } = setUp();
    const [rejectedA, , rejectedB] = store.notices.record([
      aNotice(a, { kind: 'action_required' }),
      aNotice(a, { kind: 'completed' }),
      aNotice(b, { kind: 'action_required' }),
      aNotice(b, { kind: 'port_date_moved' }),
    ]);
    const kinds = (query: Parameters<Store['notices']['list']>[0]) =>
      store.notices.list(query).rows.map((notice) => [notice.accountId, notice.kind]);

    expect(kinds({ kinds: ['action_required'] })).toEqual([
      [b, 'action_required'],
      [a, 'action_required'],
    ]);
    expect(kinds({ kinds: ['action_required', 'completed'], accountIds: [a] })).toEqual([
      [a, 'completed'],
      [a, 'action_required'],
    ]);
    store.notices.markRead([rejectedB?.id ?? 0]);
    expect(kinds({ kinds: ['action_required'], unreadOnly: true })).toEqual([
      [a, 'action_required'],
    ]);
    expect(store.notices.list({ unreadOnly: true }).total).toBe(3);
    expect(rejectedA?.readAt).toBeNull();
  });

  it('refuses a page size out of range, naming the field', () => {
    const { store } = setUp();
    expect(() => store.notices.list({ limit: 501 })).toThrow(/limit/);
    expect(() => store.notices.list({ offset: -1 })).toThrow(/offset/);
  });

  it('walks an index for one kind, one account and the unread rows, without a sort', () => {
    const { store, a } = setUp();
    store.notices.record([aNotice(a)]);
    const plan = (sql: string, ...params: unknown[]) =>
      peek<{ detail: string }>(store, `EXPLAIN QUERY PLAN ${sql}`, ...params)
        .map((row) => row.detail)
        .join(' | ');
    const kind = plan('SELECT * FROM notices WHERE kind IN (?) ORDER BY id DESC LIMIT 100', 'x');
    expect(kind).toContain('notices_by_kind');
    expect(kind).not.toContain('TEMP B-TREE');
    const account = plan(
      'SELECT * FROM notices WHERE account_id IN (?) ORDER BY id DESC LIMIT 100',
      a,
    );
    expect(account).toContain('notices_by_account');
    expect(account).not.toContain('TEMP B-TREE');
    expect(plan('SELECT count(*) FROM notices WHERE read_at IS NULL')).toContain('unread');
    expect(
      plan('UPDATE notices SET read_at = ? WHERE request_sid = ? AND read_at IS NULL', 'x', 'y'),
    ).toContain('notices_unread_by_request');
  });
});

describe('notices: read state', () => {
  it('counts unread, and marks read one, by request, and all (within a filter)', () => {
    const { store, a, b } = setUp();
    const [one] = store.notices.record([
      aNotice(a, { requestSid: requestSid(1) }),
      aNotice(a, { requestSid: requestSid(2) }),
      aNotice(a, { requestSid: requestSid(2) }),
      aNotice(b, { requestSid: requestSid(3), kind: 'completed' }),
      aNotice(b, { requestSid: requestSid(3) }),
    ]);
    expect(store.notices.unreadCount()).toBe(5);

    expect(store.notices.markRead([one?.id ?? 0], '2026-12-02T08:00:00Z')).toBe(1);
    expect(store.notices.markRead([one?.id ?? 0])).toBe(0);
    expect(store.notices.list({ limit: 5 }).rows.at(-1)?.readAt).toBe('2026-12-02T08:00:00.000Z');
    expect(store.notices.unreadCount()).toBe(4);

    expect(store.notices.markReadForRequest(requestSid(2))).toBe(2);
    expect(store.notices.unreadCount()).toBe(2);

    expect(store.notices.markAllRead({ kinds: ['completed'] })).toBe(1);
    expect(store.notices.unreadCount()).toBe(1);
    expect(store.notices.markAllRead()).toBe(1);
    expect(store.notices.unreadCount()).toBe(0);
  });
});

describe('notices: digest and history', () => {
  it('counts by kind what was recorded after a given id', () => {
    const { store, a } = setUp();
    expect(store.notices.latestId()).toBe(0);
    store.notices.record([aNotice(a, { kind: 'completed' })]);
    const seen = store.notices.latestId();
    store.notices.record([
      aNotice(a, { kind: 'action_required' }),
      aNotice(a, { kind: 'action_required' }),
      aNotice(a, { kind: 'port_date_set' }),
    ]);
    expect(store.notices.countsSince(seen)).toEqual({ action_required: 2, port_date_set: 1 });
    expect(store.notices.countsSince(store.notices.latestId())).toEqual({});
  });

  it('prunes notices created before the cutoff and keeps the rest', () => {
    const { store, a } = setUp();
    store.notices.record([
      aNotice(a, { createdAt: '2026-08-01T00:00:00Z', title: 'old' }),
      aNotice(a, { createdAt: '2026-09-10T00:00:00Z', title: 'kept' }),
    ]);
    expect(store.notices.pruneBefore('2026-09-01T00:00:00Z')).toBe(1);
    expect(store.notices.list().rows.map((notice) => notice.title)).toEqual(['kept']);
  });
});

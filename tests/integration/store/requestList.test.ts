import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PortInRequest } from '../../../shared/domain/portIn';
import { normaliseNumberStatus } from '../../../shared/domain/statuses';
import { ATTENTION_FLAGS } from '../../../main/core/store';
import type { Account, RequestListQuery, Store } from '../../../main/core/store';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';
import { addAccount, aSummary, numberSid, requestSid, useTempFolders } from './storeHarness';

const temp = useTempFolders();
const NOW = '2026-11-27T12:00:00.000Z';
const DAY_MS = 86_400_000;

interface Seed {
  n: number;
  customer: string;
  status: string;
  phone: string;
  changedAt: string;
  created: string;
  target: string | null;
  account: 'east' | 'west';
  rejected?: boolean;
  portDate?: string;
  sid?: string;
}

const SEEDS: Seed[] = [
  {
    n: 1,
    customer: 'Acme Inc',
    status: 'In Progress',
    phone: '+14155550132',
    changedAt: '2026-11-27T09:00:00Z',
    created: '2026-10-01T00:00:00Z',
    target: '2026-12-10',
    account: 'east',
  },
  {
    n: 2,
    customer: 'Müller GmbH',
    status: 'Action Required',
    phone: '+12125550199',
    changedAt: '2026-11-27T11:00:00Z',
    created: '2026-11-20T00:00:00Z',
    target: '2026-12-01',
    account: 'east',
    rejected: true,
  },
  {
    n: 3,
    customer: 'Globex 100% Corp',
    status: 'Waiting for Signature',
    phone: '+13125550132',
    changedAt: '2026-11-26T08:00:00Z',
    created: '2026-11-25T00:00:00Z',
    target: null,
    account: 'west',
  },
  {
    n: 4,
    customer: 'acme widgets',
    status: 'Completed',
    phone: '+16175550100',
    changedAt: '2026-11-25T08:00:00Z',
    created: '2026-09-01T00:00:00Z',
    target: '2026-11-01',
    account: 'west',
    portDate: '2026-11-02T00:00:00Z',
  },
  {
    n: 5,
    customer: 'Initech',
    status: 'In Progress',
    phone: '+17185550101',
    changedAt: '2026-11-27T10:00:00Z',
    created: '2026-11-26T00:00:00Z',
    target: '2026-12-20',
    account: 'west',
    portDate: '2026-12-20T00:00:00Z',
    sid: `KWabc123${'0'.repeat(25)}5`,
  },
];

function requestFor(seed: Seed, accountSid: string): PortInRequest {
  const request = aRequest({
    sid: seed.sid ?? requestSid(seed.n),
    accountSid,
    status: seed.status,
    targetPortInDate: seed.target,
    dateCreated: seed.created,
    supportTicketId: 70000 + seed.n,
    signatureRequestUrl: seed.status === 'Waiting for Signature' ? 'https://sign.example/1' : null,
    phoneNumbers: [
      aNumber({
        sid: numberSid(seed.n),
        phoneNumber: seed.phone,
        status: seed.rejected
          ? 'Rejected'
          : seed.status === 'Completed'
            ? 'completed'
            : 'submitted',
        rejectionReasonCode: seed.rejected ? 22155 : null,
        portDate: seed.portDate ?? null,
      }),
    ],
  });
  return { ...request, losingCarrier: { ...request.losingCarrier, customerName: seed.customer } };
}

let store: Store;
let east: Account;
let west: Account;
const sidOf = (n: number): string => SEEDS.find((s) => s.n === n)?.sid ?? requestSid(n);

function listed(query: RequestListQuery): string[] {
  return store.requests.listRequests({ ageing: { now: NOW }, ...query }).rows.map((r) => r.sid);
}

beforeEach(() => {
  store = temp.open();
  east = addAccount(store, 1, { label: 'East' });
  west = addAccount(store, 2, { label: 'West' });
  for (const seed of SEEDS) {
    const account = seed.account === 'east' ? east : west;
    store.requests.saveFetchedRequest(
      account.id,
      requestFor(seed, account.accountSid),
      seed.created,
    );
    // A later change, observed at the seed's time, so "last change" order is known.
    const changed = requestFor(seed, account.accountSid);
    store.requests.saveFetchedRequest(
      account.id,
      { ...changed, notificationEmails: ['changed@example.com'] },
      seed.changedAt,
    );
  }
  // Listed only: no customer, no numbers yet.
  store.requests.upsertSummary(
    east.id,
    aSummary(requestSid(6), { status: 'in_review' }),
    '2026-11-20T00:00:00Z',
  );
});

describe('request list: filters', () => {
  it('show the most recent change first by default, with the total', () => {
    const page = store.requests.listRequests();
    expect(page.total).toBe(6);
    expect(page.rows.map((r) => r.sid)).toEqual([
      sidOf(2),
      sidOf(5),
      sidOf(1),
      sidOf(3),
      sidOf(4),
      sidOf(6),
    ]);
  });

  it('filter by one or several statuses, unknown included', () => {
    expect(listed({ statuses: ['in_progress'] })).toEqual([sidOf(5), sidOf(1)]);
    expect(listed({ statuses: ['completed', 'action_required'] })).toEqual([sidOf(2), sidOf(4)]);
    expect(listed({ statuses: ['unknown'] })).toEqual([]);
    expect(() => listed({ statuses: ['done' as never] })).toThrow(/statuses/);
  });

  it('filter by account', () => {
    expect(listed({ accountIds: [west.id] })).toEqual([sidOf(5), sidOf(3), sidOf(4)]);
    expect(listed({ accountIds: [west.id, east.id] })).toHaveLength(6);
  });

  it('filter by attention flags, any of them, and say which flags a row has', () => {
    expect(listed({ attention: ['action_required'] })).toEqual([sidOf(2)]);
    expect(listed({ attention: ['loa_unsigned'] })).toEqual([sidOf(3)]);
    // Open, no port date, created more than 14 days before NOW: 1 (Oct 1) but not 5 (has one).
    expect(listed({ attention: ['no_port_date'] })).toEqual([sidOf(1)]);
    expect(
      listed({ attention: ['no_port_date'], ageing: { now: NOW, noPortDateAfterDays: 1 } }),
    ).toEqual([sidOf(1)]);
    expect(listed({ attention: ['action_required', 'loa_unsigned'] })).toEqual([
      sidOf(2),
      sidOf(3),
    ]);
    const row = store.requests
      .listRequests({ ageing: { now: NOW } })
      .rows.find((r) => r.sid === sidOf(2));
    expect(row).toMatchObject({ hasRejections: true, attention: ['action_required'] });
  });

  it('flag a missing port date only once the numbers went to the carrier (In progress)', () => {
    // Past any threshold: 2 (Action required), 3 (Waiting for signature) and 6 (In review) have
    // no port date either, but no carrier can have confirmed one for them.
    const ageing = { now: NOW, noPortDateAfterDays: 0 };
    expect(listed({ attention: ['no_port_date'], ageing })).toEqual([sidOf(1)]);
    const rows = store.requests.listRequests({ ageing }).rows;
    expect(rows.find((r) => r.sid === sidOf(3))?.attention).toEqual(['loa_unsigned']);
    expect(rows.find((r) => r.sid === sidOf(2))?.attention).toEqual(['action_required']);
    expect(store.requests.counts({ ageing }).byAttention.no_port_date).toBe(1);

    // The same request signed and submitted: now the missing date counts.
    const waiting = SEEDS.find((seed) => seed.n === 3);
    if (!waiting) throw new Error('seed 3 missing');
    store.requests.saveFetchedRequest(
      west.id,
      requestFor({ ...waiting, status: 'In Progress' }, west.accountSid),
      NOW,
    );
    expect(listed({ attention: ['no_port_date'], ageing })).toEqual([sidOf(3), sidOf(1)]);
  });

  it('age each request on its own account clock: the cutoff moves by that account offset', () => {
    // Created Nov 25 on both accounts, In progress, no port date: 2 days old on our clock.
    const waiting = SEEDS.find((seed) => seed.n === 3);
    if (!waiting) throw new Error('seed 3 missing');
    const inProgress = { ...waiting, status: 'In Progress' };
    store.requests.saveFetchedRequest(west.id, requestFor(inProgress, west.accountSid), NOW);
    const eastTwin = { ...inProgress, n: 7, phone: '+13125550177', account: 'east' as const };
    store.requests.saveFetchedRequest(east.id, requestFor(eastTwin, east.accountSid), NOW);
    expect(listed({ attention: ['no_port_date'] })).toEqual([sidOf(1)]);

    // West's clock runs 20 days ahead (a demo simulator): there it is Dec 17, so its request
    // is 22 days old; East's clock is ours, and its twin stays 2 days old.
    const ageing = { now: NOW, clockOffsetsMs: { [west.id]: 20 * DAY_MS, [east.id]: 0 } };
    expect(listed({ attention: ['no_port_date'], ageing })).toEqual([sidOf(3), sidOf(1)]);
    const rows = store.requests.listRequests({ ageing }).rows;
    expect(rows.find((r) => r.sid === sidOf(3))?.attention).toEqual(['no_port_date']);
    expect(rows.find((r) => r.sid === requestSid(7))?.attention).toEqual([]);
    const counts = store.requests.counts({ ageing });
    expect(counts.byAttention.no_port_date).toBe(2);
    expect(listed({ needsAttention: true, ageing })).toContain(sidOf(3));
    // An account without an offset of its own (East here) ages on ours.
    const westOnly = { now: NOW, clockOffsetsMs: { [west.id]: 20 * DAY_MS } };
    expect(listed({ attention: ['no_port_date'], ageing: westOnly })).toEqual([sidOf(3), sidOf(1)]);
    expect(store.requests.counts({ ageing: westOnly }).byAttention.no_port_date).toBe(2);
    expect(() =>
      listed({ attention: ['no_port_date'], ageing: { clockOffsetsMs: { [west.id]: NaN } } }),
    ).toThrow(/ageing.clockOffsetsMs/);
  });

  it('flag requests with outbox work waiting or failed', () => {
    const queued = store.outbox.enqueue({
      accountId: west.id,
      kind: 'cancel_port_in',
      payload: {},
      requestSid: sidOf(5),
    });
    const failed = store.outbox.enqueue({
      accountId: east.id,
      kind: 'cancel_number',
      payload: {},
      requestSid: sidOf(1),
    });
    store.outbox.update(failed.id, { state: 'failed' });
    expect(listed({ attention: ['queued_offline'] })).toEqual([sidOf(5)]);
    expect(listed({ attention: ['failed_to_send'] })).toEqual([sidOf(1)]);
    const rows = store.requests.listRequests({ ageing: { now: NOW } }).rows;
    expect(rows.find((r) => r.sid === sidOf(5))?.outbox).toEqual({ pending: 1, failed: 0 });
    expect(rows.find((r) => r.sid === sidOf(1))?.outbox).toEqual({ pending: 0, failed: 1 });
    store.outbox.update(queued.id, { state: 'done' });
    expect(listed({ attention: ['queued_offline'] })).toEqual([]);
  });

  it('agree between the flags a row shows and the rows a flag filter keeps', () => {
    const failed = store.outbox.enqueue({
      accountId: east.id,
      kind: 'cancel_port_in',
      payload: {},
      requestSid: sidOf(4),
    });
    store.outbox.update(failed.id, { state: 'failed' });
    store.outbox.enqueue({
      accountId: west.id,
      kind: 'cancel_number',
      payload: {},
      requestSid: sidOf(5),
    });
    const rows = store.requests.listRequests({ ageing: { now: NOW, noPortDateAfterDays: 3 } }).rows;
    for (const flag of ATTENTION_FLAGS) {
      const shown = rows.filter((row) => row.attention.includes(flag)).map((row) => row.sid);
      expect(
        listed({ attention: [flag], ageing: { now: NOW, noPortDateAfterDays: 3 } }),
        flag,
      ).toEqual(shown);
      expect(shown.length, flag).toBeGreaterThan(0);
    }
  });

  it('keep everything that needs the agent with needsAttention', () => {
    expect(listed({ needsAttention: true })).toEqual([sidOf(2), sidOf(1), sidOf(3)]);
  });
});

describe('request list: search', () => {
  it('find a number typed in any format or by its last digits', () => {
    expect(listed({ search: '(415) 555-0132' })).toEqual([sidOf(1)]);
    expect(listed({ search: '+1 415 555 0132' })).toEqual([sidOf(1)]);
    expect(listed({ search: '14155550132' })).toEqual([sidOf(1)]);
    // Last digits shared by two numbers in two requests.
    expect(listed({ search: '5550132' })).toEqual([sidOf(1), sidOf(3)]);
    expect(listed({ search: '0132' })).toEqual([sidOf(1), sidOf(3)]);
  });

  it('find a customer by part of the name, ignoring case and accents', () => {
    expect(listed({ search: 'ACME' })).toEqual([sidOf(1), sidOf(4)]);
    expect(listed({ search: 'muller' })).toEqual([sidOf(2)]);
    expect(listed({ search: 'Müller' })).toEqual([sidOf(2)]);
    expect(listed({ search: 'idget' })).toEqual([sidOf(4)]);
  });

  it('find a customer by one or two characters too', () => {
    expect(listed({ search: 'gl' })).toEqual([sidOf(3)]);
    expect(listed({ search: 'Ü' })).toEqual(listed({ search: 'u' }));
  });

  it('follow a renamed customer and forget a removed one', () => {
    const renamed = requestFor(SEEDS[0] as Seed, east.accountSid);
    store.requests.saveFetchedRequest(
      east.id,
      { ...renamed, losingCarrier: { ...renamed.losingCarrier, customerName: 'Zenith Labs' } },
      NOW,
    );
    expect(listed({ search: 'zenith' })).toEqual([sidOf(1)]);
    expect(listed({ search: 'acme' })).toEqual([sidOf(4)]);
    store.accounts.remove(west.id);
    expect(listed({ search: 'acme' })).toEqual([]);
    expect(listed({ search: 'initech' })).toEqual([]);
    // FTS5 compares its index with the content table and throws on any difference.
    const check = new Database(store.file);
    try {
      expect(() =>
        check.exec(`INSERT INTO port_in_requests_customer_search
          (port_in_requests_customer_search, rank) VALUES ('integrity-check', 1)`),
      ).not.toThrow();
    } finally {
      check.close();
    }
  });

  it('treat LIKE wildcards in the search text as plain characters', () => {
    expect(listed({ search: '100%' })).toEqual([sidOf(3)]);
    expect(listed({ search: '%' })).toEqual([sidOf(3)]);
    expect(listed({ search: '_' })).toEqual([]);
  });

  it('find a request by the start of its SID or of one of its numbers’ SIDs, in any case', () => {
    expect(listed({ search: 'kwABC123' })).toEqual([sidOf(5)]);
    expect(listed({ search: numberSid(3).slice(0, 34) })).toEqual([sidOf(3)]);
    expect(listed({ search: `pu${'0'.repeat(31)}4` })).toEqual([sidOf(4)]);
  });

  it('find a request by its Twilio support ticket', () => {
    expect(listed({ search: '70004' })).toEqual([sidOf(4)]);
  });

  it('combine search with filters', () => {
    expect(listed({ search: 'acme', statuses: ['completed'] })).toEqual([sidOf(4)]);
    expect(listed({ search: '   ' })).toHaveLength(6);
  });
});

describe('request list: sorting and paging', () => {
  it('sort by each field both ways, nulls last', () => {
    const by = (field: NonNullable<RequestListQuery['sort']>['field'], direction: 'asc' | 'desc') =>
      listed({ sort: { field, direction } });
    expect(by('customerName', 'asc')).toEqual([
      sidOf(1),
      sidOf(4),
      sidOf(3),
      sidOf(5),
      sidOf(2),
      sidOf(6),
    ]);
    expect(by('customerName', 'desc').slice(0, 5)).toEqual([
      sidOf(2),
      sidOf(5),
      sidOf(3),
      sidOf(4),
      sidOf(1),
    ]);
    expect(by('targetPortInDate', 'asc')).toEqual([
      sidOf(4),
      sidOf(2),
      sidOf(1),
      sidOf(5),
      sidOf(3),
      sidOf(6),
    ]);
    expect(by('dateCreated', 'desc').slice(0, 5)).toEqual([
      sidOf(5),
      sidOf(3),
      sidOf(2),
      sidOf(1),
      sidOf(4),
    ]);
    expect(by('firstPortDate', 'asc').slice(0, 2)).toEqual([sidOf(4), sidOf(5)]);
    expect(by('lastChangedAt', 'asc')[0]).toBe(sidOf(6));
    // Status: what needs the agent first.
    expect(by('status', 'asc').slice(0, 2)).toEqual([sidOf(2), sidOf(3)]);
    expect(by('numbersRequested', 'desc')).toHaveLength(6);
  });

  it('page without overlaps or gaps, counting the total on every page', () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 6; offset += 4) {
      const page = store.requests.listRequests({ limit: 4, offset });
      expect(page.total).toBe(6);
      seen.push(...page.rows.map((r) => r.sid));
    }
    expect(new Set(seen).size).toBe(6);
    expect(store.requests.listRequests({ limit: 4, offset: 40 })).toEqual({ rows: [], total: 6 });
  });

  it('refuse a bad page or sort with the field named', () => {
    expect(() => store.requests.listRequests({ limit: 0 })).toThrow(/limit/);
    expect(() => store.requests.listRequests({ limit: 501 })).toThrow(/limit/);
    expect(() => store.requests.listRequests({ offset: -1 })).toThrow(/offset/);
    expect(() =>
      store.requests.listRequests({
        sort: { field: 'sid; DROP TABLE x' as never, direction: 'asc' },
      }),
    ).toThrow(/sort\.field/);
  });

  it('show what a row needs: account label, counts, LOA, draft link', () => {
    const draft = store.drafts.create({ accountId: east.id, payload: {} });
    store.drafts.update(draft.id, { status: 'submitted', requestSid: sidOf(1) });
    const rows = store.requests.listRequests().rows;
    expect(rows.find((r) => r.sid === sidOf(1))).toMatchObject({
      accountLabel: 'East',
      customerName: 'Acme Inc',
      numbersRequested: 1,
      numbersPorted: 0,
      targetPortInDate: '2026-12-10',
      draftId: draft.id,
      hasSignatureRequest: false,
    });
    expect(rows.find((r) => r.sid === sidOf(3))).toMatchObject({ hasSignatureRequest: true });
    expect(rows.find((r) => r.sid === sidOf(6))).toMatchObject({
      customerName: null,
      numbersRequested: 1,
    });
  });
});

describe('request counts', () => {
  it('count every request by status, account and flag', () => {
    const failed = store.outbox.enqueue({
      accountId: east.id,
      kind: 'cancel_port_in',
      payload: {},
      requestSid: sidOf(2),
    });
    store.outbox.update(failed.id, { state: 'failed' });
    const counts = store.requests.counts({ ageing: { now: NOW } });
    expect(counts).toEqual({
      all: 6,
      byStatus: {
        in_review: 1,
        waiting_for_signature: 1,
        in_progress: 2,
        action_required: 1,
        completed: 1,
        canceled: 0,
        expired: 0,
        unknown: 0,
      },
      byAccount: { [east.id]: 3, [west.id]: 3 },
      byAttention: {
        action_required: 1,
        loa_unsigned: 1,
        no_port_date: 1,
        queued_offline: 0,
        failed_to_send: 1,
      },
      // Request 2 is both action_required and failed_to_send: counted once.
      needsAttention: 3,
    });
  });

  it('count a number-level rejection as action required while the request is open', () => {
    const rejected = aRequest({
      sid: requestSid(7),
      status: 'In Progress',
      phoneNumbers: [
        aNumber({
          sid: numberSid(7),
          phoneNumber: '+19175550107',
          status: normaliseNumberStatus('rejected').raw,
        }),
      ],
    });
    store.requests.saveFetchedRequest(east.id, rejected, NOW);
    expect(store.requests.counts({ ageing: { now: NOW } }).byAttention.action_required).toBe(2);
    store.requests.saveFetchedRequest(
      east.id,
      { ...rejected, status: { canonical: 'canceled', raw: 'Canceled' } },
      NOW,
    );
    expect(store.requests.counts({ ageing: { now: NOW } }).byAttention.action_required).toBe(1);
  });
});

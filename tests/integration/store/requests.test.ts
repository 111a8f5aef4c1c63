import { describe, expect, it } from 'vitest';
import type { PortInNumber } from '../../../shared/domain/portIn';
import { normaliseNumberStatus, normaliseRequestStatus } from '../../../shared/domain/statuses';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';
import {
  addAccount,
  aSummary,
  nth,
  numberSid,
  peek,
  requestSid,
  useTempFolders,
} from './storeHarness';

const temp = useTempFolders();
const T0 = '2026-11-27T10:00:00.000Z';
const T1 = '2026-11-27T10:05:00.000Z';
const T2 = '2026-11-27T10:10:00.000Z';

function numbers(count: number, from = 1): PortInNumber[] {
  return Array.from({ length: count }, (_, i) =>
    aNumber({
      sid: numberSid(from + i),
      phoneNumber: `+1415${String(5_000_000 + from + i).padStart(7, '0')}`,
    }),
  );
}

describe('requests: saving what sync fetched', () => {
  it('read a fetched request back exactly as it was saved, numbers in Twilio order', () => {
    const store = temp.open();
    const account = addAccount(store);
    const phoneNumbers = numbers(3).reverse();
    const request = aRequest({ sid: requestSid(1), phoneNumbers });

    const result = store.requests.saveFetchedRequest(account.id, request, T0);

    expect(result).toEqual({ created: true, changed: true });
    const stored = store.requests.getRequest(request.sid);
    expect(stored?.request).toEqual(request);
    expect(stored?.request?.phoneNumbers.map((n) => n.sid)).toEqual(phoneNumbers.map((n) => n.sid));
    expect(stored).toMatchObject({
      sid: request.sid,
      accountId: account.id,
      status: { canonical: 'in_review', raw: 'In Review' },
      customerName: 'Acme Inc',
      numbersRequested: 3,
      numbersPorted: 0,
      targetPortInDate: '2026-12-10',
      supportTicketId: 1234,
      dateCreated: '2026-11-20T10:00:00.000Z',
      sync: { lastFetchedAt: T0, nextFetchAt: T0, terminalFetched: false, lastListedAt: null },
      draftId: null,
    });
  });

  it('store a 1,000-number request in one call', () => {
    const store = temp.open();
    const account = addAccount(store);
    const request = aRequest({ sid: requestSid(1), phoneNumbers: numbers(1000) });
    store.requests.saveFetchedRequest(account.id, request, T0);
    expect(store.requests.getRequest(request.sid)?.request?.phoneNumbers).toHaveLength(1000);
    expect(store.numbers.listNumbers(request.sid)).toHaveLength(1000);
  });

  it('report no change and keep lastChangedAt when the same request is fetched again', () => {
    const store = temp.open();
    const account = addAccount(store);
    const request = aRequest({ sid: requestSid(1), phoneNumbers: numbers(2) });
    store.requests.saveFetchedRequest(account.id, request, T0);
    const before = store.requests.getRequest(request.sid)?.lastChangedAt;

    expect(store.requests.saveFetchedRequest(account.id, request, T1)).toEqual({
      created: false,
      changed: false,
    });
    const after = store.requests.getRequest(request.sid);
    expect(after?.lastChangedAt).toBe(before);
    expect(after?.sync.lastFetchedAt).toBe(T1);
  });

  it('move lastChangedAt when one number changes, and update only that number', () => {
    const store = temp.open();
    const account = addAccount(store);
    const original = numbers(3);
    store.requests.saveFetchedRequest(
      account.id,
      aRequest({ sid: requestSid(1), phoneNumbers: original }),
      T0,
    );
    const rejected = {
      ...nth(original, 1),
      status: normaliseNumberStatus('Rejected'),
      rejectionReason: 'Invalid PIN',
      rejectionReasonCode: 22155,
    };
    const result = store.requests.saveFetchedRequest(
      account.id,
      aRequest({
        sid: requestSid(1),
        phoneNumbers: [nth(original, 0), rejected, nth(original, 2)],
      }),
      T1,
    );
    expect(result.changed).toBe(true);
    const stored = store.requests.getRequest(requestSid(1));
    expect(stored?.lastChangedAt).toBe(T1);
    expect(stored?.hasRejections).toBe(true);
    expect(stored?.request?.phoneNumbers[1]).toEqual(rejected);
  });

  it('drop numbers Twilio stopped returning', () => {
    const store = temp.open();
    const account = addAccount(store);
    store.requests.saveFetchedRequest(
      account.id,
      aRequest({ sid: requestSid(1), phoneNumbers: numbers(3) }),
      T0,
    );
    store.requests.saveFetchedRequest(
      account.id,
      aRequest({ sid: requestSid(1), phoneNumbers: numbers(1) }),
      T1,
    );
    expect(store.numbers.listNumbers(requestSid(1)).map((n) => n.sid)).toEqual([numberSid(1)]);
    expect(store.numbers.getNumbersBySids([numberSid(2), numberSid(3)])).toEqual([]);
  });

  it('derive the first port date from numbers that are not canceled, and count ported ones', () => {
    const store = temp.open();
    const account = addAccount(store);
    const three = numbers(3);
    store.requests.saveFetchedRequest(
      account.id,
      aRequest({
        sid: requestSid(1),
        phoneNumbers: [
          {
            ...nth(three, 0),
            status: normaliseNumberStatus('canceled'),
            portDate: '2026-12-01T00:00:00Z',
          },
          {
            ...nth(three, 1),
            status: normaliseNumberStatus('completed'),
            portDate: '2026-12-05T00:00:00Z',
          },
          {
            ...nth(three, 2),
            status: normaliseNumberStatus('pending'),
            portDate: '2026-12-03T00:00:00Z',
          },
        ],
      }),
      T0,
    );
    expect(store.requests.getRequest(requestSid(1))).toMatchObject({
      firstPortDate: '2026-12-03T00:00:00Z',
      numbersPorted: 1,
      numbersRequested: 3,
    });
  });

  it('remember when the LOA link first appeared', () => {
    const store = temp.open();
    const account = addAccount(store);
    const sid = requestSid(1);
    store.requests.saveFetchedRequest(account.id, aRequest({ sid }), T0);
    expect(store.requests.getRequest(sid)?.signatureRequestedAt).toBeNull();
    const signing = aRequest({
      sid,
      status: 'Waiting for Signature',
      signatureRequestUrl: 'https://sign.example/loa/1',
    });
    store.requests.saveFetchedRequest(account.id, signing, T1);
    store.requests.saveFetchedRequest(account.id, signing, T2);
    expect(store.requests.getRequest(sid)?.signatureRequestedAt).toBe(T1);
  });

  it('date the LOA of a request first seen already waiting from Twilio’s own timestamp', () => {
    const store = temp.open();
    const account = addAccount(store);
    const loaSent = '2026-11-15T08:00:00.000Z';
    const waiting = (statusUpdatedAt: string | null): PortInNumber =>
      aNumber({
        sid: numberSid(1),
        status: 'Waiting for Signature',
        statusUpdatedAt,
      });
    const signing = (sid: string, phoneNumbers: PortInNumber[]) =>
      aRequest({
        sid,
        status: 'Waiting for Signature',
        signatureRequestUrl: 'https://sign.example/loa/1',
        phoneNumbers,
      });

    store.requests.saveFetchedRequest(account.id, signing(requestSid(1), [waiting(loaSent)]), T0);
    expect(store.requests.getRequest(requestSid(1))?.signatureRequestedAt).toBe(loaSent);
    // A later fetch keeps the first answer.
    store.requests.saveFetchedRequest(account.id, signing(requestSid(1), [waiting(T1)]), T2);
    expect(store.requests.getRequest(requestSid(1))?.signatureRequestedAt).toBe(loaSent);

    // No timestamp, or one in the future: when PortDesk saw the link.
    store.requests.saveFetchedRequest(account.id, signing(requestSid(2), [waiting(null)]), T0);
    expect(store.requests.getRequest(requestSid(2))?.signatureRequestedAt).toBe(T0);
    store.requests.saveFetchedRequest(account.id, signing(requestSid(3), [waiting(T2)]), T1);
    expect(store.requests.getRequest(requestSid(3))?.signatureRequestedAt).toBe(T1);
  });

  it('refuse a request that another account already owns, naming both', () => {
    const store = temp.open();
    const first = addAccount(store, 1);
    const second = addAccount(store, 2);
    store.requests.saveFetchedRequest(first.id, aRequest({ sid: requestSid(1) }), T0);
    expect(() =>
      store.requests.saveFetchedRequest(second.id, aRequest({ sid: requestSid(1) }), T1),
    ).toThrow(/belongs to another account/);
    expect(() => store.requests.upsertSummary(second.id, aSummary(requestSid(1)), T1)).toThrow(
      /belongs to another account/,
    );
  });

  it('refuse a malformed SID, an unknown account and a bad observedAt by name', () => {
    const store = temp.open();
    const account = addAccount(store);
    expect(() =>
      store.requests.saveFetchedRequest(account.id, aRequest({ sid: 'KW123' }), T0),
    ).toThrow(/request\.sid/);
    expect(() =>
      store.requests.saveFetchedRequest('nobody', aRequest({ sid: requestSid(1) }), T0),
    ).toThrow(/Account nobody does not exist/);
    expect(() =>
      store.requests.saveFetchedRequest(account.id, aRequest({ sid: requestSid(1) }), 'soon'),
    ).toThrow(/observedAt/);
  });
});

describe('requests: list summaries', () => {
  it('store a newly listed request as due for a fetch at once', () => {
    const store = temp.open();
    const account = addAccount(store);
    const result = store.requests.upsertSummary(
      account.id,
      aSummary(requestSid(1), { status: 'In Progress', statusUpdatedAt: '2026-11-25' }),
      T0,
    );
    expect(result).toEqual({ created: true, changed: true });
    const stored = store.requests.getRequest(requestSid(1));
    expect(stored).toMatchObject({
      status: { canonical: 'in_progress', raw: 'In Progress' },
      request: null,
      customerName: null,
      lastChangedAt: '2026-11-25T00:00:00.000Z',
      sync: { lastListedAt: T0, nextFetchAt: T0 },
    });
    expect(store.requests.dueForFetch(T0, 10).map((due) => due.sid)).toEqual([requestSid(1)]);
  });

  it('treat a spelling difference between endpoints as no change', () => {
    const store = temp.open();
    const account = addAccount(store);
    store.requests.saveFetchedRequest(
      account.id,
      aRequest({ sid: requestSid(1), status: 'completed' }),
      T0,
    );
    store.requests.markFetched(requestSid(1), { nextFetchAt: null, terminalFetched: true });
    const result = store.requests.upsertSummary(
      account.id,
      aSummary(requestSid(1), { status: 'Completed', numbersRequested: 1, numbersPorted: 0 }),
      T1,
    );
    expect(result.changed).toBe(false);
    const stored = store.requests.getRequest(requestSid(1));
    expect(stored?.sync).toMatchObject({
      lastListedAt: T1,
      nextFetchAt: null,
      terminalFetched: true,
    });
    // The stored fetch keeps its own spelling, so the next diff sees no status change.
    expect(stored?.request?.status).toEqual(normaliseRequestStatus('completed'));
  });

  it('make a request due again and reset its terminal fetch when the list shows a new status', () => {
    const store = temp.open();
    const account = addAccount(store);
    store.requests.saveFetchedRequest(
      account.id,
      aRequest({ sid: requestSid(1), status: 'In Progress' }),
      T0,
    );
    store.requests.markFetched(requestSid(1), {
      nextFetchAt: '2026-11-28T00:00:00Z',
      terminalFetched: false,
    });
    const result = store.requests.upsertSummary(
      account.id,
      aSummary(requestSid(1), { status: 'Completed' }),
      T1,
    );
    expect(result).toEqual({ created: false, changed: true });
    expect(store.requests.getRequest(requestSid(1))).toMatchObject({
      status: { canonical: 'completed' },
      lastChangedAt: T1,
      sync: { nextFetchAt: T1, terminalFetched: false },
    });
  });

  it('compare a listing with the previous listing, so endpoints that count differently do not flap', () => {
    const store = temp.open();
    const account = addAccount(store);
    const listing = aSummary(requestSid(1), {
      status: 'In Progress',
      numbersRequested: 3,
      numbersPorted: 1,
    });
    store.requests.upsertSummary(account.id, listing, T0);
    // The fetch knows one number only, and none completed: the columns now say 1 and 0.
    store.requests.saveFetchedRequest(
      account.id,
      aRequest({ sid: requestSid(1), status: 'In Progress' }),
      T1,
    );
    store.requests.markFetched(requestSid(1), { nextFetchAt: '2026-11-27T11:00:00Z' });
    expect(store.requests.upsertSummary(account.id, listing, T2).changed).toBe(false);
    expect(store.requests.getRequest(requestSid(1))?.sync.nextFetchAt).toBe(
      '2026-11-27T11:00:00.000Z',
    );
    expect(
      store.requests.upsertSummary(account.id, { ...listing, numbersPorted: 2 }, T2).changed,
    ).toBe(true);
  });

  it('count the first fetch after a listing as details, not as a change', () => {
    const store = temp.open();
    const account = addAccount(store);
    store.requests.upsertSummary(account.id, aSummary(requestSid(1), { status: 'In Review' }), T0);
    const listedAt = store.requests.getRequest(requestSid(1))?.lastChangedAt;
    const result = store.requests.saveFetchedRequest(
      account.id,
      aRequest({ sid: requestSid(1) }),
      T1,
    );
    expect(result).toEqual({ created: false, changed: false });
    expect(store.requests.getRequest(requestSid(1))?.lastChangedAt).toBe(listedAt);
  });
});

describe('requests: fetch schedule', () => {
  it('hand out due requests earliest first, and none scheduled later or never', () => {
    const store = temp.open();
    const account = addAccount(store);
    for (let n = 1; n <= 4; n += 1) {
      store.requests.upsertSummary(account.id, aSummary(requestSid(n)), T0);
    }
    store.requests.markFetched(requestSid(1), { nextFetchAt: '2026-11-27T10:03:00Z' });
    store.requests.markFetched(requestSid(2), { nextFetchAt: '2026-11-27T10:01:00Z' });
    store.requests.markFetched(requestSid(3), { nextFetchAt: '2026-11-27T11:00:00Z' });
    store.requests.markFetched(requestSid(4), { nextFetchAt: null, terminalFetched: true });

    const due = store.requests.dueForFetch(T1, 10);
    expect(due.map((d) => d.sid)).toEqual([requestSid(2), requestSid(1)]);
    expect(due[0]).toMatchObject({
      accountId: account.id,
      nextFetchAt: '2026-11-27T10:01:00.000Z',
    });
    expect(store.requests.dueForFetch(T1, 1)).toHaveLength(1);
    expect(store.requests.getRequest(requestSid(4))?.sync.terminalFetched).toBe(true);
  });

  it('filter due requests by account and complain about an unknown SID', () => {
    const store = temp.open();
    const a = addAccount(store, 1);
    const b = addAccount(store, 2);
    store.requests.upsertSummary(a.id, aSummary(requestSid(1)), T0);
    store.requests.upsertSummary(b.id, aSummary(requestSid(2)), T0);
    expect(store.requests.dueForFetch(T1, 10, { accountIds: [b.id] }).map((d) => d.sid)).toEqual([
      requestSid(2),
    ]);
    expect(() => store.requests.markFetched(requestSid(9), { nextFetchAt: null })).toThrow(
      /does not exist/,
    );
    expect(() => store.requests.dueForFetch(T1, 0)).toThrow(/limit/);
  });

  it('keep the payload out of the list table', () => {
    const store = temp.open();
    const account = addAccount(store);
    store.requests.saveFetchedRequest(account.id, aRequest({ sid: requestSid(1) }), T0);
    const columns = peek<{ name: string }>(store, 'PRAGMA table_info(port_in_requests)').map(
      (c) => c.name,
    );
    expect(columns).not.toContain('payload');
  });
});

describe('requests: "changed" on the account clock', () => {
  const HOUR = 3_600_000;
  // The demo simulator's clock runs 12 h ahead of ours.
  const AHEAD = 12 * HOUR;

  it('moves an observed change onto the account clock, and compares Twilio’s on that clock', () => {
    const store = temp.open();
    const account = addAccount(store);
    // Twilio stamped the number 1 h before we saw it, by its clock (ours + 12 h).
    const twilioStamp = new Date(Date.parse(T0) + AHEAD - HOUR).toISOString();
    const request = aRequest({
      sid: requestSid(1),
      dateCreated: twilioStamp,
      phoneNumbers: [aNumber({ sid: numberSid(1), statusUpdatedAt: twilioStamp })],
    });
    store.requests.saveFetchedRequest(account.id, request, T0, AHEAD);
    // Twilio's stamp is older than the observation on one clock: it is when the change happened.
    // (Compared with our T0 unmoved it looked newer, and our own T0 was kept: 12 h apart.)
    expect(store.requests.getRequest(requestSid(1))?.lastChangedAt).toBe(twilioStamp);

    const changed = aRequest({
      sid: requestSid(1),
      dateCreated: twilioStamp,
      status: 'In Progress',
      phoneNumbers: [aNumber({ sid: numberSid(1), statusUpdatedAt: twilioStamp })],
    });
    store.requests.saveFetchedRequest(account.id, changed, T1, AHEAD);
    expect(store.requests.getRequest(requestSid(1))?.lastChangedAt).toBe(
      new Date(Date.parse(T1) + AHEAD).toISOString(),
    );
  });

  it('keeps a listed change on the account clock too', () => {
    const store = temp.open();
    const account = addAccount(store);
    store.requests.upsertSummary(account.id, aSummary(requestSid(2)), T0, AHEAD);
    store.requests.upsertSummary(
      account.id,
      aSummary(requestSid(2), { status: 'In Progress' }),
      T1,
      AHEAD,
    );
    expect(store.requests.getRequest(requestSid(2))?.lastChangedAt).toBe(
      new Date(Date.parse(T1) + AHEAD).toISOString(),
    );
  });
});

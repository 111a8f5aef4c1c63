import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PortInNumber } from '../../../shared/domain/portIn';
import type { Account, Store } from '../../../main/core/store';
import { migrate } from '../../../main/core/store/migrate';
import { MIGRATIONS } from '../../../main/core/store/migrations';
import { sidKeyRange } from '../../../main/core/store/search';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';
import { addAccount, numberSid, peek, requestSid, useTempFolders } from './storeHarness';

const temp = useTempFolders();
const T0 = '2026-11-27T10:00:00.000Z';
const T1 = '2026-11-27T11:00:00.000Z';
let store: Store;
let account: Account;

const numbers = (...phones: string[]): PortInNumber[] =>
  phones.map((phoneNumber, index) => aNumber({ sid: numberSid(100 + index), phoneNumber }));

function save(n: number, phoneNumbers: PortInNumber[], at = T0): void {
  store.requests.saveFetchedRequest(
    account.id,
    aRequest({ sid: requestSid(n), phoneNumbers, supportTicketId: null }),
    at,
  );
}

const found = (search: string): string[] =>
  store.requests
    .listRequests({ search, sort: { field: 'customerName', direction: 'asc' } })
    .rows.map((row) => row.sid)
    .sort();

/** Requests with a document in the phone search index (a contentless table lists its rowids). */
const indexedRequests = (): number[] =>
  peek<{ id: number }>(store, 'SELECT rowid AS id FROM port_in_request_digits ORDER BY rowid').map(
    (row) => row.id,
  );
const requestIds = (): number[] =>
  peek<{ id: number }>(
    store,
    `SELECT id FROM port_in_requests r
     WHERE EXISTS (SELECT 1 FROM port_in_numbers n WHERE n.request_id = r.id) ORDER BY id`,
  ).map((row) => row.id);

beforeEach(() => {
  store = temp.open();
  account = addAccount(store);
});

describe('phone search', () => {
  beforeEach(() => {
    save(1, numbers('+15123270000', '+14155550132'));
    save(2, [aNumber({ sid: numberSid(200), phoneNumber: '+13125550199' })]);
  });

  it('finds any run of digits: the start, the middle, the end or the whole number', () => {
    expect(found('(512) 327')).toEqual([requestSid(1)]);
    expect(found('1 (512) 327')).toEqual([requestSid(1)]);
    expect(found('512-327-0')).toEqual([requestSid(1)]);
    expect(found('2327')).toEqual([requestSid(1)]);
    expect(found('0000')).toEqual([requestSid(1)]);
    expect(found('555')).toEqual([requestSid(1), requestSid(2)]);
    expect(found('+1 312 555 0199')).toEqual([requestSid(2)]);
    expect(found('5550199')).toEqual([requestSid(2)]);
  });

  it('never matches a run across two numbers of a request, nor digits it does not hold', () => {
    // "…0000" ends one number and "1415…" starts the next: not a number anyone has.
    expect(found('00001415')).toEqual([]);
    expect(found('0000 1415')).toEqual([]);
    expect(found('9999999')).toEqual([]);
  });

  it('follows numbers added, removed and renumbered, and forgets removed requests', () => {
    save(1, numbers('+15123270000', '+16175550123'), T1);
    expect(found('4155550132')).toEqual([]);
    expect(found('6175550123')).toEqual([requestSid(1)]);
    // The same number SID with another phone number.
    save(2, [aNumber({ sid: numberSid(200), phoneNumber: '+17185550111' })], T1);
    expect(found('3125550199')).toEqual([]);
    expect(found('7185550111')).toEqual([requestSid(2)]);
    expect(indexedRequests()).toEqual(requestIds());

    const other = addAccount(store, 2);
    store.requests.saveFetchedRequest(
      other.id,
      aRequest({
        sid: requestSid(3),
        phoneNumbers: [aNumber({ sid: numberSid(300), phoneNumber: '+19175550100' })],
      }),
      T0,
    );
    expect(found('9175550100')).toEqual([requestSid(3)]);
    store.accounts.remove(other.id);
    expect(found('9175550100')).toEqual([]);
    expect(indexedRequests()).toEqual(requestIds());
    expect(indexedRequests()).toHaveLength(2);
  });

  it('finds the requests holding an E.164 number', () => {
    save(3, [aNumber({ sid: numberSid(301), phoneNumber: '+14155550132', status: 'canceled' })]);
    expect(
      store.numbers.findByPhoneNumber('+14155550132').map((n) => [n.requestSid, n.sid]),
    ).toEqual([
      [requestSid(1), numberSid(101)],
      [requestSid(3), numberSid(301)],
    ]);
    expect(store.numbers.findByPhoneNumber('+1415555013')).toEqual([]);
  });
});

describe('number SID search', () => {
  const sids = [
    'PU0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    'PU0a1b2c3d4e5f7000000000000000000f',
    'PUff' + 'f'.repeat(30),
  ];

  beforeEach(() => {
    sids.forEach((sid, index) =>
      save(index + 1, [aNumber({ sid, phoneNumber: `+1415555000${index}` })]),
    );
  });

  it('finds a request by any prefix of a number SID, odd or even, short or past the key', () => {
    expect(found('PU0')).toEqual([requestSid(1), requestSid(2)]);
    expect(found('pu0A1B2')).toEqual([requestSid(1), requestSid(2)]);
    expect(found('PU0a1b2c3d4e5f6')).toEqual([requestSid(1)]);
    expect(found('PU0a1b2c3d4e5f7')).toEqual([requestSid(2)]);
    // Past the twelve digits the key holds: the SID text decides.
    expect(found('PU0a1b2c3d4e5f6071')).toEqual([requestSid(1)]);
    expect(found('PU0a1b2c3d4e5f6072')).toEqual([]);
    expect(found(sids[0] as string)).toEqual([requestSid(1)]);
    // The last keys: no upper bound is lost.
    expect(found('PUf')).toEqual([requestSid(3)]);
    expect(found('PUffffffffffffff')).toEqual([requestSid(3)]);
  });

  it('looks numbers up by SID through the key index', () => {
    expect(store.numbers.getNumbersBySids([sids[1] as string, 'PUnope']).map((n) => n.sid)).toEqual(
      [sids[1]],
    );
    const plan = peek<{ detail: string }>(
      store,
      `EXPLAIN QUERY PLAN SELECT request_id FROM port_in_numbers
       WHERE sid_key >= unhex('0a') AND sid_key < unhex('0b')`,
    );
    expect(plan.map((step) => step.detail).join(' ')).toContain('port_in_numbers_by_sid_key');
  });

  it('turns a hex prefix into the half-open range of keys holding it', () => {
    const hex = (range: { low: Buffer; high: Buffer }): string[] => [
      range.low.toString('hex'),
      range.high.toString('hex'),
    ];
    expect(hex(sidKeyRange('1a'))).toEqual(['1a', '1b']);
    expect(hex(sidKeyRange('1a3'))).toEqual(['1a30', '1a40']);
    expect(hex(sidKeyRange('1aff'))).toEqual(['1aff', '1b']);
    expect(hex(sidKeyRange('ff'))).toEqual(['ff', 'ffffffffffffff']);
    expect(hex(sidKeyRange('0123456789abcdef'))).toEqual(['0123456789ab', '0123456789ac']);
  });
});

describe('migration 002', () => {
  it('moves the numbers of a 001 file and indexes their digits', () => {
    const file = join(temp.folder(), 'portdesk.sqlite');
    const old = new Database(file);
    migrate(old, file, MIGRATIONS.slice(0, 1));
    old.exec(`
      INSERT INTO accounts (id, label, account_sid, key_sid, credential_kind, kind, base_url,
        upload_base_url, created_at)
      VALUES ('a1', 'Desk', 'AC${'1'.repeat(32)}', NULL, 'auth_token', 'twilio', 'https://x',
        'https://y', '${T0}');
      INSERT INTO port_in_requests (id, sid, account_id, status_raw, status, last_changed_at)
      VALUES (7, '${requestSid(7)}', 'a1', 'In Review', 'in_review', '${T0}');
      INSERT INTO port_in_request_details (request_id, payload) VALUES (7, '{}');
      INSERT INTO port_in_numbers (sid, request_id, position, phone_number,
        phone_digits_reversed, status_raw, status)
      VALUES ('${numberSid(1)}', 7, 0, '+15123270000', '00007232151', 'In Review', 'in_review'),
        ('${numberSid(2)}', 7, 1, '+14155550132', '23105551441', 'In Review', 'in_review');
    `);
    old.close();

    store = temp.open(file);
    // Every migration after 001 ran, 002 among them (003, the feed, follows it).
    expect(store.schemaVersion).toBe(MIGRATIONS.at(-1)?.version);
    expect(found('(512) 327')).toEqual([requestSid(7)]);
    expect(found('5550132')).toEqual([requestSid(7)]);
    expect(store.numbers.getNumbersBySids([numberSid(2)]).map((n) => n.phoneNumber)).toEqual([
      '+14155550132',
    ]);
    const columns = peek<{ name: string }>(
      store,
      'SELECT name FROM pragma_table_xinfo(?)',
      'port_in_numbers',
    );
    expect(columns.map((c) => c.name)).not.toContain('phone_digits_reversed');
    expect(peek(store, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});

describe('saving numbers', () => {
  it('writes nothing for a poll that brings the same numbers, and sees any change after it', () => {
    const first = numbers('+15123270000', '+14155550132');
    save(1, first);
    const poll = (phoneNumbers: PortInNumber[], at: string) =>
      store.requests.saveFetchedRequest(
        account.id,
        aRequest({ sid: requestSid(1), phoneNumbers, supportTicketId: null }),
        at,
      );
    // The first re-save compares rows (the first sight left no fingerprint), later ones hash.
    expect(poll(first, T1).changed).toBe(false);
    expect(poll(first, T1).changed).toBe(false);
    const rejected = first.map((number, index) =>
      index === 1
        ? { ...number, status: { canonical: 'rejected' as const, raw: 'Rejected' } }
        : number,
    );
    expect(poll(rejected, T1).changed).toBe(true);
    expect(store.numbers.listNumbers(requestSid(1)).map((n) => n.status.raw)).toEqual([
      'In Review',
      'Rejected',
    ]);
    expect(poll(rejected, T1).changed).toBe(false);
  });
});

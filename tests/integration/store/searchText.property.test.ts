import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../main/core/store';
import { aRequest } from '../../fixtures/portInBuilders';
import { addAccount, requestSid, useTempFolders } from './storeHarness';

/**
 * The search box's text reaches SQLite as an FTS5 phrase. The contract refuses control
 * characters, but the store is the last line: no string at all may break the query.
 */
const temp = useTempFolders();
let store: Store;
let accounts = 1;

function saveCustomer(n: number, customerName: string): string {
  const account = addAccount(store, n);
  const request = aRequest({ sid: requestSid(n), accountSid: account.accountSid });
  store.requests.saveFetchedRequest(
    account.id,
    { ...request, losingCarrier: { ...request.losingCarrier, customerName } },
    '2026-11-20T10:00:00Z',
  );
  return request.sid;
}

const search = (text: string) => store.requests.listRequests({ search: text }).rows;

beforeEach(() => {
  store = temp.open();
  accounts = 1;
  saveCustomer(1, 'Acme "Widgets" Inc');
});

describe('search text in the store', () => {
  it('answers a NUL inside a search instead of failing (FTS5 "unterminated string")', () => {
    expect(() => search('abc\u0000def')).not.toThrow();
    expect(() => search('\u0000')).not.toThrow();
    expect(() => search('Acme\u0000')).not.toThrow();
  });

  it('never throws, whatever the string (UTF-16 units, lone surrogates included)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.string({ unit: 'grapheme', maxLength: 20 }),
          fc.string({ unit: fc.constantFrom('"', '\u0000', '*', ':', '^', '(', ')', 'a', ' ') }),
        ),
        (text) => {
          expect(Array.isArray(search(text))).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('finds a customer by any 3+ character part of its name, FTS5 syntax and quotes included', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9"'*():^.+-]{3,16}$/), (name) => {
        accounts += 1;
        const sid = saveCustomer(accounts, `x ${name} y`);
        expect(search(name).map((row) => row.sid)).toContain(sid);
      }),
      { numRuns: 60 },
    );
  });
});

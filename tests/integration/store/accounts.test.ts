import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../main/core/store';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';
import {
  addAccount,
  anAccount,
  numberSid,
  requestSid,
  rowCount,
  useTempFolders,
} from './storeHarness';

const temp = useTempFolders();

describe('accounts', () => {
  it('round-trip an account, listed by label', () => {
    const store = temp.open();
    const zed = addAccount(store, 1, { label: 'Zed desk' });
    const alpha = addAccount(store, 2, {
      label: 'alpha desk',
      credentialKind: 'auth_token',
      keySid: null,
      kind: 'simulator',
      baseUrl: 'http://127.0.0.1:4010/',
      uploadBaseUrl: 'http://127.0.0.1:4010',
    });
    expect(store.accounts.get(zed.id)).toEqual(zed);
    expect(alpha.baseUrl).toBe('http://127.0.0.1:4010');
    expect(alpha.keySid).toBeNull();
    expect(store.accounts.list().map((a) => a.label)).toEqual(['alpha desk', 'Zed desk']);
    expect(zed.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rename an account and refuse an empty label', () => {
    const store = temp.open();
    const account = addAccount(store);
    expect(store.accounts.rename(account.id, '  Main desk ').label).toBe('Main desk');
    expect(() => store.accounts.rename(account.id, '   ')).toThrow(/label: must not be empty/);
    expect(() => store.accounts.rename('nope', 'x')).toThrow(/Account nope does not exist/);
  });

  it('switch an account between an API key and an auth token', () => {
    const store = temp.open();
    const account = addAccount(store);
    const rotated = store.accounts.updateCredential(account.id, {
      credentialKind: 'auth_token',
      keySid: null,
    });
    expect(rotated).toMatchObject({ credentialKind: 'auth_token', keySid: null });
    expect(() =>
      store.accounts.updateCredential(account.id, { credentialKind: 'api_key', keySid: null }),
    ).toThrow(/credential\.keySid: is required for an API key/);
    expect(store.accounts.get(account.id)?.credentialKind).toBe('auth_token');
  });

  it('name the field when the account is malformed', () => {
    const store = temp.open();
    const attempt = (overrides: Parameters<typeof anAccount>[1]): unknown => {
      try {
        store.accounts.insert(anAccount(1, overrides));
      } catch (error) {
        return error;
      }
      return null;
    };
    expect(attempt({ accountSid: 'AC123' })).toMatchObject({
      code: 'invalid_input',
      field: 'account.accountSid',
    });
    expect(attempt({ keySid: null })).toMatchObject({ field: 'account.keySid' });
    expect(attempt({ credentialKind: 'auth_token' })).toMatchObject({ field: 'account.keySid' });
    expect(attempt({ baseUrl: 'ftp://numbers.example' })).toMatchObject({
      field: 'account.baseUrl',
    });
    expect(rowCount(store, 'accounts')).toBe(0);
  });

  it('refuse the same Twilio account twice on the same host', () => {
    const store = temp.open();
    addAccount(store, 1, { label: 'First' });
    expect(() => addAccount(store, 1, { label: 'Second', keySid: `SK${'f'.repeat(32)}` })).toThrow(
      /already added as "First"/,
    );
    // The simulator may use the same SID: another host, another account.
    expect(() =>
      addAccount(store, 1, { kind: 'simulator', baseUrl: 'http://127.0.0.1:9999' }),
    ).not.toThrow();
  });

  it('remove an account with everything that belongs to it, and nothing else', () => {
    const store = temp.open();
    const doomed = addAccount(store, 1);
    const kept = addAccount(store, 2);
    const observedAt = '2026-11-27T10:00:00.000Z';

    for (const [account, n] of [
      [doomed, 1],
      [kept, 2],
    ] as const) {
      const sid = requestSid(n);
      store.requests.saveFetchedRequest(
        account.id,
        aRequest({
          sid,
          status: 'Action Required',
          phoneNumbers: [aNumber({ sid: numberSid(n), phoneNumber: `+1415555010${n}` })],
        }),
        observedAt,
      );
      store.timeline.appendEvents([
        {
          requestSid: sid,
          numberSid: null,
          phoneNumber: null,
          kind: 'request_created',
          from: null,
          to: 'In Review',
          detail: {},
          observedAt,
          source: 'sync',
        },
      ]);
      const draft = store.drafts.create({ accountId: account.id, payload: { note: 'x' } });
      store.portabilityChecks.save(draft.id, '+14155550100', {
        outcome: 'failed',
        error: { message: 'offline', code: null },
      });
      store.documents.add({
        accountId: account.id,
        sha256: 'a'.repeat(64),
        fileName: 'bill.pdf',
        mimeType: 'application/pdf',
        sizeBytes: 10,
        localPath: `/tmp/bill-${n}.pdf`,
      });
      const upload = store.outbox.enqueue({
        accountId: account.id,
        kind: 'upload_document',
        payload: {},
      });
      store.outbox.enqueue({
        accountId: account.id,
        kind: 'create_port_in',
        payload: {},
        dependsOn: [upload.id],
        draftId: draft.id,
      });
    }

    expect(store.accounts.usage(doomed.id)).toEqual({ requests: 1, drafts: 1, pendingOutbox: 2 });
    expect(store.accounts.remove(doomed.id)).toBe(true);
    expect(store.accounts.remove(doomed.id)).toBe(false);
    expect(store.accounts.usage(doomed.id)).toBeNull();

    const tables = [
      'port_in_requests',
      'port_in_request_details',
      'port_in_numbers',
      'timeline_events',
      'drafts',
      'portability_checks',
      'documents',
    ];
    for (const table of tables) expect(rowCount(store, table), table).toBe(1);
    expect(rowCount(store, 'outbox')).toBe(2);
    expect(rowCount(store, 'outbox_dependencies')).toBe(1);
    expect(store.requests.getRequest(requestSid(2))?.accountId).toBe(kept.id);
    expect(store.requests.getRequest(requestSid(1))).toBeNull();
  });

  it('is a StoreError with code not_found for an unknown account on writes', () => {
    const store = temp.open();
    expect(() => store.drafts.create({ accountId: 'ghost', payload: {} })).toThrow(StoreError);
  });
});

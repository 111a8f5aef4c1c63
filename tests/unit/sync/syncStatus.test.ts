import { describe, expect, it } from 'vitest';
import { summariseStatus, type AccountSyncStatus } from '../../../main/core/sync/syncStatus';

const account = (patch: Partial<AccountSyncStatus>): AccountSyncStatus => ({
  accountId: 'a',
  state: 'idle',
  phase: 'up_to_date',
  lastSuccessAt: '2026-01-01T10:00:00.000Z',
  message: null,
  nextAttemptAt: null,
  ...patch,
});
const noOps = { queuedOps: 0, failedOps: 0 };

describe('sync status summary', () => {
  it('shows the worst state over the accounts, with that account’s message', () => {
    const status = summariseStatus(
      [
        account({ accountId: 'a', state: 'offline', phase: 'offline', message: 'offline words' }),
        account({
          accountId: 'b',
          state: 'unauthorized',
          phase: 'unauthorized',
          message: 'rotate the secret',
        }),
        account({ accountId: 'c', state: 'error', phase: 'retrying', message: 'server words' }),
      ],
      null,
      noOps,
    );
    expect(status.state).toBe('unauthorized');
    expect(status).toMatchObject({ phase: 'unauthorized', worstAccountId: 'b' });
    expect(status.message).toBe('rotate the secret');
    expect(status.accounts.map((a) => a.state)).toEqual(['offline', 'unauthorized', 'error']);
  });

  it('says the oldest last success, so "synced at" is true of every account', () => {
    const status = summariseStatus(
      [
        account({ lastSuccessAt: '2026-01-01T10:05:00.000Z' }),
        account({ lastSuccessAt: '2026-01-01T10:01:00.000Z' }),
        account({ lastSuccessAt: null }),
      ],
      '2026-01-01T10:10:00.000Z',
      noOps,
    );
    expect(status.lastSuccessAt).toBe('2026-01-01T10:01:00.000Z');
    expect(status.nextSyncAt).toBe('2026-01-01T10:10:00.000Z');
  });

  it('counts queued and failed operations in words when everything is up to date', () => {
    const status = summariseStatus([account({})], null, { queuedOps: 2, failedOps: 1 });
    expect(status.state).toBe('idle');
    expect(status.message).toBe(
      'Up to date; 2 changes waiting to be sent; 1 change could not be sent — open the outbox to retry or discard.',
    );
    expect(status.queuedOps).toBe(2);
    expect(status.failedOps).toBe(1);
  });

  it('is idle with nothing to sync when there is no account', () => {
    expect(summariseStatus([], null, noOps)).toMatchObject({
      state: 'idle',
      message: 'No accounts to sync.',
      lastSuccessAt: null,
    });
  });
});

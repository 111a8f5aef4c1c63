import { describe, expect, it, vi } from 'vitest';
import type { PortdeskBridge } from '../../../shared/ipc';
import type { DataChangedView, SyncStatusView } from '../../../shared/views';

type Listener<T> = (event: T) => void;

/** A bridge that answers each call with a numbered envelope and lets the test push events. */
function fakeBridge() {
  let answered = 0;
  const answer = (what: string) => Promise.resolve({ ok: true, data: `${what} #${++answered}` });
  const dataChanged: Listener<DataChangedView>[] = [];
  const syncStatus: Listener<SyncStatusView>[] = [];
  const noticesChanged: Listener<unknown>[] = [];
  const bridge = {
    listAccounts: vi.fn(() => answer('accounts')),
    getSettings: vi.fn(() => answer('settings')),
    getSyncStatus: vi.fn(() => answer('sync')),
    listRequests: vi.fn(() => answer('page')),
    getFeedSummary: vi.fn(() => answer('summary')),
    getFeedDigest: vi.fn(() => answer('digest')),
    onDataChanged: (listener: Listener<DataChangedView>) => {
      dataChanged.push(listener);
      return () => dataChanged.splice(dataChanged.indexOf(listener), 1);
    },
    onNoticesChanged: (listener: Listener<unknown>) => {
      noticesChanged.push(listener);
      return () => noticesChanged.splice(noticesChanged.indexOf(listener), 1);
    },
    onSyncStatus: (listener: Listener<SyncStatusView>) => {
      syncStatus.push(listener);
      return () => syncStatus.splice(syncStatus.indexOf(listener), 1);
    },
  };
  return { bridge, dataChanged, syncStatus, noticesChanged };
}

/** Loads earlyCalls.ts afresh and starts it with `bridge` as window.portdesk. */
async function loadWith(bridge: object | undefined) {
  vi.resetModules();
  const early = await import('../../../renderer/store/earlyCalls');
  const host = bridge as PortdeskBridge | undefined;
  early.startEarlyCalls(host, (call) => (host ? call(host) : Promise.reject(new Error('no host'))));
  const { DEFAULT_FILTERS, toQuery } = await import('../../../renderer/store/requestPages');
  return { early, firstQuery: toQuery(DEFAULT_FILTERS, 0) };
}

describe('earlyCalls', () => {
  it('asks main for the first view before anything renders, and hands each answer over once', async () => {
    const { bridge } = fakeBridge();
    const { early, firstQuery } = await loadWith(bridge);
    expect(bridge.listAccounts).toHaveBeenCalledTimes(1);
    expect(bridge.listRequests).toHaveBeenCalledWith(firstQuery);

    expect(await early.takeEarly('accounts')).toEqual({ ok: true, data: 'accounts #1' });
    expect(early.takeEarly('accounts')).toBeUndefined();
    expect(early.takeEarlyFirstPage({ ...firstQuery, search: 'acme' })).toBeUndefined();
    expect(await early.takeEarlyFirstPage(firstQuery)).toEqual({ ok: true, data: 'page #4' });
    expect(early.takeEarlyFirstPage(firstQuery)).toBeUndefined();
  });

  it('asks again for what main says changed before the stores listen, and stops listening', async () => {
    const { bridge, dataChanged, syncStatus, noticesChanged } = fakeBridge();
    const { early, firstQuery } = await loadWith(bridge);
    for (const listener of dataChanged) {
      listener({ kinds: ['requests'], requestSids: [], draftIds: [] } as DataChangedView);
    }
    const pushed = { state: 'idle' } as unknown as SyncStatusView;
    for (const listener of syncStatus) listener(pushed);
    for (const listener of noticesChanged) listener({});

    expect(bridge.listRequests).toHaveBeenCalledTimes(2);
    expect(bridge.listAccounts).toHaveBeenCalledTimes(1);
    expect(bridge.getFeedSummary).toHaveBeenCalledTimes(2);
    expect(await early.takeEarlyFirstPage(firstQuery)).toEqual({ ok: true, data: 'page #7' });
    expect(await early.takeEarly('feedDigest')).toEqual({ ok: true, data: 'digest #9' });
    expect(await early.takeEarly('sync')).toEqual({ ok: true, data: pushed });
    void early.takeEarly('accounts');
    void early.takeEarly('settings');
    expect(dataChanged).toHaveLength(1);
    void early.takeEarly('feedSummary');
    expect(dataChanged).toHaveLength(0);
    expect(noticesChanged).toHaveLength(0);
    expect(syncStatus).toHaveLength(0);
  });

  it('asks nothing outside a PortDesk host', async () => {
    const { early } = await loadWith(undefined);
    expect(early.takeEarly('accounts')).toBeUndefined();
  });
});

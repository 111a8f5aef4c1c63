import { describe, expect, it, vi } from 'vitest';
import { EVENT_METHODS, INVOKE_METHODS, eventContract, invokeContract } from '../../../shared/ipc';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (_channel: string, _payload: unknown) => ({ ok: true, data: [] }) as unknown),
  listeners: new Map<string, (event: unknown, payload: unknown) => void>(),
}));
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
      electron.listeners.set(channel, listener),
    removeListener: (channel: string) => electron.listeners.delete(channel),
  },
}));

await import('../../../preload/index');

interface Exposed {
  listAccounts(): Promise<unknown>;
  onNavigate(listener: (payload: unknown) => void): () => void;
}

describe('the Electron preload', () => {
  it('exposes window.portdesk and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['portdesk']);
    expect(Object.keys(electron.exposed.get('portdesk') as object).sort()).toEqual(
      [...INVOKE_METHODS, ...EVENT_METHODS].sort(),
    );
  });

  it('invokes over ipcRenderer on the contract channel', async () => {
    const bridge = electron.exposed.get('portdesk') as Exposed;
    await expect(bridge.listAccounts()).resolves.toEqual({ ok: true, data: [] });
    expect(electron.invoke).toHaveBeenCalledWith(invokeContract.listAccounts.channel, undefined);
  });

  it('hands listeners the payload only, never Electron’s event (it carries the sender)', () => {
    const bridge = electron.exposed.get('portdesk') as Exposed;
    const received: unknown[] = [];
    const unsubscribe = bridge.onNavigate((payload) => received.push(payload));
    const deliver = electron.listeners.get(eventContract.onNavigate.channel);
    deliver?.({ sender: { send: 'ipcRenderer' } }, { screen: 'outbox' });
    expect(received).toEqual([{ screen: 'outbox' }]);
    unsubscribe();
    expect(electron.listeners.has(eventContract.onNavigate.channel)).toBe(false);
  });
});

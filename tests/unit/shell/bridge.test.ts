import { describe, expect, it, vi } from 'vitest';
import { createBridge, type BridgeTransport } from '../../../shared/bridge/createBridge';
import { EVENT_METHODS, INVOKE_METHODS, eventContract, invokeContract } from '../../../shared/ipc';

function fakeTransport(answer: (channel: string, payload: unknown) => Promise<unknown>) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: BridgeTransport & { push(channel: string, payload: unknown): void } = {
    invoke: vi.fn(answer),
    subscribe: vi.fn((channel: string, listener: (payload: unknown) => void) => {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    }),
    push(channel, payload) {
      for (const listener of listeners.get(channel) ?? []) listener(payload);
    },
  };
  return transport;
}

const quietLog = () => ({ warn: vi.fn(), error: vi.fn() });

describe('createBridge', () => {
  it('exposes exactly one function per invoke channel and one per event channel', () => {
    const bridge = createBridge(fakeTransport(async () => ({ ok: true, data: null })));
    expect(Object.keys(bridge).sort()).toEqual([...INVOKE_METHODS, ...EVENT_METHODS].sort());
    for (const key of Object.keys(bridge)) {
      expect(typeof (bridge as unknown as Record<string, unknown>)[key]).toBe('function');
    }
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('sends each invoke on its contract channel with the payload untouched', async () => {
    const transport = fakeTransport(async () => ({ ok: true, data: 'answer' }));
    const bridge = createBridge(transport);
    for (const method of INVOKE_METHODS) {
      const call = (bridge as unknown as Record<string, (payload: unknown) => Promise<unknown>>)[
        method
      ];
      await expect(call?.({ marker: method })).resolves.toEqual({ ok: true, data: 'answer' });
      expect(transport.invoke).toHaveBeenLastCalledWith(invokeContract[method].channel, {
        marker: method,
      });
    }
  });

  it('passes error envelopes through as they came', async () => {
    const envelope = { ok: false, error: { code: 'not_found', message: 'No such request' } };
    const bridge = createBridge(fakeTransport(async () => envelope));
    await expect(bridge.getRequestDetail({ sid: `KW${'a'.repeat(32)}` })).resolves.toEqual(
      envelope,
    );
  });

  it('turns a failed transport into an internal error envelope in words', async () => {
    const bridge = createBridge(
      fakeTransport(async () => {
        throw new Error('No handler registered');
      }),
    );
    const answer = await bridge.listAccounts();
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('internal');
      expect(answer.error.message).toMatch(/could not reach its background process/);
    }
  });

  it.each([
    undefined,
    null,
    'ok',
    { ok: 'yes' },
    { ok: false },
    { ok: false, error: { code: 1 } },
    { ok: true },
  ])(
    'answers an internal error when the host sends something that is not an envelope (%j)',
    async (garbage) => {
      const bridge = createBridge(fakeTransport(async () => garbage));
      await expect(bridge.listAccounts()).resolves.toMatchObject({
        ok: false,
        error: { code: 'internal' },
      });
    },
  );

  it('hands listeners only events that pass their schema, and warns about the rest', () => {
    const transport = fakeTransport(async () => null);
    const log = quietLog();
    const bridge = createBridge(transport, log);
    const received: unknown[] = [];
    bridge.onNavigate((payload) => received.push(payload));
    const channel = eventContract.onNavigate.channel;
    transport.push(channel, { screen: 'outbox' });
    transport.push(channel, { screen: 'request', sid: 'not-a-sid' });
    transport.push(channel, null);
    transport.push(channel, JSON.parse('{"screen":"settings","__proto__":{"polluted":true}}'));
    transport.push(channel, { screen: 'request', sid: `KW${'0'.repeat(32)}` });
    expect(received).toEqual([
      { screen: 'outbox' },
      { screen: 'request', sid: `KW${'0'.repeat(32)}` },
    ]);
    expect(log.warn).toHaveBeenCalledTimes(3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('subscribes on the contract channel and stops delivering after unsubscribe, once', () => {
    const transport = fakeTransport(async () => null);
    const bridge = createBridge(transport, quietLog());
    const listener = vi.fn();
    const unsubscribe = bridge.onDataChanged(listener);
    expect(transport.subscribe).toHaveBeenCalledWith(
      eventContract.onDataChanged.channel,
      expect.any(Function),
    );
    const change = { kinds: ['requests'], requestSids: [], draftIds: [] };
    transport.push(eventContract.onDataChanged.channel, change);
    unsubscribe();
    unsubscribe();
    transport.push(eventContract.onDataChanged.channel, change);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const transport = fakeTransport(async () => null);
    const log = quietLog();
    const bridge = createBridge(transport, log);
    const healthy = vi.fn();
    bridge.onNavigate(() => {
      throw new Error('broken screen');
    });
    bridge.onNavigate(healthy);
    transport.push(eventContract.onNavigate.channel, { screen: 'accounts' });
    expect(healthy).toHaveBeenCalledWith({ screen: 'accounts' });
    expect(log.error).toHaveBeenCalledOnce();
  });

  it('refuses a listener that is not a function', () => {
    const bridge = createBridge(fakeTransport(async () => null));
    expect(() => bridge.onSyncStatus('nope' as unknown as () => void)).toThrow(/listener function/);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  INVOKE_METHODS,
  IpcCommandError,
  invokeContract,
  type Envelope,
  type InvokeMethod,
} from '../../../shared/ipc';
import { createFakeCore, type FakeCore } from '../../e2e/harness/fakeCore';
import { createLogger } from '../../../main/host/log/logger';

type Listener = (event: unknown, raw: unknown) => Promise<Envelope<unknown>>;
const registered = vi.hoisted(() => new Map<string, Listener>());
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: Listener) => {
      if (registered.has(channel)) throw new Error(`second handler for ${channel}`);
      registered.set(channel, listener);
    },
    removeHandler: (channel: string) => registered.delete(channel),
  },
}));

const { registerInvokeHandlers } = await import('../../../main/shell/ipc/handle');

const OUR_WINDOW = 7;
const ourFrame = {
  sender: { id: OUR_WINDOW },
  senderFrame: { url: 'app://portdesk/index.html', parent: null },
};

let core: FakeCore;
let logLines: string[];
let unregister: () => void;

beforeEach(() => {
  registered.clear();
  core = createFakeCore({
    listAccounts: () => [],
    getSettings: () => {
      throw new Error('database is locked at /home/agent/.config/PortDesk/portdesk.db');
    },
    syncNow: () => {
      throw new IpcCommandError(
        'offline',
        'You are offline. PortDesk will sync when the network is back.',
      );
    },
  });
  logLines = [];
  unregister = registerInvokeHandlers({
    handlers: core.handlers,
    trustedWindow: () => ({ webContentsId: OUR_WINDOW, origin: 'app://portdesk' }),
    log: createLogger((line) => logLines.push(line)),
  });
});

function invoke(method: InvokeMethod, raw: unknown, event: unknown = ourFrame) {
  const listener = registered.get(invokeContract[method].channel);
  if (!listener) throw new Error(`${method} is not registered`);
  return listener(event, raw);
}

/** Schemas are strict objects; their keys, to aim wrong values at real fields. */
function keysOf(method: InvokeMethod): string[] {
  const schema = invokeContract[method].payload as unknown as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
}

function malformedPayloads(method: InvokeMethod): [string, unknown][] {
  const huge = 'x'.repeat(1_000_001);
  const cases: [string, unknown][] = [
    ['null', null],
    ['a number', 42],
    ['a string', 'listAccounts'],
    ['a boolean', true],
    ['an array instead of an object', [{}]],
    ['an empty array', []],
    ['an unknown field', { surprise: 1 }],
    ['a huge unknown field', { [huge.slice(0, 10_000)]: huge }],
    ['an own __proto__ key', JSON.parse('{"__proto__":{"polluted":true}}')],
    ['a constructor key', { constructor: { prototype: { polluted: true } } }],
    ['a prototype key', { prototype: { polluted: true } }],
  ];
  for (const key of keysOf(method)) {
    // No field of any channel accepts a string of a million characters: strings are capped and
    // every other field is another type.
    cases.push([`a huge string in ${key}`, { [key]: huge }]);
    cases.push([`an array in ${key}`, { [key]: [[[]]] }]);
    cases.push([`a wrong-type number in ${key}`, { [key]: Number.NaN }]);
  }
  const requiresSomething = !invokeContract[method].payload.safeParse({}).success;
  if (requiresSomething) cases.push(['missing fields', {}]);
  return cases;
}

describe('the IPC registration wrapper', () => {
  it('registers one handler per contract channel, each with a payload schema', () => {
    expect([...registered.keys()].sort()).toEqual(
      INVOKE_METHODS.map((method) => invokeContract[method].channel).sort(),
    );
    for (const method of INVOKE_METHODS) {
      expect(typeof invokeContract[method].payload.safeParse).toBe('function');
    }
    expect(new Set(INVOKE_METHODS.map((m) => invokeContract[m].channel)).size).toBe(
      INVOKE_METHODS.length,
    );
  });

  it('unregisters every channel', () => {
    unregister();
    expect(registered.size).toBe(0);
  });

  describe.each(INVOKE_METHODS)('%s', (method) => {
    it('answers every malformed payload with invalid_payload and never calls the core', async () => {
      for (const [label, payload] of malformedPayloads(method)) {
        const answer = await invoke(method, payload);
        expect(answer, `${method} with ${label}`).toMatchObject({
          ok: false,
          error: { code: 'invalid_payload' },
        });
        if (!answer.ok) expect(answer.error.message.length).toBeLessThan(2_000);
      }
      expect(core.calls).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  it('answers a well-formed call with the core’s data', async () => {
    await expect(invoke('listAccounts', {})).resolves.toEqual({ ok: true, data: [] });
    await expect(invoke('listAccounts', undefined)).resolves.toEqual({ ok: true, data: [] });
    expect(core.calls.map((call) => call.method)).toEqual(['listAccounts', 'listAccounts']);
  });

  it('passes the parsed payload, defaults filled in, to the core', async () => {
    await invoke('listRequests', { search: '415' });
    expect(core.calls[0]?.payload).toMatchObject({
      search: '415',
      statuses: [],
      offset: 0,
      limit: 100,
      sort: { field: 'lastChangedAt', direction: 'desc' },
    });
  });

  it('turns a command error into its envelope and anything else into a generic internal error', async () => {
    await expect(invoke('syncNow', {})).resolves.toEqual({
      ok: false,
      error: {
        code: 'offline',
        message: 'You are offline. PortDesk will sync when the network is back.',
      },
    });
    const internal = await invoke('getSettings', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!internal.ok) expect(internal.error.message).not.toMatch(/database|home/);
    expect(logLines.some((line) => line.includes('getSettings failed'))).toBe(true);
  });

  it('logs a refusal at info in one line, and a bug at error with its stack', async () => {
    // The fake core refuses a method it has no answer for (getDraft) with not_found.
    await invoke('getDraft', { draftId: 1 });
    await invoke('getSettings', {});
    const [refusal, bug, ...rest] = logLines;
    expect(rest).toEqual([]);
    expect(refusal).toMatch(/ INFO ipc: getDraft refused \(not_found\): The fake core/);
    expect(refusal).not.toMatch(/\n|\bat /);
    expect(bug).toMatch(/ ERROR ipc: getSettings failed Error: database is locked/);
    // The stack: one "at <frame>" line per caller.
    expect(bug).toMatch(/\n\s+at /);
  });

  it('refuses a payload whose getters throw instead of letting the throw escape', async () => {
    const hostile = {};
    Object.defineProperty(hostile, 'accountId', {
      enumerable: true,
      get() {
        throw new Error('gotcha');
      },
    });
    await expect(invoke('prepareRemoveAccount', hostile)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(core.calls).toEqual([]);
  });

  it.each([
    ['another webContents', { sender: { id: 99 }, senderFrame: ourFrame.senderFrame }],
    [
      'an iframe inside our window',
      {
        sender: { id: OUR_WINDOW },
        senderFrame: { url: 'app://portdesk/index.html', parent: { url: 'app://portdesk/' } },
      },
    ],
    [
      'our window showing another origin',
      { sender: { id: OUR_WINDOW }, senderFrame: { url: 'https://evil.example/', parent: null } },
    ],
    ['a frame that is gone', { sender: { id: OUR_WINDOW }, senderFrame: null }],
  ])('refuses %s without calling the core', async (_label, event) => {
    await expect(invoke('listAccounts', {}, event)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(core.calls).toEqual([]);
    expect(logLines.some((line) => line.includes('refused listAccounts'))).toBe(true);
  });
});

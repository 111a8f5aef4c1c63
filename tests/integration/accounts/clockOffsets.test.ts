import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CLOCK_ANNOUNCE_GAP_MS,
  createClientProvider,
  type AccountClocks,
  type ClientProvider,
} from '../../../main/core/accounts/clientProvider';
import { openStore, type Store } from '../../../main/core/store';
import { createVault, type KeychainBackend } from '../../../main/core/vault';
import { sendJson, startLocalServer, type LocalServer } from '../../unit/twilio/localServer';
import { SPEC_EXAMPLES } from '../../unit/twilio/specExamples';

const DAY = 86_400_000;
const KW = 'KWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

/** A keychain in memory: these tests are about clocks, not the OS keychain. */
function memoryKeychain(): KeychainBackend {
  const items = new Map<string, string>();
  return {
    getPassword: async (service, account) => items.get(`${service}/${account}`) ?? null,
    setPassword: async (service, account, password) => {
      items.set(`${service}/${account}`, password);
    },
    deletePassword: async (service, account) => items.delete(`${service}/${account}`),
  };
}

let dir: string;
let store: Store;
let server: LocalServer;
/** How far the fake Twilio's clock is ahead of the real one. */
let serverAheadMs: number;
/** The provider's clock for the announcement gap. */
let providerNow: number;
let announced: [string, number][];
let provider: ClientProvider & AccountClocks;
let accountId: string;
let otherAccountId: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portdesk-clocks-'));
  store = openStore({ file: join(dir, 'portdesk.db') });
  serverAheadMs = 0;
  providerNow = 1_000_000;
  announced = [];
  server = await startLocalServer((_req, res) => {
    res.sendDate = false;
    sendJson(res, 200, SPEC_EXAMPLES.fetchPortIn, {
      date: new Date(Date.now() + serverAheadMs).toUTCString(),
    });
  });
  const vault = createVault({ service: 'PortDeskTest-clocks', backend: memoryKeychain() });
  const insert = (label: string, sidChar: string) => {
    const account = store.accounts.insert({
      label,
      accountSid: `AC${sidChar.repeat(32)}`,
      keySid: `SK${sidChar.repeat(32)}`,
      credentialKind: 'api_key',
      kind: 'twilio',
      baseUrl: server.url,
      uploadBaseUrl: server.url,
    });
    return account.id;
  };
  accountId = insert('Acme ops', 'a');
  otherAccountId = insert('Beta porting', 'b');
  await vault.saveSecret(accountId, 'secret-a');
  await vault.saveSecret(otherAccountId, 'secret-b');
  provider = createClientProvider({
    store,
    vault,
    now: () => providerNow,
    onClockOffsetChanged: (id, offsetMs) => announced.push([id, offsetMs]),
  });
});

afterEach(async () => {
  await provider.closeAll();
  await server.close();
  store.close();
  await rm(dir, { recursive: true, force: true });
});

async function call(id = accountId, times = 1): Promise<void> {
  const client = await provider.clientFor(id);
  for (let i = 0; i < times; i += 1) await client.fetchPortIn(KW);
}

/** Whole seconds, within the few seconds a loaded machine may take between stamp and read. */
function expectAbout(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(3_000);
  expect(Number.isInteger(actual / 1000)).toBe(true);
}

describe("each account's server clock, kept where its client is made", () => {
  it('is 0 until an answer of that account told it', async () => {
    serverAheadMs = 20 * DAY;
    expect(provider.clockOffsetMs(accountId)).toBe(0);
    await call();
    expectAbout(provider.clockOffsetMs(accountId), 20 * DAY);
    expect(provider.clockOffsetMs(otherAccountId)).toBe(0);
  });

  it('is announced once when it first differs from ours by more than a minute', async () => {
    serverAheadMs = 20 * DAY;
    await call(accountId, 3);
    expect(announced).toHaveLength(1);
    expect(announced[0]?.[0]).toBe(accountId);
    expectAbout(announced[0]?.[1] ?? 0, 20 * DAY);
  });

  it('is never announced for a server whose clock agrees with ours', async () => {
    await call(accountId, 3);
    expect(announced).toEqual([]);
    expectAbout(provider.clockOffsetMs(accountId), 0);
  });

  it('moves without an announcement when it moves by less than a minute', async () => {
    serverAheadMs = 20 * DAY;
    await call(accountId, 5);
    providerNow += CLOCK_ANNOUNCE_GAP_MS;
    serverAheadMs = 20 * DAY + 30_000;
    await call(accountId, 5);
    expect(announced).toHaveLength(1);
    expectAbout(provider.clockOffsetMs(accountId), 20 * DAY + 30_000);
  });

  it('announces a material move at most once per gap; the first answer after it announces the estimate then', async () => {
    serverAheadMs = DAY;
    await call(accountId, 1);
    // A clock running fast, as the demo's does: every answer is minutes later.
    for (let step = 1; step <= 5; step += 1) {
      serverAheadMs = DAY + step * 10 * 60_000;
      await call(accountId, 1);
    }
    expect(announced).toHaveLength(1);
    providerNow += CLOCK_ANNOUNCE_GAP_MS;
    await call(accountId, 1);
    expect(announced).toHaveLength(2);
    // The median of the last five answers: +20, +30, +40, +50, +50 minutes.
    expectAbout(announced[1]?.[1] ?? 0, DAY + 40 * 60_000);
  });

  it('survives a rebuilt client (a rotated secret talks to the same server)', async () => {
    serverAheadMs = -2 * DAY;
    await call();
    await provider.invalidate(accountId);
    expectAbout(provider.clockOffsetMs(accountId), -2 * DAY);
  });
});

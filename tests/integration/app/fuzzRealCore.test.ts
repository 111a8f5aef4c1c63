import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type PortdeskCore } from '../../../main/core/app';
import { dispatchInvoke } from '../../../main/host/ipc/dispatch';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import { INVOKE_METHODS, invokeContract, type InvokeMethod } from '../../../shared/ipc';

/**
 * The wrapper's promise against the real core, with data in it: every channel, fed malformed
 * payloads through dispatchInvoke (what the shell's ipcMain handler, the browser host and the
 * harness all call), answers invalid_payload and leaves everything stored as it was.
 */
let dir: string;
let simulator: RunningSimulator;
let core: PortdeskCore;
let accountId: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portdesk-fuzz-'));
  simulator = await startSimulator({ seed: 'fuzz' });
  core = await createCore({
    dataDir: dir,
    keychainService: `PortDesk-test-${randomUUID()}`,
    host: { openExternal: async () => undefined, writeClipboard: () => undefined },
    twilioEndpoints: { baseUrl: simulator.url, uploadBaseUrl: simulator.uploadUrl },
  });
  const { accountSid, apiKeySid, apiKeySecret } = simulator.credentials;
  const account = await core.handlers.addAccount({
    label: 'Acme porting',
    accountSid,
    credential: { kind: 'api_key', keySid: apiKeySid, secret: apiKeySecret },
  });
  accountId = account.id;
  await core.handlers.createDraft({
    accountId,
    initial: { phoneNumbers: [{ phoneNumber: '+14155550123', pin: null }] },
  });
  await core.handlers.updateSettings({ ageingDays: 12 });
});

afterAll(async () => {
  if (accountId) {
    const preview = await core.handlers.prepareRemoveAccount({ accountId });
    await core.handlers.removeAccount({ accountId, confirmationToken: preview.confirmationToken });
  }
  await core?.close();
  await simulator?.close();
  await rm(dir, { recursive: true, force: true });
});

async function everythingStored() {
  const { handlers } = core;
  const drafts = await handlers.listDrafts({});
  return {
    accounts: await handlers.listAccounts({}),
    drafts,
    draftDetails: await Promise.all(drafts.map((d) => handlers.getDraft({ draftId: d.id }))),
    requests: await handlers.listRequests(invokeContract.listRequests.payload.parse({})),
    outbox: await handlers.listOutbox({}),
    settings: await handlers.getSettings({}),
  };
}

function malformed(method: InvokeMethod): unknown[] {
  const schema = invokeContract[method].payload as unknown as { shape?: Record<string, unknown> };
  const keys = schema.shape ? Object.keys(schema.shape) : [];
  const huge = 'x'.repeat(1_000_001);
  return [
    null,
    0,
    'text',
    [],
    [{ accountId: 'a' }],
    { unexpected: true },
    JSON.parse('{"__proto__":{"polluted":true}}'),
    { constructor: { prototype: { polluted: true } } },
    ...keys.flatMap((key) => [{ [key]: huge }, { [key]: [[]] }, { [key]: -1.5 }]),
    ...(invokeContract[method].payload.safeParse({}).success ? [] : [{}]),
  ];
}

describe('malformed payloads against the real core', () => {
  it('get invalid_payload on every channel and change nothing stored', async () => {
    const before = await everythingStored();
    expect(before.accounts).toHaveLength(1);
    expect(before.drafts).toHaveLength(1);
    for (const method of INVOKE_METHODS) {
      for (const payload of malformed(method)) {
        const answer = await dispatchInvoke(core.handlers, method, payload);
        expect(answer, `${method} ${JSON.stringify(payload)?.slice(0, 80)}`).toMatchObject({
          ok: false,
          error: { code: 'invalid_payload' },
        });
      }
    }
    expect(await everythingStored()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

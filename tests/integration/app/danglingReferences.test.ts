import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type PortdeskCore } from '../../../main/core/app';
import { dispatchInvoke } from '../../../main/host/ipc/dispatch';

describe('references to an account PortDesk does not have (issue 12 item 5)', () => {
  let dataDir: string;
  let core: PortdeskCore;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'portdesk-dangling-'));
    core = await createCore({
      dataDir,
      host: { openExternal: async () => undefined, writeClipboard: () => undefined },
      keychainService: `PortDeskDangling-${randomUUID()}`,
    });
  });

  afterEach(async () => {
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a default account that does not exist, and stores nothing', async () => {
    const before = await dispatchInvoke(core.handlers, 'getSettings', {});
    const answer = await dispatchInvoke(core.handlers, 'updateSettings', {
      defaultAccountId: randomUUID(),
      theme: 'dark',
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'not_found', fields: [{ field: 'defaultAccountId' }] },
    });
    expect(await dispatchInvoke(core.handlers, 'getSettings', {})).toEqual(before);
    // Clearing the default is still allowed.
    const cleared = await dispatchInvoke(core.handlers, 'updateSettings', {
      defaultAccountId: null,
    });
    expect(cleared).toMatchObject({ ok: true, data: { defaultAccountId: null } });
  });

  it('refuses to sync an account that does not exist, and starts no sync', async () => {
    const before = await dispatchInvoke(core.handlers, 'getSyncStatus', {});
    const answer = await dispatchInvoke(core.handlers, 'syncNow', { accountId: randomUUID() });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'not_found', fields: [{ field: 'accountId' }] },
    });
    expect(await dispatchInvoke(core.handlers, 'getSyncStatus', {})).toEqual(before);
  });
});

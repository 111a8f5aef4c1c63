import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type PortdeskCore } from '../../../main/core/app';
import { dispatchInvoke } from '../../../main/host/ipc/dispatch';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import { BILL_TRANSPORT_MAX_BYTES } from '../../../shared/ipc';
import { largePdf } from '../porting/billBytes';

/**
 * A refused bill, sent the way the renderer sends it (through dispatchInvoke, which every host's
 * IPC wrapper calls, to the real core's handlers): the agent reads why in words that name the
 * file, on the `bytes` field, rather than the contract's generic refusal.
 */
let dir: string;
let simulator: RunningSimulator;
let core: PortdeskCore;
let accountId: string;
let draftId: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portdesk-bill-refusals-'));
  simulator = await startSimulator({ seed: 'bill-refusals' });
  core = await createCore({
    dataDir: dir,
    keychainService: `PortDesk-test-${randomUUID()}`,
    host: { openExternal: async () => undefined, writeClipboard: () => undefined },
    twilioEndpoints: { baseUrl: simulator.url, uploadBaseUrl: simulator.uploadUrl },
  });
  const { accountSid, apiKeySid, apiKeySecret } = simulator.credentials;
  accountId = (
    await core.handlers.addAccount({
      label: 'Acme porting',
      accountSid,
      credential: { kind: 'api_key', keySid: apiKeySid, secret: apiKeySecret },
    })
  ).id;
  draftId = (await core.handlers.createDraft({ accountId })).id;
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

describe('a refused bill through the IPC wrapper', () => {
  it('over 10 MB: too_large, naming the file and its size on the bytes field', async () => {
    const answer = await dispatchInvoke(core.handlers, 'attachBill', {
      draftId,
      name: 'bill.pdf',
      bytes: largePdf(12.4),
    });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('too_large');
    expect(answer.error.message).toMatch(/^“bill\.pdf” is 12\.4 MB; the limit is 10 MB\./);
    expect(answer.error.fields).toEqual([{ field: 'bytes', message: answer.error.message }]);
  });

  it('empty: unsupported_file, naming the file', async () => {
    const answer = await dispatchInvoke(core.handlers, 'attachBill', {
      draftId,
      name: 'C:\\fakepath\\scan.pdf',
      bytes: new Uint8Array(0),
    });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'unsupported_file',
        message: expect.stringMatching(/^“scan\.pdf” is empty \(0 bytes\)/),
        fields: [{ field: 'bytes' }],
      },
    });
  });

  it('above the transport cap: refused by the contract before the use case sees it', async () => {
    const answer = await dispatchInvoke(core.handlers, 'attachBill', {
      draftId,
      name: 'archive.pdf',
      bytes: new Uint8Array(BILL_TRANSPORT_MAX_BYTES + 1),
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ field: 'bytes' }] },
    });
    if (!answer.ok) expect(answer.error.message).toContain('at most 10 MB');
    const draft = await core.handlers.getDraft({ draftId });
    expect(draft.bill).toBeNull();
  });
});

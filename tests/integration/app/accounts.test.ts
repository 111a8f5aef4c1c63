import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect } from 'vitest';
import { createVault } from '../../../main/core/vault';
import type { RunningSimulator } from '../../../main/simulator';
import { IpcCommandError } from '../../../shared/ipc';
import { coreTest } from '../../fixtures/coreWithSimulator';

/** Every byte PortDesk wrote under its data folder (database, WAL, bills). */
async function everythingWritten(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      parts.push((await readFile(join(entry.parentPath, entry.name))).toString('latin1'));
  }
  return parts.join('\n');
}

async function rejection(promise: Promise<unknown>): Promise<IpcCommandError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IpcCommandError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('accounts through the core', () => {
  const it = coreTest.scoped({ setup: { simulator: { seed: 'accounts' } } });
  const logged: string[] = [];
  const originalConsole = { log: console.log, error: console.error, warn: console.warn };

  // Before the core is built (fixtures come after the hooks), so everything it logs is caught.
  beforeEach(() => {
    logged.length = 0;
    for (const level of ['log', 'error', 'warn'] as const) {
      console[level] = (...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      };
    }
  });

  afterEach(() => {
    Object.assign(console, originalConsole);
  });

  const credential = (sim: RunningSimulator) => ({
    kind: 'api_key' as const,
    keySid: sim.credentials.apiKeySid,
    secret: sim.credentials.apiKeySecret,
  });

  it('keeps the secret in the keychain only: never in the database, its WAL, the logs or a view', async ({
    core,
    sim,
    dataDir,
    keychainService,
  }) => {
    const view = await core.handlers.addAccount({
      label: 'Acme',
      accountSid: sim.credentials.accountSid,
      credential: credential(sim),
    });
    expect(view.maskedKeySid).toBe(`SK…${sim.credentials.apiKeySid.slice(-4)}`);
    await core.syncNow(view.id);

    const stored = await createVault({ service: keychainService }).readSecret(view.id);
    expect(stored?.reveal()).toBe(sim.credentials.apiKeySecret);

    const secret = sim.credentials.apiKeySecret;
    expect(await everythingWritten(dataDir)).not.toContain(secret);
    expect(logged.join('\n')).not.toContain(secret);
    expect(JSON.stringify(await core.handlers.listAccounts({}))).not.toContain(secret);
    expect(JSON.stringify(await core.handlers.getSyncStatus({}))).not.toContain(secret);
    await createVault({ service: keychainService }).deleteSecret(view.id);
  });

  it('refuses a wrong secret in words that name the fields, and saves nothing', async ({
    core,
    sim,
  }) => {
    const error = await rejection(
      core.handlers.addAccount({
        label: 'Acme',
        accountSid: sim.credentials.accountSid,
        credential: { ...credential(sim), secret: 'definitely-not-the-secret' },
      }),
    );
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(/did not accept this API key SID and secret/);
    expect(error.fields?.map((f) => f.field)).toEqual(['credential.keySid', 'credential.secret']);
    expect(error.message).not.toContain('definitely-not-the-secret');
    expect(await core.handlers.listAccounts({})).toEqual([]);
  });

  it('says when Twilio cannot be reached, and saves nothing', async ({ core, sim }) => {
    await sim.close();
    const error = await rejection(
      core.handlers.addAccount({
        label: 'Acme',
        accountSid: sim.credentials.accountSid,
        credential: credential(sim),
      }),
    );
    expect(error.code).toBe('offline');
    expect(error.message).toMatch(/could not reach Twilio/);
    expect(await core.handlers.listAccounts({})).toEqual([]);
  });

  it('refuses the same Twilio account twice', async ({ core, sim }) => {
    await core.handlers.addAccount({
      label: 'Acme',
      accountSid: sim.credentials.accountSid,
      credential: credential(sim),
    });
    const error = await rejection(
      core.handlers.addAccount({
        label: 'Acme again',
        accountSid: sim.credentials.accountSid,
        credential: credential(sim),
      }),
    );
    expect(error.code).toBe('conflict');
    expect(error.fields?.[0]?.field).toBe('accountSid');
  });

  it('renames, then removes only after confirmation — keychain entry and local data go with it', async ({
    core,
    sim,
    keychainService,
  }) => {
    const view = await core.handlers.addAccount({
      label: 'Acme',
      accountSid: sim.credentials.accountSid,
      credential: credential(sim),
    });
    expect(
      (await core.handlers.renameAccount({ accountId: view.id, label: 'Acme West' })).label,
    ).toBe('Acme West');
    await core.handlers.createDraft({ accountId: view.id });

    const unconfirmed = await rejection(
      core.handlers.removeAccount({ accountId: view.id, confirmationToken: 'guess' }),
    );
    expect(unconfirmed.code).toBe('conflict');
    expect(await core.handlers.listAccounts({})).toHaveLength(1);

    const preview = await core.handlers.prepareRemoveAccount({ accountId: view.id });
    expect(preview).toMatchObject({ label: 'Acme West', draftCount: 1 });
    await core.handlers.removeAccount({
      accountId: view.id,
      confirmationToken: preview.confirmationToken,
    });

    expect(await core.handlers.listAccounts({})).toEqual([]);
    expect(await core.handlers.listDrafts({})).toEqual([]);
    expect(await createVault({ service: keychainService }).readSecret(view.id)).toBeNull();
  });

  it('rotates the secret only after testing the new one', async ({
    core,
    sim,
    keychainService,
  }) => {
    const view = await core.handlers.addAccount({
      label: 'Acme',
      accountSid: sim.credentials.accountSid,
      credential: credential(sim),
    });
    const refused = await rejection(
      core.handlers.rotateAccountSecret({
        accountId: view.id,
        credential: { ...credential(sim), secret: 'wrong-secret-value' },
      }),
    );
    expect(refused.code).toBe('unauthorized');
    const vault = createVault({ service: keychainService });
    expect((await vault.readSecret(view.id))?.reveal()).toBe(sim.credentials.apiKeySecret);

    await core.handlers.rotateAccountSecret({ accountId: view.id, credential: credential(sim) });
    expect((await vault.readSecret(view.id))?.reveal()).toBe(sim.credentials.apiKeySecret);
    await vault.deleteSecret(view.id);
  });
});

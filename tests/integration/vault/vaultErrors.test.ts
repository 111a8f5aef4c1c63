import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  createVault,
  KeychainError,
  KeychainUnavailableError,
  Secret,
  type KeychainBackend,
} from '../../../main/core/vault';

const SECRET = 'sk-live-0123456789abcdef0123456789abcdef';

/** A backend whose native layer fails with `message`, echoing the password it was given. */
function failingBackend(message: (password: string) => string): KeychainBackend {
  const fail = (password = ''): never => {
    const native = new Error(message(password));
    native.cause = new Error(`inner: ${password}`);
    throw native;
  };
  return {
    getPassword: async () => fail(),
    setPassword: async (_service, _account, password) => fail(password),
    deletePassword: async () => fail(),
  };
}

async function saveError(backend: KeychainBackend, platform: NodeJS.Platform): Promise<unknown> {
  return createVault({ service: 'PortDesk', backend, platform })
    .saveSecret('acct-1', SECRET)
    .then(
      () => new Error('saveSecret resolved although the backend failed'),
      (error: unknown) => error,
    );
}

function everythingPrintable(error: unknown): string {
  return [
    String(error),
    error instanceof Error ? error.stack : '',
    inspect(error, { depth: 10, showHidden: true }),
    JSON.stringify(error),
  ].join('\n');
}

describe('vault errors', () => {
  it('scrubs a secret the native layer echoed from the message, stack and cause chain', async () => {
    const error = await saveError(
      failingBackend((password) => `Platform failure: could not store "${password}"`),
      'linux',
    );

    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(everythingPrintable(error)).not.toContain(SECRET);
    expect((error as KeychainError).detail).toBe('could not store "[redacted]"');
    expect((error as KeychainError).cause).toBeUndefined();
  });

  it('keeps the secret out of errors the vault does not recognise too', async () => {
    const error = await saveError(
      failingBackend((password) => `Something odd with ${password} happened`),
      'linux',
    );

    expect(error).toBeInstanceOf(KeychainError);
    expect(error).not.toBeInstanceOf(KeychainUnavailableError);
    expect((error as Error).message).toContain('The keychain refused the request.');
    expect(everythingPrintable(error)).not.toContain(SECRET);
  });

  it('says to unlock the keychain when storage access was refused', async () => {
    const error = await saveError(
      failingBackend(() => "Couldn't access platform storage: Secret Service: no result found"),
      'linux',
    );

    expect(error).toMatchObject({ name: 'KeychainUnavailableError', reason: 'locked' });
    expect((error as Error).message).toContain('it is locked or has no default keyring');
  });

  it.each([
    ['darwin', 'macOS Keychain', 'Keychain Access'],
    ['win32', 'Windows Credential Manager', 'Sign in to Windows'],
  ] as const)('words the advice for %s keychains', async (platform, keychain, advice) => {
    const error = await saveError(
      failingBackend(() => 'Platform failure: errSecInteractionNotAllowed'),
      platform,
    );

    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect((error as Error).message).toContain(keychain);
    expect((error as Error).message).toContain(advice);
    expect((error as Error).message).not.toContain('gnome-keyring');
  });

  it('keeps nothing of an undecodable stored item, which may be the secret itself', async () => {
    const vault = createVault({
      backend: failingBackend(() => `Data is not UTF-8 encoded: ${SECRET}`),
      platform: 'linux',
    });
    const error = await vault.readSecret('acct-1').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(KeychainError);
    expect((error as Error).message).toContain('The stored item is not text.');
    expect(everythingPrintable(error)).not.toContain(SECRET);
  });

  it('refuses an empty account key or secret without echoing the secret', async () => {
    const vault = createVault({ backend: failingBackend(() => 'unused'), platform: 'linux' });

    await expect(vault.saveSecret('', SECRET)).rejects.toThrow('accountKey must be a non-empty');
    await expect(vault.saveSecret('acct-1', '')).rejects.toThrow('secret must be a non-empty');
    await expect(vault.readSecret('  ')).rejects.toThrow('accountKey must be a non-empty');
  });

  it('reports unavailability from probe as a reason instead of throwing', async () => {
    const vault = createVault({
      backend: failingBackend(() => 'Platform failure: DBus error: no bus'),
      platform: 'linux',
    });

    const probe = await vault.probe();
    expect(probe.available).toBe(false);
    expect(probe.available ? '' : probe.reason).toContain('Install one — GNOME Keyring');
  });
});

describe('Secret', () => {
  it('prints [redacted] however it is logged or serialised', () => {
    const secret = Secret.from(SECRET);

    expect(String(secret)).toBe('[redacted]');
    expect(`${secret}`).toBe('[redacted]');
    expect(JSON.stringify({ secret })).toBe('{"secret":"[redacted]"}');
    expect(inspect({ secret }, { showHidden: true, depth: 5 })).not.toContain(SECRET);
    expect(secret.reveal()).toBe(SECRET);
  });

  it('refuses empty text', () => {
    expect(() => Secret.from('')).toThrow('secret must be a non-empty string');
  });
});

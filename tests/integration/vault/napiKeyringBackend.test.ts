import { beforeEach, describe, expect, it, vi } from 'vitest';

// Records how the backend builds its entries, without touching any keychain.
const entries = vi.hoisted(() => [] as { service: string; account: string; options: unknown }[]);

vi.mock('@napi-rs/keyring', () => ({
  AsyncEntry: class {
    constructor(service: string, account: string, options: unknown) {
      entries.push({ service, account, options });
    }
    getPassword = async (): Promise<string | null> => null;
    setPassword = async (): Promise<void> => undefined;
    deletePassword = async (): Promise<boolean> => false;
  },
  findCredentialsAsync: async () => [],
}));

const { createNapiKeyringBackend } = await import('../../../main/core/vault');

describe('the @napi-rs/keyring backend', () => {
  beforeEach(() => {
    entries.length = 0;
  });

  it('pins every entry to the Secret Service so Linux never falls back to the kernel keyring', async () => {
    const backend = createNapiKeyringBackend();
    await backend.setPassword('PortDesk', 'acct-1', 'value');
    await backend.getPassword('PortDesk', 'acct-1');
    await backend.deletePassword('PortDesk', 'acct-1');

    expect(entries).toHaveLength(3);
    for (const entry of entries) {
      expect(entry).toEqual({
        service: 'PortDesk',
        account: 'acct-1',
        options: { linux: { store: 'secret-service' } },
      });
    }
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNapiKeyringBackend, createVault, Secret } from '../../../main/core/vault';

// These tests talk to the real Secret Service. CI (.ci/run) starts a private D-Bus session with an
// unlocked gnome-keyring; locally:
//   export XDG_DATA_HOME=$(mktemp -d) XDG_RUNTIME_DIR=$(mktemp -d)
//   dbus-run-session -- sh -c 'printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx vitest run tests/integration/vault'
// Without one they fail (never skip), because a vault that was never exercised is not tested.

const backend = createNapiKeyringBackend();
// One service name per run, so parallel runs and earlier crashed runs never see each other's items.
const service = `PortDesk-test-${randomUUID()}`;
const vault = createVault({ service, backend });
let keychainAnswered = false;

beforeAll(async () => {
  const probe = await vault.probe();
  keychainAnswered = probe.available;
  if (!probe.available) {
    throw new Error(
      'The vault tests need a running, unlocked Secret Service (gnome-keyring) on the D-Bus ' +
        'session bus; run them as .ci/run does, inside dbus-run-session. The vault said: ' +
        probe.reason,
    );
  }
});

afterAll(async () => {
  if (!keychainAnswered) return;
  const left = (await backend.findCredentials?.(service)) ?? [];
  await Promise.all(left.map((item) => backend.deletePassword(service, item.account)));
});

describe('the vault on the real Secret Service', () => {
  it('reads back the secret it saved, and nothing after it is deleted', async () => {
    const secret = `sk-secret-${randomUUID()}`;
    await vault.saveSecret('acct-roundtrip', secret);

    const read = await vault.readSecret('acct-roundtrip');
    expect(read?.reveal()).toBe(secret);

    expect(await vault.deleteSecret('acct-roundtrip')).toBe(true);
    expect(await vault.readSecret('acct-roundtrip')).toBeNull();
  });

  it('stores the secret under the service and account key, so keytar-style callers find it', async () => {
    const secret = `sk-secret-${randomUUID()}`;
    await vault.saveSecret('acct-keytar', Secret.from(secret));

    expect(await backend.getPassword(service, 'acct-keytar')).toBe(secret);
    expect(await backend.findCredentials?.(service)).toContainEqual({
      account: 'acct-keytar',
      password: secret,
    });
    await vault.deleteSecret('acct-keytar');
  });

  it('overwrites the secret when a key is rotated, keeping one item per account', async () => {
    await vault.saveSecret('acct-rotate', 'first-secret-value');
    await vault.saveSecret('acct-rotate', 'second-secret-value');

    expect((await vault.readSecret('acct-rotate'))?.reveal()).toBe('second-secret-value');
    const items = (await backend.findCredentials?.(service)) ?? [];
    expect(items.filter((item) => item.account === 'acct-rotate')).toHaveLength(1);
    await vault.deleteSecret('acct-rotate');
  });

  it('answers null for an account that has no secret, and false when deleting it', async () => {
    expect(await vault.readSecret('acct-never-saved')).toBeNull();
    expect(await vault.deleteSecret('acct-never-saved')).toBe(false);
  });

  it('keeps the secrets of different accounts apart', async () => {
    await vault.saveSecret('acct-a', 'secret-of-a');
    await vault.saveSecret('acct-b', 'secret-of-b');
    await vault.deleteSecret('acct-a');

    expect(await vault.readSecret('acct-a')).toBeNull();
    expect((await vault.readSecret('acct-b'))?.reveal()).toBe('secret-of-b');
    await vault.deleteSecret('acct-b');
  });

  it('leaves no probe item behind', async () => {
    expect(await vault.probe()).toEqual({ available: true });
    const items = (await backend.findCredentials?.(service)) ?? [];
    expect(items.filter((item) => item.account.startsWith('portdesk-probe-'))).toEqual([]);
  });
});

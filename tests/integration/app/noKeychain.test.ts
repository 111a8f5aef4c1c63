import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortdeskCore } from '../../../main/core/app';
import { createVault } from '../../../main/core/vault';
import { createCoreWithDemo } from '../../../main/demo';
import { DEMO_CREDENTIALS_FILE } from '../../../main/demo/demoCredentials';
import { dispatchInvoke } from '../../../main/host/ipc/dispatch';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';

// A machine with no Secret Service: the session bus points nowhere and there is no display to
// autolaunch one. Vitest runs each file in its own process, and the keyring connects on first
// use, so this holds for every keychain call in this file (the probe below proves it).
const scratch = await mkdtemp(join(tmpdir(), 'portdesk-nokeychain-'));
process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join(scratch, 'no-such-bus')}`;
delete process.env.DISPLAY;
delete process.env.WAYLAND_DISPLAY;

describe('first run on a machine without an OS keychain (issue 11 §3)', () => {
  let sim: RunningSimulator;
  let core: PortdeskCore;
  const keychainService = `PortDeskNoKeychain-${randomUUID()}`;
  const open = async () => {
    const opened = await createCoreWithDemo({
      dataDir: join(scratch, 'data'),
      host: { openExternal: async () => undefined, writeClipboard: () => undefined },
      keychainService,
      twilioEndpoints: { baseUrl: sim.url, uploadBaseUrl: sim.uploadUrl },
      syncTiming: { initialSkewMs: 0 },
    });
    await opened.start();
    return opened;
  };

  beforeAll(async () => {
    sim = await startSimulator({ seed: 'no-keychain' });
    core = await open();
  });

  afterAll(async () => {
    await core.close();
    await sim.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('really has no keychain here', async () => {
    const probe = await createVault({ service: keychainService }).probe();
    expect(probe.available).toBe(false);
  });

  it('explores the demo anyway: the demo account syncs and shows requests', async () => {
    const demo = await dispatchInvoke(core.handlers, 'startDemo', {});
    expect(demo).toMatchObject({ ok: true });
    if (!demo.ok) return;
    await core.syncNow(demo.data.id);
    const list = await dispatchInvoke(core.handlers, 'listRequests', {});
    expect(list.ok && list.data.total).toBeGreaterThan(0);
  });

  it('carries on after a restart even when the demo credentials file was lost', async () => {
    const dataDir = join(scratch, 'data');
    await core.close();
    await rm(join(dataDir, DEMO_CREDENTIALS_FILE));
    core = await open();
    const demo = await dispatchInvoke(core.handlers, 'startDemo', {});
    expect(demo).toMatchObject({ ok: true });
    if (!demo.ok) return;
    // The same account: a fresh secret opens our own simulator, and the file is back (0600).
    await core.syncNow(demo.data.id);
    const status = await dispatchInvoke(core.handlers, 'getSyncStatus', {});
    expect(status.ok && status.data.accounts).toEqual([
      expect.objectContaining({ state: 'idle', message: null, lastSuccessAt: expect.any(String) }),
    ]);
    expect((await stat(join(dataDir, DEMO_CREDENTIALS_FILE))).mode & 0o777).toBe(0o600);
  });

  it('tells an agent adding a real account what is missing, calmly, and saves nothing', async () => {
    const before = await dispatchInvoke(core.handlers, 'listAccounts', {});
    const answer = await dispatchInvoke(core.handlers, 'addAccount', {
      label: 'Acme porting',
      accountSid: sim.credentials.accountSid,
      credential: {
        kind: 'api_key',
        keySid: sim.credentials.apiKeySid,
        secret: sim.credentials.apiKeySecret,
      },
    });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('keychain_unavailable');
    const words = answer.error.message;
    expect(words).toContain('Secret Service');
    expect(words).toMatch(/gnome-keyring/);
    expect(words).toMatch(/KWallet/);
    expect(words).toContain('not saved anywhere');
    // No raw D-Bus text, no internal account id, no secret.
    expect(words).not.toMatch(/dbus|no-such-bus|autolaunch|X11|unix:path/i);
    expect(words).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(words).not.toContain(sim.credentials.apiKeySecret);
    expect(await dispatchInvoke(core.handlers, 'listAccounts', {})).toEqual(before);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type PortdeskCore } from '../../../main/core/app';
import { createVault } from '../../../main/core/vault';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import type { DataChangedView } from '../../../shared/views';

const DAY = 86_400_000;

describe('an account whose server clock runs ahead, through the core', () => {
  let sim: RunningSimulator;
  let core: PortdeskCore;
  let dataDir: string;
  let changes: DataChangedView[];
  const keychainService = `PortDeskTest-clock-${process.pid}-${Math.random().toString(16).slice(2)}`;

  beforeEach(async () => {
    sim = await startSimulator({ seed: 'account-clock' });
    dataDir = await mkdtemp(join(tmpdir(), 'portdesk-clock-'));
    core = await createCore({
      dataDir,
      host: { openExternal: async () => undefined, writeClipboard: () => undefined },
      keychainService,
      twilioEndpoints: { baseUrl: sim.url, uploadBaseUrl: sim.uploadUrl },
      syncTiming: { initialSkewMs: 0 },
    });
    changes = [];
    core.on('onDataChanged', (change) => changes.push(change));
    await core.start();
  });

  afterEach(async () => {
    const leftovers = await core.handlers.listAccounts({});
    await core.close();
    const vault = createVault({ service: keychainService });
    for (const account of leftovers) await vault.deleteSecret(account.id);
    await sim.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** The clock's own refresh: accounts only (adding or renaming one also says 'requests'). */
  const clockRefreshes = () =>
    changes.filter((change) => change.kinds.length === 1 && change.kinds[0] === 'accounts');

  async function addAccount() {
    return core.handlers.addAccount({
      label: 'Acme',
      accountSid: sim.credentials.accountSid,
      credential: {
        kind: 'api_key',
        keySid: sim.credentials.apiKeySid,
        secret: sim.credentials.apiKeySecret,
      },
    });
  }

  it('shows the offset on the account once a sync heard the server, and tells the renderer', async () => {
    sim.control.advance(20 * DAY);
    const added = await addAccount();
    expect(added.clockOffsetMs).toBe(0);

    await core.syncNow(added.id);

    const [view] = await core.handlers.listAccounts({});
    expect(Math.abs((view?.clockOffsetMs ?? 0) - 20 * DAY)).toBeLessThanOrEqual(5_000);
    expect(clockRefreshes()).toHaveLength(1);
  });

  it('keeps 0 and stays quiet for a server whose clock agrees with ours', async () => {
    const added = await addAccount();
    await core.syncNow(added.id);
    const [view] = await core.handlers.listAccounts({});
    expect(Math.abs(view?.clockOffsetMs ?? 0)).toBeLessThanOrEqual(1_000);
    expect(clockRefreshes()).toEqual([]);
  });
});

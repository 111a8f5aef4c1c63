import { describe, expect } from 'vitest';
import type { PortdeskCore } from '../../../main/core/app';
import type { RunningSimulator } from '../../../main/simulator';
import { RequestListQuerySchema } from '../../../shared/ipc';
import type { DataChangedView } from '../../../shared/views';
import { coreTest } from '../../fixtures/coreWithSimulator';

const DAY = 86_400_000;

describe('an account whose server clock runs ahead, through the core', () => {
  // Started by each test, after it listens: the offset's first announcement must not be missed.
  const it = coreTest.scoped({ setup: { simulator: { seed: 'account-clock' }, start: false } });
  let changes: DataChangedView[];

  async function listening(core: PortdeskCore): Promise<void> {
    changes = [];
    core.on('onDataChanged', (change) => changes.push(change));
    await core.start();
  }

  /** The clock's own refresh: accounts only (adding or renaming one also says 'requests'). */
  const clockRefreshes = () =>
    changes.filter((change) => change.kinds.length === 1 && change.kinds[0] === 'accounts');

  async function addAccount(core: PortdeskCore, sim: RunningSimulator) {
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

  it('shows the offset on the account once a sync heard the server, and tells the renderer', async ({
    core,
    sim,
  }) => {
    await listening(core);
    sim.control.advance(20 * DAY);
    const added = await addAccount(core, sim);
    expect(added.clockOffsetMs).toBe(0);

    await core.syncNow(added.id);

    const [view] = await core.handlers.listAccounts({});
    expect(Math.abs((view?.clockOffsetMs ?? 0) - 20 * DAY)).toBeLessThanOrEqual(5_000);
    expect(clockRefreshes()).toHaveLength(1);
  });

  it('keeps 0 and stays quiet for a server whose clock agrees with ours', async ({ core, sim }) => {
    await listening(core);
    const added = await addAccount(core, sim);
    await core.syncNow(added.id);
    const [view] = await core.handlers.listAccounts({});
    expect(Math.abs(view?.clockOffsetMs ?? 0)).toBeLessThanOrEqual(1_000);
    expect(clockRefreshes()).toEqual([]);
  });

  it('counts the tray badge’s ageing on the account’s clock, as the list does', async ({
    core,
    sim,
  }) => {
    await listening(core);
    // The demo's In Progress request without a port date was created 15 days before our now;
    // 20 days on, it is 35 days old on the simulator's clock, the clock its creation date is on.
    sim.control.seed({ demo: true });
    sim.control.advance(20 * DAY);
    await core.handlers.updateSettings({ ageingDays: 30 });
    const added = await addAccount(core, sim);
    await core.syncNow(added.id);

    const list = await core.handlers.listRequests(RequestListQuerySchema.parse({}));
    expect(list.facets.byAttention.no_port_date).toBe(1);
    expect(core.attentionCount()).toBe(list.facets.needsAttention);
  });
});

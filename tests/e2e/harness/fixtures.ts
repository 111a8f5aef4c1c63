import { test as base } from '@playwright/test';
import type { PortdeskCore } from '../../../main/core/app/portdeskCore';
import type { DemoCoreOptions } from '../../../main/demo';
import { HarnessHost, type CoreFactory } from './harnessHost';

export { expect } from '@playwright/test';

/**
 * The real core, loaded on first use: a spec that swaps in a fake core never loads the database,
 * keychain and sync engine (nor fails with them).
 */
export async function realCore(options: DemoCoreOptions): Promise<PortdeskCore> {
  const { createCoreWithDemo } = await import('../../../main/demo');
  return createCoreWithDemo(options);
}

/** Which core a spec runs against. An object, because Playwright reads a bare function option as a fixture. */
export interface CoreChoice {
  create: CoreFactory;
  /** Test seams passed to the core (demo clock speed, sync timings, clock). */
  options?: Partial<Pick<DemoCoreOptions, 'demoAcceleration' | 'syncTiming' | 'now' | 'popups'>>;
}

/**
 * `portdesk`: one PortDesk per test — its own data folder, keychain service, simulator and real
 * core with demo mode (`createCoreWithDemo`) — wired to the built renderer in the test's page. A spec can swap in a fake
 * core with `test.use({ core: { create: async () => createFakeCore() } })`.
 */
export const test = base.extend<{ core: CoreChoice; portdesk: HarnessHost }>({
  core: [{ create: realCore }, { option: true }],
  portdesk: async ({ page, core }, use, testInfo) => {
    const host = await HarnessHost.launch(page, core.create, testInfo, core.options);
    try {
      await use(host);
    } finally {
      await host.close();
    }
  },
});

import { test as base } from '@playwright/test';
import { createFakeCore } from './fakeCore';
import { HarnessHost, type CoreFactory } from './harnessHost';

export { expect } from '@playwright/test';

/** Which core a spec runs against. An object, because Playwright reads a bare function option as a fixture. */
export interface CoreChoice {
  create: CoreFactory;
}

/**
 * `portdesk`: one PortDesk per test — its own data folder, keychain service and core (and, with
 * the real core, its own demo simulator) — wired to the built renderer in the test's page.
 * Specs choose the core with `test.use({ core: { create } })`.
 */
export const test = base.extend<{ core: CoreChoice; portdesk: HarnessHost }>({
  core: [{ create: async () => createFakeCore() }, { option: true }],
  portdesk: async ({ page, core }, use, testInfo) => {
    const host = await HarnessHost.launch(page, core.create, testInfo);
    try {
      await use(host);
    } finally {
      await host.close();
    }
  },
});

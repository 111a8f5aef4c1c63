import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/helpers/chromium';

/**
 * UI tests of the renderer against the fake bridge (tests/fixtures/fakeBridge.ts), in Debian's
 * Chromium. Not the end-to-end suite (playwright.config.ts): no main process, no simulator.
 * Run: npm run test:ui. Screenshots land in test-results/ui/.
 */
export default defineConfig({
  testDir: 'tests/ui',
  testMatch: '*.spec.ts',
  outputDir: 'test-results/ui-artifacts',
  globalSetup: './tests/ui/globalSetup.ts',
  fullyParallel: true,
  // Generous: axe runs in both themes on every screen, and build machines are shared.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: 'test-results/ui.json' }]]
    : [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1360, height: 860 },
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
});

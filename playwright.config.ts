import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/helpers/chromium';

/**
 * The end-to-end suite (ARCHITECTURE §10, docs/shell.md): the built renderer in Debian's
 * Chromium, wired to the real core in the test process. `_electron` specs under
 * tests/e2e/electron run where an Electron binary exists and are skipped (with the reason) where
 * it does not. Renderer-only UI tests with a fake bridge use playwright.ui.config.ts instead.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/harness/globalSetup.ts',
  // Not test-results/ itself: Playwright empties its output folder, and the other suites'
  // reports and the step screenshots (test-results/e2e) live beside it.
  outputDir: 'test-results/playwright-artifacts',
  // Generous: CI machines are small and shared. Specs wait for UI states, never for time.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  workers: process.env.PORTDESK_E2E_WORKERS ? Number(process.env.PORTDESK_E2E_WORKERS) : 2,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
});

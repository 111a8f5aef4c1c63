import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type ElectronApplication } from '@playwright/test';
import { demoSmokeFlow } from '../flows/demoSmoke';
import { SCREENSHOT_ROOT } from '../harness/paths';
import { ensureElectronBuild, launchPortDesk, mainWindow, newUserDataDir } from './electronApp';
import { electronMissingReason, requireOrSkip } from './electronBinary';

/**
 * The smoke flow in the real Electron window: main process, preload, app:// protocol, IPC. Runs
 * where Electron's binary (and better-sqlite3 built for Electron, docs/shell.md) exist; elsewhere
 * each test is reported as skipped with the reason.
 */
requireOrSkip(test, electronMissingReason());

let app: ElectronApplication;
let userData: string;

test.beforeAll(ensureElectronBuild);

test.beforeEach(async () => {
  userData = await newUserDataDir();
  app = await launchPortDesk(userData);
});

test.afterEach(async () => {
  await app?.close();
  await rm(userData, { recursive: true, force: true });
});

test('Electron: start → demo mode → requests → timeline → the new status, live', async () => {
  const window = await mainWindow(app);
  expect(window.url()).toBe('app://portdesk/index.html');
  let shot = 0;
  await demoSmokeFlow(window, {
    screenshot: (step) => {
      shot += 1;
      return window.screenshot({
        path: join(
          SCREENSHOT_ROOT,
          'electron-smoke',
          `${String(shot).padStart(2, '0')}-${step.replace(/\W+/g, '-')}.png`,
        ),
      });
    },
    syncNow: () => window.getByRole('button', { name: 'Sync now' }).click(),
  });
});

test('Electron: the window is locked down', async () => {
  const window = await mainWindow(app);
  const exposed = await window.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    bridge: Object.keys((globalThis as unknown as { portdesk: object }).portdesk).length,
  }));
  expect(exposed).toEqual({
    require: 'undefined',
    process: 'undefined',
    bridge: expect.any(Number),
  });
  // Served by our app:// handler (it writes the CSP nonce), and the network is closed to the page.
  expect(await window.locator('meta[property="csp-nonce"]').count()).toBe(1);
  const fetched = await window.evaluate(async () => {
    try {
      await fetch('https://example.com/');
      return 'reached';
    } catch {
      return 'blocked';
    }
  });
  expect(fetched).toBe('blocked');
  // Navigation away is refused: the window stays on our page.
  await window.evaluate(() => {
    (globalThis as unknown as { location: { href: string } }).location.href =
      'https://example.com/';
  });
  await expect.poll(() => window.url()).toBe('app://portdesk/index.html');
});

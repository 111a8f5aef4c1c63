import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { demoSmokeFlow } from '../flows/demoSmoke';
import { PROJECT_ROOT, SCREENSHOT_ROOT } from '../harness/paths';
import { electronBinary, NO_ELECTRON_REASON } from './electronBinary';

/**
 * The smoke flow in the real Electron window: main process, preload, app:// protocol, IPC. Runs
 * where Electron's binary (and better-sqlite3 built for Electron, docs/shell.md) exist; elsewhere
 * each test is reported as skipped with the reason.
 */
const binary = electronBinary();
const sqliteForElectron = join(PROJECT_ROOT, 'native', 'electron', 'better_sqlite3.node');

test.skip(binary === null, NO_ELECTRON_REASON);
test.skip(
  binary !== null && !existsSync(sqliteForElectron),
  'better-sqlite3 is not built for Electron on this machine (native/electron/better_sqlite3.node, see docs/shell.md)',
);

let app: ElectronApplication;
let userData: string;

test.beforeAll(() => {
  // main and preload are not built by the harness's global setup (it needs only the renderer).
  const build = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('electron-vite build failed');
});

test.beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'portdesk-electron-'));
  app = await electron.launch({
    executablePath: binary ?? '',
    args: [PROJECT_ROOT],
    env: {
      ...process.env,
      PORTDESK_USER_DATA_DIR: userData,
      PORTDESK_KEYCHAIN_SERVICE: `PortDesk-e2e-${randomUUID()}`,
      PORTDESK_DEMO_ACCELERATION: '60',
    },
  });
});

test.afterEach(async () => {
  await app?.close();
  await rm(userData, { recursive: true, force: true });
});

test('Electron: start → demo mode → requests → timeline → the new status, live', async () => {
  const window = await app.firstWindow();
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
  const window = await app.firstWindow();
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

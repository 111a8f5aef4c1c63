import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type ElectronApplication } from '@playwright/test';
import { webPreferencesFor } from '../../../main/shell/security/webPreferences';
import {
  PRELOAD_PATH,
  ensureElectronBuild,
  launchPortDesk,
  mainWindow,
  newUserDataDir,
  secondLaunch,
} from './electronApp';
import { electronMissingReason, requireOrSkip } from './electronBinary';

/**
 * What only Electron can show about the window (docs/security.md, "What cannot be verified
 * without Electron's binary"): the webPreferences as Electron applied them, app:// under the
 * CSP, IPC with its sender check, the single-instance lock and the saved bounds.
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

test('the window opens with the secure webPreferences, as Electron reports them', async () => {
  const window = await mainWindow(app);
  const reported = await app.evaluate(({ BrowserWindow, app: electronApp }) => {
    const [browserWindow] = BrowserWindow.getAllWindows();
    const contents = browserWindow?.webContents as
      | { getLastWebPreferences?: () => Record<string, unknown>; getOSProcessId(): number }
      | undefined;
    const pid = contents?.getOSProcessId();
    const metrics = electronApp.getAppMetrics().find((metric) => metric.pid === pid);
    return {
      // Undocumented but long-lived; where a future Electron drops it, the checks below remain.
      preferences: contents?.getLastWebPreferences?.() ?? null,
      // `sandboxed` is reported on macOS and Windows only.
      sandboxed: metrics?.sandboxed ?? null,
    };
  });
  // Unpackaged (this run): devtools on; everything else exactly as the shell asked.
  const { preload, ...expected } = webPreferencesFor(PRELOAD_PATH, { devTools: true });
  if (reported.preferences !== null) {
    expect(reported.preferences).toMatchObject(expected);
    expect(reported.preferences.preload).toBe(preload);
  }
  if (reported.sandboxed !== null) expect(reported.sandboxed).toBe(true);
  // What the page can see: no Node (nodeIntegration off, context isolated), only the bridge.
  const page = await window.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    bridge: typeof (globalThis as { portdesk?: unknown }).portdesk,
  }));
  expect(page).toEqual({ require: 'undefined', process: 'undefined', bridge: 'object' });
});

test('the renderer loads from app:// under the CSP, with no violation', async () => {
  const window = await mainWindow(app);
  expect(window.url()).toBe('app://portdesk/index.html');
  // Collect violations from the first script on, then load the page again.
  await window.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    type Violation = { violatedDirective: string; blockedURI: string };
    const page = globalThis as unknown as {
      document: { addEventListener(type: string, listener: (event: Violation) => void): void };
    };
    page.document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await window.reload();
  await expect(
    window.getByRole('button', { name: /Explore with the built-in simulator/ }),
  ).toBeVisible();
  const csp = await window.evaluate(async () =>
    (await fetch('/index.html')).headers.get('content-security-policy'),
  );
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(
    await window.evaluate(
      () => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations,
    ),
  ).toEqual([]);
});

test('IPC: a round trip through main, and a window that is not ours is refused', async () => {
  const window = await mainWindow(app);
  type Bridge = {
    updateSettings(p: object): Promise<{ ok: boolean }>;
    getSettings(): Promise<{ ok: boolean; data?: { ageingDays: number } }>;
  };
  const roundTrip = await window.evaluate(async () => {
    const bridge = (globalThis as unknown as { portdesk: Bridge }).portdesk;
    await bridge.updateSettings({ ageingDays: 21 });
    return bridge.getSettings();
  });
  expect(roundTrip).toMatchObject({ ok: true, data: { ageingDays: 21 } });

  // A second window with the same preload on the same origin: not the trusted webContents.
  const opened = app.waitForEvent('window');
  await app.evaluate(({ BrowserWindow }, preload) => {
    const other = new BrowserWindow({
      show: false,
      webPreferences: { preload, sandbox: true, contextIsolation: true },
    });
    void other.loadURL('app://portdesk/index.html');
  }, PRELOAD_PATH);
  const foreign = await opened;
  await foreign.waitForLoadState('load');
  const refused = await foreign.evaluate(() =>
    (globalThis as unknown as { portdesk: Bridge }).portdesk.getSettings(),
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

test('a second launch quits at once and brings the first window back', async () => {
  await mainWindow(app);
  const visible = () =>
    app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()));
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.hide());
  await expect.poll(visible).toEqual([false]);

  const launch = secondLaunch(userData);
  const second = spawn(launch.command, launch.args, { env: launch.env, stdio: 'ignore' });
  const exitCode = await new Promise<number | null>((resolve) => second.on('exit', resolve));
  expect(exitCode).toBe(0);
  await expect.poll(visible).toEqual([true]);
});

test('the window opens where it was left', async () => {
  await mainWindow(app);
  const wanted = { x: 140, y: 100, width: 1024, height: 700 };
  await app.evaluate(({ BrowserWindow }, bounds) => {
    BrowserWindow.getAllWindows()[0]?.setBounds(bounds);
  }, wanted);
  const stateFile = join(userData, 'window-state.json');
  const saved = async () => {
    try {
      return JSON.parse(await readFile(stateFile, 'utf8')) as {
        bounds: { width: number; height: number };
      };
    } catch {
      return null;
    }
  };
  await expect
    .poll(async () => (await saved())?.bounds)
    .toMatchObject({ width: wanted.width, height: wanted.height });
  const before = (await saved())?.bounds;

  await app.close();
  app = await launchPortDesk(userData);
  await mainWindow(app);
  const restored = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()[0]?.getNormalBounds(),
  );
  expect(restored).toEqual(before);
});

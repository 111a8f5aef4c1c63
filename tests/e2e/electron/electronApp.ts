import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { PROJECT_ROOT } from '../harness/paths';
import { electronBinary } from './electronBinary';

export const PRELOAD_PATH = join(PROJECT_ROOT, 'out', 'preload', 'index.cjs');
const BUILT = [join(PROJECT_ROOT, 'out', 'main', 'index.js'), PRELOAD_PATH];
const SOURCES = ['main', 'preload', 'shared', 'renderer'].map((dir) => join(PROJECT_ROOT, dir));

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    0,
  );
}

function buildIsCurrent(): boolean {
  if (!BUILT.every((file) => existsSync(file))) return false;
  const built = Math.min(...BUILT.map((file) => statSync(file).mtimeMs));
  return built >= Math.max(...SOURCES.map(newestMtime));
}

/**
 * main and preload are not built by the harness's global setup (it needs only the renderer):
 * `electron-vite build` once, when out/ is missing or older than the sources. Several workers
 * may ask at once, so one builds under a lock directory and the others wait for it.
 */
export async function ensureElectronBuild(): Promise<void> {
  if (buildIsCurrent()) return;
  const lock = join(PROJECT_ROOT, 'out', '.electron-build.lock');
  mkdirSync(join(PROJECT_ROOT, 'out'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is older than any build takes.
      if (
        Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) >
        10 * 60_000
      ) {
        rmSync(lock, { recursive: true, force: true });
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (buildIsCurrent()) return;
    const build = spawnSync('npx', ['electron-vite', 'build'], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (build.status !== 0) throw new Error('electron-vite build failed');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function newUserDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'portdesk-electron-'));
}

/**
 * Launches PortDesk (the built out/main) in Electron with its own data folder — the
 * single-instance lock is per folder, so parallel tests do not collide — its own keychain
 * service and the test hooks on (main/shell/testHooks.ts).
 */
export function launchPortDesk(
  userData: string,
  env: Record<string, string> = {},
): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: electronBinary() ?? '',
    args: [PROJECT_ROOT],
    env: {
      ...process.env,
      PORTDESK_USER_DATA_DIR: userData,
      PORTDESK_KEYCHAIN_SERVICE: `PortDesk-e2e-${randomUUID()}`,
      PORTDESK_DEMO_ACCELERATION: '60',
      PORTDESK_E2E_HOOKS: '1',
      ...env,
    },
  });
}

/** The PortDesk window, once its page has loaded. */
export async function mainWindow(app: ElectronApplication): Promise<Page> {
  const window = await app.firstWindow();
  await window.waitForLoadState('load');
  return window;
}

/** The arguments to launch a second PortDesk by hand, as a person would (no Playwright). */
export function secondLaunch(userData: string): {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
} {
  return {
    command: electronBinary() ?? '',
    args: [PROJECT_ROOT],
    env: { ...process.env, PORTDESK_USER_DATA_DIR: userData },
  };
}

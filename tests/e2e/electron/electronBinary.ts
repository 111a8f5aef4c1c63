import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TestType } from '@playwright/test';
import { PROJECT_ROOT } from '../harness/paths';

/**
 * Electron's binary, found the way scripts/start.mjs finds it (node_modules/electron/path.txt,
 * honouring ELECTRON_OVERRIDE_DIST_PATH), or null where it was never downloaded.
 */
export function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const packageDir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const relative = readFileSync(pathFile, 'utf8').trim();
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const full = override ? join(override, relative) : join(packageDir, 'dist', relative);
    return existsSync(full) ? full : null;
  } catch {
    return null;
  }
}

export const NO_ELECTRON_REASON = 'Electron binary not installed on this machine';

/** better-sqlite3 built for Electron's ABI (docs/shell.md; CI: .github/scripts/build-electron-sqlite.mjs). */
export const SQLITE_FOR_ELECTRON = join(PROJECT_ROOT, 'native', 'electron', 'better_sqlite3.node');

/** Why PortDesk cannot run in Electron on this machine, or null when it can. */
export function electronMissingReason(): string | null {
  if (electronBinary() === null) return NO_ELECTRON_REASON;
  if (!existsSync(SQLITE_FOR_ELECTRON)) {
    return 'better-sqlite3 is not built for Electron on this machine (native/electron/better_sqlite3.node, see docs/shell.md)';
  }
  return null;
}

/**
 * Skips the spec file's tests with their one-line reason where a piece is missing — except where
 * `PORTDESK_REQUIRE_ELECTRON=1` (CI's workflow, which installs Electron): there a missing piece
 * fails every test, because a skip would be a green run that tested nothing.
 */
export function requireOrSkip(test: TestType<object, object>, reason: string | null): void {
  if (reason === null) return;
  if (process.env.PORTDESK_REQUIRE_ELECTRON === '1') {
    test.beforeEach(() => {
      throw new Error(`${reason}, and PORTDESK_REQUIRE_ELECTRON=1 says it must be here`);
    });
    return;
  }
  test.skip(true, reason);
}

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

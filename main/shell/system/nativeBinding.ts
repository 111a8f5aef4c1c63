import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3's binding built for Electron's ABI, when one was put beside the app for
 * `npm start` (docs/shell.md: node_modules keeps the Node build the tests need). Undefined in a
 * packaged app, where electron-builder rebuilt node_modules' own binding for Electron.
 */
export function electronSqliteBinding(
  appPath: string,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  const candidate = join(appPath, 'native', 'electron', 'better_sqlite3.node');
  return exists(candidate) ? candidate : undefined;
}

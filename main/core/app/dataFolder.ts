import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The data folder and PortDesk's own folders in it: private to the agent's OS user. */
export const PRIVATE_FOLDER_MODE = 0o700;
/** Every file PortDesk creates there: the database holds PINs, account numbers, addresses. */
export const PRIVATE_FILE_MODE = 0o600;
/** PortDesk's own subfolders whose files are repaired too (Chromium's, in Electron, are not). */
const OWN_SUBFOLDERS = ['bills', 'logs'];

/**
 * Creates the data folder 0700, or repairs it (and the files PortDesk keeps there) when a
 * looser umask or an older version left them readable by others (issue 12 item 2). Runs at
 * every start, in every host, before the database opens. Symbolic links are left alone.
 */
export function securePrivateFolder(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  tighten(dataDir, PRIVATE_FOLDER_MODE);
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    const path = join(dataDir, entry.name);
    if (entry.isFile()) tighten(path, PRIVATE_FILE_MODE);
    else if (entry.isDirectory() && OWN_SUBFOLDERS.includes(entry.name)) {
      tighten(path, PRIVATE_FOLDER_MODE);
      for (const inner of readdirSync(path, { withFileTypes: true })) {
        if (inner.isFile()) tighten(join(path, inner.name), PRIVATE_FILE_MODE);
      }
    }
  }
}

/**
 * Creates an empty private file if there is none, so what opens it next (SQLite) never creates
 * it under the process umask. SQLite gives its -wal and -shm files the database file's mode.
 */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  tighten(file, PRIVATE_FILE_MODE);
}

/** Removes permission bits beyond `mode`; never widens. Windows ignores modes (ACLs apply). */
function tighten(path: string, mode: number): void {
  if (process.platform === 'win32') return;
  try {
    const current = lstatSync(path).mode & 0o777;
    if ((current & ~mode) !== 0) chmodSync(path, current & mode);
  } catch {
    // Gone meanwhile, or not ours to change: the folder's own 0700 still protects it.
  }
}

import { readFile, rename, writeFile } from 'node:fs/promises';
import type { SavedWindowState } from './windowBounds';

/** Reads the saved window state; anything unreadable counts as "nothing saved". */
export async function readWindowState(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export async function writeWindowState(file: string, state: SavedWindowState): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  // 0600 like every file in the data folder (docs/security.md), whatever the umask.
  await writeFile(temporary, `${JSON.stringify(state)}\n`, { encoding: 'utf8', mode: 0o600 });
  await rename(temporary, file);
}

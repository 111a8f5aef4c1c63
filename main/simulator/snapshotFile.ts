import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { SimulatorSnapshot } from './api';
import { parseSnapshot } from './snapshot';

/**
 * Writes a snapshot so that the file on disk is always either the previous complete snapshot or
 * the new one, never half of one: write a temporary file beside it, fsync it, rename it over the
 * old one, then fsync the folder so the rename itself survives a power cut. Returns the bytes
 * written.
 */
export async function writeSnapshotFile(
  file: string,
  snapshot: SimulatorSnapshot,
): Promise<number> {
  const text = JSON.stringify(snapshot);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(file));
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Reads a saved snapshot. No file → null. A file that is not JSON, not a snapshot, or of a
 * version this code does not know is moved aside (kept for a person to look at), reported in one
 * line through `log`, and null is returned: the caller starts a fresh world. Never throws.
 */
export async function readSnapshotFile(
  file: string,
  log: (line: string) => void,
): Promise<SimulatorSnapshot | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    log(`Simulator snapshot ${file} could not be read (${errorText(error)}); starting fresh`);
    return null;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    await setSnapshotAside(file, `not JSON: ${errorText(error)}`, log);
    return null;
  }
  const checked = parseSnapshot(raw);
  if (!checked.ok) {
    await setSnapshotAside(file, checked.problem, log);
    return null;
  }
  return checked.snapshot;
}

/**
 * Renames an unusable snapshot to `<name>.bad-<time>` beside it and logs one line saying why.
 * Returns the new path, or null when even the rename failed (then the file is left in place and
 * the next save overwrites it).
 */
export async function setSnapshotAside(
  file: string,
  reason: string,
  log: (line: string) => void,
): Promise<string | null> {
  // No ':' in the name: Windows does not allow it.
  const aside = `${file}.bad-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    await rename(file, aside);
  } catch (error) {
    log(
      `Simulator snapshot ${file} is unusable (${reason}) and could not be moved aside (${errorText(error)}); starting fresh`,
    );
    return null;
  }
  log(
    `Simulator snapshot ${basename(file)} is unusable (${reason}); kept as ${basename(aside)}, starting fresh`,
  );
  return aside;
}

/** Best effort: Windows cannot open a folder for fsync, and some file systems refuse it. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The rename is still atomic; only its durability across a power cut is weaker.
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

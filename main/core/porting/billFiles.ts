import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The local copies of bills: `<dataDir>/bills/<sha256>`, one file per content. The same file
 * attached twice (to one draft or to several) is stored once. Files hold customer data, so they
 * are readable by the user only.
 */
export function billsFolder(dataDir: string): string {
  return join(dataDir, 'bills');
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}

/**
 * Writes to a temporary name, flushes, then renames: a crash leaves either no file or the whole
 * file under its final name, never half a bill behind a valid-looking name.
 */
export async function storeBillFile(
  dataDir: string,
  bytes: Uint8Array,
): Promise<{ sha256: string; path: string }> {
  const sha256 = sha256Of(bytes);
  const folder = billsFolder(dataDir);
  const path = join(folder, sha256);
  if ((await sizeOf(path)) === bytes.byteLength) return { sha256, path };
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const temporary = join(folder, `.${sha256}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  return { sha256, path };
}

export function billFileExists(path: string): boolean {
  return existsSync(path);
}

/** Best effort: a file that cannot be removed now is only disk space. */
export async function removeBillFile(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

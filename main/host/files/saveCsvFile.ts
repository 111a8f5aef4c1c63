import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { CsvFile } from '../../core/porting';
import { writableSink } from './writableSink';

/**
 * Writes an export to `path` through a temporary file beside it, renamed into place when
 * complete: a failed or interrupted export never leaves half a file where the agent expects a
 * whole one, nor replaces an older good copy. The file is 0600 like every file PortDesk writes
 * (docs/security.md): it holds customer names. Resolves with the data rows written.
 */
export async function saveCsvFile(file: CsvFile, path: string): Promise<number> {
  const partial = `${path}.partial`;
  const stream = createWriteStream(partial, { mode: 0o600, flags: 'w' });
  try {
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    const rows = await file.write(writableSink(stream));
    await new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      stream.end(() => resolve());
    });
    await rename(partial, path);
    return rows;
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

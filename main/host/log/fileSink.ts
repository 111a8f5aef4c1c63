import { chmodSync, createWriteStream, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LogLevel } from './logger';

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Appends log lines to `<dir>/<name>` (and echoes them to the console). A file over 5 MB at
 * start is moved to `<name>.1`, so logs never grow without bound. Lines arrive already redacted.
 */
export function fileLogSink(
  dir: string,
  name = 'main.log',
): (line: string, level: LogLevel) => void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, name);
  try {
    if (statSync(file).size > MAX_BYTES) renameSync(file, `${file}.1`);
  } catch {
    // No file yet.
  }
  // Private to the agent, also when an earlier version or a looser umask left them readable.
  repairMode(dir, 0o700);
  repairMode(file, 0o600);
  const stream = createWriteStream(file, { flags: 'a', mode: 0o600 });
  stream.on('error', () => undefined);
  return (line, level) => {
    stream.write(`${line}\n`);
    if (level === 'error') console.error(line);
    else console.log(line);
  };
}

function repairMode(path: string, mode: number): void {
  if (process.platform === 'win32') return;
  try {
    const current = statSync(path).mode & 0o777;
    if ((current & ~mode) !== 0) chmodSync(path, current & mode);
  } catch {
    // Not created yet (the stream creates the file 0600).
  }
}

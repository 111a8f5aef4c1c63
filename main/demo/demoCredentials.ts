import { randomBytes } from 'node:crypto';
import { open, readFile, rename } from 'node:fs/promises';
import { z } from 'zod';

/** The demo account's credentials, beside the demo world in the data folder (0600). */
export const DEMO_CREDENTIALS_FILE = 'demo-credentials.json';

export interface DemoCredentials {
  accountSid: string;
  apiKeySid: string;
  apiKeySecret: string;
}

const DemoCredentialsSchema = z.object({
  accountSid: z.string().regex(/^AC[0-9a-f]{32}$/),
  apiKeySid: z.string().regex(/^SK[0-9a-f]{32}$/),
  apiKeySecret: z.string().min(16).max(200),
});

/**
 * Demo credentials open only the built-in simulator on 127.0.0.1: they are not secrets, so they
 * are kept in a file (mode 0600, like everything in the data folder) instead of the OS keychain,
 * and demo mode works on a machine that has none (docs/demo-mode.md).
 */
export async function readDemoCredentials(file: string): Promise<DemoCredentials | null> {
  try {
    const parsed = DemoCredentialsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written whole (temporary file, fsync, rename), so a crash never leaves half of it. */
export async function writeDemoCredentials(
  file: string,
  credentials: DemoCredentials,
): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(credentials)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

/** A fresh secret for an existing demo account whose earlier one is lost (it opens only ours). */
export function freshDemoSecret(): string {
  return randomBytes(24).toString('base64url');
}

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/**
 * Opens the renderer in the system's Chromium as an app window (`--app`: no tabs, no address
 * bar, so it looks and behaves like the desktop window), with its own profile under the data
 * folder so it never mixes with the agent's browsing. Falls back to the system's URL opener.
 * Returns how it opened, or null when nothing could (the caller prints the URL either way).
 */
export function openInBrowser(url: string, profileDir: string): string | null {
  const chromium = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (chromium) {
    detach(chromium, [
      `--app=${url}`,
      `--user-data-dir=${profileDir}`,
      '--no-first-run',
      '--no-default-browser-check',
    ]);
    return chromium;
  }
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    detach(opener, [url]);
    return opener;
  } catch {
    return null;
  }
}

/** Opens an already-vetted link (the LOA page) in the agent's usual browser. */
export function openExternally(url: string): void {
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  detach(opener, [url]);
}

function detach(command: string, args: string[]): void {
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
}

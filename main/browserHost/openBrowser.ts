import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export interface OpenedWindow {
  /** What opened it: the Chromium binary or the system's URL opener. */
  opener: string;
  /** The throw-away Chromium profile, when Chromium opened it. */
  profileDir: string | null;
  /** Stops the Chromium we started and deletes its profile (no history outlives a launch). */
  close(): Promise<void>;
  /**
   * Why the window did not open, in a few words, when the browser failed at once (binary
   * missing, no display, sandbox refusal: it exits non-zero within seconds); null when it runs.
   */
  failed: Promise<string | null>;
}

/** How long a browser that has not failed yet is taken to have opened. */
const EARLY_FAILURE_MS = 5_000;

/**
 * Why no window can open here, before trying: on Linux and the BSDs a GUI needs X11 or Wayland,
 * and without either Chromium only prints errors (issue 11 §3). Null when one may open.
 */
export function whyNoWindow(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | null {
  if (platform === 'darwin' || platform === 'win32') return null;
  return env.DISPLAY || env.WAYLAND_DISPLAY ? null : 'this session has no display';
}

export function findChromium(): string | null {
  return CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

/**
 * Opens the renderer in the system's Chromium as an app window (`--app`: no tabs, no address
 * bar, so it looks and behaves like the desktop window), in a fresh profile in a private temp
 * folder that is deleted when the host closes: the launch address (a one-time code, never the
 * token) and the tab's session storage do not outlive the launch, and nothing mixes with the
 * agent's browsing. Falls back to the system's URL opener. Null when nothing could open it.
 */
export function openInBrowser(
  url: string,
  options: { chromium?: string | null; extraArgs?: string[] } = {},
): OpenedWindow | null {
  const chromium = options.chromium === undefined ? findChromium() : options.chromium;
  if (chromium) {
    const profileDir = mkdtempSync(join(tmpdir(), 'portdesk-chromium-'));
    const child = detach(chromium, [
      `--user-data-dir=${profileDir}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-sync',
      ...(options.extraArgs ?? []),
      `--app=${url}`,
    ]);
    return {
      opener: chromium,
      profileDir,
      close: () => stopAndClean(child, profileDir),
      failed: earlyFailure(child, 'Chromium'),
    };
  }
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = detach(opener, [url]);
    return {
      opener,
      profileDir: null,
      close: async () => undefined,
      failed: earlyFailure(child, `no Chromium found, and ${opener}`),
    };
  } catch {
    return null;
  }
}

/** A reason when the process could not start or exited with an error within a few seconds. */
function earlyFailure(child: ChildProcess, what: string): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), EARLY_FAILURE_MS);
    timer.unref();
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code === 'ENOENT' ? `${what} is not installed` : `${what} could not start`);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code === 0 ? null : `${what} stopped at once (${signal ?? `exit code ${code}`})`);
    });
  });
}

/** Opens an already-vetted link (the LOA page) in the agent's usual browser. */
export function openExternally(url: string): void {
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  detach(opener, [url]);
}

function detach(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
  return child;
}

/** The window is useless once the host has stopped: close it, then remove its profile. */
async function stopAndClean(child: ChildProcess, profileDir: string): Promise<void> {
  const pid = child.pid;
  if (pid !== undefined) {
    // Chromium runs as a group of processes (renderer, GPU, utility); detached gave them a group
    // of their own, so the whole group is stopped, and the profile removed once none is left.
    signalGroup(pid, 'SIGTERM');
    for (let waited = 0; waited < 5_000 && signalGroup(pid, 0); waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    signalGroup(pid, 'SIGKILL');
  }
  rmSync(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

/** True while the group exists (signal 0 only asks). */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, signal);
    return true;
  } catch {
    return false;
  }
}

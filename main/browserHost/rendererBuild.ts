import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the renderer build depends on, relative to the project root. */
const RENDERER_INPUTS = ['renderer', 'shared', 'electron.vite.config.ts', 'package-lock.json'];

/**
 * Whether out/renderer is missing or older than anything it is built from. Modification times
 * are enough here: this is a convenience for development hosts and the test harness, and CI
 * starts from a clean checkout where out/ does not exist.
 */
export function rendererIsStale(projectRoot: string): boolean {
  const built = mtimeOf(join(projectRoot, 'out', 'renderer', 'index.html'));
  if (built === null) return true;
  return RENDERER_INPUTS.some((input) => newestMtime(join(projectRoot, input)) > built);
}

/**
 * Builds only the renderer, with electron.vite.config.ts's own renderer settings (so the bytes
 * are what `npm run build` would produce), in a child process: the build sets NODE_ENV and other
 * globals that must not leak into the caller. Throws when the build fails.
 */
export function buildRenderer(projectRoot: string): void {
  const script = [
    "process.env.NODE_ENV_ELECTRON_VITE = 'production';",
    "const { resolveConfig } = await import('electron-vite');",
    "const { build } = await import('vite');",
    "const resolved = await resolveConfig({}, 'build', 'production');",
    "if (!resolved.config?.renderer) throw new Error('electron.vite.config.ts has no renderer section');",
    'await build(resolved.config.renderer);',
  ].join('\n');
  const result = spawnSync(process.execPath, ['--input-type=module', '--eval', script], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    throw new Error(
      `Building the renderer failed (exit ${result.status ?? result.signal}); see the output above.`,
    );
  }
}

/** Builds the renderer when it is missing or stale; says which it did. */
export function ensureRendererBuilt(projectRoot: string): 'built' | 'up to date' {
  if (!rendererIsStale(projectRoot)) return 'up to date';
  buildRenderer(projectRoot);
  return 'built';
}

function mtimeOf(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

function newestMtime(path: string): number {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

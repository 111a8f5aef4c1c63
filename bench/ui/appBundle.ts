import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from 'electron-vite';
import { build, type InlineConfig, type Rollup } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface AppChunk {
  fileName: string;
  bytes: number;
  /** Loaded before the first module runs: the entry or one of its static imports. */
  initial: boolean;
  /** Pre-minification size per package or renderer folder, largest first. */
  parts: readonly { name: string; bytes: number }[];
}

export interface AppBundle {
  /** The entry chunk and everything it imports statically (the HTML modulepreloads them). */
  initialBytes: number;
  totalBytes: number;
  chunks: readonly AppChunk[];
}

/** node_modules/@scope/pkg/… → "@scope/pkg"; renderer/features/x/… → "renderer/features/x". */
function partOf(id: string): string {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? clean);
  }
  const rel = clean.startsWith(root) ? clean.slice(root.length) : clean;
  const segments = rel.split('/');
  if (segments[0] === 'renderer' && segments[1] === 'features')
    return segments.slice(0, 3).join('/');
  if (segments[0] === 'renderer' && segments[1] === 'store' && segments.length > 3)
    return segments.slice(0, 3).join('/');
  return segments.length > 2 ? segments.slice(0, 2).join('/') + '/' + segments.at(-1) : rel;
}

/**
 * electron.vite.config.ts's renderer section as `electron-vite build` resolves it (production,
 * minified, optimize-locales plugin, its lazy chunks). Resolving sets NODE_ENV: callers restore it.
 */
export async function appRendererConfig(): Promise<InlineConfig> {
  const resolved = await resolveConfig(
    { configFile: resolve(root, 'electron.vite.config.ts'), logLevel: 'warn' },
    'build',
    'production',
  );
  const renderer = resolved.config?.renderer;
  if (!renderer) throw new Error('electron.vite.config.ts has no renderer section.');
  return renderer;
}

/**
 * Builds the app's renderer exactly as `electron-vite build` does (electron.vite.config.ts's
 * renderer section, production, minified) without writing it, and says which chunks the first
 * view loads. The UI bench's host bundle also carries the fake bridge; this is the app's own.
 */
export async function analyseAppBundle(): Promise<AppBundle> {
  const previousNodeEnv = process.env.NODE_ENV;
  try {
    const renderer = await appRendererConfig();
    const output = (await build({
      ...renderer,
      logLevel: 'warn',
      build: { ...renderer.build, write: false, emptyOutDir: false },
    })) as Rollup.RollupOutput | Rollup.RollupOutput[];
    const outputs = Array.isArray(output) ? output : [output];
    const chunks = outputs.flatMap((o) =>
      o.output.filter((c): c is Rollup.OutputChunk => c.type === 'chunk'),
    );
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    const initial = new Set<string>();
    const visit = (name: string): void => {
      if (initial.has(name)) return;
      initial.add(name);
      for (const imported of byName.get(name)?.imports ?? []) visit(imported);
    };
    for (const c of chunks) if (c.isEntry) visit(c.fileName);
    const described = chunks.map((c): AppChunk => {
      const parts = new Map<string, number>();
      for (const [id, info] of Object.entries(c.modules)) {
        const name = partOf(id);
        parts.set(name, (parts.get(name) ?? 0) + info.renderedLength);
      }
      return {
        fileName: c.fileName,
        bytes: Buffer.byteLength(c.code),
        initial: initial.has(c.fileName),
        parts: [...parts]
          .map(([name, bytes]) => ({ name, bytes }))
          .sort((a, b) => b.bytes - a.bytes),
      };
    });
    described.sort((a, b) => Number(b.initial) - Number(a.initial) || b.bytes - a.bytes);
    return {
      initialBytes: described.filter((c) => c.initial).reduce((s, c) => s + c.bytes, 0),
      totalBytes: described.reduce((s, c) => s + c.bytes, 0),
      chunks: described,
    };
  } finally {
    if (previousNodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previousNodeEnv;
  }
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** `npx tsx bench/ui/appBundle.ts [--all]`: what each chunk of the app's build holds. */
async function cli(): Promise<void> {
  const all = process.argv.includes('--all');
  const bundle = await analyseAppBundle();
  console.log(`initial JS ${kib(bundle.initialBytes)} of ${kib(bundle.totalBytes)}`);
  for (const chunk of bundle.chunks) {
    if (!all && !chunk.initial) continue;
    console.log(
      `\n${chunk.initial ? '[initial]' : '[lazy]   '} ${chunk.fileName} ${kib(chunk.bytes)}`,
    );
    for (const part of chunk.parts.slice(0, all ? 40 : 60)) {
      if (part.bytes < 1024) continue;
      console.log(`  ${kib(part.bytes).padStart(10)}  ${part.name}`);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  cli().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

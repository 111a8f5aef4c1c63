import { build, type Rolldown } from 'vite';

/**
 * Bundles a page script (the browser host's bootstrap, the test harness's bridge) into one
 * classic, self-contained IIFE: it must run from a plain <script src> or an init script, before
 * the renderer's module bundle, under `script-src 'self'`. Returned as text, never written.
 */
export async function bundlePageScript(entry: string): Promise<string> {
  // Vite sets NODE_ENV for its build; the caller's process (a host, a test runner) keeps its own.
  const nodeEnv = process.env.NODE_ENV;
  try {
    return await bundle(entry);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      reportCompressedSize: false,
      lib: { entry, formats: ['iife'], name: 'PortdeskPageScript', fileName: () => 'page.js' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  for (const output of outputs) {
    for (const chunk of output.output ?? []) {
      if (chunk.type === 'chunk' && chunk.isEntry) return chunk.code;
    }
  }
  throw new Error(`Bundling ${entry} produced no script`);
}

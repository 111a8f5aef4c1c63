import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const configFile = fileURLToPath(new URL('../../tests/ui/host/vite.config.ts', import.meta.url));

/**
 * Its own folder, not the UI tests' test-results/ui-host: `npm run test:ui` empties that one
 * when it builds, and may be running at the same time.
 */
export const BENCH_HOST_OUT_DIR = resolve(
  fileURLToPath(new URL('../../test-results/bench-ui-host', import.meta.url)),
);

/** A string only React's development build carries (a key warning; production has none). */
const REACT_DEV_ONLY = 'Each child in a list should have a unique';
/** Production React throws minified errors that point here. */
const REACT_PROD_ONLY = 'react.dev/errors/';

export interface ServedHost {
  url: string;
  /** Size of the JavaScript the page loads, in bytes. */
  scriptBytes: number;
  close(): Promise<void>;
}

function scriptsOf(outDir: string): { text: string; bytes: number } {
  const assets = join(outDir, 'assets');
  let text = '';
  let bytes = 0;
  for (const name of readdirSync(assets)) {
    if (!name.endsWith('.js')) continue;
    const body = readFileSync(join(assets, name), 'utf8');
    text += body;
    bytes += Buffer.byteLength(body);
  }
  return { text, bytes };
}

/**
 * Every figure would measure React's dev checks instead of the app if its development build
 * ended up in the bundle: throws then. Returns the folder's scripts.
 */
export function refuseReactDevBuild(outDir: string): { text: string; bytes: number } {
  const scripts = scriptsOf(outDir);
  if (scripts.text.includes(REACT_DEV_ONLY) || !scripts.text.includes(REACT_PROD_ONLY)) {
    throw new Error(
      `The bench page in ${outDir} was built with React's development build; the figures would be meaningless.`,
    );
  }
  return scripts;
}

/**
 * Builds the UI test host (the renderer plus the fake bridge) the way a release is built —
 * mode production, NODE_ENV production, minified — and serves the built files on a free
 * loopback port. Refuses to go on if React's development build ended up in the bundle: every
 * figure would then measure React's dev checks instead of the app.
 */
export async function serveProductionHost(): Promise<ServedHost> {
  const previousNodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: BENCH_HOST_OUT_DIR, emptyOutDir: true, minify: true, sourcemap: false },
    });
  } finally {
    if (previousNodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previousNodeEnv;
  }
  const { bytes } = refuseReactDevBuild(BENCH_HOST_OUT_DIR);
  const server = await preview({
    configFile,
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: BENCH_HOST_OUT_DIR },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The bench host did not report its URL.');
  return {
    url,
    scriptBytes: bytes,
    close: async () => {
      await server.close();
    },
  };
}

/**
 * Serves a UI host built earlier (another revision's `vite build -c tests/ui/host/vite.config.ts`
 * output), for bench:ui's `--baseline-host`: the same pages measured side by side in one run.
 */
export async function servePrebuiltHost(outDir: string): Promise<ServedHost> {
  const { bytes } = scriptsOf(outDir);
  const server = await preview({
    configFile,
    mode: 'production',
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The baseline host did not report its URL.');
  return { url, scriptBytes: bytes, close: () => server.close() };
}

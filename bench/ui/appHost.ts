import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { appRendererConfig } from './appBundle';
import { refuseReactDevBuild } from './host';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Its own folder: the UI tests and the host bench write theirs elsewhere. */
const APP_PAGE_OUT_DIR = resolve(root, 'test-results/bench-ui-app');
const FAKE_SCRIPT = 'portdesk-fake.js';

/** The tags of the app's built index.html that load its code and styles. */
interface AppTag {
  tag: 'script' | 'link';
  attributes: [string, string][];
}

export interface ServedAppPage {
  url: string;
  /** The app's JS the page requests before anything runs: the entry and its modulepreloads. */
  initialScripts: readonly string[];
  fakeScriptBytes: number;
  close(): Promise<void>;
}

const LOADING_TAG = /<(script|link)\b([^>]*)>(?:\s*<\/script>)?\s*/g;
const ATTRIBUTE = /([\w-]+)(?:="([^"]*)")?/g;

/** Takes the app's script, modulepreload and stylesheet tags out of its index.html. */
function takeLoadingTags(html: string): { rest: string; tags: AppTag[] } {
  const tags: AppTag[] = [];
  const rest = html.replace(LOADING_TAG, (whole, tag: 'script' | 'link', raw: string) => {
    const attributes = [...raw.matchAll(ATTRIBUTE)].map((m): [string, string] => [
      m[1] ?? '',
      m[2] ?? '',
    ]);
    const value = (name: string) => attributes.find(([n]) => n === name)?.[1];
    const loads =
      (tag === 'script' && value('type') === 'module') ||
      (tag === 'link' && ['modulepreload', 'stylesheet'].includes(value('rel') ?? ''));
    if (!loads) return whole;
    tags.push({ tag, attributes });
    return '';
  });
  return { rest, tags };
}

/**
 * The page's end: the fake bridge as a classic script (it blocks the parser, so it has run, data
 * generated, before anything of the app is asked for), then the app's own tags appended in their
 * order. The app's code is requested at the mark, after the fake: nothing of the app is fetched
 * or compiled while the fake runs, and nothing of the fake is fetched or compiled after it.
 * At the body's end, so #root is parsed before the app's module can run.
 */
function pageEnd(tags: readonly AppTag[]): string {
  const loader = `
      performance.mark('portdesk-app:requested');
      for (const { tag, attributes } of ${JSON.stringify(tags)}) {
        const element = document.createElement(tag);
        for (const [name, value] of attributes) element.setAttribute(name, value);
        document.head.appendChild(element);
      }`;
  return `    <script src="./${FAKE_SCRIPT}"></script>\n    <script>${loader}\n    </script>\n  </body>`;
}

/**
 * bench:ui's page for the first row: the app's renderer as `electron-vite build` chunks it
 * (electron.vite.config.ts), and the UI test host's fake bridge (tests/ui/host/installFake.ts)
 * built apart by Vite as one classic script that runs before the app's code is requested. In
 * the app the preload is a small bridge and main answers from another process; here the fake's
 * code (zod, libphonenumber-js, its seed generator) stays out of the app's chunks and out of
 * the time from the app's request to its first row.
 */
export async function serveAppWithFake(): Promise<ServedAppPage> {
  const previousNodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const renderer = await appRendererConfig();
    await build({
      ...renderer,
      logLevel: 'warn',
      build: { ...renderer.build, outDir: APP_PAGE_OUT_DIR, emptyOutDir: true },
    });
    await build({
      configFile: false,
      mode: 'production',
      logLevel: 'warn',
      // Library mode leaves process.env alone; zod and the fake's deps read NODE_ENV.
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir: APP_PAGE_OUT_DIR,
        emptyOutDir: false,
        copyPublicDir: false,
        minify: true,
        lib: {
          entry: resolve(root, 'tests/ui/host/installFake.ts'),
          formats: ['iife'],
          name: 'portdeskFakeBridge',
          fileName: () => FAKE_SCRIPT,
        },
      },
    });
  } finally {
    if (previousNodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previousNodeEnv;
  }
  refuseReactDevBuild(APP_PAGE_OUT_DIR);
  const indexFile = join(APP_PAGE_OUT_DIR, 'index.html');
  const { rest, tags } = takeLoadingTags(readFileSync(indexFile, 'utf8'));
  if (!tags.some((t) => t.tag === 'script')) {
    throw new Error(`bench: no module script in the app's ${indexFile}`);
  }
  writeFileSync(indexFile, rest.replace(/\s*<\/body>/, `\n${pageEnd(tags)}`));
  const initialScripts = tags.flatMap(({ tag, attributes }) => {
    const href = attributes.find(([n]) => n === (tag === 'script' ? 'src' : 'href'))?.[1];
    const isScript =
      tag === 'script' || attributes.some(([n, v]) => n === 'rel' && v === 'modulepreload');
    return href && isScript ? [href.replace(/^\.\//, '')] : [];
  });
  const server = await preview({
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: APP_PAGE_OUT_DIR },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The bench app page did not report its URL.');
  return {
    url,
    initialScripts,
    fakeScriptBytes: statSync(join(APP_PAGE_OUT_DIR, FAKE_SCRIPT)).size,
    close: () => server.close(),
  };
}

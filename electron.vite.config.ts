import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import optimizeLocales from '@react-aria/optimize-locales-plugin';

const root = dirname(fileURLToPath(import.meta.url));
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  version: string;
};

// One build for the three processes. The layout is ARCHITECTURE §2's (main/, preload/, renderer/),
// not electron-vite's default src/ tree, so every entry is named here.
export default defineConfig({
  main: {
    // Only the version reaches the bundle (main/core/twilio/portDeskVersion.ts), not package.json.
    define: { __PORTDESK_VERSION__: JSON.stringify(version) },
    build: {
      outDir: 'out/main',
      // Native and Node-only packages stay in node_modules (asar-unpacked by electron-builder).
      externalizeDeps: true,
      rolldownOptions: { input: { index: resolve(root, 'main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require node_modules or be an ES module: bundle it into one CJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [
      react(),
      // PortDesk speaks en-US only (docs/ui.md): react-aria's strings for ~30 other locales were
      // most of the bundle and are parsed at every window load.
      { ...optimizeLocales.vite({ locales: ['en-US'] }), enforce: 'pre' },
    ],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves bundles unminified; the renderer is parsed at every window load.
      minify: true,
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});

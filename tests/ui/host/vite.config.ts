import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import optimizeLocales from '@react-aria/optimize-locales-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
export const UI_HOST_OUT_DIR = resolve(here, '../../../test-results/ui-host');

/**
 * The renderer as the UI tests see it: the same renderer/main.tsx, with the fake bridge
 * installed first by this folder's index.html. The production build (electron.vite.config.ts)
 * never sees this file, so the fake cannot end up in the app.
 */
export default defineConfig({
  root: here,
  base: './',
  // As the app's build (electron.vite.config.ts): react-aria's strings for en-US only, so the
  // UI tests and bench:ui load the bundle the app ships.
  plugins: [react(), { ...optimizeLocales.vite({ locales: ['en-US'] }), enforce: 'pre' }],
  logLevel: 'warn',
  build: { outDir: UI_HOST_OUT_DIR, emptyOutDir: true, sourcemap: true },
});

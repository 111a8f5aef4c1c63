import { build, preview } from 'vite';
import { fileURLToPath } from 'node:url';

const configFile = fileURLToPath(new URL('./host/vite.config.ts', import.meta.url));

/**
 * Builds the UI test host once and serves it on a free loopback port; the URL reaches the
 * workers through PORTDESK_UI_URL. Returns the teardown that stops the server.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  await build({ configFile, logLevel: 'warn' });
  const server = await preview({
    configFile,
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The UI test host did not report its URL.');
  process.env.PORTDESK_UI_URL = url;
  return async () => {
    await server.close();
  };
}

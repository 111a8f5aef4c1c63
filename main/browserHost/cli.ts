/**
 * `npm run start:browser` — PortDesk without Electron: the core in this Node process, the
 * renderer in the system's Chromium, the bridge over loopback (docs/shell.md). Runs until
 * Ctrl+C. `--help` lists the options. Like main/index.ts, this is a composition root: the one
 * file of the browser host that composes demo mode in (main/demo).
 */
import { fileURLToPath } from 'node:url';
import { createCoreWithDemo } from '../demo';
import { parseBrowserHostArgs, runBrowserHost, type BrowserHostArgs } from './runBrowserHost';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

async function main(): Promise<void> {
  let args: BrowserHostArgs;
  try {
    args = parseBrowserHostArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
    return;
  }
  const host = await runBrowserHost({ args, projectRoot, createCore: createCoreWithDemo });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`PortDesk: ${signal}, closing`);
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('PortDesk: closing failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(
    `PortDesk could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});

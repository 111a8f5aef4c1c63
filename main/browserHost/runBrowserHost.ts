import { mkdir, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { IpcCommandError } from '../../shared/ipc';
import type { CoreOptions, PortdeskCore } from '../core/app/portdeskCore';
import { consoleLogger, type Logger } from '../host/log/logger';
import { isAllowedExternalUrl } from '../host/security/externalLinks';
import { watchOnline } from '../host/onlineWatcher';
import { openExternally, openInBrowser, whyNoWindow, type OpenedWindow } from './openBrowser';
import { OneShotDownloads } from './downloads';
import { bundlePageScript } from './pageScripts';
import { ensureRendererBuilt } from './rendererBuild';
import { startBrowserHost } from './server';
import { hasExternalNetwork, watchForResume } from './systemSignals';

const LEGACY_PROFILE_FOLDER = 'browser-host-profile';

export interface BrowserHostArgs {
  port: number;
  dataDir: string;
  open: boolean;
  build: boolean;
  demo: boolean;
  keychainService: string | undefined;
}

export const USAGE = `npm run start:browser -- [--port N] [--data-dir DIR] [--no-open] [--no-build] [--demo] [--keychain-service NAME]

  --port N                 listen on 127.0.0.1:N (default: any free port)
  --data-dir DIR           database and bills (default: the desktop app's folder, ${defaultDataDir()})
  --no-open                only print the address; do not open Chromium
  --no-build               serve out/renderer as it is, even if older than its sources
  --demo                   start demo mode (the built-in simulator) right away
  --keychain-service NAME  keychain service for secrets (default: PortDesk)`;

/** Electron's userData for productName "PortDesk", so both hosts share one data folder. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'PortDesk');
  if (platform === 'win32') {
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'PortDesk');
  }
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'PortDesk');
}

/** Reads the command line; throws an Error whose message says which option is wrong. */
export function parseBrowserHostArgs(argv: string[]): BrowserHostArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-open': { type: 'boolean' },
      'no-build': { type: 'boolean' },
      demo: { type: 'boolean' },
      'keychain-service': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help === true) throw new Error(USAGE);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a whole number from 0 to 65535 (got ${values.port})`);
  }
  return {
    port,
    dataDir: values['data-dir'] ?? defaultDataDir(),
    open: values['no-open'] !== true,
    build: values['no-build'] !== true,
    demo: values.demo === true,
    keychainService: values['keychain-service'],
  };
}

export interface RunningHost {
  /** A fresh one-time address (docs/shell.md). */
  launchUrl(): string;
  close(): Promise<void>;
}

/**
 * The browser host (docs/shell.md): the core in this Node process, the built renderer in the
 * system's Chromium, the bridge over loopback with a per-launch token. For development and for
 * machines without Electron's binary — same renderer, same core, same contract.
 */
export async function runBrowserHost(options: {
  args: BrowserHostArgs;
  projectRoot: string;
  createCore: (options: CoreOptions) => Promise<PortdeskCore>;
  log?: Logger;
}): Promise<RunningHost> {
  const { args, projectRoot } = options;
  const log = options.log ?? consoleLogger();
  if (args.build && ensureRendererBuilt(projectRoot) === 'built')
    log.info('browser host: built the renderer');
  const bootstrapScript = await bundlePageScript(
    join(projectRoot, 'main', 'browserHost', 'page', 'bootstrap.ts'),
  );
  await mkdir(args.dataDir, { recursive: true, mode: 0o700 });
  // Earlier versions kept a Chromium profile here whose History held launch tokens.
  await rm(join(args.dataDir, LEGACY_PROFILE_FOLDER), { recursive: true, force: true });
  const downloads = new OneShotDownloads({ log });
  const core = await options.createCore({
    dataDir: args.dataDir,
    keychainService: args.keychainService,
    logger: log,
    // No native pop-ups here: the page raises them (Web Notifications), once the agent allows.
    popups: 'page',
    host: {
      async openExternal(url) {
        if (!isAllowedExternalUrl(url, { allowDemoLoaPages: true })) {
          log.warn('browser host: refused to open a link that is not a Twilio https page', { url });
          throw new IpcCommandError(
            'forbidden',
            'PortDesk opens only Twilio’s own https pages in your browser, and this link is not one.',
          );
        }
        console.log(`PortDesk: opening ${url}`);
        openExternally(url);
      },
      writeClipboard() {
        // The page writes its own clipboard in this host (page/bootstrap.ts); main has none.
        throw new IpcCommandError('internal', 'The browser host has no clipboard of its own.');
      },
      saveFile: async (file) => downloads.offer(file),
    },
  });
  const stopNotices = core.onNotice((notice) => {
    // Kept beside the page's pop-ups: it is all there is when the page is closed or blocks them.
    if (!notice.silent) console.log(`PortDesk notice: ${notice.title} — ${notice.body}`);
  });
  const server = await startBrowserHost({
    core,
    rendererRoot: join(projectRoot, 'out', 'renderer'),
    bootstrapScript,
    log,
    port: args.port,
    downloads,
  });
  const online = watchOnline({
    isOnline: hasExternalNetwork,
    onChange: (isOnline) => core.networkChanged(isOnline),
  });
  const stopResume = watchForResume({
    onResume: () => {
      log.info('browser host: the machine woke from sleep');
      online.check();
      core.resumedFromSleep();
    },
  });
  await core.start();
  if (args.demo) {
    const demo = await core.handlers.startDemo({});
    log.info(`browser host: demo mode on (${demo.label})`);
  }
  console.log(`PortDesk is running at ${server.origin}`);
  const printAddress = () =>
    console.log(
      `Open within a minute (it works once): ${server.launchUrl()}${process.stdin.isTTY ? '\nPress Enter for a fresh address.' : ''}`,
    );
  let window: OpenedWindow | null = null;
  const noWindow = args.open ? whyNoWindow() : null;
  if (!args.open) {
    printAddress();
  } else if (noWindow) {
    // Without a display Chromium would only print errors: do not try.
    console.log(`PortDesk: no window opened (${noWindow}); open this address in a browser:`);
    printAddress();
  } else {
    window = openInBrowser(server.launchUrl());
    void (window?.failed ?? Promise.resolve('nothing could open a browser')).then((reason) => {
      if (reason === null) return;
      console.log(`PortDesk: the browser window did not open (${reason}); open this address:`);
      printAddress();
    });
  }
  const stopAddresses = offerFreshAddresses(printAddress);
  return {
    launchUrl: () => server.launchUrl(),
    async close() {
      stopAddresses();
      online.stop();
      stopResume();
      stopNotices();
      await server.close();
      await core.close();
      await window?.close();
    },
  };
}

/** Enter in the terminal prints a fresh one-time address (codes last a minute). */
function offerFreshAddresses(print: () => void): () => void {
  if (!process.stdin.isTTY) return () => undefined;
  const onData = (chunk: Buffer) => {
    if (chunk.includes(10) || chunk.includes(13)) print();
  };
  process.stdin.on('data', onData);
  return () => {
    process.stdin.off('data', onData);
    process.stdin.pause();
  };
}

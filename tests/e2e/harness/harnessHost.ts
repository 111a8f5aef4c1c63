import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import {
  EVENT_METHODS,
  INVOKE_METHODS,
  IpcCommandError,
  eventContract,
  fail,
  invokeContract,
  type EventMethod,
  type InvokeMethod,
} from '../../../shared/ipc';
import type { PortdeskCore } from '../../../main/core/app/portdeskCore';
import type { DemoCoreOptions } from '../../../main/demo';
import { OneShotDownloads } from '../../../main/browserHost/downloads';
import { startBrowserHost, type RunningBrowserHost } from '../../../main/browserHost/server';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import type { AccountView } from '../../../shared/views';
import { dispatchInvoke } from '../../../main/host/ipc/dispatch';
import { reportHandlerFailure } from '../../../main/host/ipc/failureLog';
import { isSameOrigin } from '../../../main/host/ipc/senderCheck';
import { createLogger, type Logger } from '../../../main/host/log/logger';
import { isAllowedExternalUrl } from '../../../main/host/security/externalLinks';
import { BINDING_BRIDGE_SCRIPT, RENDERER_ROOT, SCREENSHOT_ROOT } from './paths';

export type CoreFactory = (options: DemoCoreOptions) => Promise<PortdeskCore>;

export interface CspViolation {
  directive: string;
  blocked: string;
  /** Script and line that caused it, and the first characters of the blocked code. */
  source: string;
  sample: string;
}

interface HostRecords {
  openedLinks: string[];
  clipboard: string[];
  logLines: string[];
  log: Logger;
}

const methodByChannel = new Map<string, InvokeMethod>(
  INVOKE_METHODS.map((method) => [invokeContract[method].channel, method]),
);

/**
 * One PortDesk for one test (ARCHITECTURE §10): the built renderer in Chromium, served under the
 * app's CSP by the browser host's static server (bridge routes off); the preload's createBridge
 * in the page (bindingBridge.ts); the core in this test process with its own data folder and
 * keychain service. Only Electron's IPC is swapped: invokes travel through a Playwright binding
 * (which, like the shell, answers only our page's top frame) and events through page.evaluate.
 */
export class HarnessHost {
  readonly cspViolations: CspViolation[] = [];
  /** Every invoke the page made, in order, with whether it succeeded. */
  readonly invocations: { method: InvokeMethod; ok: boolean }[] = [];
  #shots = 0;
  #unsubscribers: (() => void)[] = [];

  private constructor(
    readonly page: Page,
    readonly core: PortdeskCore,
    readonly dataDir: string,
    readonly server: RunningBrowserHost,
    /**
     * This test's own simulator, standing in for Twilio (the core's `twilioEndpoints` point at
     * it): `simulator.control` advances its clock, signs LOAs, scripts rejections, injects faults.
     * Demo mode runs the core's own built-in simulator beside it.
     */
    readonly simulator: RunningSimulator,
    private readonly records: HostRecords,
    private readonly testInfo: TestInfo,
  ) {}

  /** Links the core asked the host to open (after the same policy check as the shell's). */
  get openedLinks(): readonly string[] {
    return this.records.openedLinks;
  }

  get clipboard(): readonly string[] {
    return this.records.clipboard;
  }

  get log(): Logger {
    return this.records.log;
  }

  static async launch(
    page: Page,
    createCore: CoreFactory,
    testInfo: TestInfo,
    coreOptions: Partial<
      Pick<DemoCoreOptions, 'demoAcceleration' | 'syncTiming' | 'now' | 'popups'>
    > = {},
  ): Promise<HarnessHost> {
    const dataDir = await mkdtemp(join(tmpdir(), 'portdesk-e2e-'));
    // What launch has opened so far, closed again if a later step fails.
    const opened: (() => Promise<unknown>)[] = [
      () => rm(dataDir, { recursive: true, force: true }),
    ];
    try {
      const simulator = await startSimulator({ seed: testInfo.testId });
      opened.push(() => simulator.close());
      const logLines: string[] = [];
      const records: HostRecords = {
        openedLinks: [],
        clipboard: [],
        logLines,
        log: createLogger((line) => logLines.push(line)),
      };
      const { openedLinks, clipboard, log } = records;
      // Exports arrive as the browser host delivers them: a one-time download from our server.
      const downloads = new OneShotDownloads({ log });
      const core = await createCore({
        ...coreOptions,
        dataDir,
        keychainService: `PortDesk-e2e-${randomUUID()}`,
        logger: log,
        twilioEndpoints: { baseUrl: simulator.url, uploadBaseUrl: simulator.uploadUrl },
        host: {
          async openExternal(url) {
            if (!isAllowedExternalUrl(url, { allowDemoLoaPages: true })) {
              throw new IpcCommandError('forbidden', 'Refused by the external link policy');
            }
            openedLinks.push(url);
          },
          writeClipboard(text) {
            clipboard.push(text);
          },
          saveFile: async (file) => downloads.offer(file),
        },
      });
      opened.push(() => core.close());
      const server = await startBrowserHost({
        core,
        rendererRoot: RENDERER_ROOT,
        log,
        downloads,
      });
      opened.push(() => server.close());
      const host = new HarnessHost(page, core, dataDir, server, simulator, records, testInfo);
      await host.#wirePage();
      return host;
    } catch (error) {
      for (const close of opened.reverse()) await close().catch(() => undefined);
      throw error;
    }
  }

  async #wirePage(): Promise<void> {
    const { page, core, server } = this;
    await page.exposeBinding(
      '__portdeskInvoke',
      async (source, channel: unknown, payload: unknown) => {
        // The shell's sender check, in harness form: our page's top frame, on our origin.
        if (source.frame !== page.mainFrame() || !isSameOrigin(source.frame.url(), server.origin)) {
          return { ok: false, error: fail('forbidden', 'Not our frame') };
        }
        const method = typeof channel === 'string' ? methodByChannel.get(channel) : undefined;
        if (method === undefined) {
          return {
            ok: false,
            error: fail('invalid_payload', `Unknown channel ${String(channel)}`),
          };
        }
        const envelope = await dispatchInvoke(
          core.handlers,
          method,
          payload,
          reportHandlerFailure(this.log, 'harness'),
        );
        this.invocations.push({ method, ok: envelope.ok });
        return envelope;
      },
    );
    await page.exposeBinding('__portdeskCspViolation', (_source, violation: CspViolation) => {
      this.cspViolations.push(violation);
    });
    await page.addInitScript(() => {
      // Runs in the page: Node's typecheck has no DOM types, so the few used are named here.
      const page = globalThis as unknown as {
        __portdeskCspViolation(violation: unknown): Promise<void>;
        addEventListener(type: string, listener: (event: unknown) => void): void;
      };
      page.addEventListener('securitypolicyviolation', (event) => {
        const violation = event as {
          violatedDirective: string;
          blockedURI: string;
          sourceFile: string;
          lineNumber: number;
          columnNumber: number;
          sample: string;
        };
        void page.__portdeskCspViolation({
          directive: violation.violatedDirective,
          blocked: violation.blockedURI,
          source: `${violation.sourceFile}:${violation.lineNumber}:${violation.columnNumber}`,
          sample: violation.sample,
        });
      });
    });
    await page.addInitScript({ content: await readFile(BINDING_BRIDGE_SCRIPT, 'utf8') });
    const forward = <E extends EventMethod>(method: E) =>
      core.on(method, (payload) => void this.push(method, payload));
    this.#unsubscribers = EVENT_METHODS.map((method) => forward(method));
  }

  /** Pushes an event to the page the way main does. Lost while no page listens, as in Electron. */
  async push(method: EventMethod, payload: unknown): Promise<void> {
    try {
      await this.page.evaluate(
        ([channel, data]) => {
          const page = globalThis as unknown as {
            __portdeskDeliver?: (channel: string, payload: unknown) => void;
          };
          page.__portdeskDeliver?.(channel, data);
        },
        [eventContract[method].channel, payload] as const,
      );
    } catch {
      // The page is navigating or closed: the event is lost, exactly as a webContents.send would be.
    }
  }

  /** Loads the renderer and starts the core's loops, as the shell does after opening the window. */
  async open(): Promise<void> {
    await this.page.goto(`${this.server.origin}/`);
    await this.core.start();
  }

  /**
   * Adds a "Twilio" account whose API is this test's simulator, through the core as the
   * onboarding form would (the credentials are tested against it first).
   */
  async connectSimulatorAccount(label = 'Acme porting'): Promise<AccountView> {
    const { accountSid, apiKeySid, apiKeySecret } = this.simulator.credentials;
    return this.core.handlers.addAccount({
      label,
      accountSid,
      credential: { kind: 'api_key', keySid: apiKeySid, secret: apiKeySecret },
    });
  }

  /** Tells the core the network went away or came back (the shell's online watcher). */
  setOnline(online: boolean): void {
    this.core.networkChanged(online);
  }

  /** Saves a screenshot of the page under test-results/e2e/<test>/<nn>-<step>.png. */
  async screenshot(step: string): Promise<string> {
    this.#shots += 1;
    const dir = join(SCREENSHOT_ROOT, slug(this.testInfo.titlePath.slice(1).join(' ')));
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${String(this.#shots).padStart(2, '0')}-${slug(step)}.png`);
    await this.page.screenshot({ path, fullPage: false });
    await this.testInfo.attach(step, { path, contentType: 'image/png' });
    return path;
  }

  async close(): Promise<void> {
    for (const unsubscribe of this.#unsubscribers) unsubscribe();
    await this.#removeAccounts();
    await this.core.close();
    await this.server.close();
    await this.simulator.close();
    if (this.testInfo.status === this.testInfo.expectedStatus) {
      await rm(this.dataDir, { recursive: true, force: true });
    } else {
      await this.testInfo.attach('main log', {
        body: this.records.logLines.join('\n') || '(empty)',
      });
      console.log(`harness: kept the data folder of the failed test: ${this.dataDir}`);
    }
  }

  /** Takes each account's secret out of the test keychain, so runs leave nothing behind. */
  async #removeAccounts(): Promise<void> {
    try {
      for (const account of await this.core.handlers.listAccounts({})) {
        const preview = await this.core.handlers.prepareRemoveAccount({ accountId: account.id });
        await this.core.handlers.removeAccount({
          accountId: account.id,
          confirmationToken: preview.confirmationToken,
        });
      }
    } catch {
      // A fake core or a closed keychain: nothing to clean.
    }
  }
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
}

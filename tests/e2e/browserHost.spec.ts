import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { openInBrowser } from '../../main/browserHost/openBrowser';
import { startBrowserHost, type RunningBrowserHost } from '../../main/browserHost/server';
import { createLogger } from '../../main/host/log/logger';
import { createFakeCore, type FakeCore } from './harness/fakeCore';
import { BROWSER_HOST_BOOTSTRAP, RENDERER_ROOT } from './harness/paths';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../helpers/chromium';

/**
 * The browser host as a person starts it (`npm run start:browser`), with a fake core: the built
 * renderer, the bootstrap trading the address's one-time code for the token, the bridge over
 * loopback HTTP.
 */
interface PageBridge {
  portdesk: {
    listAccounts(): Promise<unknown>;
    attachBill(payload: unknown): Promise<unknown>;
    copyToClipboard(payload: unknown): Promise<unknown>;
    onNavigate(listener: (payload: unknown) => void): () => void;
  };
  received: unknown[];
}

let core: FakeCore;
let host: RunningBrowserHost;

test.beforeEach(async () => {
  core = createFakeCore();
  host = await startBrowserHost({
    core,
    rendererRoot: RENDERER_ROOT,
    bootstrapScript: await readFile(BROWSER_HOST_BOOTSTRAP, 'utf8'),
    log: createLogger(() => undefined),
  });
});

test.afterEach(async () => {
  await host.close();
});

test('the page opened with a launch code talks to the core over loopback, events included', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(host.launchUrl());
  await expect(page.locator('#root')).not.toBeEmpty();
  // The code left the address bar at once.
  expect(page.url()).toBe(`${host.origin}/`);
  const answer = await page.evaluate(() =>
    (globalThis as unknown as PageBridge).portdesk.listAccounts(),
  );
  expect(answer).toEqual({ ok: true, data: [] });

  await page.evaluate(() => {
    const page = globalThis as unknown as PageBridge;
    page.received = [];
    page.portdesk.onNavigate((payload) => page.received.push(payload));
  });
  // The stream is up once the host has pushed the sync status it sends on connect.
  await expect
    .poll(() => core.calls.filter((c) => c.method === 'getSyncStatus').length)
    .toBeGreaterThan(0);
  await expect
    .poll(async () => {
      core.emit('onNavigate', { screen: 'outbox' });
      return page.evaluate(() => (globalThis as unknown as PageBridge).received.length);
    })
    .toBeGreaterThan(0);
  expect(await page.evaluate(() => (globalThis as unknown as PageBridge).received[0])).toEqual({
    screen: 'outbox',
  });

  await page.evaluate(() =>
    (globalThis as unknown as PageBridge).portdesk.attachBill({
      draftId: 1,
      name: 'bill.png',
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]),
    }),
  );
  const bill = core.calls.find((call) => call.method === 'attachBill')?.payload as {
    bytes: Uint8Array;
  };
  expect([...bill.bytes]).toEqual([0x89, 0x50, 0x4e, 0x47, 0, 255]);
  expect(violations).toEqual([]);
});

test('a reload keeps working: the token lives on in this tab only', async ({ page, context }) => {
  await page.goto(host.launchUrl());
  await page.reload();
  const answer = await page.evaluate(() =>
    (globalThis as unknown as PageBridge).portdesk.listAccounts(),
  );
  expect(answer).toEqual({ ok: true, data: [] });

  const callsBefore = core.calls.length;
  const other = await context.newPage();
  await other.goto(`${host.origin}/`);
  const refused = await other.evaluate(() =>
    (globalThis as unknown as PageBridge).portdesk.listAccounts(),
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'internal' } });
  expect(core.calls.length).toBe(callsBefore);
});

test('another site cannot call the bridge even with the token', async ({ page }) => {
  await page.goto('about:blank');
  const status = await page.evaluate(
    async ([origin, token]) => {
      try {
        const response = await fetch(`${origin}/__bridge/invoke/listAccounts`, {
          method: 'POST',
          headers: { 'x-portdesk-token': token, 'content-type': 'application/json' },
          body: '{}',
        });
        return response.status;
      } catch {
        return 'blocked';
      }
    },
    [host.origin, host.token] as const,
  );
  expect(status).not.toBe(200);
  expect(core.calls).toEqual([]);
});

test('a calm page: no failed loads (favicon), and a closed host says PortDesk has stopped', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(host.launchUrl());
  await expect
    .poll(() => core.calls.filter((c) => c.method === 'getSyncStatus').length)
    .toBeGreaterThan(0);
  // Chromium asks for /favicon.ico on every load (not always visible to Playwright's events).
  const favicon = await page.evaluate(async () => (await fetch('/favicon.ico')).status);
  expect(favicon).toBe(204);
  expect(errors).toEqual([]);
  await expect(page.getByText('PortDesk has stopped')).toHaveCount(0);

  await host.close();
  await expect(page.getByRole('alertdialog')).toContainText('PortDesk has stopped', {
    timeout: 15_000,
  });
});

test('a launch code works once: a second window with a copy of the address gets nothing', async ({
  page,
  context,
}) => {
  const url = host.launchUrl();
  await page.goto(url);
  await expect
    .poll(() => page.evaluate(() => (globalThis as unknown as PageBridge).portdesk.listAccounts()))
    .toEqual({ ok: true, data: [] });
  const callsBefore = core.calls.length;

  const copy = await context.newPage();
  await copy.goto(url);
  const refused = await copy.evaluate(() =>
    (globalThis as unknown as PageBridge).portdesk.listAccounts(),
  );
  expect(refused).toMatchObject({ ok: false });
  expect(core.calls.length).toBe(callsBefore);
});

test('Chromium gets a code, never the token, and its profile is gone after the session', async () => {
  const window = openInBrowser(host.launchUrl(), {
    chromium: CHROMIUM_EXECUTABLE,
    extraArgs: ['--headless=new', ...CHROMIUM_ARGS],
  });
  expect(window?.profileDir).toBeTruthy();
  const profileDir = window?.profileDir ?? '';
  try {
    // The page traded its code and opened the event stream (the host pushes the sync status).
    await expect
      .poll(() => core.calls.some((call) => call.method === 'getSyncStatus'), { timeout: 30_000 })
      .toBe(true);
    // Every process of that Chromium: its command line names the code, never the token.
    const commandLines = chromiumCommandLines(profileDir);
    expect(commandLines.length).toBeGreaterThan(0);
    for (const line of commandLines) expect(line).not.toContain(host.token);
    expect(commandLines.some((line) => line.includes('#code='))).toBe(true);
  } finally {
    await window?.close();
  }
  expect(existsSync(profileDir)).toBe(false);
  // What a profile could have kept (History, Sessions, Session Storage) went with it.
  await expect(readdir(profileDir)).rejects.toThrow();
});

/** /proc/<pid>/cmdline of every process started with this profile (world-readable on Linux). */
function chromiumCommandLines(profileDir: string): string[] {
  const lines: string[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const line = readFileSync(join('/proc', pid, 'cmdline'), 'utf8').replaceAll('\0', ' ');
      if (line.includes(profileDir)) lines.push(line);
    } catch {
      // The process ended meanwhile.
    }
  }
  return lines;
}

import { rm } from 'node:fs/promises';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { ensureElectronBuild, launchPortDesk, mainWindow, newUserDataDir } from './electronApp';
import { electronMissingReason, requireOrSkip } from './electronBinary';

/**
 * The OS pieces only Electron has: a notification raised by a real status change and its click
 * opening the request, and the tray's state. The tray is read through the test hook
 * (main/shell/testHooks.ts, PORTDESK_E2E_HOOKS=1): Electron cannot read a tooltip back.
 */
requireOrSkip(test, electronMissingReason());

let app: ElectronApplication;
let userData: string;

test.beforeAll(ensureElectronBuild);

test.beforeEach(async () => {
  userData = await newUserDataDir();
  // 600×: the demo's first LOA is generated 26 simulated minutes in, under 3 s here.
  app = await launchPortDesk(userData, { PORTDESK_DEMO_ACCELERATION: '600' });
});

test.afterEach(async () => {
  await app?.close();
  await rm(userData, { recursive: true, force: true });
});

async function startDemo(window: Page): Promise<void> {
  await window.getByRole('button', { name: /Explore with the built-in simulator/ }).click();
  await expect(window.locator('[data-testid^="request-row-"]').first()).toBeVisible();
}

interface TrayHook {
  tray?: { isDestroyed(): boolean };
  trayStatus?: { tooltip: string; syncLine: string; attentionLine: string };
}

test('a status change pops up a notification, and its click opens the request', async () => {
  // Keep every Notification the shell shows (the OS pop-up itself cannot be clicked by a test;
  // emitting its `click` is what Electron does when the agent clicks it).
  await app.evaluate(({ Notification }) => {
    const shown: unknown[] = [];
    (globalThis as { __shownNotifications?: unknown[] }).__shownNotifications = shown;
    const show = Notification.prototype.show;
    Notification.prototype.show = function (this: unknown) {
      shown.push(this);
      return show.call(this as Parameters<typeof show.call>[0]);
    };
  });
  const window = await mainWindow(app);
  await startDemo(window);
  const shownTitles = () =>
    app.evaluate(() =>
      (
        (globalThis as { __shownNotifications?: { title: string }[] }).__shownNotifications ?? []
      ).map((notification) => notification.title),
    );
  await expect
    .poll(
      async () => {
        await window.getByRole('button', { name: 'Sync now' }).click();
        return (await shownTitles()).length;
      },
      { timeout: 75_000, intervals: [1_000, 2_000] },
    )
    .toBeGreaterThan(0);
  const [title] = await shownTitles();
  const customer = (title ?? '').split(':')[0] ?? '';
  expect(customer).not.toBe('');

  // Somewhere else first, and hidden: the click must bring the window back on the request.
  await window.getByRole('button', { name: /^Settings/ }).click();
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.hide());
  await app.evaluate(() => {
    const [first] =
      (globalThis as { __shownNotifications?: { emit(e: string): void }[] }).__shownNotifications ??
      [];
    first?.emit('click');
  });
  await expect(window.getByTestId('timeline')).toBeVisible();
  await expect(window.getByRole('heading', { level: 1 })).toContainText(customer);
  expect(
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible()),
  ).toBe(true);
});

test('the tray shows the sync state and what needs attention', async () => {
  const window = await mainWindow(app);
  const hook = () =>
    app.evaluate(() => {
      const e2e = (globalThis as { __portdeskE2E?: TrayHook }).__portdeskE2E;
      return { alive: e2e?.tray?.isDestroyed() === false, status: e2e?.trayStatus ?? null };
    });
  await expect.poll(async () => (await hook()).alive).toBe(true);
  await startDemo(window);
  await expect
    .poll(async () => (await hook()).status?.attentionLine)
    .toMatch(/^\d[\d,]* requests? needs? your attention$/);
  await expect.poll(async () => (await hook()).status?.syncLine).toMatch(/^Up to date/);
  const { status } = await hook();
  expect(status?.tooltip).toBe(`PortDesk — ${status?.syncLine} · ${status?.attentionLine}`);
});

import { expect, type Page } from '@playwright/test';

export interface SmokeHooks {
  screenshot(step: string): Promise<unknown>;
  /**
   * Lets PortDesk see what the simulator did since: the harness asks the core to sync, as its
   * poll loop would; in Electron the loop itself does it (the open request every 30 s).
   */
  syncNow(): Promise<void>;
}

/**
 * The smoke flow, shared by the harness spec and the `_electron` spec: first start → demo mode →
 * requests appear → open one → its timeline shows → the simulator's clock moves the request on →
 * the new status appears without a reload.
 *
 * The request opened is the newest demo request, which the demo data set keeps In Review until
 * Twilio "generates its LOA" 26 simulated minutes after the simulator starts; it then shows
 * Waiting for signature. The demo clock's speed decides how long that is in real time.
 */
export async function demoSmokeFlow(page: Page, hooks: SmokeHooks): Promise<void> {
  const explore = page.getByRole('button', { name: /Explore with the built-in simulator/ });
  await expect(explore).toBeVisible();
  await hooks.screenshot('first start offers demo mode');

  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });

  await explore.click();
  const rows = page.locator('[data-testid^="request-row-"]');
  await expect(rows.first()).toBeVisible();
  await expect.poll(() => rows.count()).toBeGreaterThan(5);
  await hooks.screenshot('demo requests listed');

  // The list opens sorted by last change, newest first: the first In Review row is the newest
  // request, the one whose LOA is furthest away.
  const row = rows.filter({ hasText: 'In review' }).first();
  await expect(row).toBeVisible();
  const sid = ((await row.getAttribute('data-testid')) ?? '').replace('request-row-', '');
  expect(sid).toMatch(/^KW[0-9a-f]{32}$/);
  await row.click();
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toBeVisible();
  await expect(page.getByText(sid).first()).toBeVisible();
  await expect(timeline).not.toContainText('Waiting for signature');
  await hooks.screenshot('request detail with its timeline');

  await expect
    .poll(
      async () => {
        await hooks.syncNow();
        return timeline.textContent();
      },
      { timeout: 75_000, intervals: [1_000, 2_000] },
    )
    .toContain('Waiting for signature');
  await expect(page.getByText(sid).first()).toBeVisible();
  await hooks.screenshot('the new status appeared without a reload');
  expect(navigations).toBe(0);
}

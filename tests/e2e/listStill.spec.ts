import type { Page } from '@playwright/test';
import { expectSyncedUpToDate, requestGrid, requestRow } from './flows/listFlows';
import { expect, realCore, test } from './harness/fixtures';

test.use({ core: { create: realCore, options: { demoAcceleration: 1 } } });

/** The SIDs of the rows at these indexes, as they stand on screen. */
async function sidsAt(page: Page, count: number): Promise<string[]> {
  const sids: string[] = [];
  for (let index = 0; index < count; index++) {
    const testId = await requestGrid(page)
      .locator(`[role="row"][data-index="${index}"]`)
      .getAttribute('data-testid');
    sids.push((testId ?? '').replace('request-row-', ''));
  }
  return sids;
}

function focusedIndex(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { activeElement: unknown } }).document;
    const active = doc.activeElement as { getAttribute(name: string): string | null } | null;
    return active?.getAttribute('data-index') ?? null;
  });
}

test('a sync that finds a new request does not move the rows the agent is on; Show does', async ({
  portdesk,
  page,
}) => {
  const { simulator } = portdesk;
  simulator.control.seed({ requests: 6, numbersPerRequest: 1 });
  await portdesk.connectSimulatorAccount('Acme porting');
  await portdesk.open();
  await expectSyncedUpToDate(page);
  const grid = requestGrid(page);
  await expect(grid).toHaveAttribute('aria-rowcount', '7');
  const before = await sidsAt(page, 6);

  // The agent is on the third row, by keyboard.
  await grid.locator('[data-index="2"]').focus();

  // Twilio gets one more request; the next sync finds it (newest change: the top of the list).
  const [added] = simulator.control.seed({ requests: 1, numbersPerRequest: 1 }).requestSids;
  if (!added) throw new Error('The simulator seeded no request');
  await portdesk.core.syncNow();

  await expect(page.getByText('1 request updated')).toBeVisible();
  expect(await sidsAt(page, 6)).toEqual(before);
  await expect(grid).toHaveAttribute('aria-rowcount', '7');
  await expect(requestRow(page, added)).toHaveCount(0);
  expect(await focusedIndex(page)).toBe('2');
  await portdesk.screenshot('a new request held behind the bar');

  await page.getByRole('button', { name: 'Show' }).click();
  await expect(grid).toHaveAttribute('aria-rowcount', '8');
  await expect(requestRow(page, added)).toBeVisible();
  await expect(page.getByText('1 request updated')).toBeHidden();
  await expect.poll(() => focusedIndex(page)).toBe('0');
});

import { expect, test, type Page } from '@playwright/test';
import { INITECH_SID } from '../fixtures/fakeData';
import { expectAccessible, openApp, screenshots, type FakeGlobal } from './helpers';

const SIM_ACCOUNT = 'sim-1';

/** The SIDs of the first `count` rows, in the order they stand on screen. */
async function shownSids(page: Page, count: number): Promise<string[]> {
  const sids: string[] = [];
  for (let index = 0; index < count; index++) {
    const row = page.locator(`[role="row"][data-index="${index}"]`);
    sids.push(((await row.getAttribute('data-testid')) ?? '').replace('request-row-', ''));
  }
  return sids;
}

async function focusedIndex(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = (globalThis as unknown as { document: { activeElement: unknown } }).document
      .activeElement as { getAttribute(name: string): string | null } | null;
    return active?.getAttribute('data-index') ?? null;
  });
}

test.describe('a list that stays still', () => {
  test('a sync never moves the rows the agent is on: changes wait behind "N updated — Show"', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page);
    await expect(page.getByText('300 requests')).toBeVisible();
    const grid = page.getByRole('grid', { name: 'Port-in requests' });
    await expect(grid.locator('[data-index="8"]')).toHaveAttribute('data-testid', /request-row-/);
    const before = await shownSids(page, 9);
    const changing = before[4] ?? '';

    // The agent is on the fourth row, by keyboard.
    await grid.locator('[data-index="3"]').focus();
    expect(await focusedIndex(page)).toBe('3');

    // A sync: a new request, Initech moving on, and the fifth row rejected — sorted by
    // "Changed", all three belong at the top.
    await page.evaluate(
      ({ accountId, initech, changing }) => {
        const fake = (globalThis as unknown as FakeGlobal).__portdeskFake;
        fake.discoverRequest(accountId, 'Zephyr Freight Co');
        fake.advanceRequest(initech, 'in_progress');
        fake.advanceRequest(changing, 'rejected');
      },
      { accountId: SIM_ACCOUNT, initech: INITECH_SID, changing },
    );

    const bar = page.getByRole('status').filter({ hasText: 'updated' });
    await expect(bar).toContainText('3 requests updated');
    // Nothing moved; the changed row took its new status where it stands.
    expect(await shownSids(page, 9)).toEqual(before);
    await expect(grid.locator('[data-index="4"]')).toContainText('Action required');
    await expect(grid).toHaveAttribute('aria-rowcount', '301');
    // The focus stayed, and the keys go on from there.
    expect(await focusedIndex(page)).toBe('3');
    await page.keyboard.press('ArrowDown');
    expect(await focusedIndex(page)).toBe('4');
    await screenshots(page, 'requests-held-updates');
    await expectAccessible(page);

    await bar.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByText(/requests? updated/)).toBeHidden();
    const after = await shownSids(page, 3);
    expect(after).toEqual([changing, INITECH_SID, expect.stringMatching(/^KW/)]);
    await expect(grid).toHaveAttribute('aria-rowcount', '302');
    await expect(grid.locator('[data-index="2"]')).toContainText('Zephyr Freight Co');
    // "Show" went away with its bar: the focus is on the first row, not lost to the page.
    await expect.poll(() => focusedIndex(page)).toBe('0');
  });

  test('the pointer over the list holds the order too; a list nobody is on is live', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page);
    await expect(page.getByText('300 requests')).toBeVisible();
    const grid = page.getByRole('grid', { name: 'Port-in requests' });
    await expect(grid.locator('[data-index="5"]')).toHaveAttribute('data-testid', /request-row-/);
    const advance = (sid: string) =>
      page.evaluate(
        (s) => (globalThis as unknown as FakeGlobal).__portdeskFake.advanceRequest(s, 'rejected'),
        sid,
      );

    // At rest (pointer elsewhere, no focus, at the top): the new order shows at once.
    const first = await shownSids(page, 6);
    await advance(first[5] ?? '');
    await expect(grid.locator('[data-index="0"]')).toHaveAttribute(
      'data-testid',
      `request-row-${first[5] ?? ''}`,
    );

    // The pointer on a row, about to click: nothing moves under it.
    await grid.locator('[data-index="2"]').hover();
    const held = await shownSids(page, 6);
    await advance(held[4] ?? '');
    await expect(page.getByRole('status').filter({ hasText: 'updated' })).toContainText(
      '1 request updated',
    );
    expect(await shownSids(page, 6)).toEqual(held);
  });
});

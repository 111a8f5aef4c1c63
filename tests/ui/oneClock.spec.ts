import { expect, test, type Page } from '@playwright/test';
import { GLOBEX_SID } from '../fixtures/fakeData';
import { openApp, screenshots, type FakeGlobal } from './helpers';

const SIM_ACCOUNT = 'sim-1';
const HOUR = 3_600_000;

/** Main learns the account's server clock runs `ms` from ours (Date headers), then a sync finds a request. */
async function discoverOnClock(page: Page, ms: number, customer: string): Promise<string> {
  return page.evaluate(
    ({ accountId, ms, customer }) => {
      const fake = (globalThis as unknown as FakeGlobal).__portdeskFake;
      fake.setClockOffset(accountId, ms);
      return fake.discoverRequest(accountId, customer);
    },
    { accountId: SIM_ACCOUNT, ms, customer },
  );
}

test.describe('one clock', () => {
  test('a request just seen reads "just now", whichever way the account clock is off', async ({
    page,
  }) => {
    await openApp(page);
    await expect(page.getByText('300 requests')).toBeVisible();
    // Twilio's clock 2 h behind ours: the change is "now" on its clock, not 2 h ago.
    const sid = await discoverOnClock(page, -2 * HOUR, 'Clockwork Dental');
    const row = page.getByTestId(`request-row-${sid}`);
    await expect(row).toBeVisible();
    await expect(row.locator('.cell--changed')).toHaveText('just now');
  });

  test('"Created" (Twilio’s clock) and the timeline (our observation) tell the same time', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page);
    await expect(page.getByText('300 requests')).toBeVisible();
    // The demo simulator runs 12 h ahead: "Created 9:28 PM" must not sit beside "9:28 AM".
    const sid = await discoverOnClock(page, 12 * HOUR, 'Clockwork Dental');
    await page.getByTestId(`request-row-${sid}`).click();
    const created = page.locator('.facts__item', { hasText: 'Created' }).locator('dd');
    await expect(created).toBeVisible();
    const createdText = (await created.textContent()) ?? '';
    const entryTime = page.getByTestId('timeline').locator('time').first();
    const entryText = (await entryTime.textContent()) ?? '';
    expect(entryText).not.toBe('');
    // "Dec 5, 2026, 9:28 PM" ends with the timeline's "9:28 PM".
    expect(createdText.endsWith(entryText)).toBe(true);
    await expect(page.getByRole('tab', { name: /Timeline/ })).toContainText('1');
    await screenshots(page, 'one-clock-detail');
  });

  test('the Timeline tab counts the entries it shows, not the events behind them', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page);
    await page.evaluate(
      (sid) => (globalThis as unknown as FakeGlobal).__portdeskFake.navigateTo(sid),
      GLOBEX_SID,
    );
    const items = page.getByTestId('timeline').locator('.timeline__item');
    await expect(items.first()).toBeVisible();
    const shown = await items.count();
    await expect(page.getByRole('tab', { name: /Timeline/ })).toHaveText(`Timeline ${shown}`);
    await screenshots(page, 'timeline-grouped');
  });
});

import { expect, test, type Page } from '@playwright/test';
import { ACME_REJECTED_NUMBER, FIXTURE_SIDS } from '../fixtures/fakeBridge';
import { expectAccessible, openApp, screenshots, type FakeGlobal } from './helpers';

const activityNav = (page: Page) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Activity/ });
const feedList = (page: Page) => page.getByRole('list', { name: 'Activity' });
const feedRows = (page: Page) => feedList(page).locator('article');
const feedItems = (page: Page) => feedList(page).getByRole('listitem');

/** The fake's sync cycle: a rejection notice about Acme, in the policy's words. */
async function rejectionArrives(page: Page): Promise<void> {
  await page.evaluate((sid) => {
    (globalThis as unknown as FakeGlobal).__portdeskFake.addNotice(sid, {
      kind: 'action_required',
      title: 'Acme Plumbing LLC: 1 number rejected',
      body: 'Invalid PIN (1). Open the request to fix and resubmit.',
      urgency: 'critical',
    });
  }, FIXTURE_SIDS.acme);
}

test('the sidebar counts unread notices; the feed filters, marks read and marks all read', async ({
  page,
}) => {
  await openApp(page, { noticeCount: 40 });
  await expect(activityNav(page)).toContainText('12');
  await activityNav(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Activity');
  await expect(page.locator('.screen__subtitle')).toHaveText('12 unread notices');
  await expect(page.locator('.feed-day').first()).toBeVisible();
  // Newest first: the seeded history's newest notice is an ageing alert.
  await expect(feedRows(page).first()).toContainText('no port date after 10 days');

  await page.getByRole('button', { name: /Kind/ }).click();
  await page.getByRole('option', { name: 'Action required' }).click();
  await expect(feedRows(page).first()).toBeVisible();
  for (const kind of await feedRows(page).locator('.feed-kind').allTextContents()) {
    expect(kind).toBe('Action required');
  }
  await expect(page.getByRole('status').filter({ hasText: /^5 notices$/ })).toBeVisible();

  await page.getByRole('switch', { name: 'Unread only' }).click({ force: true });
  await expect(page.getByRole('status').filter({ hasText: /^1 notice$/ })).toBeVisible();

  // Opening one marks it read and leaves the count one lower.
  const first = feedRows(page).first();
  const title = (await first.locator('.feed-row__title').textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Activity');
  await expect(activityNav(page)).toContainText('11');
  await activityNav(page).click();
  // The filters stay as the agent left them: nothing unread is left of that kind.
  await expect(page.getByText('Nothing matches these filters')).toBeVisible();
  await page.getByRole('switch', { name: 'Unread only' }).click({ force: true });
  await expect(feedRows(page).filter({ hasText: title }).first()).toBeVisible();
  await expect(feedRows(page).filter({ hasText: title }).first()).not.toHaveClass(/unread/);

  // With a kind chosen, only that kind is marked; without, everything.
  await page.getByRole('button', { name: 'Mark these read' }).click();
  await expect(page.locator('.screen__subtitle')).toHaveText('11 unread notices');
  await page.getByRole('button', { name: /Kind/ }).click();
  await page.getByRole('option', { name: 'All kinds' }).click();
  await page.getByRole('button', { name: 'Mark all read' }).click();
  await expect(page.locator('.screen__subtitle')).toHaveText('All read');
  await expect(activityNav(page).locator('.count-badge')).toHaveCount(0);
});

test('a rejection opens its request on the Numbers tab, on the rejected number; opening a request reads its notices', async ({
  page,
}) => {
  await openApp(page, { noticeCount: 0 });
  await expect(activityNav(page).locator('.count-badge')).toHaveCount(0);
  await rejectionArrives(page);
  await expect(activityNav(page)).toContainText('1');

  await page.keyboard.press('Control+4');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Activity');
  const notice = feedRows(page).first();
  await expect(notice).toContainText('Acme Plumbing LLC: 1 number rejected');
  await expect(notice).toContainText('Invalid PIN (1). Open the request to fix and resubmit.');
  await expect(notice.locator('.feed-day, .feed-kind')).toContainText('Action required');
  await notice.click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Plumbing LLC');
  await expect(page.getByRole('tab', { name: /Numbers/ })).toHaveAttribute('aria-selected', 'true');
  const marked = page.locator('.numbers-row[aria-current="true"]');
  await expect(marked).toHaveCount(1);
  await expect(marked).toBeInViewport();
  await expect(marked).toContainText(
    `(${ACME_REJECTED_NUMBER.slice(2, 5)}) ${ACME_REJECTED_NUMBER.slice(5, 8)}-${ACME_REJECTED_NUMBER.slice(8)}`,
  );
  await expect(activityNav(page).locator('.count-badge')).toHaveCount(0);

  // Another notice about Acme arrives while the agent is elsewhere; opening Acme reads it.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Requests/ })
    .click();
  await rejectionArrives(page);
  await expect(activityNav(page)).toContainText('1');
  await page.evaluate(
    (sid) => (globalThis as unknown as FakeGlobal).__portdeskFake.navigateTo(sid),
    FIXTURE_SIDS.acme,
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Plumbing LLC');
  await expect(activityNav(page).locator('.count-badge')).toHaveCount(0);
});

test('10,000 notices scroll like ten: pages fetched on demand, few rows in the DOM', async ({
  page,
}) => {
  await openApp(page, { noticeCount: 10_000 });
  await activityNav(page).click();
  await expect(feedRows(page).first()).toBeVisible();
  await feedRows(page).first().focus();
  await page.keyboard.press('End');
  // The oldest notice is the seed's first: a rejection, 10,000 × 20 minutes ago.
  await expect(feedItems(page).last()).toHaveAttribute('aria-posinset', '10000');
  await expect(feedRows(page).last()).toContainText('2 numbers rejected');
  await expect(feedRows(page).last()).toBeFocused();
  expect(await feedItems(page).count()).toBeLessThan(60);
  const listCalls = await page.evaluate(
    () =>
      (globalThis as unknown as FakeGlobal).__portdeskFake.calls.filter(
        (c) => c.method === 'listNotices',
      ).length,
  );
  expect(listCalls).toBeLessThan(10);
  await page.keyboard.press('Home');
  await expect(feedItems(page).first()).toHaveAttribute('aria-posinset', '1');
});

test('"Since you last looked" sums up the news on start and links to the feed', async ({
  page,
}) => {
  await openApp(page, { noticeCount: 40, unseenNotices: 8 });
  const line = page.locator('.digest-line');
  await expect(line).toContainText('Since you last looked:');
  await expect(line).toContainText('1 rejection');
  await expect(line).toContainText('1 port date confirmed');
  await line.getByRole('button', { name: 'Open activity' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Activity');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Requests/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Requests');
  await expect(line).toHaveCount(0);
});

test('the feed in both themes, accessible', async ({ page }) => {
  await openApp(page, { noticeCount: 60 });
  await activityNav(page).click();
  await expect(feedRows(page).first()).toBeVisible();
  await screenshots(page, 'feed');
  await expectAccessible(page);
});

test('in a page that shows its own pop-ups: asked from a button, never on load; the policy’s words; a click lands on the request', async ({
  page,
}) => {
  await page.addInitScript(() => {
    // A stand-in for the browser's Notification: permission starts undecided, every pop-up is
    // recorded, and asking is counted.
    const page = globalThis as unknown as Record<string, unknown>;
    const raised: { title: string; body: string; tag: string; click: () => void }[] = [];
    let asks = 0;
    class RecordingNotification extends EventTarget {
      static permission = 'default';
      static async requestPermission() {
        asks += 1;
        RecordingNotification.permission = 'granted';
        return 'granted';
      }
      constructor(title: string, options: { body: string; tag: string }) {
        super();
        raised.push({
          title,
          body: options.body,
          tag: options.tag,
          click: () => this.dispatchEvent(new Event('click')),
        });
      }
      close() {}
    }
    page.Notification = RecordingNotification;
    page.__raised = raised;
    page.__asks = () => asks;
  });
  await openApp(page, { noticeCount: 0, popups: 'page' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Requests');
  const asks = () => page.evaluate(() => (globalThis as unknown as { __asks(): number }).__asks());
  expect(await asks()).toBe(0);
  await rejectionArrives(page);
  // Not allowed yet: nothing popped up, the feed has it.
  expect(
    await page.evaluate(() => (globalThis as unknown as { __raised: unknown[] }).__raised.length),
  ).toBe(0);

  await activityNav(page).click();
  await page.getByRole('button', { name: 'Turn on desktop notifications' }).click();
  await expect(page.getByText('Desktop notifications are on')).toBeVisible();
  expect(await asks()).toBe(1);

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Requests/ })
    .click();
  await rejectionArrives(page);
  await expect
    .poll(() =>
      page.evaluate(() => (globalThis as unknown as { __raised: unknown[] }).__raised.length),
    )
    .toBe(1);
  const popup = await page.evaluate(() => {
    const [first] = (globalThis as unknown as { __raised: { title: string; body: string }[] })
      .__raised;
    return { title: first?.title, body: first?.body };
  });
  expect(popup).toEqual({
    title: 'Acme Plumbing LLC: 1 number rejected',
    body: 'Invalid PIN (1). Open the request to fix and resubmit.',
  });
  await page.evaluate(() =>
    (globalThis as unknown as { __raised: { click(): void }[] }).__raised[0]?.click(),
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Plumbing LLC');
  await expect(page.getByRole('tab', { name: /Numbers/ })).toHaveAttribute('aria-selected', 'true');
});

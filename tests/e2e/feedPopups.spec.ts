import type { Page } from '@playwright/test';
import { reasonByCode } from '../../shared/domain/reasonCodes';
import { lifecycleTimings } from '../../main/simulator';
import { asWrittenByCustomer, requestRow, simRequest } from './flows/listFlows';
import { WorldClock } from './flows/worldClock';
import { expect, realCore, test } from './harness/fixtures';

// One clock for Twilio (the simulator), the core and the page; the page raises the pop-ups
// itself, as in the browser host.
const world = new WorldClock();
test.use({ core: { create: realCore, options: { now: world.now, popups: 'page' } } });
test.beforeEach(() => world.reset());

interface Captured {
  title: string;
  body: string;
  tag: string;
}

/**
 * Wraps the page's own Notification before the app loads: every pop-up the page raises is
 * recorded with a way to click it, and the real Notification still runs underneath.
 */
async function capturePopups(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Options = { body?: string; tag?: string };
    const page = globalThis as unknown as {
      Notification: {
        new (title: string, options?: Options): EventTarget;
        readonly permission: string;
        requestPermission(): Promise<string>;
      };
      __popups: (Captured & { click(): void })[];
    };
    interface Captured {
      title: string;
      body: string;
      tag: string;
    }
    const Real = page.Notification;
    const popups: (Captured & { click(): void })[] = [];
    class Recording extends Real {
      constructor(title: string, options?: Options) {
        super(title, options);
        popups.push({
          title,
          body: options?.body ?? '',
          tag: options?.tag ?? '',
          click: () => this.dispatchEvent(new Event('click')),
        });
      }
    }
    Object.defineProperty(Recording, 'permission', { get: () => Real.permission });
    Object.defineProperty(Recording, 'requestPermission', {
      value: () => Real.requestPermission(),
    });
    page.Notification = Recording;
    page.__popups = popups;
  });
}

const popupsRaised = (page: Page): Promise<Captured[]> =>
  page.evaluate(() =>
    (globalThis as unknown as { __popups: Captured[] }).__popups.map(({ title, body, tag }) => ({
      title,
      body,
      tag,
    })),
  );

test('a number rejected in the simulator pops up in Chromium with the policy’s words, lands in the feed, and a click opens the request on that number', async ({
  portdesk,
  page,
  context,
}) => {
  const { simulator } = portdesk;
  const [sid] = simulator.control.seed({ requests: 1, numbersPerRequest: 2 }).requestSids;
  if (!sid) throw new Error('The simulator seeded no request');
  const seeded = simRequest(simulator, sid);
  const [good, bad] = seeded.numbers;
  if (!good || !bad) throw new Error('The seeded request should have two numbers');
  simulator.control.scriptNumber(good.e164, { kind: 'complete' });
  simulator.control.scriptNumber(bad.e164, { kind: 'reject', code: 22153 });
  const reason = reasonByCode(22153, 'rejection');
  if (!reason) throw new Error('22153 is missing from the reason catalog');

  await context.grantPermissions(['notifications']);
  await capturePopups(page);
  await page.clock.install({ time: world.now() });
  await portdesk.connectSimulatorAccount('Acme porting');
  await portdesk.open();
  // The account's first sync: the request arrives as history, without a pop-up.
  await expect(requestRow(page, seeded.sid)).toContainText(seeded.customerName);
  expect(await popupsRaised(page)).toEqual([]);

  // Permission was granted beforehand, so the feed says so instead of offering the button.
  await page.keyboard.press('Control+4');
  await expect(page.getByText('Desktop notifications are on')).toBeVisible();

  async function later(ms: number): Promise<void> {
    await world.advance(simulator, page, ms);
    await portdesk.core.syncNow();
  }

  // Twilio generates the LOA: the first pop-up.
  await later(lifecycleTimings.REVIEW_MS);
  await expect
    .poll(async () => (await popupsRaised(page)).map((p) => p.title))
    .toEqual([`${seeded.customerName}: LOA waiting for signature`]);

  // Signed, submitted, and a day later the carrier rejects one number and dates the other.
  simulator.control.signLoa(sid);
  await later(lifecycleTimings.SUBMIT_AFTER_SIGNATURE_MS);
  await later(lifecycleTimings.CARRIER_RESPONSE_MS);
  expect(simRequest(simulator, sid).numbers[1]).toMatchObject({ status: 'rejected' });
  await expect.poll(async () => (await popupsRaised(page)).length).toBe(2);
  const rejection = (await popupsRaised(page))[1];
  expect(rejection?.title).toBe(`${seeded.customerName}: 1 number rejected`);
  // One pop-up per request per cycle: the port date of the other number rides along.
  expect(rejection?.body).toMatch(
    new RegExp(
      `^${reason.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(1\\)\\. Open the request to fix and resubmit\\. Also: 1 number scheduled for `,
    ),
  );

  // The feed has both, newest first, unread.
  const feed = page.getByRole('list', { name: 'Activity' });
  await expect(feed.locator('article').first()).toContainText('1 number rejected');
  await expect(feed.locator('article').nth(1)).toContainText('LOA waiting for signature');
  await expect(page.locator('.screen__subtitle')).toHaveText('2 unread notices');
  await portdesk.screenshot('the feed after the rejection');

  // The agent is elsewhere; clicking the pop-up brings the request up on the rejected number.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Outbox/ })
    .click();
  await page.evaluate(() =>
    (globalThis as unknown as { __popups: { click(): void }[] }).__popups[1]?.click(),
  );
  await expect(page.locator('.screen__header').getByRole('heading', { level: 1 })).toHaveText(
    seeded.customerName,
  );
  await expect(page.getByRole('tab', { name: /Numbers/ })).toHaveAttribute('aria-selected', 'true');
  const marked = page.locator('.numbers-row[aria-current="true"]');
  await expect(marked).toContainText(asWrittenByCustomer(bad.e164));
  await expect(marked).toBeInViewport();
  await portdesk.screenshot('a click on the pop-up opened the rejected number');
  // Opening the request read its notices.
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Activity/ }),
  ).not.toContainText(/\d/);
});

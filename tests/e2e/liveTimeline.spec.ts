import type { Page } from '@playwright/test';
import { reasonByCode } from '../../shared/domain/reasonCodes';
import { lifecycleTimings } from '../../main/simulator';
import { asWrittenByCustomer, requestRow, simRequest } from './flows/listFlows';
import { WorldClock } from './flows/worldClock';
import { expect, realCore, test } from './harness/fixtures';

// One clock for Twilio (the simulator), the core and the page: moved only by the spec.
const world = new WorldClock();
test.use({ core: { create: realCore, options: { now: world.now } } });
test.beforeEach(() => world.reset());

const MINUTE = 60_000;

/** A port date in the agent's words, as the UTC calendar day Twilio confirmed. */
function portDay(iso: string): string {
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(iso));
}

/** Counts navigations of the page's main frame: a live update must never reload the page. */
function countNavigations(page: Page): () => number {
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });
  return () => navigations;
}

test('a request on screen follows Twilio live: LOA, signature, submission, the carrier’s port date and rejection with its fix, the port — without a reload', async ({
  portdesk,
  page,
}) => {
  const { simulator } = portdesk;
  // Twilio holds one request in review with two numbers; the carrier will port the first and
  // reject the second because the name differs from its records.
  const [sid] = simulator.control.seed({ requests: 1, numbersPerRequest: 2 }).requestSids;
  if (!sid) throw new Error('The simulator seeded no request');
  const seeded = simRequest(simulator, sid);
  expect(seeded.status).toBe('in_review');
  const [good, bad] = seeded.numbers;
  if (!good || !bad) throw new Error('The seeded request should have two numbers');
  simulator.control.scriptNumber(good.e164, { kind: 'complete' });
  simulator.control.scriptNumber(bad.e164, { kind: 'reject', code: 22153 });
  const fix = reasonByCode(22153, 'rejection');
  if (!fix) throw new Error('22153 is missing from the reason catalog');

  // The page's clock follows the world's (it flows on by itself; the spec jumps it).
  await page.clock.install({ time: world.now() });
  await portdesk.connectSimulatorAccount('Acme porting');
  await portdesk.open();
  const navigations = countNavigations(page);

  const row = requestRow(page, sid);
  await expect(row).toContainText(seeded.customerName);
  await expect(row).toContainText('In review');
  await row.click();

  const header = page.locator('.screen__header');
  const timeline = page.getByTestId('timeline');
  const facts = page.getByRole('region', { name: 'Key facts' });
  await expect(header.getByRole('heading', { level: 1 })).toHaveText(seeded.customerName);
  await expect(header).toContainText('In review');
  await expect(timeline).toContainText(
    'PortDesk first saw this request (In review) with 2 numbers',
  );
  await expect(facts).toContainText('Not set yet');
  await portdesk.screenshot('the request in review, on screen');

  /** Twilio moves on by `ms`; PortDesk syncs as its poll loop would. */
  async function later(ms: number): Promise<void> {
    await world.advance(simulator, page, ms);
    await portdesk.core.syncNow();
  }

  // Twilio generates the LOA: the representative is asked to sign.
  await later(lifecycleTimings.REVIEW_MS);
  expect(simRequest(simulator, sid).status).toBe('waiting_for_signature');
  await expect(header).toContainText('Waiting for signature');
  await expect(timeline).toContainText('Request status: In review → Waiting for signature');
  await expect(timeline).toContainText('The letter of authorization (LOA) is ready');
  await expect(page.locator('.banner').filter({ hasText: 'The LOA is waiting' })).toContainText(
    `Sent to ${seeded.representative} (${seeded.representativeEmail}) today. The request expires in 30 days if it is not signed.`,
  );
  await expect(page.getByRole('button', { name: 'Open LOA signing link' })).toBeVisible();
  await portdesk.screenshot('the LOA is ready to sign');

  // The representative signs; Twilio submits the numbers to the losing carrier.
  simulator.control.signLoa(sid);
  await later(lifecycleTimings.SUBMIT_AFTER_SIGNATURE_MS);
  expect(simRequest(simulator, sid).numbers.map((n) => n.status)).toEqual([
    'submitted',
    'submitted',
  ]);
  await expect(header).toContainText('In progress');
  await expect(timeline).toContainText('Request status: Waiting for signature → In progress');
  await expect(timeline).toContainText('2 numbers: Waiting for signature → Submitted');
  await expect(page.getByText('The LOA is waiting for a signature')).toBeHidden();
  await portdesk.screenshot('signed and submitted to the carrier');

  // The carrier answers a day later: a port date for one number, a rejection for the other.
  await later(lifecycleTimings.CARRIER_RESPONSE_MS);
  const answered = simRequest(simulator, sid);
  expect(answered.status).toBe('action_required');
  const portDate = answered.numbers[0]?.portDate;
  expect(answered.numbers[0]?.status).toBe('pending');
  expect(answered.numbers[1]).toMatchObject({ status: 'rejected', rejectionCode: 22153 });
  if (!portDate) throw new Error('The carrier gave no port date');

  await expect(header).toContainText('Action required');
  await expect(page.getByText('1 number was rejected by the losing carrier')).toBeVisible();
  await expect(timeline).toContainText(
    `${asWrittenByCustomer(good.e164)}: port date confirmed for ${portDay(portDate)}`,
  );
  await expect(timeline).toContainText(
    `${asWrittenByCustomer(bad.e164)} was rejected by the losing carrier`,
  );
  const reason = timeline.locator('.reason');
  await expect(reason).toContainText(fix.title);
  await expect(reason).toContainText('INVALID_END_USER_NAME · 22153');
  await expect(reason).toContainText(fix.meaning);
  await expect(reason).toContainText(`Fix: ${fix.fix}`);
  await expect(facts).toContainText(portDay(portDate));
  await expect(page.getByRole('button', { name: 'Fix and resubmit' })).toBeVisible();
  await portdesk.screenshot('a port date for one number, a rejection with its fix for the other');

  // The port date comes: the good number ports; the rejected one still needs the agent.
  await later(Date.parse(portDate) - world.now() + MINUTE);
  expect(simRequest(simulator, sid).numbers.map((n) => n.status)).toEqual([
    'completed',
    'rejected',
  ]);
  await expect(timeline).toContainText(`${asWrittenByCustomer(good.e164)}: Pending → Ported`);
  await expect(facts).toContainText('1 ported of 2');
  await expect(header).toContainText('Action required');
  await portdesk.screenshot('the good number is ported');

  await page.getByRole('tab', { name: /^Numbers/ }).click();
  const numbers = page.getByRole('tabpanel');
  await expect(numbers).toContainText(asWrittenByCustomer(good.e164));
  await expect(numbers).toContainText('Ported');
  await expect(numbers).toContainText(fix.title);
  await portdesk.screenshot('the numbers tab');
  expect(navigations()).toBe(0);

  // Back in the list, the request is flagged for the agent, and the sidebar counts it.
  await page.getByRole('button', { name: 'Back to requests' }).click();
  await expect(row).toContainText('Action required');
  await expect(row.locator('.flag')).toHaveText('Action required');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByLabel('1 need attention'),
  ).toBeVisible();
  await page
    .getByRole('group', { name: 'Show only requests that need attention' })
    .getByRole('button', { name: /^Action required/ })
    .click();
  await expect(page.locator('[data-testid^="request-row-"]')).toHaveCount(1);
  await expect(row).toBeVisible();
  await portdesk.screenshot('the list flags the request for the agent');
  expect(navigations()).toBe(0);

  expect(portdesk.cspViolations).toEqual([]);
  expect(portdesk.invocations.filter((call) => !call.ok)).toEqual([]);
});

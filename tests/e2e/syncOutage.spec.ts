import { expect, test } from './harness/fixtures';

/**
 * A Twilio outage (every read answered 503 through the simulator's fault injection) while the
 * agent works: the sync panel says there is a problem and when it retries, never "Up to date",
 * even when the outbox gets a cancel through; only the first clean cycle after the outage
 * brings "Up to date" back (issue: "Sync status that never lies").
 */
test('through a 503 outage the sync panel never says "Up to date" until a clean cycle', async ({
  portdesk,
  page,
}) => {
  const { simulator } = portdesk;
  simulator.control.seed({ requests: 3, numbersPerRequest: 1 });
  await portdesk.connectSimulatorAccount('Acme porting');
  await portdesk.open();
  const panel = page.getByTestId('sync-state');
  await portdesk.core.syncNow();
  await expect(panel).toContainText('Up to date');

  // Every headline the panel shows from now on, recorded in the page as it changes.
  await page.evaluate(() => {
    // Runs in the page; typed by hand, as the Node project has no DOM types.
    interface Node {
      textContent: string | null;
    }
    const page = globalThis as unknown as {
      __syncHeadlines: string[];
      document: { querySelector(selector: string): Node | null };
      MutationObserver: new (callback: () => void) => {
        observe(target: Node, options: Record<string, boolean>): void;
      };
    };
    const seen: string[] = [];
    page.__syncHeadlines = seen;
    const target = page.document.querySelector('[data-testid="sync-state"]');
    if (!target) throw new Error('no sync panel');
    new page.MutationObserver(() => seen.push(target.textContent ?? '')).observe(target, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  const outage = simulator.control.addFault({
    kind: 'status',
    status: 503,
    match: { method: 'GET' },
  });
  await portdesk.core.syncNow();
  await expect(panel).toContainText('Sync problem');
  await expect(page.getByLabel('Sync status')).toContainText(/Next attempt at/);
  await portdesk.screenshot('sync panel during the outage');

  // The agent cancels a request: the cancel is not a read, so it goes out — and says nothing
  // about the listing.
  const row = page.getByRole('row').filter({ hasText: /In review|Waiting for signature/ });
  await row.first().click();
  await page.getByRole('button', { name: 'Cancel request' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel request' }).click();
  await expect(page.getByText('Cancel sent to Twilio.', { exact: true })).toBeVisible();
  await expect(panel).not.toContainText('Up to date');
  await portdesk.core.syncNow();
  await expect(panel).toContainText('Sync problem');

  simulator.control.removeFault(outage.id);
  await portdesk.core.syncNow();
  await expect(panel).toContainText('Up to date');
  const headlines = await page.evaluate(
    () => (globalThis as unknown as { __syncHeadlines: string[] }).__syncHeadlines,
  );
  const lastProblem = headlines.map((h) => h.includes('Sync problem')).lastIndexOf(true);
  expect(lastProblem).toBeGreaterThanOrEqual(0);
  // Between the outage's start and the clean cycle: never "Up to date".
  const firstUpToDate = headlines.findIndex((h) => h.includes('Up to date'));
  expect(firstUpToDate).toBeGreaterThan(lastProblem);
  await portdesk.screenshot('sync panel after the clean cycle');
});

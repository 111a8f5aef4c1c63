import { expect, test, type Page } from '@playwright/test';
import type { AccountSyncView, SyncStatusView } from '../../shared/views';
import { openApp, type FakeGlobal } from './helpers';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Main's sync status as the fake bridge pushes it, last synced at `at` (null: never). */
async function pushLastSynced(page: Page, at: number | null): Promise<void> {
  await page.evaluate(
    (iso) => {
      const status: SyncStatusView = {
        state: 'idle',
        lastSuccessAt: iso,
        nextSyncAt: null,
        message: null,
        accounts: [],
        queuedOps: 0,
        failedOps: 0,
      };
      (globalThis as unknown as FakeGlobal).__portdeskFake.emit('onSyncStatus', status);
    },
    at === null ? null : new Date(at).toISOString(),
  );
}

test('"last synced" never reads as the future after a clock jump, and catches up when the window wakes', async ({
  page,
}) => {
  const start = Date.parse('2026-11-27T09:00:00Z');
  await page.clock.install({ time: start });
  await openApp(page);
  const panel = page.getByTestId('sync-state');
  await pushLastSynced(page, start);
  await expect(panel).toContainText('Last synced just now');

  // The machine slept three days: main syncs at once on the new clock, before the panel's own
  // timer has run again. Its last "now" is three days old; it must not say "in 3 days".
  await page.clock.setSystemTime(start + 3 * DAY);
  await pushLastSynced(page, start + 3 * DAY);
  await expect(panel).toContainText('Last synced just now');
  await expect(panel).not.toContainText(/in \d|tomorrow/);

  // Two hours later the window comes back to the front: the panel counts from the real time
  // at once, not at its next 30-second tick.
  await page.clock.setSystemTime(start + 3 * DAY + 2 * HOUR);
  await page.evaluate(() => {
    const win = globalThis as unknown as {
      dispatchEvent(event: object): boolean;
      Event: new (type: string) => object;
    };
    win.dispatchEvent(new win.Event('focus'));
  });
  // Two hours is more than twice the interval (the fake's 15 minutes): said as a warning.
  await expect(panel).toContainText('Last complete sync 2 hr ago');
  await expect(page.getByTestId('sync-stale')).toBeVisible();
});

test('before the first sync the panel does not claim "Up to date"', async ({ page }) => {
  await openApp(page);
  const panel = page.getByTestId('sync-state');
  await pushLastSynced(page, null);
  await expect(panel).toContainText('Waiting for the first sync');
  await expect(panel).toContainText('Not synced yet');
  await expect(panel).not.toContainText('Up to date');
  await pushLastSynced(page, Date.now());
  await expect(panel).toContainText('Up to date');
});

/** Main's status as its per-account state machine pushes it (accounts: label → partial view). */
async function pushStatus(
  page: Page,
  status: Partial<SyncStatusView>,
  accounts: Partial<AccountSyncView>[] = [],
): Promise<void> {
  const full: SyncStatusView = {
    state: 'idle',
    phase: 'up_to_date',
    lastSuccessAt: new Date().toISOString(),
    nextSyncAt: null,
    message: null,
    queuedOps: 0,
    failedOps: 0,
    worstAccountId: accounts[0]?.accountId ?? null,
    ...status,
    accounts: accounts.map((a, i) => ({
      accountId: `acct-${i}`,
      label: `Account ${i}`,
      state: 'idle',
      phase: 'up_to_date',
      lastSuccessAt: null,
      message: null,
      nextAttemptAt: null,
      ...a,
    })),
  };
  await page.evaluate((view) => {
    (globalThis as unknown as FakeGlobal).__portdeskFake.emit('onSyncStatus', view);
  }, full);
}

test('during an outage the panel never says "Up to date" until main reports a clean cycle', async ({
  page,
}) => {
  const start = Date.parse('2026-11-27T09:00:00Z');
  await page.clock.install({ time: start });
  await openApp(page);
  const panel = page.getByLabel('Sync status');
  const synced = new Date(start - 2 * MINUTE).toISOString();
  const acme = { accountId: 'acme', label: 'Acme' };

  await pushStatus(page, { state: 'error', phase: 'retrying', lastSuccessAt: synced }, [
    {
      ...acme,
      state: 'error',
      phase: 'retrying',
      lastSuccessAt: synced,
      message: 'Twilio answered 503 Service Unavailable. PortDesk tries again shortly.',
      nextAttemptAt: new Date(start + 40_000).toISOString(),
    },
  ]);
  await expect(panel).toContainText('Sync problem — retrying');
  await expect(panel).toContainText('Twilio answered 503');
  await expect(panel).toContainText(/Next attempt at \d{1,2}:\d{2}/);
  await expect(panel).not.toContainText('Up to date');

  // The cycle after the outage.
  await pushStatus(page, { state: 'syncing', phase: 'catching_up', lastSuccessAt: synced }, [
    {
      ...acme,
      state: 'syncing',
      phase: 'catching_up',
      lastSuccessAt: synced,
      message: 'Catching up after a Twilio outage…',
    },
  ]);
  await expect(panel).toContainText('Catching up after a Twilio outage');
  await expect(panel).not.toContainText('Up to date');

  await pushStatus(page, { lastSuccessAt: new Date(start).toISOString() }, [
    { ...acme, lastSuccessAt: new Date(start).toISOString() },
  ]);
  await expect(panel).toContainText('Up to date');
  await expect(panel).toContainText('Last synced just now');
});

test('stale data says "Last complete sync N min ago" in the panel and above the list', async ({
  page,
}) => {
  const start = Date.parse('2026-11-27T09:00:00Z');
  await page.clock.install({ time: start });
  await openApp(page);
  const panel = page.getByTestId('sync-state');
  const listNotice = page.getByTestId('list-sync-stale');

  // 20 minutes with a 15-minute interval: not yet twice the interval.
  await pushStatus(page, { lastSuccessAt: new Date(start - 20 * MINUTE).toISOString() });
  await expect(panel).toContainText('Last synced 20 minutes ago');
  await expect(listNotice).toHaveCount(0);

  await pushStatus(page, {
    state: 'error',
    phase: 'retrying',
    lastSuccessAt: new Date(start - 40 * MINUTE).toISOString(),
  });
  await expect(panel).toContainText('Last complete sync 40 min ago');
  await expect(page.getByTestId('sync-stale')).toBeVisible();
  await expect(listNotice).toContainText('Last complete sync 40 min ago');

  await pushStatus(page, { lastSuccessAt: new Date(start).toISOString() });
  await expect(listNotice).toHaveCount(0);
  await expect(page.getByTestId('sync-stale')).toHaveCount(0);
});

test('with several accounts the panel shows the worst one and names it', async ({ page }) => {
  await openApp(page);
  const panel = page.getByLabel('Sync status');
  await pushStatus(
    page,
    { state: 'unauthorized', phase: 'unauthorized', worstAccountId: 'globex' },
    [
      { accountId: 'acme', label: 'Acme', lastSuccessAt: new Date().toISOString() },
      {
        accountId: 'globex',
        label: 'Globex',
        state: 'unauthorized',
        phase: 'unauthorized',
        message: 'Twilio did not accept the credentials of “Globex”.',
      },
    ],
  );
  await expect(panel).toContainText('Credentials rejected');
  await expect(panel).toContainText('Globex: Twilio did not accept the credentials');
  await expect(panel).not.toContainText('Acme');
});

test('offers a one-minute interval, and the staleness follows the interval', async ({ page }) => {
  const start = Date.parse('2026-11-27T09:00:00Z');
  await page.clock.install({ time: start });
  await openApp(page);
  await page.getByRole('button', { name: /^Settings/ }).click();
  await page.getByRole('button', { name: /Check Twilio for changes/ }).click();
  await page.getByRole('option', { name: 'Every minute' }).click();
  await expect(page.getByRole('button', { name: /Check Twilio for changes/ })).toContainText(
    'Every minute',
  );
  // Three minutes without a complete sync is stale at a one-minute interval.
  await pushStatus(page, { lastSuccessAt: new Date(start - 3 * MINUTE).toISOString() });
  await expect(page.getByTestId('sync-state')).toContainText('Last complete sync 3 min ago');
});

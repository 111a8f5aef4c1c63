import { expect, test, type Page } from '@playwright/test';
import type { SyncStatusView } from '../../shared/views';
import { openApp, type FakeGlobal } from './helpers';

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
  await expect(panel).toContainText('Last synced 2 hours ago');
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

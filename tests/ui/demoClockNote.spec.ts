import { expect, test, type Page } from '@playwright/test';
import { INITECH_SID } from '../fixtures/fakeData';
import { openApp, screenshots, type FakeGlobal } from './helpers';

const DAY = 86_400_000;

/** Main has learned the demo simulator's clock runs `ms` ahead of ours; then the request opens. */
async function openOnDemoClock(page: Page, ms: number): Promise<void> {
  await page.evaluate(
    ({ ms, sid }) => {
      const fake = (globalThis as unknown as FakeGlobal).__portdeskFake;
      fake.setClockOffset('sim-1', ms);
      fake.navigateTo(sid);
    },
    { ms, sid: INITECH_SID },
  );
  await expect(page.getByRole('button', { name: 'Back to requests' })).toBeVisible();
}

test.describe('demo clock', () => {
  test('the detail says its times are the demo simulator’s when that clock runs ahead', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page);
    await openOnDemoClock(page, 25 * DAY);
    const note = page.getByTestId('clock-note');
    await expect(note).toHaveText(/demo simulator’s clock.*ahead of this computer’s clock/);
    await screenshots(page, 'detail-demo-clock');
  });

  test('no word about clocks while the demo’s clock agrees with this computer’s', async ({
    page,
  }) => {
    await openApp(page);
    await openOnDemoClock(page, 0);
    await expect(page.getByTestId('timeline')).toBeVisible();
    await expect(page.getByTestId('clock-note')).toHaveCount(0);
  });
});

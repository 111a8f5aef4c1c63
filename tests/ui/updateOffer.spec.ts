import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openApp, screenshots, type FakeGlobal } from './helpers';

/** What main does once electron-updater has downloaded a version (null: offer withdrawn). */
function offerUpdate(page: Page, version: string | null) {
  return page.evaluate(
    (v) => (globalThis as unknown as FakeGlobal).__portdeskFake.offerUpdate(v),
    version,
  );
}

function restartsRequested(page: Page) {
  return page.evaluate(
    () => (globalThis as unknown as FakeGlobal).__portdeskFake.restartsRequested,
  );
}

test.describe('updates', () => {
  test('a downloaded update is offered calmly and installs only when the agent asks', async ({
    page,
  }) => {
    await openApp(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const restart = page.getByRole('button', { name: 'Restart to update' });
    await expect(restart).toHaveCount(0);

    await offerUpdate(page, '1.2.0');
    await expect(
      page.getByRole('status').filter({ hasText: 'PortDesk 1.2.0 is ready' }),
    ).toBeVisible();
    expect(await restartsRequested(page)).toEqual([]);
    await expectAccessible(page);
    await screenshots(page, 'update-offer');

    await restart.click();
    await expect.poll(() => restartsRequested(page)).toEqual([{ unsavedDraft: false }]);

    // Main withdraws the offer (the outbox started sending): the line goes.
    await offerUpdate(page, null);
    await expect(restart).toHaveCount(0);
  });

  test('the offer waits while a draft has edits that are not saved', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'New port-in' }).first().click();
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByRole('heading', { name: 'Numbers to port' })).toBeVisible();
    await offerUpdate(page, '1.2.0');
    const restart = page.getByRole('button', { name: 'Restart to update' });
    await expect(restart).toBeVisible();

    // The save of the next edit fails: the draft now has unsaved changes.
    await page.evaluate(() =>
      (globalThis as unknown as FakeGlobal).__portdeskFake.failNext(
        'updateDraft',
        'internal',
        'The database is busy.',
      ),
    );
    await page.getByRole('textbox', { name: 'Paste numbers' }).fill('(415) 555-0136');
    await page.getByRole('button', { name: 'Add 1 number' }).click();
    await expect(page.getByText(/Not saved/)).toBeVisible();
    await expect(restart).toHaveCount(0);
    expect(await restartsRequested(page)).toEqual([]);
  });

  test('the agent can turn updates off in Settings', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: /^Settings/ }).click();
    const updates = page.getByRole('switch', { name: /Keep PortDesk up to date/ });
    await expect(updates).toBeChecked();
    await updates.focus();
    await page.keyboard.press('Space');
    await expect(updates).not.toBeChecked();
    const patches = await page.evaluate(() =>
      (globalThis as unknown as FakeGlobal).__portdeskFake.calls
        .filter((call) => call.method === 'updateSettings')
        .map((call) => call.payload),
    );
    expect(patches).toEqual([{ autoUpdate: false }]);
  });
});

import { expect, test, type Page } from '@playwright/test';
import { ACME_SID } from '../fixtures/fakeData';
import { openApp, screenshots, type FakeGlobal } from './helpers';

function exportCalls(page: Page) {
  return page.evaluate(() =>
    (globalThis as unknown as FakeGlobal).__portdeskFake.calls
      .filter((call) => call.method === 'exportRequests' || call.method === 'exportNumbers')
      .map((call) => ({ method: call.method, payload: call.payload })),
  );
}

function setOutcome(page: Page, outcome: 'saved' | 'download' | 'canceled') {
  return page.evaluate((o) => {
    (globalThis as unknown as FakeGlobal).__portdeskFake.exportsAndWebhooks.exportOutcome = o;
  }, outcome);
}

test.describe('CSV export buttons', () => {
  test('the requests list exports what its filters keep', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: /^Status:/ }).click();
    await page.getByRole('menuitemcheckbox', { name: /Completed/ }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('status').filter({ hasText: /match/ })).toBeVisible();

    await page.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByRole('menuitem', { name: /Requests as CSV/ })).toBeVisible();
    await screenshots(page, 'requests-export-menu');
    await page.getByRole('menuitem', { name: /Requests as CSV/ }).click();
    await expect(page.getByText(/^Exported [\d,]+ rows? to portdesk-requests-/)).toBeVisible();
    const calls = await exportCalls(page);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: 'exportRequests',
      payload: { filters: { statuses: ['completed'], search: '' } },
    });

    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /Their numbers as CSV/ }).click();
    await expect(page.getByText(/to portdesk-numbers-\d{4}-\d{2}-\d{2}\.csv/)).toBeVisible();
    expect((await exportCalls(page))[1]).toMatchObject({
      method: 'exportNumbers',
      payload: { scope: 'requests', filters: { statuses: ['completed'] } },
    });
  });

  test("a request's Numbers tab exports that request's numbers", async ({ page }) => {
    await openApp(page);
    await page.evaluate(
      (s) => (globalThis as unknown as FakeGlobal).__portdeskFake.navigateTo(s),
      ACME_SID,
    );
    await page.getByRole('tab', { name: /Numbers/ }).click();
    await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible();
    await screenshots(page, 'detail-numbers-export');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await expect(
      page.getByText(`to portdesk-numbers-${ACME_SID}-`, { exact: false }),
    ).toBeVisible();
    expect(await exportCalls(page)).toEqual([
      { method: 'exportNumbers', payload: { scope: 'request', sid: ACME_SID } },
    ]);
  });

  test('in the browser host the file arrives as a download', async ({ page }) => {
    await openApp(page);
    await setOutcome(page, 'download');
    await page.getByRole('button', { name: 'Export' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: /Requests as CSV/ }).click();
    expect((await download).suggestedFilename()).toMatch(
      /^portdesk-requests-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    await expect(page.getByText(/^Downloading portdesk-requests-/)).toBeVisible();
  });

  test('closing the save dialog says nothing; a failure says why', async ({ page }) => {
    await openApp(page);
    await setOutcome(page, 'canceled');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /Requests as CSV/ }).click();
    await expect.poll(async () => (await exportCalls(page)).length).toBe(1);
    await expect(page.getByRole('button', { name: 'Export' })).toBeEnabled();
    await expect(page.getByText(/^Exported/)).toHaveCount(0);

    await page.evaluate(() =>
      (globalThis as unknown as FakeGlobal).__portdeskFake.failNext(
        'exportRequests',
        'internal',
        'The disk is full.',
      ),
    );
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /Requests as CSV/ }).click();
    await expect(page.getByText('The export failed: The disk is full.')).toBeVisible();
  });
});

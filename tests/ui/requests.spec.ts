import { expect, test } from '@playwright/test';
import { ACME_SID } from '../fixtures/fakeData';
import { expectAccessible, openApp, screenshots } from './helpers';

test.describe('requests list', () => {
  test('shows every request with status, counts and attention flags; accessible in both themes', async ({
    page,
  }) => {
    await openApp(page);
    await expect(page.getByText('300 requests')).toBeVisible();
    await expect(page.getByRole('grid', { name: 'Port-in requests' })).toHaveAttribute(
      'aria-rowcount',
      '301',
    );
    await expectAccessible(page);
    await screenshots(page, 'requests');
  });

  test('filters by status and searches by a phone number typed in any format', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: /^Status:/ }).click();
    await page.getByRole('menuitemcheckbox', { name: /Action required/ }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByText('25 matches')).toBeVisible();
    const rows = page.getByRole('grid', { name: 'Port-in requests' }).getByRole('row');
    await expect(rows.nth(1)).toContainText('Action required');

    await page.getByRole('searchbox', { name: 'Search requests' }).fill('(415) 555-0142');
    await expect(page.getByText('1 match', { exact: true })).toBeVisible();
    await expect(page.getByTestId(`request-row-${ACME_SID}`)).toContainText('Acme Plumbing LLC');
    await screenshots(page, 'requests-filtered');

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(page.getByText('300 requests')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search requests' }).fill('zzz no such customer');
    await expect(page.getByText('No requests match')).toBeVisible();
    await screenshots(page, 'requests-empty');
  });

  test('the attention filter and keyboard: arrows move between rows, Enter opens one', async ({
    page,
  }) => {
    await openApp(page);
    await page.getByRole('button', { name: /^LOA unsigned/ }).click();
    await expect(page.getByText(/^\d+ matches$/)).toBeVisible();
    const firstRow = page.getByRole('grid', { name: 'Port-in requests' }).getByRole('row').nth(1);
    await expect(firstRow).toContainText('LOA unsigned');
    await firstRow.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Back to requests' })).toBeVisible();
    await expect(page.getByText('The LOA is waiting for a signature')).toBeVisible();
  });

  test('scrolls 300 rows with only the visible ones in the page', async ({ page }) => {
    await openApp(page);
    const grid = page.getByRole('grid', { name: 'Port-in requests' });
    await expect(grid.getByRole('row').nth(3)).toBeVisible();
    const rendered = await grid.getByRole('row').count();
    expect(rendered).toBeLessThan(60);
    await grid.locator('.request-table__body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(grid.locator('[aria-rowindex="301"]')).toBeVisible();
  });
});

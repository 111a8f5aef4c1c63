import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

// Issue 10 §6: the search box and what the list shows always agree.
test.describe('requests search', () => {
  test('an emptied search box is final, even when the agent leaves the screen at once', async ({
    page,
  }) => {
    await openApp(page);
    const search = page.getByRole('searchbox', { name: 'Search requests' });
    await search.fill('Acme');
    await expect(page.getByText(/^\d+ match(es)?$/)).toBeVisible();

    // Emptied and left within the same moment: no debounce may swallow the clearing.
    await search.fill('');
    await page.getByRole('button', { name: /^Settings/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await page.getByRole('button', { name: /^Requests/ }).click();

    await expect(page.getByRole('searchbox', { name: 'Search requests' })).toHaveValue('');
    await expect(page.getByText('300 requests')).toBeVisible();
  });

  test('a number typed and the screen left at once is still the search on return', async ({
    page,
  }) => {
    await openApp(page);
    await page.getByRole('searchbox', { name: 'Search requests' }).fill('(415) 555-0142');
    await page.getByRole('button', { name: /^Settings/ }).click();
    await page.getByRole('button', { name: /^Requests/ }).click();
    await expect(page.getByRole('searchbox', { name: 'Search requests' })).toHaveValue(
      '(415) 555-0142',
    );
    await expect(page.getByText('1 match', { exact: true })).toBeVisible();
  });
});

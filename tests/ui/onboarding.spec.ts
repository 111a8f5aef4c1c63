import { expect, test } from '@playwright/test';
import { expectAccessible, openApp, screenshots } from './helpers';

test.describe('first run', () => {
  test('a new user sees onboarding, and a refused credential is explained in words', async ({
    page,
  }) => {
    await openApp(page, { scenario: 'empty' });
    await expect(page.getByRole('heading', { name: 'Welcome to PortDesk' })).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'onboarding');

    await page.getByRole('textbox', { name: 'Name' }).fill('Acme production');
    await page.getByRole('textbox', { name: 'Account SID' }).fill('AC123');
    await page.getByRole('button', { name: 'Test and save' }).click();
    await expect(
      page.getByText('An Account SID starts with AC followed by 32 characters'),
    ).toBeVisible();

    await page.getByRole('textbox', { name: 'Account SID' }).fill(`AC${'a'.repeat(32)}`);
    await page.getByRole('textbox', { name: 'API key SID' }).fill(`SK${'b'.repeat(32)}`);
    await page.getByLabel('API key secret').fill('wrong-secret-123');
    await page.getByRole('button', { name: 'Test and save' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'Twilio did not accept these credentials' }),
    ).toBeVisible();
    // The secret is never kept after it was sent.
    await expect(page.getByLabel('API key secret')).toHaveValue('');
    await screenshots(page, 'onboarding-refused');
  });

  test('"Explore with the built-in simulator" opens the requests of demo mode', async ({
    page,
  }) => {
    await openApp(page, { scenario: 'empty' });
    await page.getByRole('button', { name: 'Explore with the built-in simulator' }).click();
    await expect(page.getByRole('heading', { name: 'Requests', level: 1 })).toBeVisible();
    await expect(page.getByRole('row').nth(3)).toBeVisible();
    await expect(page.getByText('300 requests')).toBeVisible();
    await expect(page.getByText('Demo', { exact: true })).toBeVisible();
  });
});

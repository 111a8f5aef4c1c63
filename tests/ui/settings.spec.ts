import { expect, test } from '@playwright/test';
import { expectAccessible, openApp, screenshots } from './helpers';

test.describe('settings, accounts, outbox and the shell', () => {
  test('the theme follows the OS, and a dark or light choice overrides it', async ({ page }) => {
    await openApp(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('button', { name: /^Settings/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expectAccessible(page);
    await screenshots(page, 'settings');

    await page.getByRole('radio', { name: 'Dark' }).check({ force: true });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    // The choice wins over the OS preference.
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.screenshot({
      path: 'test-results/ui/settings-dark-chosen.png',
      animations: 'disabled',
    });

    await page.getByRole('radio', { name: 'Same as the system' }).check({ force: true });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('notification kinds and quiet hours are saved as they change', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: /^Settings/ }).click();
    const ageing = page.getByRole('switch', { name: /No port date 14 days after submission/ });
    await expect(ageing).not.toBeChecked();
    // Keyboard: focus the switch, Space toggles it.
    await ageing.focus();
    await page.keyboard.press('Space');
    await expect(ageing).toBeChecked();
    await page.getByText('Quiet hours: no pop-ups').click();
    await expect(page.getByRole('switch', { name: /Quiet hours/ })).toBeChecked();
    await expect(page.getByRole('button', { name: /From/ })).toBeEnabled();
  });

  test('every label says what is on screen: the ageing switch names the days set above it', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page);
    await page.getByRole('button', { name: /^Settings/ }).click();
    const days = page.getByRole('textbox', { name: 'Days without a port date before a flag' });
    await expect(days).toHaveValue('14');
    const ageing = page.getByRole('switch', { name: /No port date 14 days after submission/ });
    await expect(ageing).toBeAttached();
    // It points at the threshold "above": the days field is above the switch on screen.
    await expect(page.getByText('the number of days is set under Sync, above')).toBeVisible();
    const daysBox = await days.boundingBox();
    const switchBox = await page.getByText('No port date 14 days after submission').boundingBox();
    expect(daysBox && switchBox && daysBox.y < switchBox.y).toBe(true);
    // The flag's help points down at the switch, which is below.
    await expect(
      page.getByText(/a pop-up if that switch is on under Pop-up notifications, below/),
    ).toBeVisible();
    await days.fill('21');
    await days.blur();
    await expect(
      page.getByRole('switch', { name: /No port date 21 days after submission/ }),
    ).toBeAttached();
    await expect(page.getByText(/See the threshold below/)).toHaveCount(0);
    await screenshots(page, 'settings-1280');
    await page.getByText('Quiet hours: no pop-ups').scrollIntoViewIfNeeded();
    await screenshots(page, 'settings-1280-notifications');
  });

  test('accounts show the masked key SID only, never a secret', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: /^Accounts/ }).click();
    await expect(page.getByText('SK…d3m0')).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'accounts');
    await page.getByRole('button', { name: 'Add a Twilio account' }).click();
    await expect(page.getByRole('dialog', { name: 'Add a Twilio account' })).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'accounts-add');
  });

  test('an empty outbox says so', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: /^Outbox/ }).click();
    await expect(page.getByText('Nothing waiting to send')).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'outbox-empty');
  });

  test('keyboard shortcuts: help, search, new port-in, and sync now', async ({ page }) => {
    await openApp(page);
    await expect(page.getByText('300 requests')).toBeVisible();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'shortcuts');
    await page.keyboard.press('Escape');
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search requests' })).toBeFocused();
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 700, y: 40 } });
    await page.keyboard.press('Control+r');
    await expect(page.getByTestId('sync-state')).toContainText(/Syncing|Up to date/);
    await page.keyboard.press('Control+2');
    await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  });

  test('an offline sync state is shown in words', async ({ page }) => {
    await openApp(page, { online: false });
    await expect(page.getByTestId('sync-state')).toContainText('Offline');
    await expect(page.getByText(/Work is saved and queued|Work is queued/)).toBeVisible();
  });
});

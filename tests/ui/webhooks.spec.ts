import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openApp, screenshots, type FakeGlobal } from './helpers';

async function openWebhooks(page: Page) {
  await openApp(page);
  await page.getByRole('button', { name: /^Accounts/ }).click();
  await page.getByRole('button', { name: 'Webhooks' }).click();
  const dialog = page.getByRole('dialog', { name: 'Porting webhooks of Demo (simulator)' });
  await expect(dialog).toBeVisible();
  return dialog;
}

function callsOf(page: Page, method: string) {
  return page.evaluate(
    (m) =>
      (globalThis as unknown as FakeGlobal).__portdeskFake.calls
        .filter((call) => call.method === m)
        .map((call) => call.payload),
    method,
  );
}

test.describe('porting webhooks (Accounts)', () => {
  test('shows that none is set, and says PortDesk does not need them', async ({ page }) => {
    const dialog = await openWebhooks(page);
    await expect(dialog).toContainText('PortDesk polls Twilio itself and does not need webhooks');
    await expect(dialog).toContainText('Twilio has no porting webhooks for this account.');
    await expectAccessible(page);
  });

  test('a valid https address is saved at Twilio and shown as current', async ({ page }) => {
    const dialog = await openWebhooks(page);
    await dialog
      .getByLabel('Port-in address')
      .fill('https://backoffice.example.com/twilio/port-in');
    await dialog
      .getByLabel('Port-out address')
      .fill('https://backoffice.example.com/twilio/port-out');
    await dialog.getByText('Number rejected').click();
    await dialog.getByText('Request completed').click();
    await dialog.getByRole('button', { name: 'Save at Twilio' }).click();

    const current = dialog.getByRole('region', { name: 'Current configuration' });
    await expect(current).toContainText('https://backoffice.example.com/twilio/port-in');
    await expect(current).toContainText('https://backoffice.example.com/twilio/port-out');
    expect(await callsOf(page, 'setWebhookConfiguration')).toEqual([
      {
        accountId: expect.any(String) as unknown,
        portInTargetUrl: 'https://backoffice.example.com/twilio/port-in',
        portOutTargetUrl: 'https://backoffice.example.com/twilio/port-out',
        notificationsOf: ['PortInPhoneNumberRejected', 'PortInCompleted'],
      },
    ]);
    await expect(page.getByText('The webhook configuration was saved at Twilio.')).toBeVisible();
    // The events stay ticked when the dialog shows Twilio's answer.
    await expect(dialog.getByRole('checkbox', { name: 'Number rejected' })).toBeChecked();
    await expectAccessible(page);
    await screenshots(page, 'accounts-webhooks');
  });

  test('an address that is not https gets a field error and is not sent', async ({ page }) => {
    const dialog = await openWebhooks(page);
    const field = dialog.getByLabel('Port-in address');
    await field.fill('http://backoffice.example.com/port-in');
    await dialog.getByRole('button', { name: 'Save at Twilio' }).click();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog).toContainText(
      'Twilio sends webhooks over https only: the address must start with https://',
    );
    await field.fill('not an address');
    await dialog.getByRole('button', { name: 'Save at Twilio' }).click();
    await expect(dialog).toContainText('Enter a full address starting with https://');
    expect(await callsOf(page, 'setWebhookConfiguration')).toEqual([]);
    await screenshots(page, 'accounts-webhooks-invalid');
  });

  test("main's field error is shown next to its field", async ({ page }) => {
    const dialog = await openWebhooks(page);
    await page.evaluate(() =>
      (globalThis as unknown as FakeGlobal).__portdeskFake.failNext(
        'setWebhookConfiguration',
        'twilio_error',
        'Twilio refused the address',
        [{ field: 'portInTargetUrl', message: 'Twilio could not use this address' }],
      ),
    );
    await dialog.getByLabel('Port-in address').fill('https://backoffice.example.com/x');
    await dialog.getByRole('button', { name: 'Save at Twilio' }).click();
    await expect(dialog.getByLabel('Port-in address')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog).toContainText('Twilio could not use this address');
  });

  test('each type can be deleted on its own', async ({ page }) => {
    await openApp(page);
    await page.evaluate(() => {
      const fake = (globalThis as unknown as FakeGlobal).__portdeskFake;
      void fake.bridge.listAccounts().then((result) => {
        if (!result.ok || !result.data[0]) return;
        fake.exportsAndWebhooks.setWebhook({
          accountId: result.data[0].id,
          configured: true,
          portInTargetUrl: 'https://in.example.com/hook',
          portOutTargetUrl: 'https://out.example.com/hook',
          notificationsOf: [],
          portInTargetDateCreated: '2026-11-02T10:00:00Z',
          portOutTargetDateCreated: '2026-11-03T10:00:00Z',
        });
      });
    });
    await page.getByRole('button', { name: /^Accounts/ }).click();
    await page.getByRole('button', { name: 'Webhooks' }).click();
    const dialog = page.getByRole('dialog', { name: 'Porting webhooks of Demo (simulator)' });
    const current = dialog.getByRole('region', { name: 'Current configuration' });
    await expect(current).toContainText('https://in.example.com/hook');

    await dialog.getByRole('button', { name: 'Delete the port-in webhook' }).click();
    await expect(current).not.toContainText('https://in.example.com/hook');
    await expect(current).toContainText('https://out.example.com/hook');
    // The form follows Twilio's answer: the port-in field is empty now.
    await expect(dialog.getByLabel('Port-in address')).toHaveValue('');

    await dialog.getByRole('button', { name: 'Delete the port-out webhook' }).click();
    await expect(current).toContainText('Twilio has no porting webhooks for this account.');
    expect(await callsOf(page, 'deleteWebhookConfiguration')).toEqual([
      { accountId: expect.any(String) as unknown, type: 'PORT_IN' },
      { accountId: expect.any(String) as unknown, type: 'PORT_OUT' },
    ]);
  });
});

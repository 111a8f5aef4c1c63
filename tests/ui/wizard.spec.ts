import { expect, test, type Page } from '@playwright/test';
import { dropFile, expectAccessible, openApp, screenshots, type FakeGlobal } from './helpers';
import { utilityBillPdf } from './pdf';

const PASTED = [
  '(415) 555-0132',
  '415.555.0133, +1 415 555 0134',
  'Main line: 1-415-555-0135 ext 12',
  '(415) 555-0132',
  '800-555-0100',
  '+44 20 7946 0958',
  '415-555-01',
  '(212) 555-0117',
  '(415) 555-0113',
].join('\n');

async function startDraft(page: Page) {
  await openApp(page);
  await page.getByRole('button', { name: 'New port-in' }).first().click();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: 'Numbers to port' })).toBeVisible();
}

async function next(page: Page, label: string) {
  await page.getByRole('button', { name: `Next: ${label}` }).click();
}

test.describe('new port-in wizard', () => {
  test('pasted numbers are checked line by line: bad lines explained, duplicates merged', async ({
    page,
  }) => {
    await startDraft(page);
    await page.getByRole('textbox', { name: 'Paste numbers' }).fill(PASTED);
    const problems = page.getByRole('list', { name: 'Lines that need attention' });
    await expect(problems).toContainText('Toll-free');
    await expect(problems).toContainText('Not a US number');
    await expect(problems).toContainText('has 8 digits');
    await expect(problems).toContainText('already on line 1');
    await expect(page.getByText('6 numbers ready')).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'wizard-numbers-pasted');

    await page.getByRole('button', { name: 'Add 6 numbers' }).click();
    await expect(page.getByRole('heading', { name: 'In this request: 6 numbers' })).toBeVisible();
    // The invalid line stays in the box to be fixed in place.
    await expect(page.getByRole('textbox', { name: 'Paste numbers' })).toHaveValue('415-555-01');
    await screenshots(page, 'wizard-numbers-added');
  });

  test('the whole wizard: portability, carrier, a dropped PDF bill, date, submit offline then online', async ({
    page,
  }) => {
    // Six screens, each checked by axe in two themes.
    test.setTimeout(300_000);
    await startDraft(page);
    await page.getByRole('textbox', { name: 'Paste numbers' }).fill(PASTED);
    await page.getByRole('button', { name: 'Add 6 numbers' }).click();

    await next(page, 'Portability');
    await page.getByRole('button', { name: 'Check 6 numbers' }).click();
    await expect(page.getByRole('heading', { name: 'Not portable (1)' })).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'PIN and account number required (1)' }),
    ).toBeVisible();
    await expect(
      page
        .getByText('Number belongs to another Twilio account')
        .or(page.getByText(/another Twilio account/))
        .first(),
    ).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'wizard-portability');
    await page.getByRole('button', { name: 'Remove 1 non-portable number' }).click();
    await expect(page.getByRole('heading', { name: /Not portable/ })).toBeHidden();
    await page.getByRole('textbox', { name: 'PIN for (212) 555-0117' }).fill('4321');

    await next(page, 'Carrier details');
    await page.getByRole('radio', { name: 'Business' }).check({ force: true });
    await page.getByRole('textbox', { name: 'Customer name' }).fill('Wayne Enterprises');
    await page.getByRole('textbox', { name: 'Account number' }).fill('88812345');
    await page.getByRole('textbox', { name: 'Full name' }).fill('Lucius Fox');
    await page.getByRole('textbox', { name: 'Email' }).fill('lucius@wayne.example');
    await page.getByRole('textbox', { name: 'Street' }).first().fill('1007 Mountain Dr');
    await page.getByRole('textbox', { name: 'City' }).fill('Gotham');
    await page.getByRole('textbox', { name: 'State' }).fill('ZZ');
    await page.getByRole('textbox', { name: 'ZIP code' }).fill('10001');
    await page.getByRole('textbox', { name: 'ZIP code' }).blur();
    await page.getByRole('textbox', { name: 'State' }).focus();
    await page.getByRole('textbox', { name: 'State' }).blur();
    await expect(page.getByText(/State must be a 2-letter US code/)).toBeVisible();
    await page.getByRole('textbox', { name: 'State' }).fill('NY');
    await expect(page.getByText(/State must be a 2-letter US code/)).toBeHidden();
    await expectAccessible(page);
    await screenshots(page, 'wizard-carrier');

    await next(page, 'Utility bill');
    await dropFile(page, 'bill-dropzone', {
      name: 'notes.txt',
      type: 'text/plain',
      text: 'not a bill',
    });
    await expect(
      page.getByRole('alert').filter({ hasText: 'notes.txt is not a PDF, JPEG or PNG' }),
    ).toBeVisible();
    await dropFile(page, 'bill-dropzone', {
      name: 'huge-scan.pdf',
      type: 'application/pdf',
      sizeBytes: 11 * 1024 * 1024,
    });
    await expect(
      page.getByRole('alert').filter({
        hasText: 'huge-scan.pdf is 11.0 MB; Twilio accepts a utility bill of at most 10 MB',
      }),
    ).toBeVisible();
    await screenshots(page, 'wizard-bill-refused');
    await dropFile(page, 'bill-dropzone', {
      name: 'wayne-bill-november.pdf',
      type: 'application/pdf',
      text: utilityBillPdf(),
    });
    await expect(page.getByTestId('bill-card')).toContainText('wayne-bill-november.pdf');
    await expect(page.getByTestId('bill-card')).toContainText('PDF');
    await expectAccessible(page);
    await screenshots(page, 'wizard-bill');

    await next(page, 'Port date');
    await page.getByRole('button', { name: /^Use / }).click();
    await expect(page.getByRole('button', { name: 'Clear the date' })).toBeVisible();
    await page.getByRole('button', { name: 'Open the calendar' }).click();
    await expect(page.getByRole('dialog', { name: 'Choose the target port date' })).toBeVisible();
    await screenshots(page, 'wizard-date-calendar');
    await page.keyboard.press('Escape');
    await expectAccessible(page);
    await screenshots(page, 'wizard-date');

    await next(page, 'Review');
    await expect(page.getByText('Ready to submit')).toBeVisible();
    await screenshots(page, 'wizard-review');

    await page.evaluate(() =>
      (globalThis as unknown as FakeGlobal).__portdeskFake.setOnline(false),
    );
    await expect(page.getByTestId('sync-state')).toContainText('Offline');
    await page.getByRole('button', { name: 'Submit port-in for 5 numbers' }).click();
    await expect(
      page.getByRole('heading', { name: 'Queued — will send when online' }),
    ).toBeVisible();
    await screenshots(page, 'wizard-queued-offline');

    await page.getByRole('button', { name: 'Open the outbox' }).click();
    await expect(page.getByText('Create port-in for Wayne Enterprises (5 numbers)')).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'outbox-waiting');

    await page.evaluate(() => (globalThis as unknown as FakeGlobal).__portdeskFake.setOnline(true));
    await expect(page.getByText('Nothing waiting to send')).toBeVisible();
    await page.getByRole('button', { name: /^Requests/ }).click();
    await page.getByRole('searchbox', { name: 'Search requests' }).fill('Wayne');
    const row = page.getByRole('grid', { name: 'Port-in requests' }).getByRole('row').nth(1);
    await expect(row).toContainText('Wayne Enterprises');
    await expect(row).toContainText(/KW[0-9a-f]{32}/);
  });

  test('the draft is saved as the agent types and comes back after leaving', async ({ page }) => {
    await startDraft(page);
    await page.getByRole('textbox', { name: 'Paste numbers' }).fill('(415) 555-0132');
    await page.getByRole('button', { name: 'Add 1 number' }).click();
    await expect(page.getByText(/Draft saved/)).toBeVisible();
    await page.getByRole('button', { name: /^Settings/ }).click();
    await page.getByRole('button', { name: 'New port-in' }).first().click();
    await expect(page.getByText('1 number · Demo (simulator)')).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'wizard-drafts');
  });

  test('a CSV import finds the phone and PIN columns and shows a preview first', async ({
    page,
  }) => {
    await startDraft(page);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'numbers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Line,Phone number,PIN\nMain,(415) 555-0132,1234\nFax,415.555.0133,\nOld,555-01,\n',
      ),
    });
    const dialog = page.getByRole('dialog', { name: 'Import numbers from numbers.csv' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: /Phone number \(column 2\)/ })).toBeVisible();
    await expect(dialog.getByRole('button', { name: /PIN \(column 3\)/ })).toBeVisible();
    await expect(dialog).toContainText('2 numbers to add (1 PIN)');
    await expectAccessible(page);
    await screenshots(page, 'wizard-csv-import');
    await dialog.getByRole('button', { name: 'Add 2 numbers' }).click();
    await expect(page.getByRole('heading', { name: 'In this request: 2 numbers' })).toBeVisible();
  });
});

test.describe('new port-in wizard against main’s timing', () => {
  async function toBillStep(page: Page) {
    await startDraft(page);
    await page
      .getByRole('button', { name: /Utility bill/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { name: 'Utility bill' })).toBeVisible();
  }

  test('a file whose name says PDF but whose bytes do not is refused before it is sent', async ({
    page,
  }) => {
    await toBillStep(page);
    await dropFile(page, 'bill-dropzone', {
      name: 'scan.pdf',
      type: 'application/pdf',
      text: 'Account 88812345 - notes from the call, not the bill',
    });
    await expect(page.getByRole('alert').filter({ hasText: 'scan.pdf' })).toContainText(
      'scan.pdf is not a PDF, JPEG or PNG by its content',
    );
    const attachCalls = await page.evaluate(
      () =>
        (globalThis as unknown as FakeGlobal).__portdeskFake.calls.filter(
          (call) => call.method === 'attachBill',
        ).length,
    );
    expect(attachCalls).toBe(0);
  });

  test('a progress event that arrives after the bill is attached does not bring the upload back', async ({
    page,
  }) => {
    await toBillStep(page);
    await dropFile(page, 'bill-dropzone', {
      name: 'bill.pdf',
      type: 'application/pdf',
      text: utilityBillPdf(),
    });
    await expect(page.getByTestId('bill-card')).toContainText('bill.pdf');
    // Main's events and its answers travel apart: a late "storing" must change nothing.
    await page.evaluate(() => {
      const fake = (globalThis as unknown as FakeGlobal).__portdeskFake;
      const attach = fake.calls.find((call) => call.method === 'attachBill');
      const { draftId } = attach?.payload as { draftId: number };
      fake.emit('onUploadProgress', {
        draftId,
        name: 'bill.pdf',
        phase: 'storing',
        loadedBytes: 600,
        totalBytes: 600,
        message: null,
      });
    });
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Replace…' })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Remove bill.pdf' })).toBeEnabled();
  });

  test('a queued submit turns into "submitted" with the SID once the outbox has sent it', async ({
    page,
  }) => {
    await startDraft(page);
    await page.getByRole('textbox', { name: 'Paste numbers' }).fill('(415) 555-0132');
    await page.getByRole('button', { name: 'Add 1 number' }).click();
    await next(page, 'Portability');
    await next(page, 'Carrier details');
    await page.getByRole('radio', { name: 'Business' }).check({ force: true });
    await page.getByRole('textbox', { name: 'Customer name' }).fill('Wayne Enterprises');
    await page.getByRole('textbox', { name: 'Full name' }).fill('Lucius Fox');
    await page.getByRole('textbox', { name: 'Email' }).fill('lucius@wayne.example');
    await page.getByRole('textbox', { name: 'Street' }).first().fill('1007 Mountain Dr');
    await page.getByRole('textbox', { name: 'City' }).fill('Gotham');
    await page.getByRole('textbox', { name: 'State' }).fill('NY');
    await page.getByRole('textbox', { name: 'ZIP code' }).fill('10001');
    await next(page, 'Utility bill');
    await dropFile(page, 'bill-dropzone', {
      name: 'bill.pdf',
      type: 'application/pdf',
      text: utilityBillPdf(),
    });
    await expect(page.getByTestId('bill-card')).toContainText('bill.pdf');
    await next(page, 'Port date');
    await next(page, 'Review');
    await expect(page.getByText('Ready to submit')).toBeVisible();
    await page.evaluate(() =>
      (globalThis as unknown as FakeGlobal).__portdeskFake.setOnline(false),
    );
    await page.getByRole('button', { name: 'Submit port-in for 1 number' }).click();
    await expect(
      page.getByRole('heading', { name: 'Queued — will send when online' }),
    ).toBeVisible();

    await page.evaluate(() => (globalThis as unknown as FakeGlobal).__portdeskFake.setOnline(true));
    await expect(page.getByRole('heading', { name: 'Port-in request submitted' })).toBeVisible();
    await expect(page.getByText(/Twilio created request KW[0-9a-f]{32}/)).toBeVisible();
  });
});

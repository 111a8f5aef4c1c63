import { expect, test, type Page } from '@playwright/test';
import {
  dropFile,
  expectAccessible,
  openApp,
  pickState,
  screenshots,
  type FakeGlobal,
} from './helpers';
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

/** A drag that enters the element and leaves it again without dropping anything. */
async function dragAcross(page: Page, testId: string) {
  await page.getByTestId(testId).evaluate((element) => {
    const g = globalThis as unknown as {
      DragEvent: new (type: string, init: Record<string, unknown>) => unknown;
    };
    for (const type of ['dragenter', 'dragleave']) {
      element.dispatchEvent(new g.DragEvent(type, { bubbles: true, cancelable: true }) as Event);
    }
  });
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
    // Toll-free and foreign numbers leave the box, but not silently: listed with the reasons.
    const notAdded = page.getByRole('list', { name: 'Numbers not added' });
    await expect(notAdded.getByRole('listitem')).toHaveCount(2);
    await expect(notAdded.getByRole('listitem').nth(0)).toContainText(
      'Toll-free 800-555-0100 — (800) 555-0100 is a toll-free number',
    );
    await expect(notAdded.getByRole('listitem').nth(1)).toContainText(
      /Not a US number \+44 20 7946 0958 — .*US numbers only/,
    );
    await expect(page.getByText('Not added: 2 numbers')).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'wizard-numbers-added');

    // The same paste again lists nothing twice; Copy hands them over for a manual port.
    await page.getByRole('textbox', { name: 'Paste numbers' }).fill('800-555-0100\n(415) 555-0136');
    await page.getByRole('button', { name: 'Add 1 number' }).click();
    await expect(notAdded.getByRole('listitem')).toHaveCount(2);
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect
      .poll(() =>
        page.evaluate(() => (globalThis as unknown as FakeGlobal).__portdeskFake.lastCopied),
      )
      .toBe('800-555-0100\n+44 20 7946 0958');
    // The list survives a trip to another step, until dismissed.
    await next(page, 'Portability');
    await page.getByRole('button', { name: 'Back: Numbers' }).click();
    await expect(notAdded.getByRole('listitem')).toHaveCount(2);
    await page
      .locator('.banner')
      .filter({ hasText: 'Not added:' })
      .getByRole('button', { name: 'Dismiss' })
      .click();
    await expect(notAdded).toBeHidden();
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
    await pickState(page, 'NY');
    await page.getByRole('textbox', { name: 'ZIP code' }).fill('1000');
    await page.getByRole('textbox', { name: 'ZIP code' }).blur();
    await expect(page.getByText(/ZIP code must be 5 digits/)).toBeVisible();
    await page.getByRole('textbox', { name: 'ZIP code' }).fill('10001');
    await expect(page.getByText(/ZIP code must be 5 digits/)).toBeHidden();
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
    const dropzone = page.getByTestId('bill-dropzone');
    await expect(dropzone).toHaveClass(/dropzone--reject/);
    // The next drag returns the zone to normal; the reason stays until a file replaces it.
    await dragAcross(page, 'bill-dropzone');
    await expect(dropzone).not.toHaveClass(/dropzone--reject/);
    await expect(
      page.getByRole('alert').filter({ hasText: 'huge-scan.pdf is 11.0 MB' }),
    ).toBeVisible();
    await screenshots(page, 'wizard-bill-refused-then-drag');
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
    // Reopened at the first step with a problem (the carrier details are still empty).
    await page.getByRole('button', { name: /^Untitled draft/ }).click();
    await expect(page.getByRole('heading', { name: 'Losing carrier details' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Carrier details/ }).first()).toHaveAttribute(
      'aria-current',
      'step',
    );
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

  /** One number, the carrier details, a bill: a draft ready to submit, shown on Review. */
  async function completeDraft(page: Page, carrier: { btn?: string } = {}) {
    await startDraft(page);
    await page.getByRole('textbox', { name: 'Paste numbers' }).fill('(415) 555-0132');
    await page.getByRole('button', { name: 'Add 1 number' }).click();
    await next(page, 'Portability');
    await next(page, 'Carrier details');
    await page.getByRole('radio', { name: 'Business' }).check({ force: true });
    await page.getByRole('textbox', { name: 'Customer name' }).fill('Wayne Enterprises');
    if (carrier.btn) {
      await page.getByRole('textbox', { name: 'Billing telephone number (BTN)' }).fill(carrier.btn);
    }
    await page.getByRole('textbox', { name: 'Full name' }).fill('Lucius Fox');
    await page.getByRole('textbox', { name: 'Email' }).fill('lucius@wayne.example');
    await page.getByRole('textbox', { name: 'Street' }).first().fill('1007 Mountain Dr');
    await page.getByRole('textbox', { name: 'City' }).fill('Gotham');
    await pickState(page, 'NY');
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
  }

  test('a refused submit takes "Ready to submit" away and says what stopped it; sent, it shows Sending…, then submitted', async ({
    page,
  }) => {
    await completeDraft(page, { btn: '2125550100' });
    // The BTN as typed, shown like every other number.
    await expect(page.getByRole('region', { name: 'Losing carrier' })).toContainText(
      '— / (212) 555-0100',
    );
    const held = [
      '(415) 555-0132 is still in request KWacce55ed00000000000000000000a001 (Rejected): cancel it there first.',
      'PortDesk could not read the bill again.',
    ];
    await page.evaluate(
      (messages) =>
        (globalThis as unknown as FakeGlobal).__portdeskFake.failNext(
          'submitDraft',
          'validation_failed',
          'The draft is not ready to submit: 2 fields need attention.',
          [
            { field: 'phoneNumbers.0.phoneNumber', message: messages[0] ?? '' },
            { field: 'bill', message: messages[1] ?? '' },
          ],
        ),
      held,
    );
    await page.getByRole('button', { name: 'Submit port-in for 1 number' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'The request was not submitted' }),
    ).toContainText('2 fields need attention');
    await expect(page.getByText('Ready to submit', { exact: true })).toBeHidden();
    const toFix = page.locator('.banner').filter({ hasText: '2 things to fix before submitting' });
    await expect(toFix).toContainText(held[0] ?? '');
    await expect(toFix).toContainText(held[1] ?? '');
    await expectAccessible(page);
    await screenshots(page, 'wizard-submit-refused');

    // The next submit goes out: main only queues it, the outbox sends it a moment later.
    await page.getByRole('button', { name: 'Submit port-in for 1 number' }).click();
    await expect(
      page
        .getByRole('heading', { name: 'Sending…' })
        .or(page.getByRole('heading', { name: 'Port-in request submitted' })),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Port-in request submitted' })).toBeVisible();
    await expect(page.getByText(/Twilio created request KW[0-9a-f]{32}/)).toBeVisible();
    await expect(page.getByText('The request was not submitted')).toBeHidden();
  });

  test('a refusal that names its number alone is said once, in the refusal', async ({ page }) => {
    await completeDraft(page);
    const message =
      '(415) 555-0132 is still being canceled in request KWacce55ed00000000000000000000a001.';
    await page.evaluate(
      (m) =>
        (globalThis as unknown as FakeGlobal).__portdeskFake.failNext(
          'submitDraft',
          'validation_failed',
          m,
          [{ field: 'phoneNumbers.0.phoneNumber', message: m }],
        ),
      message,
    );
    await page.getByRole('button', { name: 'Submit port-in for 1 number' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'The request was not submitted' }),
    ).toContainText(message);
    await expect(page.getByText('Ready to submit', { exact: true })).toBeHidden();
    await expect(page.getByText(message)).toHaveCount(1);
    await screenshots(page, 'wizard-submit-held');
  });

  test('a queued submit turns into "submitted" with the SID once the outbox has sent it', async ({
    page,
  }) => {
    await completeDraft(page);
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

import { expect, test, type Page } from '@playwright/test';
import { contentSecurityPolicy } from '../../main/host/security/contentSecurity';
import { INITECH_SID } from '../fixtures/fakeData';
import {
  dropFile,
  expectAccessible,
  openApp,
  pickState,
  screenshots,
  type FakeGlobal,
} from './helpers';
import { utilityBillPdf } from './pdf';

// Issue 10 §7: what the wizard shows is true, and it stops what carriers reject.
test.use({ viewport: { width: 1280, height: 800 } });

async function startDraft(page: Page) {
  await openApp(page);
  await page.getByRole('button', { name: 'New port-in' }).first().click();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: 'Numbers to port' })).toBeVisible();
}

async function addNumbers(page: Page, text: string, count: number) {
  await page.getByRole('textbox', { name: 'Paste numbers' }).fill(text);
  await page.getByRole('button', { name: `Add ${count} number${count === 1 ? '' : 's'}` }).click();
  await expect(
    page.getByRole('heading', {
      name: `In this request: ${count} number${count === 1 ? '' : 's'}`,
    }),
  ).toBeVisible();
}

function step(page: Page, name: RegExp) {
  return page.getByRole('navigation', { name: 'Steps of the new port-in' }).getByRole('button', {
    name,
  });
}

/** Drops several files at once, as a user dragging a selection from the file manager. */
async function dropFiles(page: Page, testId: string, files: { name: string; text: string }[]) {
  await page.getByTestId(testId).evaluate((element, list) => {
    const g = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: unknown): void } };
      DragEvent: new (type: string, init: Record<string, unknown>) => Event;
      File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
    };
    const transfer = new g.DataTransfer();
    for (const f of list) {
      transfer.items.add(new g.File([f.text], f.name, { type: 'application/pdf' }));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      element.dispatchEvent(
        new g.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
      );
    }
  }, files);
}

test.describe('wizard hygiene', () => {
  test('portability tallies count each number once and agree with the lists', async ({ page }) => {
    await startDraft(page);
    // 16 numbers: …0107 and …0117 need a PIN, …0113 is not portable (the fake's rules).
    const numbers = [
      ...Array.from({ length: 12 }, (_, i) => `(415) 555-01${String(i + 1).padStart(2, '0')}`),
      '(415) 555-0113',
      '(415) 555-0117',
      '(415) 555-0118',
      '(415) 555-0119',
    ];
    await addNumbers(page, numbers.join('\n'), 16);
    await page.getByRole('button', { name: 'Next: Portability' }).click();
    await page.getByRole('button', { name: 'Check 16 numbers' }).click();
    await expect(page.getByRole('heading', { name: 'Not portable (1)' })).toBeVisible();

    const tally = async (label: string) =>
      Number(
        await page
          .locator('.tally__item')
          .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
          .locator('dd')
          .innerText(),
      );
    const counts = {
      portable: await tally('Portable'),
      pin: await tally('Portable, need PIN'),
      notPortable: await tally('Not portable'),
      failed: await tally('Check failed'),
      unchecked: await tally('Not checked'),
    };
    expect(counts).toEqual({ portable: 13, pin: 2, notPortable: 1, failed: 0, unchecked: 0 });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(16);
    await expect(page.getByRole('heading', { name: 'Portable (13)' })).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'PIN and account number required (2)' }),
    ).toBeVisible();
    await screenshots(page, 'hygiene-portability-tally');
  });

  test('a number another request holds names that request, links to it, and Review’s Edit lands on it', async ({
    page,
  }) => {
    await startDraft(page);
    const held = await page.evaluate(
      (sid) => (globalThis as unknown as FakeGlobal).__portdeskFake.phoneNumbersOf(sid)[0] ?? '',
      INITECH_SID,
    );
    await addNumbers(page, `(415) 555-0132\n${held}`, 2);
    await page.getByRole('button', { name: 'Next: Portability' }).click();
    await page.getByRole('button', { name: 'Check 2 numbers' }).click();
    const notice = page.locator('.banner').filter({ hasText: 'Already in a request PortDesk has' });
    await expect(notice).toContainText(`Initech’s request ${INITECH_SID}`);
    await expect(notice).toContainText('(this account; there it is waiting for signature)');
    await expectAccessible(page);
    await screenshots(page, 'hygiene-held-portability');

    // Marked on the Numbers step.
    await step(page, /Numbers/).click();
    const chip = page.locator('[data-number-index="1"]');
    await expect(chip).toHaveClass(/number-chip--problem/);
    await expect(chip).toContainText('in another request');
    // Said with Twilio's reason, not as if none had been given.
    const toFix = page.getByRole('list', { name: 'Numbers to fix' });
    await expect(toFix).toContainText('number is in one of your (sub)accounts');
    await expect(toFix).not.toContainText('no reason');
    await screenshots(page, 'hygiene-held-numbers');

    // Review's Edit on Numbers brings that number into view, focused.
    await step(page, /Review/).click();
    await page.getByRole('button', { name: 'Edit numbers' }).click();
    await expect(page.getByRole('heading', { name: 'Numbers to port' })).toBeVisible();
    await expect(chip).toBeFocused();

    // The link opens the request that holds it.
    await page.getByRole('button', { name: /^Open KW1417ec/ }).click();
    await expect(page.getByRole('button', { name: 'Back to requests' })).toBeVisible();
    await expect(page.getByText(INITECH_SID).first()).toBeVisible();
  });

  test('a CSV import lists every row it did not add, with the reason', async ({ page }) => {
    await startDraft(page);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'numbers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'Line,Phone number,PIN',
          'Main,(415) 555-0132,1234',
          'Fax,415.555.0133,',
          'Old,555-01,',
          'Free,800-555-0100,',
          'Again,(415) 555-0132,',
          'Empty,,',
          'Note,not a number,',
        ].join('\n'),
      ),
    });
    const dialog = page.getByRole('dialog', { name: 'Import numbers from numbers.csv' });
    await expect(dialog).toContainText('2 numbers to add (1 PIN) · 5 rows not added');
    const inDialog = dialog.getByRole('list', { name: 'Rows not added' });
    await expect(inDialog.getByRole('listitem')).toHaveCount(5);
    await expectAccessible(page);
    await screenshots(page, 'hygiene-csv-dialog');
    await dialog.getByRole('button', { name: 'Add 2 numbers' }).click();

    const notAdded = page.getByRole('list', { name: 'Numbers not added' });
    const rows = notAdded.getByRole('listitem');
    await expect(rows).toHaveCount(5);
    await expect(rows.nth(0)).toContainText('Row 4, “555-01” —');
    await expect(rows.nth(1)).toContainText(
      'Row 5, “800-555-0100” — (800) 555-0100 is a toll-free',
    );
    await expect(rows.nth(2)).toContainText('Row 6, “(415) 555-0132” — the same number as row 2');
    await expect(rows.nth(3)).toContainText('Row 7 — the phone column is empty');
    await expect(rows.nth(4)).toContainText('Row 8, “not a number” — not a phone number');
    await expect(page.getByText('Not added: 5 rows')).toBeVisible();
    await screenshots(page, 'hygiene-csv-not-added');
  });

  test('carrier checks block Next; the sidebar leaves and marks the step; address errors sit below the row', async ({
    page,
  }) => {
    await startDraft(page);
    await addNumbers(page, '(415) 555-0132', 1);
    // Not visited yet: no warning on the later steps, though their fields are empty.
    await expect(page.locator('.stepper__problem[aria-label$="to fix"]')).toHaveCount(0);
    await step(page, /Carrier details/).click();
    await page.getByRole('textbox', { name: 'Customer name' }).fill('Wayne Enterprises');
    await page.getByRole('textbox', { name: 'Street' }).first().fill('1007 Mountain Dr');
    await page.getByRole('textbox', { name: 'City' }).fill('Gotham');
    await page.getByRole('textbox', { name: 'ZIP code' }).fill('1000');
    // Leaving the field shows its error (and moves what is below it) before Next is pressed.
    await page.getByRole('textbox', { name: 'ZIP code' }).blur();
    await expect(page.getByRole('list', { name: 'Address problems' })).toBeVisible();
    await page.getByRole('button', { name: 'Next: Utility bill' }).click();
    // Still here, told why.
    await expect(page.getByRole('heading', { name: 'Losing carrier details' })).toBeVisible();
    await expect(page.locator('.wizard__blocked')).toContainText('to fix on this step');
    const addressErrors = page.getByRole('list', { name: 'Address problems' });
    await expect(addressErrors).toContainText('State:');
    await expect(addressErrors).toContainText('ZIP code: ZIP code must be 5 digits');
    // Each error line is as wide as the row, not squeezed into the ZIP column.
    const rowBox = await page.locator('.form-grid--address').boundingBox();
    const zipError = addressErrors.getByRole('listitem').filter({ hasText: 'ZIP code:' });
    const zipBox = await zipError.boundingBox();
    expect(zipBox && rowBox && zipBox.width > rowBox.width * 0.9).toBe(true);
    expect(zipBox && zipBox.height < 40).toBe(true);
    await expectAccessible(page);
    await addressErrors.scrollIntoViewIfNeeded();
    await screenshots(page, 'hygiene-carrier-blocked');

    await pickState(page, 'NY');
    await page.getByRole('textbox', { name: 'ZIP code' }).fill('10001');
    await expect(addressErrors.getByText('ZIP code:')).toHaveCount(0);
    await expect(addressErrors.getByText('State:')).toHaveCount(0);

    // What carriers reject, caught by the shared rules (the same main applies at submit).
    await page.getByRole('textbox', { name: 'City' }).fill('10001');
    await expect(addressErrors).toContainText(
      'City: Enter the city of the service address in letters',
    );
    await page.getByRole('textbox', { name: 'City' }).fill('Gotham');
    await page.getByRole('textbox', { name: 'Full name' }).fill('Lucius');
    await expect(
      page.getByText('Enter the first and last name, as on the carrier account'),
    ).toBeVisible();
    await page.getByRole('textbox', { name: 'Full name' }).fill('Lucius Fox');
    await page.getByRole('textbox', { name: 'Account number' }).fill('888 123 45');
    await expect(page.getByText('Enter the account number without spaces')).toBeVisible();
    await page.getByRole('textbox', { name: 'Account number' }).fill('88812345');
    await page.getByRole('textbox', { name: 'Email' }).fill('lucius@wayne');
    await expect(page.getByText('"lucius@wayne" is not a valid email address.')).toBeVisible();
    await page.getByRole('textbox', { name: 'Email' }).fill('lucius@wayne.example');
    await page.getByRole('radio', { name: 'Business' }).scrollIntoViewIfNeeded();
    await page.getByText('Business', { exact: true }).click();
    await expect(page.getByRole('radio', { name: 'Business' })).toBeChecked();
    await expect(page.locator('.wizard__blocked')).toHaveCount(0);
    await expect(
      page.locator('.wizard__step').locator('.field__error, .row-errors li'),
    ).toHaveCount(0);
    // The state is stored as its code.
    await expect(page.locator('.state-field').getByRole('button')).toContainText('NY — New York');

    // One problem left (the e-mail emptied again): the sidebar leaves anyway, and marks it.
    await page.getByRole('textbox', { name: 'Email' }).fill('');
    await page.getByRole('button', { name: 'Next: Utility bill' }).click();
    await expect(page.locator('.wizard__blocked')).toContainText('1 problem to fix');

    await step(page, /Port date/).click();
    await expect(step(page, /Carrier details/).locator('.stepper__problem')).toBeVisible();
    await expect(step(page, /Utility bill/).locator('.stepper__problem')).toHaveCount(0);
    await screenshots(page, 'hygiene-stepper-marks');
  });

  test('a PIN takes letters and digits only, with the carriers’ usual format beside it', async ({
    page,
  }) => {
    await startDraft(page);
    await addNumbers(page, '(212) 555-0117', 1);
    await page.getByRole('button', { name: 'Next: Portability' }).click();
    await page.getByRole('button', { name: 'Check 1 number' }).click();
    await expect(page.getByText(/^PINs: Letters and digits only/)).toBeVisible();
    const pin = page.getByRole('textbox', { name: 'PIN for (212) 555-0117' });
    await pin.fill('12-34');
    await pin.blur();
    await expect(page.getByText('A PIN has letters and digits only')).toBeVisible();
    await page.getByRole('button', { name: 'Next: Carrier details' }).click();
    await expect(page.getByRole('heading', { name: 'Portability check' })).toBeVisible();
    await screenshots(page, 'hygiene-pin');
    await pin.fill('1234');
    await page.getByRole('button', { name: 'Next: Carrier details' }).click();
    await expect(page.getByRole('heading', { name: 'Losing carrier details' })).toBeVisible();
  });

  test('removing every number asks first', async ({ page }) => {
    await startDraft(page);
    await addNumbers(page, '(415) 555-0132\n(415) 555-0133', 2);
    await page.getByRole('button', { name: 'Remove all' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Remove all 2 numbers?' });
    await expect(confirm).toBeVisible();
    await screenshots(page, 'hygiene-remove-all');
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await expect(page.getByRole('heading', { name: 'In this request: 2 numbers' })).toBeVisible();
    await page.getByRole('button', { name: 'Remove all' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove all' }).click();
    await expect(page.getByRole('heading', { name: 'In this request: 0 numbers' })).toBeVisible();
  });

  test('two files dropped at once give one message; an EXE is "an EXE file"', async ({ page }) => {
    await startDraft(page);
    await step(page, /Utility bill/).click();
    await dropFiles(page, 'bill-dropzone', [
      { name: 'bill-a.pdf', text: utilityBillPdf() },
      { name: 'bill-b.pdf', text: utilityBillPdf() },
    ]);
    const refusals = page.locator('.banner').filter({ hasText: 'File refused' });
    await expect(refusals).toHaveCount(1);
    await expect(refusals).toContainText('2 files came at once (bill-a.pdf, bill-b.pdf)');
    await screenshots(page, 'hygiene-bill-two-files');

    await dropFile(page, 'bill-dropzone', {
      name: 'setup.pdf',
      type: 'application/pdf',
      // A Windows program: "MZ", then the PE header's offset and signature where file-type looks.
      text: `MZ${'\u0000'.repeat(58)}\u0040\u0000\u0000\u0000PE\u0000\u0000${'\u0000'.repeat(40)}`,
    });
    const exe = page.getByRole('alert').filter({ hasText: 'setup.pdf' });
    await expect(exe).toContainText('(it is an EXE file)');
    await expect(exe).not.toContainText('a EXE');
  });
});

test.describe('bill preview', () => {
  async function toBillStep(page: Page) {
    await startDraft(page);
    await step(page, /Utility bill/).click();
    await expect(page.getByRole('heading', { name: 'Utility bill' })).toBeVisible();
  }

  test('a PDF bill shows its first page, its page count and size before submit', async ({
    page,
  }) => {
    // The renderer's CSP on every response, as the hosts serve it (the UI host serves none):
    // pdf.js and its worker must run under it, without eval. Style violations are left out
    // (this host writes no nonce); the rest are recorded as the page sees them.
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': contentSecurityPolicy() },
      });
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (globalThis as unknown as { __csp: string[] }).__csp = seen;
      const page = globalThis as unknown as {
        document: {
          addEventListener(
            type: 'securitypolicyviolation',
            listener: (event: { violatedDirective: string; blockedURI: string }) => void,
          ): void;
        };
      };
      page.document.addEventListener('securitypolicyviolation', (event) => {
        if (!event.violatedDirective.startsWith('style-src')) {
          seen.push(`${event.violatedDirective} ${event.blockedURI}`);
        }
      });
    });
    await toBillStep(page);
    // Only what happens from the drop on: pdf.js, loaded then. (zod probes `new Function` once
    // at start, caught and harmless, which the page reports as a violation too.)
    await page.evaluate(() => {
      (globalThis as unknown as { __csp: string[] }).__csp.length = 0;
    });
    await dropFile(page, 'bill-dropzone', {
      name: 'wayne-bill.pdf',
      type: 'application/pdf',
      text: utilityBillPdf(),
    });
    const preview = page.getByRole('region', { name: 'Preview of wayne-bill.pdf' });
    await expect(preview.getByTestId('bill-preview-facts')).toContainText(
      '1 page · Letter, 8.5 × 11 in',
    );
    const canvas = preview.getByRole('img', { name: 'First page of wayne-bill.pdf' });
    await expect(canvas).toBeVisible();
    // Drawn, not blank: the page's line of text left dark pixels on the canvas.
    const inked = await canvas.evaluate((element) => {
      const c = element as unknown as {
        width: number;
        height: number;
        getContext(kind: '2d'): {
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        } | null;
      };
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(20);
    expect(await page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp)).toEqual(
      [],
    );
    await expectAccessible(page);
    await screenshots(page, 'hygiene-bill-preview');
  });

  test('an unreadable PDF says so', async ({ page }) => {
    await toBillStep(page);
    await dropFile(page, 'bill-dropzone', {
      name: 'broken.pdf',
      type: 'application/pdf',
      text: '%PDF-1.4\nthis is not really a PDF at all',
    });
    await expect(page.getByTestId('bill-card')).toContainText('broken.pdf');
    await expect(
      page.getByRole('alert').filter({ hasText: 'PortDesk cannot read this PDF' }),
    ).toBeVisible();
    await screenshots(page, 'hygiene-bill-unreadable');
  });
});

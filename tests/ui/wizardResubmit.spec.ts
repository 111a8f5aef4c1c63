import { expect, test, type Page } from '@playwright/test';
import { ACME_SID, INITECH_SID } from '../fixtures/fakeData';
import { dropFile, expectAccessible, openApp, screenshots, type FakeGlobal } from './helpers';
import { utilityBillPdf } from './pdf';

async function openRequest(page: Page, sid: string) {
  await page.evaluate(
    (s) => (globalThis as unknown as FakeGlobal).__portdeskFake.navigateTo(s),
    sid,
  );
  await expect(page.getByRole('button', { name: 'Back to requests' })).toBeVisible();
}

/** The carrier rejects Initech's first number with a name mismatch; the agent fixes it. */
async function resubmitNameRejection(page: Page) {
  await openApp(page);
  await page.evaluate(
    (sid) =>
      (globalThis as unknown as FakeGlobal).__portdeskFake.advanceRequest(sid, 'rejected', {
        code: 22153,
        name: 'INVALID_END_USER_NAME',
      }),
    INITECH_SID,
  );
  await openRequest(page, INITECH_SID);
  await page.getByRole('button', { name: 'Fix and resubmit' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel it and fix' }).click();
  await expect(page.getByText(`Correcting rejected request ${INITECH_SID}`)).toBeVisible();
}

test.describe('fix and resubmit in the wizard', () => {
  test('a name rejection lists the customer name and the representative once each, and opens where they are', async ({
    page,
  }) => {
    await resubmitNameRejection(page);
    // The first step with something to correct, not Review.
    await expect(page.getByRole('heading', { name: 'Losing carrier details' })).toBeVisible();
    const toCorrect = page.locator('.to-correct');
    await expect(toCorrect.getByRole('listitem')).toHaveCount(1);
    await expect(toCorrect.getByText('Name does not match')).toHaveCount(1);
    await expect(toCorrect.getByRole('listitem')).toContainText(/\(\d{3}\) \d{3}-\d{4}/);
    await expect(toCorrect.getByRole('button', { name: 'Customer name' })).toBeVisible();
    await expect(
      toCorrect.getByRole('button', { name: 'Authorized representative' }),
    ).toBeVisible();
    // The detail's dialog cancels the rejected numbers with the agent's consent: the banner
    // no longer asks the agent to do it "if Twilio has not".
    const banner = page.locator('.banner').filter({ hasText: 'Correcting rejected request' });
    await expect(banner).not.toContainText('if Twilio has not');
    await expect(banner).toContainText(
      "the original's Fix and resubmit cancels them when you agree",
    );
    await expectAccessible(page);
    await screenshots(page, 'wizard-resubmit-name');

    await toCorrect.getByRole('button', { name: 'Authorized representative' }).click();
    await expect(page.getByRole('textbox', { name: 'Full name' })).toBeVisible();
  });

  test('Review warns, naming each field, while a field to correct is still as rejected', async ({
    page,
  }) => {
    await resubmitNameRejection(page);
    await page
      .getByRole('button', { name: /Review/ })
      .first()
      .click();
    const unchanged = page.getByRole('list', { name: 'Marked to correct, unchanged' });
    await expect(unchanged.getByRole('listitem')).toHaveCount(2);
    await expect(unchanged).toContainText('Customer name still “Initech”');
    await expect(unchanged).toContainText('Authorized representative still');
    await expect(unchanged).toContainText('as in the rejected request (Name does not match)');
    await expectAccessible(page);
    await screenshots(page, 'wizard-resubmit-unchanged');

    // Corrected: that field is no longer named; the other still is.
    await unchanged.getByRole('button', { name: 'Customer name' }).click();
    await page.getByRole('textbox', { name: 'Customer name' }).fill('Initech Incorporated');
    await page
      .getByRole('button', { name: /Review/ })
      .first()
      .click();
    await expect(unchanged.getByRole('listitem')).toHaveCount(1);
    await expect(unchanged).toContainText('Authorized representative still');
    await expect(unchanged).not.toContainText('Customer name');
  });

  test('two reasons on different numbers are listed apart, each with its numbers', async ({
    page,
  }) => {
    await openApp(page);
    await openRequest(page, ACME_SID);
    await page.getByRole('button', { name: 'Fix and resubmit' }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: /Cancel (it|them) and fix/ })
      .click();
    const toCorrect = page.locator('.to-correct');
    await expect(toCorrect.getByRole('listitem')).toHaveCount(2);
    await expect(toCorrect.getByRole('listitem').filter({ hasText: 'Invalid PIN' })).toContainText(
      '(415) 555-0142',
    );
    await expect(
      toCorrect.getByRole('listitem').filter({ hasText: 'Address does not match' }),
    ).toContainText('Service address');
    await screenshots(page, 'wizard-resubmit-two-reasons');
  });

  test('once the correction is submitted, the "Correcting rejected request" banner goes', async ({
    page,
  }) => {
    await resubmitNameRejection(page);
    await page.getByRole('textbox', { name: 'Customer name' }).fill('Initech Incorporated');
    await page.getByRole('textbox', { name: 'Full name' }).fill('Bill Lumbergh');
    await page
      .getByRole('button', { name: /Utility bill/ })
      .first()
      .click();
    await dropFile(page, 'bill-dropzone', {
      name: 'initech-bill.pdf',
      type: 'application/pdf',
      text: utilityBillPdf(),
    });
    await expect(page.getByTestId('bill-card')).toContainText('initech-bill.pdf');
    await page
      .getByRole('button', { name: /Review/ })
      .first()
      .click();
    const banner = page.locator('.banner').filter({ hasText: 'Correcting rejected request' });
    await expect(banner).toBeVisible();
    await page.getByRole('button', { name: /^Submit port-in for/ }).click();
    await expect(page.getByRole('heading', { name: 'Port-in request submitted' })).toBeVisible();
    await expect(banner).toHaveCount(0);
    await expect(page.getByText('To correct:')).toHaveCount(0);
    await screenshots(page, 'wizard-resubmit-submitted');
  });
});

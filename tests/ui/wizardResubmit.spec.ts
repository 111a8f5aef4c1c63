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

  test('the corrected request waits for the cancel of the original numbers, then goes out by itself', async ({
    page,
  }) => {
    await resubmitNameRejection(page);
    const toCorrect = page.locator('.to-correct');
    await toCorrect.getByRole('button', { name: 'Customer name' }).click();
    await page.getByRole('textbox', { name: 'Customer name' }).fill('Initech Incorporated');
    await page.getByRole('textbox', { name: 'Full name' }).fill('William Lumbergh');
    await page
      .getByRole('button', { name: /Utility bill/ })
      .first()
      .click();
    await dropFile(page, 'bill-dropzone', {
      name: 'bill.pdf',
      type: 'application/pdf',
      text: utilityBillPdf(),
    });
    await expect(page.getByTestId('bill-card')).toContainText('bill.pdf');
    await page
      .getByRole('button', { name: /Review/ })
      .first()
      .click();
    await page.getByRole('button', { name: /^Submit port-in for/ }).click();

    // Twilio still holds the number until the cancel finishes: no 22137, the outbox waits.
    await expect(
      page.getByRole('heading', { name: `Waiting for the cancel of ${INITECH_SID} to finish` }),
    ).toBeVisible();
    await expect(page.getByText('The request was not submitted')).toHaveCount(0);
    await expect(page.getByText(/22137/)).toHaveCount(0);
    await expectAccessible(page);
    await screenshots(page, 'wizard-resubmit-waiting');

    // The original request says what is going on.
    await openRequest(page, INITECH_SID);
    await expect(page.getByTestId('pending-state')).toContainText(
      'Correcting — waiting for the cancel of',
    );
    await expect(page.getByRole('button', { name: 'Fix and resubmit' })).toHaveCount(0);
    await screenshots(page, 'detail-correcting');
    // The outbox says it too.
    await page
      .getByRole('button', { name: /Outbox/ })
      .first()
      .click();
    await expect(
      page.getByText(`Waiting for the cancel of ${INITECH_SID} to finish`),
    ).toBeVisible();
    await screenshots(page, 'outbox-waiting-for-cancel');

    // Twilio shows the number Canceled: the corrected request goes out with no further step.
    const before = await page.evaluate(() =>
      (globalThis as unknown as FakeGlobal).__portdeskFake.requestCount(),
    );
    await page.evaluate(
      (sid) => (globalThis as unknown as FakeGlobal).__portdeskFake.finishCancels(sid),
      INITECH_SID,
    );
    await expect(page.getByText(`Waiting for the cancel of ${INITECH_SID}`)).toHaveCount(0);
    await expect
      .poll(() =>
        page.evaluate(() => (globalThis as unknown as FakeGlobal).__portdeskFake.requestCount()),
      )
      .toBe(before + 1);
    await openRequest(page, INITECH_SID);
    await expect(page.getByTestId('pending-state')).toHaveCount(0);
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
    // The correction waits in the outbox for the cancel of the original numbers (docs/porting.md).
    await expect(
      page.getByRole('heading', { name: `Waiting for the cancel of ${INITECH_SID} to finish` }),
    ).toBeVisible();
    await expect(banner).toHaveCount(0);
    await expect(page.getByText('To correct:')).toHaveCount(0);
    await screenshots(page, 'wizard-resubmit-submitted');
  });
});

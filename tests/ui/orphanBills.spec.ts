import { expect, test } from '@playwright/test';
import type { OrphanBillView } from '../../shared/orphanBills';
import { expectAccessible, openApp, type FakeGlobal } from './helpers';

const DOCUMENT_SID = `RD${'c3'.repeat(16)}`;

const ORPHAN: OrphanBillView = {
  documentSid: DOCUMENT_SID,
  fileName: 'march-bill.pdf',
  sizeBytes: 84 * 1024,
  accountId: 'sim-1',
  accountLabel: 'Demo (simulator)',
  uploadedAt: '2026-03-03T15:00:00.000Z',
};

test('the outbox shows bills uploaded to Twilio that no request uses, and says why they stay', async ({
  page,
}) => {
  await openApp(page);
  await page.evaluate(
    (bill) => (globalThis as unknown as FakeGlobal).__portdeskFake.addOrphanBill(bill),
    ORPHAN,
  );
  await page
    .getByRole('button', { name: /Outbox/ })
    .first()
    .click();

  const section = page.getByRole('region', { name: 'Bills uploaded to Twilio but not used (1)' });
  await expect(section).toBeVisible();
  await expect(section).toContainText('Twilio has no way to delete an uploaded document');
  await expect(section).toContainText('uses the upload that is already there');
  const bill = section.getByTestId(`orphan-bill-${DOCUMENT_SID}`);
  await expect(bill).toContainText('“march-bill.pdf” (84 KB)');
  await expect(bill).toContainText('Demo (simulator)');
  await expect(bill.locator('.mono')).toHaveText(DOCUMENT_SID);
  // Nothing else waits: the bills alone are reason enough not to say "Nothing waiting".
  await expect(page.getByText('Nothing waiting to send')).toHaveCount(0);
  await expectAccessible(page);
});

test('the outbox has no such section when every uploaded bill is used', async ({ page }) => {
  await openApp(page);
  await page
    .getByRole('button', { name: /Outbox/ })
    .first()
    .click();
  await expect(page.getByText('Nothing waiting to send')).toBeVisible();
  await expect(page.getByText(/Bills uploaded to Twilio but not used/)).toHaveCount(0);
});

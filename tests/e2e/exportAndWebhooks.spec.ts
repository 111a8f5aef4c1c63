import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { expectSyncedUpToDate, requestGrid } from './flows/listFlows';
import { expect, realCore, test } from './harness/fixtures';

test.use({ core: { create: realCore, options: { demoAcceleration: 1 } } });

/** Starts an export from the list's menu and reads the file the browser downloaded. */
async function downloadFromMenu(page: Page, item: RegExp): Promise<string[][]> {
  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  const file = await (await download).path();
  const text = await readFile(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data.slice(1);
}

test('exports from the list download through the browser host and match the store row by row', async ({
  portdesk,
  page,
}) => {
  portdesk.simulator.control.seed({ requests: 12, numbersPerRequest: 3 });
  const account = await portdesk.connectSimulatorAccount('Acme porting');
  await portdesk.open();
  await portdesk.core.syncNow();
  await expectSyncedUpToDate(page);
  await expect(requestGrid(page)).toBeVisible();

  const requestRows = await downloadFromMenu(page, /Requests as CSV/);
  await expect(page.getByText(/^Downloading portdesk-requests-/)).toBeVisible();
  await portdesk.screenshot('requests exported as a download');
  const listed = await portdesk.core.handlers.listRequests({
    statuses: [],
    accountIds: [],
    attention: [],
    search: '',
    sort: { field: 'lastChangedAt', direction: 'desc' },
    offset: 0,
    limit: 500,
  });
  expect(requestRows).toHaveLength(listed.rows.length);
  listed.rows.forEach((row, index) => {
    const cells = requestRows[index] ?? [];
    expect(cells[0]).toBe(row.sid);
    expect(cells[1]).toBe(row.customerName ?? '');
    expect(cells[2]).toBe(row.status.canonical);
    expect(cells[3]).toBe(row.status.raw);
    expect(cells[4]).toBe(row.numbersRequested === null ? '' : String(row.numbersRequested));
    expect(cells[11]).toBe(account.label);
  });

  const numberRows = await downloadFromMenu(page, /Their numbers as CSV/);
  const expected: string[][] = [];
  for (const row of listed.rows) {
    const detail = await portdesk.core.handlers.getRequestDetail({ sid: row.sid });
    for (const number of detail.numbers) {
      expected.push([row.sid, number.phoneNumber, number.sid, number.status.canonical]);
    }
  }
  expect(numberRows.map((cells) => cells.slice(0, 4))).toEqual(expected);
  expect(numberRows.every((cells) => /^\+1\d{10}$/.test(cells[1] ?? ''))).toBe(true);
});

test('webhooks of a connected account are set and deleted at the simulator', async ({
  portdesk,
  page,
}) => {
  const account = await portdesk.connectSimulatorAccount('Acme porting');
  await portdesk.open();
  await page.getByRole('button', { name: /^Accounts/ }).click();
  await page.getByRole('button', { name: 'Webhooks' }).click();
  const dialog = page.getByRole('dialog', { name: 'Porting webhooks of Acme porting' });
  await expect(dialog).toContainText('Twilio has no porting webhooks for this account.');

  await dialog.getByLabel('Port-in address').fill('http://backoffice.example.com/in');
  await dialog.getByRole('button', { name: 'Save at Twilio' }).click();
  await expect(dialog).toContainText('must start with https://');

  await dialog.getByLabel('Port-in address').fill('https://backoffice.example.com/in');
  await dialog.getByText('Number rejected').click();
  await dialog.getByRole('button', { name: 'Save at Twilio' }).click();
  const current = dialog.getByRole('region', { name: 'Current configuration' });
  await expect(current).toContainText('https://backoffice.example.com/in');
  await portdesk.screenshot('webhook saved at the simulator');
  await expect
    .poll(async () => portdesk.core.handlers.getWebhookConfiguration({ accountId: account.id }))
    .toMatchObject({
      configured: true,
      portInTargetUrl: 'https://backoffice.example.com/in',
      notificationsOf: ['PortInPhoneNumberRejected'],
    });

  await dialog.getByRole('button', { name: 'Delete the port-in webhook' }).click();
  await expect(current).toContainText('Twilio has no porting webhooks for this account.');
  expect(
    (await portdesk.core.handlers.getWebhookConfiguration({ accountId: account.id })).configured,
  ).toBe(false);
});

test('the demo account keeps its webhooks in the built-in simulator', async ({ portdesk }) => {
  const demo = await portdesk.core.handlers.startDemo({});
  const empty = await portdesk.core.handlers.getWebhookConfiguration({ accountId: demo.id });
  expect(empty.configured).toBe(false);
  await portdesk.core.handlers.setWebhookConfiguration({
    accountId: demo.id,
    portInTargetUrl: null,
    portOutTargetUrl: 'https://backoffice.example.com/out',
    notificationsOf: [],
  });
  const saved = await portdesk.core.handlers.getWebhookConfiguration({ accountId: demo.id });
  expect(saved).toMatchObject({
    configured: true,
    portInTargetUrl: null,
    portOutTargetUrl: 'https://backoffice.example.com/out',
  });
});

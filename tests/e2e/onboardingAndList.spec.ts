import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REQUEST_STATUS_LABELS } from '../../renderer/ui/status';
import {
  asWrittenByCustomer,
  attentionToggle,
  expectListed,
  expectListedInOrder,
  expectSyncedUpToDate,
  foldedName,
  listedSids,
  matchCount,
  menuCount,
  requestGrid,
  requestRow,
  searchBox,
  simRequests,
  toggleMenuFilter,
  type SimRequest,
} from './flows/listFlows';
import { expect, realCore, test } from './harness/fixtures';

test.use({ core: { create: realCore, options: { demoAcceleration: 1 } } });

function statusWords(request: SimRequest): string {
  if (request.status === 'unknown')
    throw new Error(`Unknown status in the simulator: ${request.sid}`);
  return REQUEST_STATUS_LABELS[request.status];
}

/** Every file of the data folder (database, WAL, bills), as text, to look for a secret in. */
async function dataFolderText(dataDir: string): Promise<string> {
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  const contents = await Promise.all(
    files.map((entry) => readFile(join(entry.parentPath, entry.name), 'latin1')),
  );
  return contents.join('\n');
}

test('first start → a wrong secret is refused in words and nothing is saved → the right one connects the account → its requests appear after sync', async ({
  portdesk,
  page,
}) => {
  // Twilio already holds this account's requests, one in each status.
  const { requestSids } = portdesk.simulator.control.seed({ requests: 7, numbersPerRequest: 2 });
  expect(requestSids).toHaveLength(7);
  const { accountSid, apiKeySid, apiKeySecret } = portdesk.simulator.credentials;
  const wrongSecret = `${apiKeySecret.slice(0, -4)}0000`;
  expect(wrongSecret).not.toBe(apiKeySecret);

  await portdesk.open();
  await expect(page.getByRole('heading', { name: 'Welcome to PortDesk' })).toBeVisible();
  await portdesk.screenshot('first start shows the onboarding');

  const form = page.getByRole('form', { name: 'Connect a Twilio account' });
  await form.getByRole('textbox', { name: 'Name' }).fill('Acme porting');
  await form.getByRole('textbox', { name: 'Account SID' }).fill(accountSid);
  await form.getByRole('textbox', { name: 'API key SID' }).fill(apiKeySid);
  await form.getByLabel('API key secret').fill(wrongSecret);
  await portdesk.screenshot('credentials typed with a wrong secret');
  await form.getByRole('button', { name: 'Test and save' }).click();

  const refusal = form.getByRole('alert');
  await expect(refusal).toContainText('Twilio did not accept these credentials');
  await expect(refusal).toContainText('Twilio did not accept this API key SID and secret');
  await expect(refusal).toContainText('create a new key in the Twilio Console');
  await expect(form.getByText('Twilio did not accept this secret')).toBeVisible();
  // The secret left the form when it was sent; the rest stays for the agent to correct.
  await expect(form.getByLabel('API key secret')).toHaveValue('');
  await expect(form.getByRole('textbox', { name: 'API key SID' })).toHaveValue(apiKeySid);
  await expect(page.getByRole('heading', { name: 'Welcome to PortDesk' })).toBeVisible();
  await portdesk.screenshot('the wrong secret is refused in words');
  await form.getByLabel('API key secret').scrollIntoViewIfNeeded();
  await portdesk.screenshot('the secret field says what was refused');
  // Nothing was saved: no account, and the tested secret is nowhere in the data folder.
  expect(await portdesk.core.handlers.listAccounts({})).toEqual([]);
  expect(await dataFolderText(portdesk.dataDir)).not.toContain(wrongSecret);

  // The auth token instead, also wrong: the advice is about the Account SID and the token only.
  const { authToken } = portdesk.simulator.credentials;
  // The radios are cards whose inputs are visually hidden: the keyboard moves between them.
  await form.getByRole('radio', { name: /^API key/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(form.getByRole('radio', { name: /^Auth token/ })).toBeChecked();
  await form
    .getByRole('textbox', { name: 'Auth token', exact: true })
    .fill(`${authToken.slice(0, -4)}0000`);
  await form.getByRole('button', { name: 'Test and save' }).click();
  await expect(refusal).toContainText(
    'Twilio did not accept this Account SID and auth token together',
  );
  await expect(refusal).not.toContainText('key');
  await expect(form.getByText('Twilio did not accept this auth token')).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Auth token', exact: true })).toHaveValue('');
  await portdesk.screenshot('a wrong auth token is refused in its own words');
  expect(await portdesk.core.handlers.listAccounts({})).toEqual([]);

  await form.getByRole('radio', { name: /^Auth token/ }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(form.getByRole('radio', { name: /^API key/ })).toBeChecked();
  await expect(form.getByRole('textbox', { name: 'API key SID' })).toHaveValue(apiKeySid);
  await form.getByLabel('API key secret').fill(apiKeySecret);
  await form.getByRole('button', { name: 'Test and save' }).click();
  await expect(page.getByRole('heading', { name: 'Requests', level: 1 })).toBeVisible();
  await expect(page.getByText('Acme porting is connected.')).toBeVisible();

  // The first sync of a new account runs by itself: Twilio's requests appear, each with the
  // status Twilio holds and, once its details are fetched, its customer.
  const held = simRequests(portdesk.simulator);
  await expectListed(
    page,
    held.map((request) => request.sid),
  );
  for (const request of held) {
    const row = requestRow(page, request.sid);
    await expect(row).toContainText(request.customerName);
    await expect(row.locator('.chip').first()).toHaveText(statusWords(request));
  }
  await expect(page.getByText('7 requests')).toBeVisible();
  await expectSyncedUpToDate(page);
  // The LOA that has waited since before the account was connected counts its days from when
  // Twilio sent it, not from when PortDesk first saw it.
  const waiting = held.find((request) => request.status === 'waiting_for_signature');
  const loaSentAt = waiting?.numbers[0]?.statusUpdatedAt;
  if (!waiting || !loaSentAt) throw new Error('The seed holds no request waiting for signature');
  const unsignedDays = Math.floor((Date.now() - Date.parse(loaSentAt)) / 86_400_000);
  expect(unsignedDays).toBeGreaterThan(0);
  await expect(requestRow(page, waiting.sid).locator('.flag')).toHaveAttribute(
    'title',
    `LOA unsigned for ${unsignedDays}d, ${30 - unsignedDays}d left`,
  );
  await portdesk.screenshot('the account’s requests appear after the first sync');

  // The account is listed with its key SID masked; the secret is never shown again.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /^Accounts/ })
    .click();
  const account = page.locator('.account-item').filter({ hasText: 'Acme porting' });
  await expect(account).toBeVisible();
  await expect(account).toContainText(accountSid);
  await expect(account).toContainText(`API key SK…${apiKeySid.slice(-4)}`);
  await portdesk.screenshot('the account is listed with its key masked');
  const pageText = await page.locator('body').innerText();
  expect(pageText).not.toContain(apiKeySid);
  expect(pageText).not.toContain(apiKeySecret);
  expect(await page.content()).not.toContain(apiKeySecret);
  const accounts = await portdesk.core.handlers.listAccounts({});
  expect(accounts).toHaveLength(1);
  expect(JSON.stringify(accounts)).not.toContain(apiKeySecret);
  // The secret went to the keychain, not to the database or any other file of ours.
  expect(await dataFolderText(portdesk.dataDir)).not.toContain(apiKeySecret);

  expect(portdesk.cspViolations).toEqual([]);
  expect(portdesk.invocations.filter((call) => !call.ok)).toEqual([
    { method: 'addAccount', ok: false },
    { method: 'addAccount', ok: false },
  ]);
});

const ACME = 'Acme porting';
const DEMO = 'Demo (built-in simulator)';

test('two accounts: filter by account, status and attention, search a number, a customer and a SID, sort — the rows follow what Twilio holds', async ({
  portdesk,
  page,
}) => {
  // Twilio holds two requests in each status for Acme; demo mode brings its own account.
  portdesk.simulator.control.seed({ requests: 14, numbersPerRequest: 2 });
  const held = simRequests(portdesk.simulator);
  const sidsWhere = (keep: (request: SimRequest) => boolean) =>
    held.filter(keep).map((request) => request.sid);

  await portdesk.open();
  await page.getByRole('button', { name: /Explore with the built-in simulator/ }).click();
  await expect(page.getByRole('heading', { name: 'Requests', level: 1 })).toBeVisible();

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: /^Accounts/ }).click();
  await page.getByRole('button', { name: 'Add a Twilio account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a Twilio account' });
  const { accountSid, apiKeySid, apiKeySecret } = portdesk.simulator.credentials;
  await dialog.getByRole('textbox', { name: 'Name' }).fill(ACME);
  await dialog.getByRole('textbox', { name: 'Account SID' }).fill(accountSid);
  await dialog.getByRole('textbox', { name: 'API key SID' }).fill(apiKeySid);
  await dialog.getByLabel('API key secret').fill(apiKeySecret);
  await dialog.getByRole('button', { name: 'Test and save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.account-item')).toHaveCount(2);
  await portdesk.screenshot('demo and a Twilio account');

  await nav.getByRole('button', { name: /^Requests/ }).click();
  // The Account menu counts each account's requests once its first sync has stored them.
  await expect.poll(() => menuCount(page, 'Account', ACME)).toBe(held.length);
  // The demo's first sync runs on its own loop: adding Acme can land first, so wait for it too.
  await expect.poll(() => menuCount(page, 'Account', DEMO)).toBeGreaterThan(10);
  const demoCount = await menuCount(page, 'Account', DEMO);
  await expect(page.getByText(`${held.length + demoCount} requests`)).toBeVisible();
  await expect(requestGrid(page)).toHaveAttribute(
    'aria-rowcount',
    String(held.length + demoCount + 1),
  );
  await expectSyncedUpToDate(page);
  await portdesk.screenshot('both accounts listed');

  // By account.
  await toggleMenuFilter(page, 'Account', [ACME]);
  await expectListed(
    page,
    sidsWhere(() => true),
  );
  for (const sid of await listedSids(page)) {
    await expect(requestRow(page, sid)).toContainText(ACME);
  }
  await expect(matchCount(page)).toHaveText(`${held.length} matches`);
  await portdesk.screenshot('only the Acme account');
  await toggleMenuFilter(page, 'Account', [ACME, DEMO]);
  await expect(requestGrid(page)).toHaveAttribute('aria-rowcount', String(demoCount + 1));
  // More rows than fit on screen: scrolling the virtual list shows each of them once.
  const demoSids = await listedSids(page);
  expect(demoSids).toHaveLength(demoCount);
  expect(new Set(demoSids).size).toBe(demoCount);
  expect(demoSids.filter((sid) => held.some((request) => request.sid === sid))).toEqual([]);
  for (const sid of demoSids.slice(0, 5)) {
    await expect(requestRow(page, sid)).toContainText(DEMO);
  }
  await toggleMenuFilter(page, 'Account', [DEMO, ACME]);

  // By status, within Acme: one status, then two.
  await toggleMenuFilter(page, 'Status', ['Action required']);
  await expectListed(
    page,
    sidsWhere((request) => request.status === 'action_required'),
  );
  await toggleMenuFilter(page, 'Status', ['Expired']);
  await expectListed(
    page,
    sidsWhere((request) => request.status === 'action_required' || request.status === 'expired'),
  );
  await expect(page.getByRole('button', { name: /^Status:/ })).toContainText('2 selected');
  await portdesk.screenshot('status action required or expired');
  await toggleMenuFilter(page, 'Status', ['Action required', 'Expired']);
  await expectListed(
    page,
    sidsWhere(() => true),
  );

  // By what needs attention: a rejected number in an open request, an unsigned LOA.
  const open = (request: SimRequest) =>
    !['completed', 'canceled', 'expired'].includes(request.status);
  const needsAction = (request: SimRequest) =>
    request.status === 'action_required' ||
    (open(request) && request.numbers.some((number) => number.status === 'rejected'));
  await attentionToggle(page, 'Action required').click();
  await expect(attentionToggle(page, 'Action required')).toHaveAttribute('aria-pressed', 'true');
  await expectListed(page, sidsWhere(needsAction));
  await attentionToggle(page, 'LOA unsigned').click();
  await expectListed(
    page,
    sidsWhere((request) => needsAction(request) || request.status === 'waiting_for_signature'),
  );
  for (const sid of sidsWhere(needsAction)) {
    await expect(requestRow(page, sid).locator('.flag')).toContainText('Action required');
  }
  await portdesk.screenshot('needs attention action required or LOA unsigned');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(requestGrid(page)).toHaveAttribute(
    'aria-rowcount',
    String(held.length + demoCount + 1),
  );

  // Search, over both accounts: a number as the customer writes it…
  const target = held.find((request) => request.status === 'in_progress');
  const number = target?.numbers[1]?.e164;
  if (!target || !number) throw new Error('The seed holds no request in progress');
  await searchBox(page).fill(asWrittenByCustomer(number));
  await expectListed(page, [target.sid]);
  await expect(matchCount(page)).toHaveText('1 match');
  await portdesk.screenshot('a number typed as the customer writes it');

  // …part of a customer's name in another case…
  const customer = held[5]?.customerName;
  if (!customer) throw new Error('The seed holds too few requests');
  const typed = customer.toUpperCase();
  await searchBox(page).fill(typed);
  await expectListed(
    page,
    sidsWhere((request) => foldedName(request.customerName).includes(foldedName(typed))),
  );
  await expect(requestRow(page, held[5]?.sid ?? '')).toContainText(customer);
  await portdesk.screenshot('a customer name in capitals');

  // …the start of a request SID.
  const bySid = held[9];
  if (!bySid) throw new Error('The seed holds too few requests');
  await searchBox(page).fill(bySid.sid.slice(0, 14));
  await expectListed(page, [bySid.sid]);

  // Nothing matches: the empty state says so and clears everything.
  await searchBox(page).fill('no such customer anywhere');
  await expect(page.getByText('No requests match')).toBeVisible();
  await expect(requestGrid(page)).toHaveCount(0);
  await portdesk.screenshot('nothing matches');
  await page.getByRole('button', { name: 'Clear filters' }).last().click();
  await expect(searchBox(page)).toHaveValue('');
  await expect(requestGrid(page)).toHaveAttribute(
    'aria-rowcount',
    String(held.length + demoCount + 1),
  );

  // Sort Acme's requests by customer, A to Z, then Z to A.
  await toggleMenuFilter(page, 'Account', [ACME]);
  const byCustomer = [...held].sort((a, b) => {
    const [x, y] = [foldedName(a.customerName), foldedName(b.customerName)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const customerHeader = requestGrid(page).getByRole('columnheader', { name: 'Customer' });
  await customerHeader.getByRole('button').click();
  await expect(customerHeader).toHaveAttribute('aria-sort', 'ascending');
  await expectListedInOrder(
    page,
    byCustomer.map((request) => request.sid),
  );
  await portdesk.screenshot('sorted by customer A to Z');
  await customerHeader.getByRole('button').click();
  await expect(customerHeader).toHaveAttribute('aria-sort', 'descending');
  await expectListedInOrder(page, byCustomer.map((request) => request.sid).reverse());

  expect(portdesk.cspViolations).toEqual([]);
  expect(portdesk.invocations.filter((call) => !call.ok)).toEqual([]);
});

import {
  CANCEL_NUMBER_ROUTE,
  CANCEL_REQUEST_ROUTE,
  LIFECYCLE,
  WorldClock,
  advanceWorld,
  numberRow,
  openFromList,
  simNumberStatus,
  simRequest,
  submitThroughCore,
  syncUntil,
  untilCarrierAnswers,
  callsTo,
  cutNetwork,
  CREATE_ROUTE,
} from './flows/actionFlows';
import type { Page } from '@playwright/test';
import type { HarnessHost } from './harness/harnessHost';
import { expect, realCore, test } from './harness/fixtures';

const clock = new WorldClock();
test.use({ core: { create: realCore, options: { now: clock.now } } });
test.beforeEach(() => clock.reset());

const HOUR_MS = 3_600_000;

/** A screen worth seeing in both themes (the app follows the OS scheme). */
async function inBothThemes(portdesk: HarnessHost, page: Page, name: string): Promise<void> {
  await portdesk.screenshot(name);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await portdesk.screenshot(`${name} (dark)`);
  await page.emulateMedia({ colorScheme: 'light' });
}

test('cancel one number, then the whole request near its port date: confirmations, the simulator’s DELETEs, Canceling → Canceled', async ({
  portdesk,
  page,
}) => {
  const numbers = ['+12125550141', '+12125550142', '+12125550143'];
  const account = await portdesk.connectSimulatorAccount();
  await page.clock.install({ time: clock.now() });
  await portdesk.open();
  const sid = await submitThroughCore(portdesk, account.id, {
    numbers,
    customerName: 'Hudson Bakery LLC',
  });
  await untilCarrierAnswers(portdesk, clock, sid);
  await openFromList(page, portdesk, sid);
  await expect(page.locator('.screen__subtitle')).toContainText('In progress');
  await portdesk.screenshot('request in progress with three numbers');

  // One number: select it, read what happens, confirm.
  await page.getByRole('tab', { name: /Numbers/ }).click();
  await expect(numberRow(page, '(212) 555-0142')).toContainText('Pending');
  await numberRow(page, '(212) 555-0142')
    .getByRole('checkbox', { name: 'Select (212) 555-0142' })
    .check({ force: true });
  await page.getByRole('button', { name: 'Cancel 1 number' }).click();
  const numberDialog = page.getByRole('alertdialog');
  await expect(numberDialog.getByRole('heading')).toHaveText('Cancel (212) 555-0142?');
  await expect(numberDialog).toContainText('This number stays with the losing carrier');
  await expect(numberDialog).toContainText('the rest of the request goes on');
  await portdesk.screenshot('cancel one number asks first');
  await numberDialog.getByRole('button', { name: 'Cancel numbers' }).click();
  // The header says what was asked at once, before any sync.
  await expect(page.getByTestId('pending-state')).toHaveText('Canceling 1 number…');
  await expect(page.getByText('1 number: cancel sent to Twilio.')).toBeVisible();

  await expect.poll(() => callsTo(portdesk.simulator, CANCEL_NUMBER_ROUTE)).toBe(1);
  expect(simNumberStatus(portdesk.simulator, sid, '+12125550142')).toBe('Canceling');
  await syncUntil(portdesk, () =>
    expect(numberRow(page, '(212) 555-0142')).toContainText('Canceling', { timeout: 1_000 }),
  );
  await portdesk.screenshot('the number is canceling');

  await advanceWorld(clock, portdesk, LIFECYCLE.canceled);
  await syncUntil(portdesk, () =>
    expect(numberRow(page, '(212) 555-0142')).toContainText('Canceled', { timeout: 1_000 }),
  );
  for (const other of ['(212) 555-0141', '(212) 555-0143']) {
    await expect(numberRow(page, other)).toContainText('Pending');
  }
  expect(simNumberStatus(portdesk.simulator, sid, '+12125550141')).toBe('Pending');
  expect(simNumberStatus(portdesk.simulator, sid, '+12125550143')).toBe('Pending');
  await expect(page.locator('.screen__subtitle')).toContainText('In progress');
  await portdesk.screenshot('the number is canceled, the others go on');

  await page.getByRole('tab', { name: /Timeline/ }).click();
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText('(212) 555-0142: Pending → Canceling');
  await expect(timeline).toContainText('(212) 555-0142 was canceled');
  await portdesk.screenshot('the timeline records the cancel');

  // The whole request, 36 hours before its port date: the dialog spells out the cut-off.
  const portDate = simRequest(portdesk.simulator, sid).phone_numbers[0]?.port_date ?? '';
  expect(portDate).not.toBe('');
  await advanceWorld(clock, portdesk, Date.parse(portDate) - clock.now() - 36 * HOUR_MS);
  await syncUntil(portdesk, async () => {
    await page.getByRole('button', { name: 'Cancel request' }).click();
    const dialog = page.getByRole('alertdialog');
    try {
      await expect(dialog).toContainText('less than 48 hours away', { timeout: 1_000 });
    } catch (error) {
      await dialog.getByRole('button', { name: 'Keep the request' }).click();
      throw error;
    }
  });
  const requestDialog = page.getByRole('alertdialog');
  await expect(requestDialog).toContainText('Close to the port date');
  await expect(requestDialog).toContainText('carriers often refuse cancels within 24–48 hours');
  await expect(requestDialog).toContainText('2 numbers');
  await expect(requestDialog).toContainText('Twilio has no undo');
  await portdesk.screenshot('cancel the request warns about the cut-off');
  await requestDialog.getByRole('button', { name: 'Cancel request' }).click();
  // Pending at once: Canceling…, and nothing left to cancel is offered.
  await expect(page.getByTestId('pending-state')).toHaveText('Canceling…');
  await expect(page.getByRole('button', { name: 'Cancel request' })).toHaveCount(0);
  await expect(page.getByText('Cancel sent to Twilio.', { exact: true })).toBeVisible();
  await inBothThemes(portdesk, page, 'the request shows canceling at once');
  await expect.poll(() => callsTo(portdesk.simulator, CANCEL_REQUEST_ROUTE)).toBe(1);

  await advanceWorld(clock, portdesk, LIFECYCLE.canceled);
  await syncUntil(portdesk, () =>
    expect(page.locator('.screen__subtitle')).toContainText('Canceled', { timeout: 1_000 }),
  );
  expect(simRequest(portdesk.simulator, sid).port_in_request_status).toBe('Canceled');
  await expect(page.getByTestId('pending-state')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel request' })).toBeHidden();
  await portdesk.screenshot('the request is canceled');
  await page.getByRole('tab', { name: /Numbers/ }).click();
  for (const formatted of ['(212) 555-0141', '(212) 555-0142', '(212) 555-0143']) {
    await expect(numberRow(page, formatted)).toContainText('Canceled');
  }
  await portdesk.screenshot('every number canceled');

  expect(callsTo(portdesk.simulator, CANCEL_NUMBER_ROUTE)).toBe(1);
  expect(callsTo(portdesk.simulator, CANCEL_REQUEST_ROUTE)).toBe(1);
  expect(portdesk.cspViolations).toEqual([]);
  expect(portdesk.invocations.filter((call) => !call.ok)).toEqual([]);
});

test('cancel while offline: queued in the outbox, shown as waiting, sent on reconnect', async ({
  portdesk,
  page,
}) => {
  const account = await portdesk.connectSimulatorAccount();
  await page.clock.install({ time: clock.now() });
  await portdesk.open();
  const sid = await submitThroughCore(portdesk, account.id, {
    numbers: ['+12125550151', '+12125550152', '+12125550153'],
    customerName: 'Lenox Dental PC',
  });
  await untilCarrierAnswers(portdesk, clock, sid);
  await openFromList(page, portdesk, sid);
  await page.getByRole('tab', { name: /Numbers/ }).click();
  await expect(numberRow(page, '(212) 555-0153')).toContainText('Pending');

  const network = await cutNetwork(portdesk);
  await numberRow(page, '(212) 555-0153')
    .getByRole('checkbox', { name: 'Select (212) 555-0153' })
    .check({ force: true });
  await page.getByRole('button', { name: 'Cancel 1 number' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel numbers' }).click();
  await expect(
    page.getByText('1 number: cancel queued until PortDesk is back online.'),
  ).toBeVisible();
  const waiting = page.locator('.banner').filter({ hasText: 'Waiting to send' });
  await expect(waiting).toContainText('(212) 555-0153');
  await expect(waiting).toContainText('sent when PortDesk is back online');
  await expect(numberRow(page, '(212) 555-0153')).toContainText('Cancel queued');
  await expect(numberRow(page, '(212) 555-0153')).toContainText('Pending');
  await portdesk.screenshot('offline the cancel is queued on the request');

  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByLabel('1 waiting or failed')).toBeVisible();
  await nav.getByRole('button', { name: /Outbox/ }).click();
  const item = page.getByRole('listitem').filter({ hasText: '(212) 555-0153' });
  await expect(item).toContainText('Waiting for the network');
  await portdesk.screenshot('offline the outbox holds the cancel');
  expect(callsTo(portdesk.simulator, CANCEL_NUMBER_ROUTE)).toBe(0);

  const twilio = await network.reconnect();
  try {
    await expect.poll(() => callsTo(twilio, CANCEL_NUMBER_ROUTE)).toBe(1);
    expect(simNumberStatus(twilio, sid, '+12125550153')).toBe('Canceling');
    expect(simNumberStatus(twilio, sid, '+12125550152')).toBe('Pending');
    await expect(page.getByText('Nothing waiting to send')).toBeVisible();
    await expect(nav.getByLabel(/waiting or failed/)).toBeHidden();
    await portdesk.screenshot('back online the outbox is empty');

    await nav.getByRole('button', { name: /Requests/ }).click();
    await page.getByTestId(`request-row-${sid}`).click();
    await page.getByRole('tab', { name: /Numbers/ }).click();
    await syncUntil(portdesk, () =>
      expect(numberRow(page, '(212) 555-0153')).toContainText('Canceling', { timeout: 1_000 }),
    );
    await expect(numberRow(page, '(212) 555-0153')).not.toContainText('Cancel queued');
    await expect(numberRow(page, '(212) 555-0151')).toContainText('Pending');
    await expect(page.getByText('Waiting to send')).toBeHidden();
    await portdesk.screenshot('back online the number is canceling');
  } finally {
    await twilio.close();
  }

  expect(portdesk.cspViolations).toEqual([]);
  expect(portdesk.invocations.filter((call) => !call.ok)).toEqual([]);
});

test('fix and resubmit: a rejected name, the reason and fix, a prefilled draft, a correction sent by itself after the cancel that the carrier accepts', async ({
  portdesk,
  page,
}) => {
  const rejected = '+12125550162';
  // The carrier's record (docs/demo-mode.md): the name on file is not the one the agent sends.
  portdesk.simulator.control.setCarrierRecord(rejected, { customerName: 'Marlow and Finch Inc' });
  const account = await portdesk.connectSimulatorAccount();
  await page.clock.install({ time: clock.now() });
  await portdesk.open();
  const sid = await submitThroughCore(portdesk, account.id, {
    numbers: ['+12125550161', rejected],
    customerName: 'Marlow & Finch',
  });
  await untilCarrierAnswers(portdesk, clock, sid);
  await openFromList(page, portdesk, sid);
  await expect(page.locator('.screen__subtitle')).toContainText('Action required');
  await expect(page.getByText('1 number was rejected by the losing carrier')).toBeVisible();
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText('(212) 555-0162 was rejected by the losing carrier');
  await expect(timeline).toContainText('Name does not match');
  await expect(timeline).toContainText('Copy the name exactly as on the bill');
  await portdesk.screenshot('action required with the reason and fix');
  await page.getByRole('tab', { name: /Numbers/ }).click();
  await expect(numberRow(page, '(212) 555-0162')).toContainText('Name does not match');
  await expect(numberRow(page, '(212) 555-0161')).toContainText('Pending');
  await portdesk.screenshot('the rejected number and its fix');

  // Fix and resubmit: Twilio holds the rejected number until it is canceled; the dialog says so.
  await page.getByRole('button', { name: 'Fix and resubmit' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('heading')).toHaveText('Fix and resubmit (212) 555-0162?');
  await expect(dialog).toContainText('refuses a new request for it until then');
  await expect(dialog).toContainText('the other numbers of this request go on');
  await portdesk.screenshot('fix and resubmit explains the cancel first');
  await dialog.getByRole('button', { name: 'Cancel it and fix' }).click();
  await expect(page.getByText(`Correcting rejected request ${sid}`)).toBeVisible();
  await expect(page.getByText('1 rejected number: cancel sent to Twilio.')).toBeVisible();
  await expect.poll(() => callsTo(portdesk.simulator, CANCEL_NUMBER_ROUTE)).toBe(1);
  const toCorrect = page.locator('.to-correct');
  await expect(toCorrect).toContainText('Name does not match');
  await portdesk.screenshot('the prefilled draft lists what to correct');

  // The name to correct is marked; the bill this computer sent with the original is attached.
  await toCorrect.getByRole('button', { name: 'Customer name' }).click();
  const name = page.getByRole('textbox', { name: 'Customer name' });
  await expect(name).toHaveValue('Marlow & Finch');
  await expect(page.getByText(/To correct — Name does not match/).first()).toBeVisible();
  await portdesk.screenshot('the name to correct is marked');
  await name.fill('Marlow and Finch Inc');
  await page
    .getByRole('button', { name: /Review/ })
    .first()
    .click();
  await expect(page.getByRole('region', { name: 'Utility bill' })).toContainText('march-bill.pdf');
  const submit = page.getByRole('button', { name: 'Submit port-in for 1 number' });

  // Twilio is still canceling the number: the correction waits in the outbox, no 22137 shown.
  await submit.click();
  await expect(
    page.getByRole('heading', { name: `Waiting for the cancel of ${sid} to finish` }),
  ).toBeVisible();
  await expect(page.getByText('The request was not submitted')).toHaveCount(0);
  await inBothThemes(portdesk, page, 'the correction waits for the cancel');
  expect(callsTo(portdesk.simulator, CREATE_ROUTE)).toBe(1);

  // The original says so too, and offers no second correction.
  await page.getByRole('button', { name: 'Open the outbox' }).click();
  await expect(page.getByText(`Waiting for the cancel of ${sid} to finish`)).toBeVisible();
  await inBothThemes(portdesk, page, 'the outbox says what the correction waits for');
  await openFromList(page, portdesk, sid);
  await expect(page.getByTestId('pending-state')).toHaveText(
    'Correcting — waiting for the cancel of (212) 555-0162 to finish',
  );
  await expect(page.getByRole('button', { name: 'Fix and resubmit' })).toHaveCount(0);
  await inBothThemes(portdesk, page, 'the original says it is being corrected');

  // Twilio finishes the cancel; the sync sees it and the correction goes out by itself.
  await advanceWorld(clock, portdesk, LIFECYCLE.canceled);
  await syncUntil(portdesk, () =>
    expect(page.getByRole('button', { name: /^Corrected by KW/ })).toBeVisible({
      timeout: 1_000,
    }),
  );
  expect(callsTo(portdesk.simulator, CREATE_ROUTE)).toBe(2);
  await expect(page.getByTestId('pending-state')).toHaveCount(0);
  await portdesk.screenshot('the corrected request is submitted');
  await page.getByRole('button', { name: /^Corrected by KW/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Marlow and Finch Inc' })).toBeVisible();
  // The subtitle's first SID is the request's own; the second is the one it corrects.
  const newSid = (await page.locator('.screen__subtitle .mono').first().textContent()) ?? '';
  expect(newSid).toMatch(/^KW[0-9a-f]{32}$/);
  expect(newSid).not.toBe(sid);

  // Twilio holds the corrected values and the same bill.
  const corrected = simRequest(portdesk.simulator, newSid);
  const original = simRequest(portdesk.simulator, sid);
  expect(corrected.losing_carrier_information.customer_name).toBe('Marlow and Finch Inc');
  expect(corrected.phone_numbers.map((n) => n.phone_number)).toEqual([rejected]);
  expect(corrected.documents).toEqual(original.documents);
  expect(simNumberStatus(portdesk.simulator, sid, rejected)).toBe('Canceled');
  await portdesk.screenshot('the corrected request');

  // The name now matches the carrier's record: the number gets a port date, then ports.
  await untilCarrierAnswers(portdesk, clock, newSid);
  await syncUntil(portdesk, () =>
    expect(page.locator('.screen__subtitle')).toContainText('In progress', { timeout: 1_000 }),
  );
  await page.getByRole('tab', { name: /Numbers/ }).click();
  await expect(numberRow(page, '(212) 555-0162')).toContainText('Pending');
  await portdesk.screenshot('the corrected number has a port date');
  const portDate = simRequest(portdesk.simulator, newSid).phone_numbers[0]?.port_date ?? '';
  expect(portDate).not.toBe('');
  await expect(numberRow(page, '(212) 555-0162')).not.toContainText('Not set');
  await advanceWorld(clock, portdesk, Date.parse(portDate) - clock.now() + 60_000);
  await syncUntil(portdesk, () =>
    expect(page.locator('.screen__subtitle')).toContainText('Completed', { timeout: 1_000 }),
  );
  await expect(numberRow(page, '(212) 555-0162')).toContainText('Ported');
  await portdesk.screenshot('the corrected number ported');

  expect(portdesk.cspViolations).toEqual([]);
  // Nothing was refused: no submit met the number still held, no 22137 reached the agent.
  expect(portdesk.invocations.filter((call) => !call.ok)).toEqual([]);
  await expect(page.getByText(/22137/)).toHaveCount(0);
});

import { minimalPdf } from '../unit/twilio/documentBytes';
import {
  addDays,
  isBusinessDay,
  isWeekend,
  localDateString,
  usFederalHolidayOn,
} from '../../shared/domain/portDates';
import {
  CUSTOMER,
  IN_ANOTHER_ACCOUNT,
  MOBILE,
  MOBILE_SHOWN,
  PASTED_E164,
  PASTED_NUMBERS,
  dropFile,
  fillCarrier,
  firstDateFrom,
  goNext,
  pasteNumbers,
  recordProgressBars,
  startNewPortIn,
  typeDate,
} from './flows/wizardFlows';
import { NetworkCable } from './flows/wizardNetwork';
import { expect, realCore, test } from './harness/fixtures';

interface WirePortIn {
  port_in_request_sid: string;
  documents: string[];
  phone_numbers: { phone_number: string }[];
  losing_carrier_information: { customer_name: string; account_number?: string };
  notification_emails: string[] | null;
  target_port_in_date: string | null;
}

test('the whole wizard on the real core: numbers, portability, carrier, a dropped bill, date, submit → the request in Twilio', async ({
  portdesk,
  page,
}) => {
  const { control } = portdesk.simulator;
  // The outside world: one of the customer's numbers already sits in someone else's Twilio account.
  control.seed({ inTwilio: [IN_ANOTHER_ACCOUNT] });
  await portdesk.connectSimulatorAccount();
  await portdesk.open();
  await startNewPortIn(page);

  // ── Numbers: each bad line flagged with its reason, the duplicate merged ──
  const problems = await pasteNumbers(page, PASTED_NUMBERS);
  await expect(problems.getByRole('listitem')).toHaveCount(3);
  await expect(problems.getByRole('listitem').filter({ hasText: 'Line 4' })).toContainText(
    /Duplicate.*already on line 1/,
  );
  await expect(problems.getByRole('listitem').filter({ hasText: 'Line 5' })).toContainText(
    'Toll-free(800) 555-0100 is a toll-free number: the Porting API does not port toll-free numbers',
  );
  await expect(problems.getByRole('listitem').filter({ hasText: 'Line 6' })).toContainText(
    /Not a US number.*area code 416, which belongs to Canada, not the US/,
  );
  await expect(
    page.getByText('6 numbers ready · 1 duplicate merged · 1 toll-free · 1 not US'),
  ).toBeVisible();
  await portdesk.screenshot('numbers pasted, bad lines explained');

  await page.getByRole('button', { name: 'Add 6 numbers' }).click();
  await expect(page.getByRole('heading', { name: 'In this request: 6 numbers' })).toBeVisible();
  // Toll-free and Canadian lines are refused, not left to fix: the box is empty again.
  await expect(page.getByRole('textbox', { name: 'Paste numbers' })).toHaveValue('');
  await expect(page.getByText(/Draft saved/)).toBeVisible();
  await portdesk.screenshot('six numbers in the request');

  // ── Portability: progress, then per-number results ──
  await goNext(page, 'Portability');
  const progressSeen = await recordProgressBars(page);
  // Twilio is slow to answer for the mobile, so the progress bar stays long enough to be seen.
  control.addFault({ kind: 'latency', ms: 4_000, count: 1, match: { path: '9550100' } });
  await page.getByRole('button', { name: 'Check 6 numbers' }).click();
  const checking = page.getByRole('progressbar', { name: 'Checking portability' });
  await expect(checking).toBeVisible();
  await portdesk.screenshot('portability check in progress');
  await expect(checking).toBeHidden();
  expect(await progressSeen()).toContain('Checking portability 0/6');

  const notPortable = page.getByRole('region', { name: 'Not portable (1)' });
  await expect(notPortable).toContainText('(212) 555-0104');
  await expect(notPortable).toContainText(/another Twilio account/i);
  const needPin = page.getByRole('region', { name: 'PIN and account number required (1)' });
  await expect(needPin).toContainText(MOBILE_SHOWN);
  await expect(page.getByRole('region', { name: /Portable \(4\)/ })).toBeVisible();
  await portdesk.screenshot('portability results per number');

  await page.getByRole('button', { name: 'Remove 1 non-portable number' }).click();
  await expect(notPortable).toBeHidden();
  await page.getByRole('textbox', { name: `PIN for ${MOBILE_SHOWN}` }).fill('4321');
  await portdesk.screenshot('non-portable removed, PIN entered');

  // ── Carrier: a field-level error, then fixed ──
  await goNext(page, 'Carrier details');
  await fillCarrier(page, '1000');
  const zipError = page.getByText(/ZIP code must be 5 digits/);
  await expect(zipError).toBeVisible();
  await zipError.scrollIntoViewIfNeeded();
  await portdesk.screenshot('carrier details with a field error');
  await page.getByRole('textbox', { name: 'ZIP code' }).fill('10001');
  await expect(zipError).toBeHidden();
  await portdesk.screenshot('carrier details fixed');

  // ── Utility bill: dropped; wrong type and oversized refused in words; replace and remove ──
  await goNext(page, 'Utility bill');
  const dropzone = page.getByTestId('bill-dropzone');
  const billCard = page.getByTestId('bill-card');
  const october = minimalPdf('Wayne Enterprises - October bill');
  await dropFile(page, dropzone, {
    name: 'wayne-bill-october.pdf',
    type: 'application/pdf',
    bytes: october,
  });
  await expect(billCard).toContainText('wayne-bill-october.pdf');
  await expect(billCard).toContainText(`${october.byteLength} B · PDF`);
  await expect(billCard).toContainText('saved in PortDesk; uploaded when you submit');
  // The bar shows the file's name and size from the drop on; main's later phases (checking,
  // storing) take a few milliseconds for a bill this small and may come after its answer.
  expect(await progressSeen()).toContain(
    `wayne-bill-october.pdf: Reading the file… 0/${october.byteLength}`,
  );
  await portdesk.screenshot('bill dropped and saved');

  const attachesBefore = portdesk.invocations.filter((c) => c.method === 'attachBill').length;
  // A text file renamed .pdf: its name and type say PDF, its bytes do not.
  await dropFile(page, dropzone, {
    name: 'scan.pdf',
    type: 'application/pdf',
    bytes: new TextEncoder().encode('Account 88812345 - notes from the call, not the bill'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'scan.pdf' })).toContainText(
    'scan.pdf is not a PDF, JPEG or PNG by its content (it is text or a format PortDesk does not recognise)',
  );
  await portdesk.screenshot('a text file renamed .pdf refused');
  await dropFile(page, dropzone, {
    name: 'huge-scan.pdf',
    type: 'application/pdf',
    sizeBytes: 11 * 1024 * 1024,
  });
  await expect(page.getByRole('alert').filter({ hasText: 'huge-scan.pdf' })).toContainText(
    'huge-scan.pdf is 11.0 MB; Twilio accepts a utility bill of at most 10 MB',
  );
  await expect(billCard).toContainText('wayne-bill-october.pdf');
  // Refused before uploading: neither file crossed to main.
  expect(portdesk.invocations.filter((c) => c.method === 'attachBill')).toHaveLength(
    attachesBefore,
  );
  await portdesk.screenshot('an oversized file refused');

  const november = minimalPdf('Wayne Enterprises - November bill, account 88812345');
  await dropFile(page, dropzone, {
    name: 'wayne-bill-november.pdf',
    type: 'application/pdf',
    bytes: november,
  });
  await expect(billCard).toContainText('wayne-bill-november.pdf');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await portdesk.screenshot('bill replaced');
  await page.getByRole('button', { name: 'Remove wayne-bill-november.pdf' }).click();
  await expect(billCard).toBeHidden();
  await expect(page.getByText('Drag the utility bill here')).toBeVisible();
  await portdesk.screenshot('bill removed');
  await dropFile(page, dropzone, {
    name: 'wayne-bill-november.pdf',
    type: 'application/pdf',
    bytes: november,
  });
  await expect(billCard).toContainText('wayne-bill-november.pdf');

  // ── Port date: ≥ 7 days, weekend and holiday flagged; notification emails ──
  await goNext(page, 'Port date');
  const today = localDateString(new Date());
  const saturday = firstDateFrom(addDays(today, 7), isWeekend);
  await typeDate(page, saturday);
  await expect(
    page.getByText(`${saturday} is a Saturday: carriers rarely port on weekends`),
  ).toBeVisible();
  await portdesk.screenshot('weekend date flagged');
  const holiday = firstDateFrom(
    addDays(today, 7),
    (date) => usFederalHolidayOn(date) !== null && !isWeekend(date),
  );
  await typeDate(page, holiday);
  await expect(
    page.getByText(
      `${holiday} is ${usFederalHolidayOn(holiday)?.name ?? ''}, a US federal holiday`,
    ),
  ).toBeVisible();
  await portdesk.screenshot('holiday flagged');
  const businessDay = firstDateFrom(addDays(today, 8), isBusinessDay);
  await typeDate(page, businessDay);
  await expect(page.getByText(/rarely port|federal holiday/)).toHaveCount(0);

  const email = page.getByRole('textbox', { name: 'Email address' });
  await email.fill('porting@wayne');
  await email.press('Enter');
  await expect(page.getByText('"porting@wayne" is not an email address.')).toBeVisible();
  await email.fill('porting@wayne.example');
  await email.press('Enter');
  await email.fill('it@wayne.example');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Remove porting@wayne.example' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove it@wayne.example' })).toBeVisible();
  await portdesk.screenshot('port date and notification emails');

  // ── Review and submit ──
  await goNext(page, 'Review');
  await expect(page.getByText('Ready to submit')).toBeVisible();
  const numbersSection = page.getByRole('region', { name: 'Numbers' });
  await expect(numbersSection).toContainText('5 numbers');
  await expect(numbersSection).toContainText('1 with a PIN');
  await expect(page.getByRole('region', { name: 'Utility bill' })).toContainText(
    'wayne-bill-november.pdf',
  );
  await expect(page.getByRole('region', { name: 'Port date and notifications' })).toContainText(
    'LOA copies to porting@wayne.example, it@wayne.example',
  );
  await portdesk.screenshot('review ready to submit');

  await page.getByRole('button', { name: 'Submit port-in for 5 numbers' }).click();
  await expect(page.getByRole('heading', { name: 'Port-in request submitted' })).toBeVisible();
  const submitted = page.getByRole('status').filter({ hasText: 'Twilio created request' });
  const sid = /KW[0-9a-f]{32}/.exec((await submitted.textContent()) ?? '')?.[0] ?? '';
  expect(sid).toMatch(/^KW[0-9a-f]{32}$/);
  await portdesk.screenshot('submitted with its SID');

  // ── Twilio (the simulator) holds it: the right numbers, the uploaded bill's SID ──
  const state = control.state();
  const requests = state.requests as WirePortIn[];
  expect(requests.map((r) => r.port_in_request_sid)).toEqual([sid]);
  const created = requests[0];
  expect(created?.phone_numbers.map((n) => n.phone_number).sort()).toEqual(
    PASTED_E164.filter((n) => n !== IN_ANOTHER_ACCOUNT).sort(),
  );
  expect(created?.losing_carrier_information).toMatchObject({
    customer_name: CUSTOMER,
    account_number: '88812345',
  });
  expect(created?.notification_emails).toEqual(['porting@wayne.example', 'it@wayne.example']);
  expect(created?.target_port_in_date).toBe(businessDay);
  expect(state.documents).toHaveLength(1);
  const document = state.documents[0];
  expect(document).toMatchObject({
    document_type: 'utility_bill',
    mime_type: 'application/pdf',
    size: november.byteLength,
  });
  expect(created?.documents).toEqual([document?.sid]);
  expect(document?.sid).toMatch(/^RD[0-9a-f]{32}$/);
  expect(MOBILE).toBe('+12129550100');

  // ── The request in the list and its detail ──
  await page.getByRole('button', { name: 'Open the request' }).click();
  await expect(page.getByText(sid).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: new RegExp(CUSTOMER) })).toBeVisible();
  await portdesk.screenshot('request detail with its SID');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /^Requests/ })
    .click();
  const row = page.getByTestId(`request-row-${sid}`);
  await expect(row).toContainText(CUSTOMER);
  await portdesk.screenshot('request in the list');

  expect(portdesk.cspViolations).toEqual([]);
  expect(portdesk.invocations.filter((call) => !call.ok)).toEqual([]);
});

/**
 * The real core, its calls to the simulator through a cable the spec can pull (NetworkCable):
 * offline means Twilio cannot be reached, not only that the OS says so.
 */
const offlineTest = test.extend<{ cable: NetworkCable }>({
  // Playwright reads fixture dependencies from a destructuring; the page is made anyway.
  cable: async ({ page: _page }, use) => {
    const cable = new NetworkCable();
    await use(cable);
    await cable.close();
  },
  core: async ({ cable }, use) => {
    await use({
      create: async (options) =>
        realCore({
          ...options,
          ...(options.twilioEndpoints
            ? {
                twilioEndpoints: {
                  baseUrl: await cable.route(options.twilioEndpoints.baseUrl),
                  uploadBaseUrl: await cable.route(options.twilioEndpoints.uploadBaseUrl),
                },
              }
            : {}),
        }),
    });
  },
});

offlineTest(
  'submit while offline: the draft survives a reload, the request waits in the outbox, and goes out once when the network is back',
  async ({ portdesk, page, cable }) => {
    const { control } = portdesk.simulator;
    await portdesk.connectSimulatorAccount();
    await portdesk.open();
    await expect(page.getByTestId('sync-state')).toContainText('Up to date');

    // The network goes away, and the shell's watcher says so.
    await cable.unplug();
    portdesk.setOnline(false);
    await expect(page.getByTestId('sync-state')).toContainText('Offline');

    await startNewPortIn(page);
    await pasteNumbers(page, '(212) 555-0100\n212.555.0101\n+1 212 555 0102');
    await page.getByRole('button', { name: 'Add 3 numbers' }).click();
    await expect(page.getByRole('heading', { name: 'In this request: 3 numbers' })).toBeVisible();

    // Portability needs Twilio: offline, the check says so instead of pretending.
    await goNext(page, 'Portability');
    await page.getByRole('button', { name: 'Check 3 numbers' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'Twilio could not be reached: this computer seems to be offline. Check again when the network is back',
    );
    await expect(page.getByRole('button', { name: 'Check 3 numbers' })).toBeEnabled();
    await portdesk.screenshot('portability check while offline');

    await goNext(page, 'Carrier details');
    await fillCarrier(page, '10001');
    await expect(page.getByText(/Draft saved/)).toBeVisible();

    // A reload mid-way (a crash, a restart): the draft was saved as it was typed.
    await page.reload();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /^New port-in/ })
      .click();
    const draftItem = page.getByRole('button', { name: new RegExp(`^${CUSTOMER}`) });
    await expect(draftItem).toContainText('3 numbers · Acme porting');
    await portdesk.screenshot('after a reload the draft is listed');
    await draftItem.click();
    await page
      .getByRole('button', { name: /Carrier details/ })
      .first()
      .click();
    await expect(page.getByRole('textbox', { name: 'Customer name' })).toHaveValue(CUSTOMER);
    await expect(page.locator('.state-field').getByRole('button')).toContainText('NY — New York');
    await expect(page.getByRole('textbox', { name: 'ZIP code' })).toHaveValue('10001');
    await portdesk.screenshot('the draft reopened with what was typed');

    await goNext(page, 'Utility bill');
    const bill = minimalPdf('Wayne Enterprises - November bill');
    await dropFile(page, page.getByTestId('bill-dropzone'), {
      name: 'wayne-bill.pdf',
      type: 'application/pdf',
      bytes: bill,
    });
    await expect(page.getByTestId('bill-card')).toContainText('wayne-bill.pdf');
    await goNext(page, 'Port date');
    await page.getByRole('button', { name: /^Use / }).click();
    await goNext(page, 'Review');
    await expect(page.getByText('Ready to submit')).toBeVisible();
    await portdesk.screenshot('review while offline');

    await page.getByRole('button', { name: 'Submit port-in for 3 numbers' }).click();
    await expect(
      page.getByRole('heading', { name: 'Queued — will send when online' }),
    ).toBeVisible();
    await portdesk.screenshot('queued, will send when online');
    expect(control.state().requests).toEqual([]);
    expect(control.state().documents).toEqual([]);

    await page.getByRole('button', { name: 'Open the outbox' }).click();
    const waiting = page.getByRole('region', { name: /Waiting to send/ });
    await expect(waiting).toContainText(`Create port-in for ${CUSTOMER} (3 numbers)`);
    // The bill's upload was tried (the client retries a refused connection a few times), then
    // waits for the network; the create waits for the upload.
    await expect(waiting).toContainText('Waiting for the network');
    await portdesk.screenshot('the outbox holds it');
    expect(control.state().requests).toEqual([]);

    // The network is back: the outbox sends the bill, then the request — once.
    await cable.plugIn();
    portdesk.setOnline(true);
    await expect(page.getByText('Nothing waiting to send')).toBeVisible();
    await portdesk.screenshot('outbox sent on reconnect');
    const requests = control.state().requests as WirePortIn[];
    expect(requests).toHaveLength(1);
    const sid = requests[0]?.port_in_request_sid ?? '';
    expect(requests[0]?.phone_numbers.map((n) => n.phone_number)).toEqual([
      '+12125550100',
      '+12125550101',
      '+12125550102',
    ]);
    expect(requests[0]?.documents).toEqual([control.state().documents[0]?.sid]);
    expect(control.state().callLog['POST /v1/Porting/PortIn']).toBe(1);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /^Requests/ })
      .click();
    await expect(page.getByTestId(`request-row-${sid}`)).toContainText(CUSTOMER);
    await portdesk.screenshot('the request listed with its SID');

    expect(portdesk.cspViolations).toEqual([]);
    expect(portdesk.invocations.filter((call) => !call.ok)).toEqual([]);
  },
);

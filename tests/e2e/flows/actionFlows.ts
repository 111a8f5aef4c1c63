import { expect, type Locator, type Page } from '@playwright/test';
import type { DraftPatch } from '../../../shared/ipc';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import { minimalPdf } from '../../unit/twilio/documentBytes';
import type { HarnessHost } from '../harness/harnessHost';
import { WorldClock } from './worldClock';

export { WorldClock };

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The simulator's lifecycle delays (docs/simulator.md), plus a minute so each step is past due. */
export const LIFECYCLE = {
  loaGenerated: 31 * MINUTE_MS,
  submittedAfterSignature: 6 * MINUTE_MS,
  carrierAnswer: DAY_MS + MINUTE_MS,
  canceled: 11 * MINUTE_MS,
} as const;

/** The actions specs set the page's time without waking its timers. */
export function advanceWorld(clock: WorldClock, portdesk: HarnessHost, ms: number): Promise<void> {
  return clock.advance(portdesk.simulator, portdesk.page, ms, 'set');
}

export interface RequestInput {
  numbers: readonly string[];
  customerName: string;
  authorizedRepresentative?: string;
  street?: string;
}

/** A carrier record that passes every check of the draft rules. */
export function draftFor(input: RequestInput): DraftPatch {
  return {
    phoneNumbers: input.numbers.map((phoneNumber) => ({ phoneNumber, pin: null })),
    losingCarrier: {
      customerType: 'Business',
      customerName: input.customerName,
      accountNumber: '4471-0092',
      accountTelephoneNumber: input.numbers[0] ?? '',
      authorizedRepresentative: input.authorizedRepresentative ?? 'Dana Whitfield',
      authorizedRepresentativeEmail: 'dana.whitfield@example.com',
      address: {
        street: input.street ?? '210 W 42nd St',
        street2: '',
        city: 'New York',
        state: 'NY',
        zip: '10036',
        country: 'US',
      },
    },
    notificationEmails: ['porting@example.com'],
  };
}

/**
 * Arranges a submitted request through the core's own use cases — draft, bill, submit — as the
 * wizard would (the wizard is not what these specs are about), and waits for the outbox to have
 * created it at the simulator. Returns its SID.
 */
export async function submitThroughCore(
  portdesk: HarnessHost,
  accountId: string,
  input: RequestInput,
): Promise<string> {
  const { handlers } = portdesk.core;
  const draft = await handlers.createDraft({ accountId, initial: draftFor(input) });
  await handlers.attachBill({
    draftId: draft.id,
    name: 'march-bill.pdf',
    bytes: minimalPdf(`${input.customerName} March bill`),
  });
  await handlers.submitDraft({ draftId: draft.id });
  let sid: string | null = null;
  await expect
    .poll(async () => {
      sid = (await handlers.getDraft({ draftId: draft.id })).requestSid;
      return sid;
    })
    .toMatch(/^KW[0-9a-f]{32}$/);
  return sid ?? '';
}

/**
 * Moves a request through Twilio's side of the lifecycle up to the carrier's answer: LOA
 * generated, signed by the customer, submitted, answered (a FOC with a port date, or the
 * rejections scripted for its numbers).
 */
export async function untilCarrierAnswers(
  portdesk: HarnessHost,
  clock: WorldClock,
  sid: string,
): Promise<void> {
  await advanceWorld(clock, portdesk, LIFECYCLE.loaGenerated);
  portdesk.simulator.control.signLoa(sid);
  await advanceWorld(clock, portdesk, LIFECYCLE.submittedAfterSignature);
  await advanceWorld(clock, portdesk, LIFECYCLE.carrierAnswer);
}

/** The simulator's record of a request, as Twilio would answer a fetch. */
export interface SimPortIn {
  port_in_request_sid: string;
  port_in_request_status: string;
  order_cancellation_reason: string | null;
  losing_carrier_information: {
    customer_name: string;
    authorized_representative: string;
    address: { street: string; city: string; state: string; zip: string };
  };
  documents: string[];
  phone_numbers: {
    phone_number: string;
    port_in_phone_number_sid: string;
    port_in_phone_number_status: string;
    port_date: string | null;
  }[];
}

/** The simulator's record of a request (pass `portdesk.simulator`, or a reconnected one). */
export function simRequest(twilio: RunningSimulator, sid: string): SimPortIn {
  const found = (twilio.control.state().requests as SimPortIn[]).find(
    (request) => request.port_in_request_sid === sid,
  );
  if (!found) throw new Error(`The simulator has no request ${sid}`);
  return found;
}

export function simNumberStatus(twilio: RunningSimulator, sid: string, e164: string): string {
  const number = simRequest(twilio, sid).phone_numbers.find((n) => n.phone_number === e164);
  if (!number) throw new Error(`Request ${sid} has no number ${e164} at the simulator`);
  return number.port_in_phone_number_status;
}

/** Calls the simulator counted on one route (e.g. `DELETE /v1/Porting/PortIn/{PortInRequestSid}`). */
export function callsTo(twilio: RunningSimulator, route: string): number {
  return twilio.control.state().callLog[route] ?? 0;
}

export const CANCEL_NUMBER_ROUTE =
  'DELETE /v1/Porting/PortIn/{PortInRequestSid}/PhoneNumber/{PhoneNumberSid}';
export const CANCEL_REQUEST_ROUTE = 'DELETE /v1/Porting/PortIn/{PortInRequestSid}';
export const CREATE_ROUTE = 'POST /v1/Porting/PortIn';

/** Opens a request from the Requests list, as an agent does: a sync, then its row. */
export async function openFromList(page: Page, portdesk: HarnessHost, sid: string): Promise<void> {
  await portdesk.core.syncNow();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Requests/ })
    .click();
  const row = page.getByTestId(`request-row-${sid}`);
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByText(sid).first()).toBeVisible();
}

/**
 * Syncs (as the poll loop would) until `check` passes: the request on screen is refreshed when
 * its detail is due, which the world clock decides.
 */
export async function syncUntil(
  portdesk: HarnessHost,
  check: () => Promise<void>,
  timeout = 30_000,
): Promise<void> {
  await expect(async () => {
    await portdesk.core.syncNow();
    await check();
  }).toPass({ timeout, intervals: [250, 500, 1_000] });
}

export function numbersTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Numbers in this request' });
}

/** The row of one number in the Numbers tab, found by its formatted digits. */
export function numberRow(page: Page, formatted: string): Locator {
  return numbersTable(page).getByRole('row').filter({ hasText: formatted });
}

/**
 * The network goes away for real: "Twilio" (this test's simulator, both hosts) stops answering, so
 * PortDesk's calls are refused as they are on a computer with no route, and the shell's watcher
 * says offline. `reconnect` brings the same world back on the same addresses (from a snapshot,
 * its clock resuming where it stopped) and tells the core the network is back.
 *
 * After a cut, `portdesk.simulator` is the closed instance: use the handle `reconnect` returns,
 * and close it at the end of the test.
 */
export async function cutNetwork(
  portdesk: HarnessHost,
): Promise<{ reconnect(): Promise<RunningSimulator> }> {
  const gone = portdesk.simulator;
  const snapshot = gone.snapshot();
  await gone.close();
  portdesk.setOnline(false);
  return {
    async reconnect() {
      const back = await startSimulator({
        restore: snapshot,
        credentials: gone.credentials,
        port: Number(new URL(gone.url).port),
        uploadPort: Number(new URL(gone.uploadUrl).port),
      });
      portdesk.setOnline(true);
      return back;
    },
  };
}

import { expect, type Locator, type Page } from '@playwright/test';
import * as z from 'zod';
import {
  normaliseNumberStatus,
  normaliseRequestStatus,
  type NumberStatus,
  type RequestStatus,
} from '../../../shared/domain/statuses';
import type { RunningSimulator } from '../../../main/simulator';

/**
 * Helpers for the real-core specs of onboarding, the requests list and the live request detail:
 * what the simulator holds (the outside world's truth the specs compare the screen with) and the
 * list screen's controls as an agent uses them (roles and labels, as in tests/ui).
 */

// ── What the simulator holds ────────────────────────────────────────────────────────────────

const wireNumber = z.object({
  port_in_phone_number_sid: z.string(),
  phone_number: z.string(),
  port_in_phone_number_status: z.string(),
  rejection_reason: z.string().nullable(),
  rejection_reason_code: z.union([z.string(), z.number()]).nullable(),
  port_date: z.string().nullable(),
  status_last_time_updated_timestamp: z.string().nullable(),
});

const wireRequest = z.object({
  port_in_request_sid: z.string(),
  port_in_request_status: z.string(),
  date_created: z.string(),
  support_ticket_id: z.number().nullable(),
  losing_carrier_information: z.object({
    customer_name: z.string(),
    authorized_representative: z.string(),
    authorized_representative_email: z.string(),
  }),
  phone_numbers: z.array(wireNumber),
});

export interface SimNumber {
  sid: string;
  e164: string;
  status: NumberStatus | 'unknown';
  rejectionCode: number | null;
  portDate: string | null;
  /** When Twilio last changed this number's status. */
  statusUpdatedAt: string | null;
}

export interface SimRequest {
  sid: string;
  status: RequestStatus | 'unknown';
  customerName: string;
  representative: string;
  representativeEmail: string;
  numbers: SimNumber[];
}

/** The simulator's requests as Twilio would answer them, oldest first. */
export function simRequests(simulator: RunningSimulator): SimRequest[] {
  return simulator.control.state().requests.map((raw) => {
    const request = wireRequest.parse(raw);
    return {
      sid: request.port_in_request_sid,
      status: normaliseRequestStatus(request.port_in_request_status).canonical,
      customerName: request.losing_carrier_information.customer_name,
      representative: request.losing_carrier_information.authorized_representative,
      representativeEmail: request.losing_carrier_information.authorized_representative_email,
      numbers: request.phone_numbers.map((number) => ({
        sid: number.port_in_phone_number_sid,
        e164: number.phone_number,
        status: normaliseNumberStatus(number.port_in_phone_number_status).canonical,
        rejectionCode:
          number.rejection_reason_code === null ? null : Number(number.rejection_reason_code),
        portDate: number.port_date,
        statusUpdatedAt: number.status_last_time_updated_timestamp,
      })),
    };
  });
}

export function simRequest(simulator: RunningSimulator, sid: string): SimRequest {
  const found = simRequests(simulator).find((request) => request.sid === sid);
  if (!found) throw new Error(`The simulator holds no request ${sid}`);
  return found;
}

/** "+16507068266" → "(650) 706-8266": how a customer writes the number, not how Twilio stores it. */
export function asWrittenByCustomer(e164: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (!match) throw new Error(`Not a US number: ${e164}`);
  return `(${match[1]}) ${match[2]}-${match[3]}`;
}

/** Sort text as the store folds customer names: lower case, accents stripped, compared by code unit. */
export function foldedName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

// ── The requests list ───────────────────────────────────────────────────────────────────────

export function requestGrid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Port-in requests' });
}

export function requestRow(page: Page, sid: string): Locator {
  return page.getByTestId(`request-row-${sid}`);
}

/** SIDs of the rows in the DOM now (the grid is virtual: only rows near the view), by index. */
async function renderedRows(page: Page): Promise<{ index: number; sid: string }[]> {
  return requestGrid(page)
    .locator('[data-testid^="request-row-"]')
    .evaluateAll((rows) =>
      rows.map((row) => ({
        index: Number(row.getAttribute('data-index')),
        sid: (row.getAttribute('data-testid') ?? '').replace('request-row-', ''),
      })),
    );
}

/**
 * SIDs of every row of the grid, top to bottom: scrolls the virtual list a screen at a time as
 * an agent would, collecting the rows each screen renders, then scrolls back to the top.
 */
export async function listedSids(page: Page): Promise<string[]> {
  const body = requestGrid(page).locator('.request-table__body');
  const byIndex = new Map<number, string>();
  await body.evaluate((element) => element.scrollTo(0, 0));
  for (;;) {
    for (const row of await renderedRows(page)) byIndex.set(row.index, row.sid);
    const atEnd = await body.evaluate((element) => {
      const before = element.scrollTop;
      element.scrollTo(0, before + element.clientHeight);
      return element.scrollTop === before;
    });
    if (atEnd) break;
    // Let the virtualiser render the rows of the new scroll position.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          // The page has DOM types; this file is typed for Node.
          const frames = globalThis as unknown as {
            requestAnimationFrame(callback: () => void): number;
          };
          frames.requestAnimationFrame(() => frames.requestAnimationFrame(() => resolve()));
        }),
    );
  }
  await body.evaluate((element) => element.scrollTo(0, 0));
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, sid]) => sid);
}

/** The rows show exactly these requests (any order), and the grid counts no others. */
export async function expectListed(page: Page, sids: readonly string[]): Promise<void> {
  await expect.poll(async () => [...(await listedSids(page))].sort()).toEqual([...sids].sort());
  await expect(requestGrid(page)).toHaveAttribute('aria-rowcount', String(sids.length + 1));
}

/** The rows show exactly these requests, in this order. */
export async function expectListedInOrder(page: Page, sids: readonly string[]): Promise<void> {
  await expect.poll(() => listedSids(page)).toEqual([...sids]);
  await expect(requestGrid(page)).toHaveAttribute('aria-rowcount', String(sids.length + 1));
}

/** The "N matches" count beside the attention filters (shown while something filters). */
export function matchCount(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /^\d[\d,]* match(es)?$/ });
}

export function searchBox(page: Page): Locator {
  return page.getByRole('searchbox', { name: 'Search requests' });
}

/** Ticks or unticks options of a filter menu ("Status", "Account") and closes it. */
export async function toggleMenuFilter(
  page: Page,
  menu: 'Status' | 'Account',
  options: readonly string[],
): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${menu}:`) }).click();
  // The open menu is named after its button ("Account: All"); only one is open at a time.
  const list = page.getByRole('menu');
  await expect(list).toBeVisible();
  for (const option of options) {
    // The item's name is its label followed by its count.
    await list
      .getByRole('menuitemcheckbox', { name: new RegExp(`^${escapeRegExp(option)}`) })
      .click();
  }
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
}

/** The count a filter menu shows beside an option, read from the open menu. */
export async function menuCount(
  page: Page,
  menu: 'Status' | 'Account',
  option: string,
): Promise<number> {
  await page.getByRole('button', { name: new RegExp(`^${menu}:`) }).click();
  const item = page
    .getByRole('menu')
    .getByRole('menuitemcheckbox', { name: new RegExp(`^${escapeRegExp(option)}`) });
  const count = Number(await item.locator('.menu-item__count').textContent());
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  return count;
}

/** One of the "needs attention" toggle chips above the list. */
export function attentionToggle(page: Page, label: string): Locator {
  return page
    .getByRole('group', { name: 'Show only requests that need attention' })
    .getByRole('button', { name: new RegExp(`^${escapeRegExp(label)}`) });
}

/** Waits until the sidebar says the last sync finished without a problem. */
export async function expectSyncedUpToDate(page: Page): Promise<void> {
  const state = page.getByTestId('sync-state');
  await expect(state).toContainText('Up to date');
  await expect(state).toContainText('Last synced');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

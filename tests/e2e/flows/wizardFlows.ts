import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Steps of the new port-in wizard as an agent drives them (roles, labels, the keyboard where it
 * is natural), shared by the real-core wizard specs. Nothing here touches the core or the
 * simulator: the specs do that for the outside world.
 */

/** What the agent pastes: mixed formats, a duplicate, a toll-free, a Canadian and a mobile. */
export const PASTED_NUMBERS = [
  '(212) 555-0100',
  '212.555.0101, +1 212 555 0102',
  'Main line: 1-212-555-0103 ext 12',
  '(212) 555-0100',
  '800-555-0100',
  '+1 416 555 0123',
  'Cell: +1 (212) 955-0100',
  '212 555 0104',
].join('\n');

/** The E.164 numbers the paste yields, in order (duplicate merged, toll-free and Canada out). */
export const PASTED_E164 = [
  '+12125550100',
  '+12125550101',
  '+12125550102',
  '+12125550103',
  '+12129550100',
  '+12125550104',
];

/** The mobile (exchange starting with 9): the simulator says PIN and account number required. */
export const MOBILE = '+12129550100';
export const MOBILE_SHOWN = '(212) 955-0100';

/** Seeded as in another Twilio account: not portable (22132). */
export const IN_ANOTHER_ACCOUNT = '+12125550104';

export const CUSTOMER = 'Wayne Enterprises';

/** Opens New port-in from the sidebar and starts a draft. */
export async function startNewPortIn(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /^New port-in/ })
    .click();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: 'Numbers to port' })).toBeVisible();
}

export async function goNext(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: `Next: ${label}` }).click();
}

/** Pastes the list; returns the box of lines that need attention. */
export async function pasteNumbers(page: Page, text: string): Promise<Locator> {
  await page.getByRole('textbox', { name: 'Paste numbers' }).fill(text);
  return page.getByRole('list', { name: 'Lines that need attention' });
}

/** Losing-carrier details as on the customer's bill; `state` may be wrong on purpose. */
/** Fills the carrier details with a valid record but for the ZIP code given. */
export async function fillCarrier(page: Page, zip: string): Promise<void> {
  await page.getByRole('radio', { name: 'Business' }).check({ force: true });
  await page.getByRole('textbox', { name: 'Customer name' }).fill(CUSTOMER);
  await page.getByRole('textbox', { name: 'Account number' }).fill('88812345');
  await page.getByRole('textbox', { name: 'Billing telephone number (BTN)' }).fill('2125550100');
  await page.getByRole('textbox', { name: 'Full name' }).fill('Lucius Fox');
  await page.getByRole('textbox', { name: 'Email' }).fill('lucius@wayne.example');
  await page.getByRole('textbox', { name: 'Street' }).first().fill('1007 Mountain Dr');
  await page.getByRole('textbox', { name: 'City' }).fill('New York');
  // The state is picked from a list (stored as its code).
  await page.locator('.state-field').getByRole('button').click();
  await page.getByRole('option', { name: /^NY — / }).click();
  await page.getByRole('textbox', { name: 'ZIP code' }).fill(zip);
  // Leaving the ZIP field is what shows its error (errors wait for blur, Next or submit).
  await page.getByRole('textbox', { name: 'ZIP code' }).blur();
}

export interface FileToDrop {
  name: string;
  /** What the OS would say from the extension (a renamed file keeps the wrong one). */
  type: string;
  /** The file's bytes… */
  bytes?: Uint8Array;
  /** …or this many bytes, zeros after a `%PDF-1.4` header, built in the page (large files). */
  sizeBytes?: number;
}

/**
 * Drops a file on `target` as a drag and drop from the desktop does: a real File built in the
 * page from the bytes, in a DataTransfer, carried by dragenter, dragover and drop events.
 */
export async function dropFile(page: Page, target: Locator, file: FileToDrop): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, type, bytes, sizeBytes }) => {
      // Runs in the page: Node's typecheck has no DOM types, so the few used are named here.
      interface PageGlobals {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
      }
      const g = globalThis as unknown as PageGlobals;
      let content: Uint8Array;
      if (bytes) {
        content = new Uint8Array(bytes);
      } else {
        content = new Uint8Array(sizeBytes ?? 0);
        content.set([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34]);
      }
      const transfer = new g.DataTransfer();
      transfer.items.add(new g.File([content], name, { type }));
      return transfer;
    },
    {
      name: file.name,
      type: file.type,
      bytes: file.bytes ? Array.from(file.bytes) : null,
      sizeBytes: file.sizeBytes ?? null,
    },
  );
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await target.dispatchEvent(type, { dataTransfer });
  }
  await dataTransfer.dispose();
}

/**
 * Records every progress bar the page shows from now on (its label and value), however briefly:
 * a bill of a few kilobytes is read, checked and stored faster than a screenshot is taken.
 */
export async function recordProgressBars(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    interface Node {
      querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null }>;
    }
    interface PageGlobals {
      document: { body: Node };
      MutationObserver: new (callback: () => void) => {
        observe(target: Node, options: Record<string, boolean>): void;
      };
      __progressSeen?: string[];
    }
    const g = globalThis as unknown as PageGlobals;
    const seen: string[] = [];
    g.__progressSeen = seen;
    const record = () => {
      for (const bar of g.document.body.querySelectorAll('[role="progressbar"]')) {
        const entry = `${bar.getAttribute('aria-label') ?? ''} ${bar.getAttribute('aria-valuenow') ?? ''}/${bar.getAttribute('aria-valuemax') ?? ''}`;
        if (seen[seen.length - 1] !== entry) seen.push(entry);
      }
    };
    new g.MutationObserver(record).observe(g.document.body, {
      childList: true,
      subtree: true,
      attributes: true,
    });
  });
  return () =>
    page.evaluate(
      () => (globalThis as unknown as { __progressSeen?: string[] }).__progressSeen ?? [],
    );
}

/** The first date on or after `from` (YYYY-MM-DD) that `accept` likes. */
export function firstDateFrom(from: string, accept: (date: string) => boolean): string {
  let date = from;
  for (let i = 0; i < 800; i += 1) {
    if (accept(date)) return date;
    const next = new Date(`${date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    date = next.toISOString().slice(0, 10);
  }
  throw new Error(`No matching date within 800 days of ${from}`);
}

/** Types a date into the react-aria date field, segment by segment, as an agent would. */
export async function typeDate(page: Page, date: string): Promise<void> {
  const [year, month, day] = date.split('-');
  const group = page.getByRole('group', { name: 'Target port date' });
  await group.getByRole('spinbutton', { name: /month/i }).click();
  await page.keyboard.type(`${month}${day}${year}`);
  await page.keyboard.press('Tab');
}

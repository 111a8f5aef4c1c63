import { expect, test, type Locator, type Page } from '@playwright/test';
import { INITECH_SID } from '../fixtures/fakeData';
import { openApp, screenshots, type FakeGlobal } from './helpers';

/** The page's styles as the in-page callbacks use them (the specs compile without the DOM lib). */
interface PageStyles {
  getComputedStyle(element: unknown): {
    overflowX: string;
    textOverflow: string;
    paddingLeft: string;
    paddingRight: string;
  };
}

/** A status Twilio might add one day: PortDesk shows it as sent, however long it is. */
const LONG_RAW_STATUS = 'Pending Losing Carrier Manual Review Escalation';

/**
 * Rewrites the first answers' statuses before the renderer sees them: the detail's first number
 * and the list's first row get a long raw status PortDesk does not know.
 */
async function withLongRawStatuses(page: Page): Promise<void> {
  await page.addInitScript((raw) => {
    type Answer = { ok: boolean; data?: Record<string, unknown> };
    type Status = { canonical: string; raw: string };
    let bridge: unknown;
    Object.defineProperty(globalThis, 'portdesk', {
      configurable: true,
      get: () => bridge,
      set(value: Record<string, (query: unknown) => Promise<Answer>>) {
        const detail = value.getRequestDetail?.bind(value);
        const list = value.listRequests?.bind(value);
        if (detail) {
          value.getRequestDetail = async (query) => {
            const answer = await detail(query);
            const numbers = answer.data?.numbers as { status: Status }[] | undefined;
            if (answer.ok && numbers?.[0]) numbers[0].status = { canonical: 'unknown', raw };
            return answer;
          };
        }
        if (list) {
          value.listRequests = async (query) => {
            const answer = await list(query);
            const rows = answer.data?.rows as { status: Status }[] | undefined;
            if (answer.ok && rows?.[0] && (query as { offset?: number }).offset === 0) {
              rows[0].status = { canonical: 'unknown', raw };
            }
            return answer;
          };
        }
        bridge = value;
      },
    });
  }, LONG_RAW_STATUS);
}

/**
 * Each chip, as painted, lies inside its own cell's content box: its box, and its words too
 * when they spill out of a box that does not clip them.
 */
async function chipsOutsideTheirCells(cells: Locator): Promise<string[]> {
  return cells.evaluateAll((found) =>
    found.flatMap((cell) => {
      const chip = cell.querySelector('.chip');
      if (!chip) return [];
      const c = chip.getBoundingClientRect();
      const clips =
        (globalThis as unknown as PageStyles).getComputedStyle(chip).overflowX !== 'visible';
      const painted = c.left + (clips ? c.width : Math.max(c.width, chip.scrollWidth));
      const box = cell.getBoundingClientRect();
      const style = (globalThis as unknown as PageStyles).getComputedStyle(cell);
      const left = box.left + parseFloat(style.paddingLeft);
      const right = box.right - parseFloat(style.paddingRight);
      return c.left >= left - 0.5 && painted <= right + 0.5
        ? []
        : [`"${chip.textContent}" paints ${c.left}–${painted}, its cell ${left}–${right}`];
    }),
  );
}

test.describe('status chips stay inside their column', () => {
  test('Numbers tab: "Waiting for signature" fits its column; a longer status ends in … with its full text as title', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await withLongRawStatuses(page);
    await openApp(page);
    await page.evaluate(
      (sid) => (globalThis as unknown as FakeGlobal).__portdeskFake.navigateTo(sid),
      INITECH_SID,
    );
    await page.getByRole('tab', { name: /Numbers/ }).click();
    const table = page.getByRole('table', { name: 'Numbers in this request' });
    await expect(table.getByText('Waiting for signature').first()).toBeVisible();

    const statusCells = table.locator('[role="row"] > [role="cell"]:nth-child(3)');
    expect(await statusCells.count()).toBeGreaterThan(1);
    expect(await chipsOutsideTheirCells(statusCells)).toEqual([]);

    // A known label is never cut: the column is as wide as the longest one.
    const known = table.locator('.chip', { hasText: 'Waiting for signature' }).first();
    expect(await known.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    // The raw one is cut with an ellipsis (visually only: its text, which a screen reader reads,
    // is whole), and says all of it in its title.
    const raw = table.locator('.chip', { hasText: 'Pending Losing' });
    await expect(raw).toHaveText(LONG_RAW_STATUS);
    await expect(raw).toHaveAttribute('title', new RegExp(`^${LONG_RAW_STATUS} — `));
    expect(
      await raw.evaluate(
        (el) => (globalThis as unknown as PageStyles).getComputedStyle(el).textOverflow,
      ),
    ).toBe('ellipsis');
    expect(await raw.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

    // The status column lines up with its header.
    const header = table.getByRole('columnheader', { name: 'Status' });
    const firstCell = statusCells.first();
    expect((await header.boundingBox())?.x).toBe((await firstCell.boundingBox())?.x);
    await screenshots(page, 'detail-numbers-long-status');
  });

  test('requests list: a long raw status stays in the Status column, with its full text as title', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await withLongRawStatuses(page);
    await openApp(page);
    const grid = page.getByRole('grid', { name: 'Port-in requests' });
    await expect(grid.getByRole('row').nth(5)).toBeVisible();
    const statusCells = grid.locator('.cell--status');
    expect(await chipsOutsideTheirCells(statusCells)).toEqual([]);
    const raw = grid.locator('.chip', { hasText: 'Pending Losing' });
    await expect(raw).toHaveAttribute('title', new RegExp(`^${LONG_RAW_STATUS} — `));
    expect(
      await raw.evaluate(
        (el) => (globalThis as unknown as PageStyles).getComputedStyle(el).textOverflow,
      ),
    ).toBe('ellipsis');
    await screenshots(page, 'requests-long-status');
  });
});

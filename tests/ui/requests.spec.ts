import { expect, test } from '@playwright/test';
import { ACME_SID } from '../fixtures/fakeData';
import { expectAccessible, openApp, screenshots, type FakeGlobal } from './helpers';

/** What the layout check reads of an element (the spec compiles without the DOM's types). */
interface Box {
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  className: string;
  textContent: string | null;
  closest(selector: string): unknown;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<Box>;
}

test.describe('requests list', () => {
  test('shows every request with status, counts and attention flags; accessible in both themes', async ({
    page,
  }) => {
    await openApp(page);
    await expect(page.getByText('300 requests')).toBeVisible();
    await expect(page.getByRole('grid', { name: 'Port-in requests' })).toHaveAttribute(
      'aria-rowcount',
      '301',
    );
    await expectAccessible(page);
    await screenshots(page, 'requests');
  });

  test('filters by status and searches by a phone number typed in any format', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: /^Status:/ }).click();
    await page.getByRole('menuitemcheckbox', { name: /Action required/ }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByText('25 matches')).toBeVisible();
    const rows = page.getByRole('grid', { name: 'Port-in requests' }).getByRole('row');
    await expect(rows.nth(1)).toContainText('Action required');

    await page.getByRole('searchbox', { name: 'Search requests' }).fill('(415) 555-0142');
    await expect(page.getByText('1 match', { exact: true })).toBeVisible();
    await expect(page.getByTestId(`request-row-${ACME_SID}`)).toContainText('Acme Plumbing LLC');
    await screenshots(page, 'requests-filtered');

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(page.getByText('300 requests')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search requests' }).fill('zzz no such customer');
    await expect(page.getByText('No requests match')).toBeVisible();
    await screenshots(page, 'requests-empty');
  });

  test('the attention filter and keyboard: arrows move between rows, Enter opens one', async ({
    page,
  }) => {
    await openApp(page);
    await page.getByRole('button', { name: /^LOA unsigned/ }).click();
    await expect(page.getByText(/^\d+ matches$/)).toBeVisible();
    const firstRow = page.getByRole('grid', { name: 'Port-in requests' }).getByRole('row').nth(1);
    await expect(firstRow).toContainText('LOA unsigned');
    await firstRow.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Back to requests' })).toBeVisible();
    await expect(page.getByText('The LOA is waiting for a signature')).toBeVisible();
  });

  test('keys move focus to rows outside the rendered window: End, Home, PageDown, a run of ArrowDown', async ({
    page,
  }) => {
    await openApp(page);
    const grid = page.getByRole('grid', { name: 'Port-in requests' });
    const focused = page.locator('[role="row"]:focus');
    await grid.getByRole('row').nth(1).focus();
    await expect(focused).toHaveAttribute('aria-rowindex', '2');

    await page.keyboard.press('End');
    await expect(focused).toHaveAttribute('aria-rowindex', '301');
    await expect(focused).toBeInViewport();
    await expect(grid.locator('[aria-rowindex="2"]')).toHaveCount(0);

    await page.keyboard.press('Home');
    await expect(focused).toHaveAttribute('aria-rowindex', '2');
    await expect(focused).toBeInViewport();

    await page.keyboard.press('PageDown');
    await expect(focused).not.toHaveAttribute('aria-rowindex', '2');
    const pageRows = Number(await focused.getAttribute('aria-rowindex')) - 2;
    expect(pageRows).toBeGreaterThan(4);
    await page.keyboard.press('PageDown');
    const afterPages = 2 + 2 * pageRows;
    await expect(focused).toHaveAttribute('aria-rowindex', String(afterPages));
    await expect(focused).toBeInViewport();

    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowDown');
    await expect(focused).toHaveAttribute('aria-rowindex', String(afterPages + 20));
    await expect(focused).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Back to requests' })).toBeVisible();
  });

  test('at 1280×800 nothing in a row is cut: flags, status, numbers, dates, a one-line "changed"', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    // Two customers whose long names differ only at their end, as the simulator's demo names do.
    await page.addInitScript(() => {
      let bridge: unknown;
      Object.defineProperty(globalThis, 'portdesk', {
        configurable: true,
        get: () => bridge,
        set(value: { listRequests: (q: unknown) => Promise<unknown> }) {
          const list = value.listRequests.bind(value);
          value.listRequests = async (query) => {
            const answer = (await list(query)) as {
              ok: boolean;
              data?: { rows: { customerName: string | null }[] };
            };
            if (answer.ok && answer.data && (query as { offset?: number }).offset === 0) {
              answer.data.rows = answer.data.rows.map((row, i) =>
                i < 2
                  ? { ...row, customerName: `Lakeshore Property Management #${i === 0 ? 3 : 10}` }
                  : row,
              );
            }
            return answer;
          };
          bridge = value;
        },
      });
    });
    await openApp(page);
    const grid = page.getByRole('grid', { name: 'Port-in requests' });
    await expect(grid.getByRole('row').nth(10)).toBeVisible();

    // The long names keep their distinct ends on screen and say all of it in their title.
    const first = grid.getByRole('row').nth(1);
    const second = grid.getByRole('row').nth(2);
    await expect(first.locator('.customer-name__tail')).toBeVisible();
    await expect(first.locator('.customer-name__tail')).toHaveText(' #3');
    await expect(second.locator('.customer-name__tail')).toHaveText(' #10');
    await expect(second.getByTitle('Lakeshore Property Management #10')).toBeVisible();

    const cut = await grid.evaluate((table: Box) => {
      const found: string[] = [];
      for (const row of table.querySelectorAll('[role="row"]')) {
        const parts = row.querySelectorAll(
          '[role="gridcell"] *, [role="gridcell"], [role="columnheader"], [role="columnheader"] *',
        );
        for (const part of parts) {
          // Long names are cut on purpose, in their middle; screen-reader text is not on screen.
          if (part.closest('.customer-name, .visually-hidden')) continue;
          if (
            part.scrollWidth > part.clientWidth + 1 ||
            part.scrollHeight > part.clientHeight + 1
          ) {
            found.push(
              `${row.getAttribute('aria-rowindex')}: ${part.className} "${part.textContent}"`,
            );
          }
        }
      }
      return found;
    });
    expect(cut).toEqual([]);
    // "Changed" compact (on one line: the check above), with the exact time in its title.
    const changed = first.locator('.cell--changed');
    await expect(changed).toHaveText(
      /^(just now|\d+ min ago|\d+ hr ago|yesterday|\d+ days ago|[A-Z][a-z]{2} \d+)$/,
    );
    await expect(changed).toHaveAttribute('title', /\d{4}/);
    // The status chip is as wide as its words, not as the column.
    const chip = first.locator('.cell--status .chip');
    const cell = first.locator('.cell--status');
    expect((await chip.boundingBox())?.width ?? 0).toBeLessThan(
      (await cell.boundingBox())?.width ?? 0,
    );
    await screenshots(page, 'requests-1280');
  });

  test('scrolls 300 rows with only the visible ones in the page', async ({ page }) => {
    await openApp(page);
    const grid = page.getByRole('grid', { name: 'Port-in requests' });
    await expect(grid.getByRole('row').nth(3)).toBeVisible();
    const rendered = await grid.getByRole('row').count();
    expect(rendered).toBeLessThan(60);
    await grid.locator('.request-table__body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(grid.locator('[aria-rowindex="301"]')).toBeVisible();
  });
});

test.describe('requests list at scale and when things go wrong', () => {
  test('10,000 requests: only the rows on screen are in the page, and scrolling fetches pages on demand', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await openApp(page, { requestCount: 10_000 });
    await expect(page.getByText('10,000 requests')).toBeVisible({ timeout: 60_000 });
    const grid = page.getByRole('grid', { name: 'Port-in requests' });
    await expect(grid).toHaveAttribute('aria-rowcount', '10001');
    expect(await grid.getByRole('row').count()).toBeLessThan(60);
    await grid.locator('.request-table__body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(grid.locator('[aria-rowindex="10001"]')).toContainText(/KW[0-9a-f]{32}/);
    const listCalls = await page.evaluate(
      () =>
        (globalThis as unknown as FakeGlobal).__portdeskFake.calls.filter(
          (c) => c.method === 'listRequests',
        ).length,
    );
    // The first page, the last page (and a neighbour): never the 100 pages in between.
    expect(listCalls).toBeLessThan(8);
    await screenshots(page, 'requests-10000-end');
  });

  test('a new search keeps the previous rows on screen, marked busy, until its own rows arrive', async ({
    page,
  }) => {
    await openApp(page, { latencyMs: 2000 });
    await expect(page.getByText('300 requests')).toBeVisible();
    const grid = page.getByRole('grid', { name: 'Port-in requests' });
    const firstRow = grid.getByRole('row').nth(1);
    const before = await firstRow.getAttribute('data-testid');
    await expect(grid).not.toHaveAttribute('aria-busy', 'true');

    await page.getByRole('searchbox', { name: 'Search requests' }).fill('(415) 555-0142');
    await expect(grid).toHaveAttribute('aria-busy', 'true');
    // Not blanked, not swapped for the loading state: the previous first row is still there.
    await expect(firstRow).toHaveAttribute('data-testid', before ?? '');
    await expect(page.getByText('Loading requests…')).toHaveCount(0);

    await expect(page.getByText('1 match', { exact: true })).toBeVisible();
    await expect(grid).not.toHaveAttribute('aria-busy', 'true');
    await expect(grid).toHaveAttribute('aria-rowcount', '2');
    await expect(page.getByTestId(`request-row-${ACME_SID}`)).toContainText('Acme Plumbing LLC');
  });

  test('a slow answer shows a loading state; a failed one an error in words with a retry', async ({
    page,
  }) => {
    await openApp(page, { latencyMs: 1500 });
    // The list's first page is asked for with the accounts, before React boots
    // (renderer/store/earlyCalls.ts): one wait, shown by the app's loading state, then rows.
    await expect(page.getByText('Opening PortDesk…')).toBeVisible();
    await expect(page.getByText('300 requests')).toBeVisible();
    const listCalls = await page.evaluate(
      () =>
        (globalThis as unknown as FakeGlobal).__portdeskFake.calls.filter(
          (call) => call.method === 'listRequests',
        ).length,
    );
    expect(listCalls).toBe(1);

    await page.evaluate(() =>
      (globalThis as unknown as FakeGlobal).__portdeskFake.failNext(
        'listRequests',
        'internal',
        'The local database is busy. Try again in a moment.',
      ),
    );
    await page.getByRole('searchbox', { name: 'Search requests' }).fill('Acme');
    await expect(page.getByRole('alert')).toContainText('The local database is busy');
    await screenshots(page, 'requests-error');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText(/^\d+ match(es)?$/)).toBeVisible();
  });
});

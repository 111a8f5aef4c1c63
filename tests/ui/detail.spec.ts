import { expect, test, type Page } from '@playwright/test';
import { ACME_SID, GLOBEX_SID, HEAVY_CUSTOMER, HEAVY_SID, INITECH_SID } from '../fixtures/fakeData';
import { expectAccessible, openApp, screenshots, type FakeGlobal } from './helpers';

/** The page's DOM as the in-page callbacks below use it (the specs compile without the DOM lib). */
interface PageDom {
  document: {
    body: unknown;
    querySelector(selector: string): { textContent: string | null } | null;
  };
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: Record<string, boolean>): void;
  };
  requestIdleCallback(callback: () => void): void;
  __fallbackSeen?: { fallback: boolean };
}

async function openRequest(page: Page, sid: string) {
  await page.evaluate(
    (s) => (globalThis as unknown as FakeGlobal).__portdeskFake.navigateTo(s),
    sid,
  );
  await expect(page.getByRole('button', { name: 'Back to requests' })).toBeVisible();
}

test.describe('request detail', () => {
  test('a rejected number shows the reason in words with the fix from the catalog', async ({
    page,
  }) => {
    await openApp(page);
    await openRequest(page, ACME_SID);
    await expect(page.getByRole('heading', { level: 1, name: 'Acme Plumbing LLC' })).toBeVisible();
    await expect(page.getByText('Action required').first()).toBeVisible();
    const timeline = page.getByTestId('timeline');
    await expect(
      timeline.getByText('(415) 555-0142 was rejected by the losing carrier'),
    ).toBeVisible();
    await expect(timeline.getByText('Invalid PIN').first()).toBeVisible();
    await expect(timeline.getByText(/Fix:/).first()).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'detail-rejected');

    await page.getByRole('tab', { name: /Numbers/ }).click();
    await expect(page.getByRole('table', { name: 'Numbers in this request' })).toContainText(
      'Invalid PIN',
    );
    await expectAccessible(page);
    await screenshots(page, 'detail-numbers');
  });

  test('a status change pushed by main appears in the timeline without a reload', async ({
    page,
  }) => {
    await openApp(page);
    await openRequest(page, INITECH_SID);
    await expect(page.getByText('Waiting for signature').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Open LOA signing link' })).toBeVisible();
    await page.getByRole('button', { name: 'Open LOA signing link' }).click();
    await expect
      .poll(() =>
        page.evaluate(() => (globalThis as unknown as FakeGlobal).__portdeskFake.openedLoaFor),
      )
      .toBe(INITECH_SID);

    const steps = ['in_progress', 'pending', 'completed'] as const;
    const expected = [
      'Request status: Waiting for signature → In progress',
      'port date confirmed for',
      'Request status: In progress → Completed',
    ];
    for (const [i, step] of steps.entries()) {
      await page.evaluate(
        ([sid, to]) => (globalThis as unknown as FakeGlobal).__portdeskFake.advanceRequest(sid, to),
        [INITECH_SID, step] as const,
      );
      await expect(
        page
          .getByTestId('timeline')
          .getByText(expected[i] ?? '')
          .first(),
      ).toBeVisible();
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Initech' })).toBeVisible();
    await expect(page.locator('.screen__subtitle').getByText('Completed')).toBeVisible();
    // Signed and done: nothing left to sign, so the link is no longer offered.
    await expect(page.getByRole('button', { name: 'Open LOA signing link' })).toHaveCount(0);
    await screenshots(page, 'detail-live-completed');

    // And a rejection arriving live shows its reason and fix.
    await page.evaluate(
      (sid) => (globalThis as unknown as FakeGlobal).__portdeskFake.advanceRequest(sid, 'rejected'),
      INITECH_SID,
    );
    await expect(
      page.getByTestId('timeline').getByText('Invalid account number').first(),
    ).toBeVisible();
  });

  test('canceling numbers asks first, explains the consequence, and queues the cancel', async ({
    page,
  }) => {
    await openApp(page);
    await openRequest(page, ACME_SID);
    await page.getByRole('tab', { name: /Numbers/ }).click();
    const table = page.getByRole('table', { name: 'Numbers in this request' });
    await table.getByRole('checkbox').nth(2).check({ force: true });
    await page.getByRole('button', { name: 'Cancel 1 number' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('This number stays with the losing carrier');
    // It names the number, so the agent sees which one goes.
    await expect(dialog.getByRole('heading')).toHaveText(/^Cancel \(\d{3}\) \d{3}-\d{4}\?$/);
    await screenshots(page, 'detail-cancel-numbers');
    await dialog.getByRole('button', { name: 'Cancel numbers' }).click();
    await expect(page.getByText(/cancel sent to Twilio/)).toBeVisible();
    // Twilio accepted it (204) and is canceling: the header says so at once, not Twilio's old state.
    await expect(page.getByTestId('pending-state')).toHaveText('Canceling 1 number…');
    await expect(table.getByText('Canceling').first()).toBeVisible();
    // The sync sees it Canceled: Twilio's state is the whole story again.
    await page.evaluate(
      (sid) => (globalThis as unknown as FakeGlobal).__portdeskFake.finishCancels(sid),
      ACME_SID,
    );
    await expect(table.getByText('Canceled').first()).toBeVisible();
    await expect(page.getByTestId('pending-state')).toHaveCount(0);
  });

  test('after "Cancel request" the header says Canceling… at once, and the LOA banner, link and cancel button go', async ({
    page,
  }) => {
    await openApp(page);
    await openRequest(page, INITECH_SID);
    const subtitle = page.locator('.screen__subtitle');
    await expect(subtitle).toContainText('Waiting for signature');
    await expect(page.getByText('The LOA is waiting for a signature')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Open LOA signing link' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel request' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel request' }).click();

    await expect(page.getByTestId('pending-state')).toHaveText('Canceling…');
    await expect(page.getByTestId('pending-detail')).toContainText('Twilio accepted the cancel');
    await expect(page.getByText('The LOA is waiting for a signature')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Open LOA signing link' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Cancel request' })).toHaveCount(0);
    await expectAccessible(page);
    await screenshots(page, 'detail-canceling');

    // Resolved by Twilio's state once the sync sees it.
    await page.evaluate(
      (sid) => (globalThis as unknown as FakeGlobal).__portdeskFake.finishCancels(sid),
      INITECH_SID,
    );
    await expect(subtitle).toContainText('Canceled');
    await expect(page.getByTestId('pending-state')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Cancel request' })).toHaveCount(0);
    await screenshots(page, 'detail-canceled');
  });

  test('the header never starts a line with the dot between the SID and the account', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page);
    await openRequest(page, INITECH_SID);
    await expect(page.getByRole('button', { name: 'Open LOA signing link' })).toBeVisible();
    // Narrow enough that the account goes under the SID, as beside the LOA link's button with a
    // longer account name.
    await page.addStyleTag({ content: '.screen__titles { flex: 0 0 330px; max-width: 330px; }' });
    // Each line's first glyph (text, or a "·" drawn before an element and not clipped away).
    const firstGlyphs = await page.evaluate<string[]>(`(() => {
      const subtitle = document.querySelector('.screen__subtitle');
      const glyphs = [];
      const walker = document.createTreeWalker(subtitle, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.data.length; i += 1) {
          if (!node.data[i].trim()) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const box = range.getBoundingClientRect();
          if (box.width > 0) glyphs.push({ ch: node.data[i], left: box.left, top: box.top });
        }
      }
      for (const element of subtitle.querySelectorAll('*')) {
        const before = getComputedStyle(element, '::before');
        if (!before.content.includes('·')) continue;
        const box = element.getBoundingClientRect();
        const dotLeft = box.left - parseFloat(before.width);
        let clipped = false;
        for (let up = element.parentElement; up && up !== subtitle; up = up.parentElement) {
          const clip = up.getBoundingClientRect();
          if (getComputedStyle(up).overflow === 'hidden' && dotLeft < clip.left - 0.5) clipped = true;
        }
        if (!clipped) glyphs.push({ ch: '·', left: dotLeft, top: box.top });
      }
      const lines = new Map();
      for (const glyph of glyphs) {
        const key = [...lines.keys()].find((top) => Math.abs(top - glyph.top) < 6) ?? glyph.top;
        const first = lines.get(key);
        if (!first || glyph.left < first.left) lines.set(key, glyph);
      }
      return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, glyph]) => glyph.ch);
    })()`);
    expect(firstGlyphs.length).toBeGreaterThan(2);
    expect(firstGlyphs).not.toContain('·');
    await screenshots(page, 'detail-header-wrapped');
  });

  test('cancel request explains the cut-off near the port date', async ({ page }) => {
    await openApp(page);
    await openRequest(page, INITECH_SID);
    await page.getByRole('button', { name: 'Cancel request' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('24–48 hours of the port date');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Keep the request' }).click();
    await expect(dialog).toBeHidden();
  });

  test('fix and resubmit opens a draft with the rejected fields marked', async ({ page }) => {
    await openApp(page);
    await openRequest(page, ACME_SID);
    await page.getByRole('button', { name: 'Fix and resubmit' }).click();
    // Twilio holds a rejected number until it is canceled: the dialog says so and cancels it.
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('refuses a new request for it until then');
    await expectAccessible(page);
    await screenshots(page, 'detail-fix-and-resubmit');
    await dialog.getByRole('button', { name: /Cancel (it|them) and fix/ }).click();
    await expect(page.getByText(`Correcting rejected request ${ACME_SID}`)).toBeVisible();
    await expect(page.getByText(/rejected numbers?: cancel sent to Twilio/)).toBeVisible();
    // One command: the draft and the cancel together (main handles a cancel it cannot queue).
    const methods = await page.evaluate(() =>
      (globalThis as unknown as FakeGlobal).__portdeskFake.calls.map((c) => c.method),
    );
    expect(methods.filter((m) => m === 'correctRejectedRequest')).toHaveLength(1);
    expect(methods).not.toContain('cancelNumbers');
    expect(methods).not.toContain('fixAndResubmit');
    await expect(page.getByText(/Invalid PIN/).first()).toBeVisible();
    await screenshots(page, 'wizard-resubmit');
  });

  test('a corrected request and its correction link to each other', async ({ page }) => {
    // main's links as fix and resubmit leaves them: Acme (rejected) is corrected by Globex.
    await page.addInitScript(
      ({ rejected, correction }) => {
        let bridge: unknown;
        Object.defineProperty(globalThis, 'portdesk', {
          configurable: true,
          get: () => bridge,
          set(value: { getRequestDetail: (q: { sid: string }) => Promise<unknown> }) {
            const detail = value.getRequestDetail.bind(value);
            value.getRequestDetail = async (query) => {
              const answer = (await detail(query)) as { ok: boolean; data?: object };
              if (!answer.ok || !answer.data) return answer;
              const resubmission =
                query.sid === rejected
                  ? { corrects: null, correctedBy: correction }
                  : query.sid === correction
                    ? { corrects: rejected, correctedBy: null }
                    : undefined;
              return { ok: true, data: { ...answer.data, resubmission } };
            };
            bridge = value;
          },
        });
      },
      { rejected: ACME_SID, correction: GLOBEX_SID },
    );
    await openApp(page);
    await openRequest(page, ACME_SID);
    await page.getByRole('button', { name: `Corrected by ${GLOBEX_SID}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Globex Corporation' })).toBeVisible();
    await expect(page.getByRole('button', { name: `Corrects ${ACME_SID}` })).toBeVisible();
    await screenshots(page, 'detail-corrects');
    await page.getByRole('button', { name: `Corrects ${ACME_SID}` }).click();
    await expect(page.getByRole('button', { name: `Corrected by ${GLOBEX_SID}` })).toBeVisible();
  });

  test('a 500-event timeline keeps every event in the page; days off screen are not rendered until scrolled to', async ({
    page,
  }) => {
    await openApp(page, { heavyRequest: { numbers: 50, timelineEvents: 500 } });
    await openRequest(page, HEAVY_SID);
    const timeline = page.getByTestId('timeline');
    const items = timeline.locator('.timeline__item');
    await expect(items).toHaveCount(500);
    // Readable in full (find in page, screen readers, the e2e smoke test read textContent).
    expect(await timeline.textContent()).toContain('PortDesk first saw this request');

    const days = timeline.locator('section h3');
    const lastDay = days.last();
    // True while content-visibility: auto skips the day's contents (its heading among them).
    const skipped = (el: {
      checkVisibility(options: { contentVisibilityAuto: boolean }): boolean;
    }) => !el.checkVisibility({ contentVisibilityAuto: true });
    expect(await days.first().evaluate(skipped)).toBe(false);
    expect(await lastDay.evaluate(skipped)).toBe(true);

    const oldest = timeline.getByText(/PortDesk first saw this request/);
    await oldest.scrollIntoViewIfNeeded();
    await expect(oldest).toBeInViewport();
    await expect.poll(() => lastDay.evaluate(skipped)).toBe(false);
    await screenshots(page, 'detail-long-timeline-end');
  });

  test('a request opened from the list once the screens are preloaded never shows "Opening…"', async ({
    page,
  }) => {
    await openApp(page, { heavyRequest: { numbers: 50, timelineEvents: 40 } });
    const row = page.getByTestId(`request-row-${HEAVY_SID}`);
    await expect(row).toBeVisible();
    // The list preloads the other screens when the page is idle; wait for the detail's chunk,
    // then for one more idle moment (the chunk has run by then).
    await page.waitForFunction(() =>
      performance
        .getEntriesByType('resource')
        .some((entry) => /\/RequestDetailScreen-[^/]*\.js$/.test(entry.name)),
    );
    await page.evaluate(
      () =>
        new Promise((done) =>
          (globalThis as unknown as PageDom).requestIdleCallback(() => done(null)),
        ),
    );
    // React.lazy suspends even on a module already loaded, and React then holds its fallback
    // for 300 ms at least: the agent would see "Opening…" where nothing is being opened.
    await page.evaluate(() => {
      const w = globalThis as unknown as PageDom;
      w.__fallbackSeen = { fallback: false };
      new w.MutationObserver(() => {
        if (w.document.querySelector('.main')?.textContent?.includes('Opening…')) {
          w.__fallbackSeen = { fallback: true };
        }
      }).observe(w.document.body, { childList: true, subtree: true, characterData: true });
    });
    await row.click();
    await expect(page.getByRole('heading', { level: 1, name: HEAVY_CUSTOMER })).toBeVisible();
    await expect(page.getByTestId('timeline').locator('.timeline__item')).toHaveCount(40);
    const seen = await page.evaluate(() => (globalThis as unknown as PageDom).__fallbackSeen);
    expect(seen?.fallback).toBe(false);
  });

  test('a request with 1,000 numbers opens and its numbers filter by digits', async ({ page }) => {
    await openApp(page);
    await openRequest(page, GLOBEX_SID);
    // Counts read with thousands separators wherever they are shown.
    await expect(page.getByRole('tab', { name: /Numbers/ })).toContainText('1,000');
    await expect(page.getByText(/ported of 1,000$/)).toBeVisible();
    await page.getByRole('tab', { name: /Numbers/ }).click();
    const table = page.getByRole('table', { name: 'Numbers in this request' });
    await expect(table).toHaveAttribute('aria-rowcount', '1001');
    await page.getByRole('searchbox', { name: 'Find a number' }).fill('1999');
    await expect(table).toHaveAttribute('aria-rowcount', '2');
    await page.getByRole('button', { name: 'Copy details' }).click();
    await expect(page.getByText('Request details copied.')).toBeVisible();
    const copied = await page.evaluate(
      () => (globalThis as unknown as FakeGlobal).__portdeskFake.lastCopied,
    );
    expect(copied).toContain('Globex Corporation');
    expect(copied).toContain('Numbers (1,000):');
  });
});

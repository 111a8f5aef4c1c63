import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FakePortdesk } from '../fixtures/fakeBridge';

export const SCREENSHOT_DIR = join('test-results', 'ui');

export async function openApp(
  page: Page,
  options: {
    scenario?: 'empty' | 'demo';
    online?: boolean;
    latencyMs?: number;
    requestCount?: number;
    /** Notices in the activity feed's history (default 40). */
    noticeCount?: number;
    /** Of those, the newest this many are new since the agent last looked. */
    unseenNotices?: number;
    /** 'page': the page raises pop-ups itself, as in the browser host. */
    popups?: 'os' | 'page';
    /** One more request (fakeData HEAVY_SID) with this many numbers and timeline events. */
    heavyRequest?: { numbers: number; timelineEvents: number };
  } = {},
): Promise<void> {
  const base = process.env.PORTDESK_UI_URL;
  if (!base) throw new Error('PORTDESK_UI_URL is not set: run through playwright.ui.config.ts.');
  const params = new URLSearchParams({ scenario: options.scenario ?? 'demo' });
  if (options.online === false) params.set('online', 'false');
  if (options.latencyMs) params.set('latency', String(options.latencyMs));
  if (options.requestCount) params.set('requests', String(options.requestCount));
  if (options.noticeCount !== undefined) params.set('notices', String(options.noticeCount));
  if (options.unseenNotices) params.set('unseen', String(options.unseenNotices));
  if (options.popups) params.set('popups', options.popups);
  if (options.heavyRequest) {
    params.set('heavyNumbers', String(options.heavyRequest.numbers));
    params.set('heavyEvents', String(options.heavyRequest.timelineEvents));
  }
  await page.goto(`${base}?${params.toString()}`);
}

/**
 * The page's globals as the UI test host sets them. Use it inside page.evaluate callbacks,
 * which run in the page and cannot close over the spec's variables:
 * `page.evaluate((sid) => (globalThis as unknown as FakeGlobal).__portdeskFake.navigateTo(sid), sid)`.
 */
export interface FakeGlobal {
  __portdeskFake: FakePortdesk;
}

/** Saves the screen in the light and the dark theme (the theme follows the OS by default). */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    // Transitions finish first: a theme switch mid-transition would photograph in-between colours.
    await page.screenshot({
      path: join(SCREENSHOT_DIR, `${name}-${scheme}.png`),
      animations: 'disabled',
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** axe-core on the current screen, in both themes: no serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        theme: scheme,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
    expect(blocking).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

export interface DroppedFile {
  name: string;
  type: string;
  /** The file's text content… */
  text?: string;
  /** …or a size in bytes, filled with zeros after a `%PDF-` header (for oversized files). */
  sizeBytes?: number;
}

/**
 * Drops a file on an element the way a user's drag and drop does: a File in a DataTransfer,
 * carried by dragenter, dragover and drop events built in the page.
 */
export async function dropFile(page: Page, testId: string, file: DroppedFile): Promise<void> {
  await page.getByTestId(testId).evaluate((element, f) => {
    interface PageGlobals {
      DataTransfer: new () => { items: { add(file: unknown): void } };
      DragEvent: new (type: string, init: Record<string, unknown>) => unknown;
      File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
    }
    const g = globalThis as unknown as PageGlobals;
    let parts: unknown[];
    if (f.text !== undefined) {
      parts = [f.text];
    } else {
      const bytes = new Uint8Array(f.sizeBytes ?? 0);
      bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
      parts = [bytes];
    }
    const transfer = new g.DataTransfer();
    transfer.items.add(new g.File(parts, f.name, { type: f.type }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      element.dispatchEvent(
        new g.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }) as Event,
      );
    }
  }, file);
}

/** Picks the service address's state in the wizard's state picker ("NY — New York"). */
export async function pickState(page: Page, code: string): Promise<void> {
  await page.locator('.state-field').getByRole('button').click();
  await page.getByRole('option', { name: new RegExp(`^${code} — `) }).click();
}

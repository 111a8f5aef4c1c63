import { expect, test } from '@playwright/test';
import type { OutboxItemView } from '../../shared/views';
import { expectAccessible, openApp, screenshots } from './helpers';

const REQUEST_SID = `KW${'a1'.repeat(16)}`;
const NUMBER_SID = `PN${'b2'.repeat(16)}`;
const RAW_NETWORK_ERROR = `connect ECONNREFUSED 127.0.0.1:443 (POST /v1/Porting/PortIn/${REQUEST_SID}/PhoneNumber/${NUMBER_SID})`;

function item(patch: Partial<OutboxItemView>): OutboxItemView {
  return {
    id: 1,
    kind: 'cancel_number',
    accountId: 'sim-1',
    accountLabel: 'Demo (simulator)',
    state: 'queued',
    summary: `Cancel (212) 555-0153 in port-in ${REQUEST_SID}`,
    requestSid: REQUEST_SID,
    draftId: null,
    phoneNumbers: ['+12125550153'],
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    ...patch,
  };
}

const ITEMS: OutboxItemView[] = [
  item({
    id: 1,
    state: 'waiting_for_network',
    attempts: 3,
    lastError: { message: RAW_NETWORK_ERROR, code: null },
  }),
  item({
    id: 2,
    kind: 'cancel_port_in',
    state: 'failed',
    summary: 'Cancel port-in for Globex Corporation',
    attempts: 1,
    lastError: {
      message: 'Twilio refused the cancel: the port date is too close to cancel the request.',
      code: 22162,
    },
  }),
];

test('waiting for the network reads calmly; only a failed item is red, with its reason and retry/discard', async ({
  page,
}) => {
  // main's outbox as it stands after a failed cancel and a cancel queued while offline.
  await page.addInitScript((items) => {
    let bridge: unknown;
    Object.defineProperty(globalThis, 'portdesk', {
      configurable: true,
      get: () => bridge,
      set(value: { listOutbox: () => Promise<unknown> }) {
        value.listOutbox = () => Promise.resolve({ ok: true, data: items });
        bridge = value;
      },
    });
  }, ITEMS);
  await openApp(page);
  await page
    .getByRole('button', { name: /Outbox/ })
    .first()
    .click();

  const waiting = page.getByTestId('outbox-item-1');
  await expect(waiting).toContainText('Waiting for the network — will send when online.');
  await expect(waiting).not.toContainText('ECONNREFUSED');
  await expect(waiting.locator('.text-danger')).toHaveCount(0);
  // The SIDs are there for support, set apart from the words.
  await expect(waiting.locator('.mono').filter({ hasText: REQUEST_SID }).first()).toBeVisible();
  await expect(waiting.getByRole('button', { name: 'Discard' })).toBeVisible();

  const failed = page.getByTestId('outbox-item-2');
  await expect(failed.locator('.text-danger')).toHaveText(
    'Twilio refused the cancel: the port date is too close to cancel the request.',
  );
  await expect(failed).toContainText('Twilio error 22162');
  await expect(failed.getByRole('button', { name: 'Retry now' })).toBeVisible();
  await expect(failed.getByRole('button', { name: 'Discard' })).toBeVisible();

  await expectAccessible(page);
  await screenshots(page, 'outbox-failed-and-waiting');
});

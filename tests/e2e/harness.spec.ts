import { EVENT_METHODS, INVOKE_METHODS } from '../../shared/ipc';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
} from '../../main/host/security/contentSecurity';
import { createFakeCore, type FakeCore } from './harness/fakeCore';
import { expect, test } from './harness/fixtures';

/**
 * The harness itself, proven with a fake core: what the renderer gets as window.portdesk, and
 * that invokes, events and bytes cross the swapped transport as they would cross Electron's IPC.
 */
let core: FakeCore;
test.use({
  core: {
    create: async () => {
      core = createFakeCore();
      return core;
    },
  },
});

test('the built renderer gets window.portdesk with one function per contract channel', async ({
  portdesk,
  page,
}) => {
  await portdesk.open();
  const keys = await page.evaluate(() =>
    Object.keys((globalThis as unknown as { portdesk: object }).portdesk).sort(),
  );
  expect(keys).toEqual([...INVOKE_METHODS, ...EVENT_METHODS].sort());
  const answer = await page.evaluate(() =>
    (
      globalThis as unknown as { portdesk: { listAccounts(): Promise<unknown> } }
    ).portdesk.listAccounts(),
  );
  expect(answer).toEqual({ ok: true, data: [] });
  expect(core.started).toBe(true);
  await portdesk.screenshot('renderer loaded with the fake core');
});

test('the renderer is served under the app CSP and loads without a violation', async ({
  portdesk,
  page,
}) => {
  const responses: { url: string; headers: Record<string, string> }[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(portdesk.server.origin)) {
      responses.push({ url: response.url(), headers: response.headers() });
    }
  });
  await portdesk.open();
  await expect(page.locator('#root')).not.toBeEmpty();
  const nonce = await page.locator('meta[property="csp-nonce"]').getAttribute('content');
  expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
  const [document, ...assets] = responses;
  expect(document?.headers['content-security-policy']).toBe(contentSecurityPolicy(nonce ?? ''));
  expect(assets.length).toBeGreaterThan(0);
  for (const { headers } of assets) {
    expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['x-content-type-options']).toBe('nosniff');
  }
  expect(portdesk.cspViolations).toEqual([]);
});

test('malformed payloads come back as error envelopes and never reach the core', async ({
  portdesk,
  page,
}) => {
  await portdesk.open();
  const before = core.calls.length;
  const answer = await page.evaluate(() =>
    (
      globalThis as unknown as {
        portdesk: { getRequestDetail(payload: unknown): Promise<unknown> };
      }
    ).portdesk.getRequestDetail(JSON.parse('{"sid":"not-a-sid","__proto__":{"polluted":true}}')),
  );
  expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  expect(core.calls.slice(before).map((call) => call.method)).not.toContain('getRequestDetail');
});

test('bill bytes cross the transport as bytes', async ({ portdesk, page }) => {
  await portdesk.open();
  await page.evaluate(() =>
    (
      globalThis as unknown as { portdesk: { attachBill(payload: unknown): Promise<unknown> } }
    ).portdesk.attachBill({
      draftId: 7,
      name: 'bill.pdf',
      bytes: new Uint8Array([37, 80, 68, 70, 0, 255]),
    }),
  );
  const call = core.calls.find((entry) => entry.method === 'attachBill');
  const payload = call?.payload as { bytes: unknown; name: string };
  expect(payload.name).toBe('bill.pdf');
  expect(payload.bytes).toBeInstanceOf(Uint8Array);
  expect(Array.from(payload.bytes as Uint8Array)).toEqual([37, 80, 68, 70, 0, 255]);
});

test('pushed events reach renderer listeners, malformed ones are dropped, unsubscribe works', async ({
  portdesk,
  page,
}) => {
  await portdesk.open();
  await page.evaluate(() => {
    const page = globalThis as unknown as {
      portdesk: { onNavigate(listener: (payload: unknown) => void): () => void };
      received: unknown[];
      stop: () => void;
    };
    page.received = [];
    page.stop = page.portdesk.onNavigate((payload) => page.received.push(payload));
  });
  core.emit('onNavigate', { screen: 'outbox' });
  await portdesk.push('onNavigate', { screen: 'nowhere' });
  core.emit('onNavigate', { screen: 'settings' });
  await expect
    .poll(() => page.evaluate(() => (globalThis as unknown as { received: unknown[] }).received))
    .toEqual([{ screen: 'outbox' }, { screen: 'settings' }]);
  await page.evaluate(() => (globalThis as unknown as { stop(): void }).stop());
  core.emit('onNavigate', { screen: 'accounts' });
  await portdesk.push('onNavigate', { screen: 'requests' });
  expect(
    await page.evaluate(() => (globalThis as unknown as { received: unknown[] }).received),
  ).toHaveLength(2);
});

import { app } from 'electron';

/**
 * The one place test-only hooks are switched on. With `PORTDESK_E2E_HOOKS=1` in an unpackaged
 * app (the `_electron` specs in tests/e2e/electron set it), the shell puts what only main holds —
 * the tray — on `globalThis.__portdeskE2E`, where a spec reads it through
 * `electronApp.evaluate`. A packaged app never exposes anything, whatever its environment says.
 */
const enabled = process.env.PORTDESK_E2E_HOOKS === '1' && !app.isPackaged;

export function exposeForTests(name: string, value: unknown): void {
  if (!enabled) return;
  const holder = globalThis as { __portdeskE2E?: Record<string, unknown> };
  holder.__portdeskE2E ??= {};
  holder.__portdeskE2E[name] = value;
}

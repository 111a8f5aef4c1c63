import { describe, expect, it } from 'vitest';
import { UpdateController, type UpdaterPort } from '../../../main/host/updates/updateController';
import type { UpdateEnvironment } from '../../../main/host/updates/updatePolicy';
import type { UpdateOfferView } from '../../../shared/updates';

const HOUR = 60 * 60 * 1000;

/** A fake updater and a manual clock: the release feed has `latest` (null: nothing newer). */
function harness(options: { env?: Partial<UpdateEnvironment>; latest?: string | null } = {}) {
  let now = Date.parse('2026-12-05T09:00:00Z');
  const timers: { at: number; run: () => void; canceled: boolean }[] = [];
  const calls: string[] = [];
  const offers: (UpdateOfferView | null)[] = [];
  const world = {
    env: { packaged: true, settingOn: true, demoMode: false, ...options.env } as UpdateEnvironment,
    latest: options.latest === undefined ? '1.2.0' : options.latest,
    outboxSending: false,
    checkFails: false,
  };
  // Assigned once below; the fake updater's methods, built first, call it.
  // eslint-disable-next-line prefer-const -- a const cannot be read by closures made before it
  let controller: UpdateController;
  const updater: UpdaterPort = {
    async check() {
      calls.push('check');
      if (world.checkFails) throw new Error('feed unreachable');
      if (world.latest !== null)
        await controller.report({ type: 'available', version: world.latest });
    },
    async download() {
      calls.push('download');
      const version = world.latest ?? 'none';
      // The download finishes later, as electron-updater's event.
      queueMicrotask(() => void controller.report({ type: 'downloaded', version }));
    },
    quitAndInstall() {
      calls.push('quitAndInstall');
    },
  };
  controller = new UpdateController({
    updater,
    environment: async () => world.env,
    outboxSending: async () => world.outboxSending,
    now: () => now,
    setTimer(run, ms) {
      const timer = { at: now + ms, run, canceled: false };
      timers.push(timer);
      return () => {
        timer.canceled = true;
      };
    },
    publishOffer: (offer) => offers.push(offer),
    log: { info() {}, warn() {} },
  });
  /** Moves the clock and runs the timers that came due, as the event loop would. */
  async function advance(ms: number) {
    now += ms;
    for (const timer of timers.filter((t) => !t.canceled && t.at <= now)) {
      timer.canceled = true;
      timer.run();
    }
    await settle();
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { controller, calls, offers, world, advance, settle };
}

describe('UpdateController', () => {
  it('checks at start, downloads in the background, then offers the update', async () => {
    const h = harness();
    await h.controller.start();
    await h.settle();
    expect(h.calls).toEqual(['check', 'download']);
    expect(h.controller.state.phase).toBe('ready');
    expect(h.offers).toEqual([{ version: '1.2.0' }]);
    expect(await h.controller.currentOffer()).toEqual({ version: '1.2.0' });
  });

  it('checks again every 6 hours while there is nothing new', async () => {
    const h = harness({ latest: null });
    await h.controller.start();
    expect(h.calls).toEqual(['check']);
    await h.advance(5 * HOUR);
    expect(h.calls).toEqual(['check']);
    await h.advance(HOUR);
    expect(h.calls).toEqual(['check', 'check']);
    h.world.checkFails = true;
    await h.advance(6 * HOUR);
    expect(h.calls).toEqual(['check', 'check', 'check']);
    await h.advance(6 * HOUR);
    expect(h.calls).toHaveLength(4);
    expect(h.offers).toEqual([]);
  });

  it('never checks in development, in demo mode or with the setting off; turning it on checks', async () => {
    for (const env of [{ packaged: false }, { demoMode: true }, { settingOn: false }]) {
      const h = harness({ env });
      await h.controller.start();
      await h.advance(24 * HOUR);
      expect(h.calls).toEqual([]);
    }
    const h = harness({ env: { settingOn: false } });
    await h.controller.start();
    h.world.env = { ...h.world.env, settingOn: true };
    await h.controller.refresh();
    await h.settle();
    expect(h.calls).toEqual(['check', 'download']);
  });

  it('an update found just after the setting was turned off is left, and checked again later', async () => {
    const h = harness();
    // The agent turns updates off while the check at start is on its way.
    h.world.env = { ...h.world.env, settingOn: true };
    const started = h.controller.start();
    h.world.env = { ...h.world.env, settingOn: false };
    await started;
    await h.settle();
    expect(h.calls).toEqual(['check']);
    expect(h.controller.state.phase).toBe('idle');
    h.world.env = { ...h.world.env, settingOn: true };
    await h.advance(6 * HOUR);
    expect(h.calls).toEqual(['check', 'check', 'download']);
  });

  it('withdraws the offer while the outbox is sending and brings it back after', async () => {
    const h = harness();
    await h.controller.start();
    await h.settle();
    h.world.outboxSending = true;
    await h.controller.refresh();
    expect(h.offers).toEqual([{ version: '1.2.0' }, null]);
    h.world.outboxSending = false;
    await h.controller.refresh();
    expect(h.offers).toEqual([{ version: '1.2.0' }, null, { version: '1.2.0' }]);
  });

  it('restarts only when the agent asks and nothing would be interrupted', async () => {
    const h = harness();
    await h.controller.start();
    await h.settle();
    expect(h.calls).not.toContain('quitAndInstall');

    const unsaved = await h.controller.restart({ unsavedDraft: true });
    expect(unsaved).toEqual({ restarting: false, reason: expect.stringContaining('not saved') });
    h.world.outboxSending = true;
    const sending = await h.controller.restart({ unsavedDraft: false });
    expect(sending.restarting).toBe(false);
    expect(h.calls).not.toContain('quitAndInstall');

    h.world.outboxSending = false;
    expect(await h.controller.restart({ unsavedDraft: false })).toEqual({
      restarting: true,
      reason: null,
    });
    expect(h.calls.at(-1)).toBe('quitAndInstall');
  });

  it('does not restart before an update is downloaded', async () => {
    const h = harness({ latest: null });
    await h.controller.start();
    expect((await h.controller.restart({ unsavedDraft: false })).restarting).toBe(false);
    expect(h.calls).not.toContain('quitAndInstall');
  });
});

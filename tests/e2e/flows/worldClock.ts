import type { Page } from '@playwright/test';
import type { RunningSimulator } from '../../../main/simulator';

/**
 * The outside world's clock, shared by the simulator (Twilio's time), the core (its `now` seam:
 * `test.use({ core: { options: { now: world.now } } })`) and the page (`page.clock.install` with
 * `world.now()` before the page loads), so "last synced", "changed 2 hours ago" and "the port date
 * is in 36 hours" mean the same to all three. Each test starts from the real time (`reset`), and
 * only `advance` moves it on.
 */
export class WorldClock {
  #offsetMs = 0;

  readonly now = (): number => Date.now() + this.#offsetMs;

  reset(): void {
    this.#offsetMs = 0;
  }

  /**
   * Moves the simulator (running every lifecycle step that falls due), the core and the page on
   * by `ms`. The page either wakes as a laptop does (`'wake'`: due timers fire once) or only has
   * its time set (`'set'`: no timer fires until its own turn).
   */
  async advance(
    simulator: RunningSimulator,
    page: Page,
    ms: number,
    pageClock: 'wake' | 'set' = 'wake',
  ): Promise<void> {
    this.#offsetMs += ms;
    simulator.control.advance(ms);
    if (pageClock === 'wake') await page.clock.fastForward(ms);
    else await page.clock.setSystemTime(this.now());
  }
}

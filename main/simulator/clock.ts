/**
 * Simulated time: real time multiplied by an acceleration factor, plus any manual advances.
 * Anchored on the monotonic clock so wall-clock adjustments cannot make it run backwards.
 */
export class SimulatedClock {
  private anchorReal: number;
  private anchorSim: number;
  private factor: number;

  /**
   * `startAt` resumes simulated time at a saved instant (a restored snapshot); by default the
   * simulated clock starts at the real time.
   */
  constructor(
    factor = 1,
    private readonly realNow: () => number = () => performance.timeOrigin + performance.now(),
    startAt?: number,
  ) {
    assertFactor(factor);
    this.factor = factor;
    this.anchorReal = realNow();
    this.anchorSim = startAt ?? Math.floor(this.anchorReal);
  }

  /** Simulated epoch milliseconds. */
  now(): number {
    return Math.floor(this.anchorSim + (this.realNow() - this.anchorReal) * this.factor);
  }

  get acceleration(): number {
    return this.factor;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`ms must be a finite number ≥ 0 (got ${String(ms)})`);
    }
    this.anchorSim += ms;
  }

  setAcceleration(factor: number): void {
    assertFactor(factor);
    this.anchorSim = this.now();
    this.anchorReal = this.realNow();
    this.factor = factor;
  }

  /** Real milliseconds until the simulated instant `at` (0 if it has passed). */
  realMsUntil(at: number): number {
    return Math.max(0, (at - this.now()) / this.factor);
  }
}

function assertFactor(factor: number): void {
  if (!Number.isFinite(factor) || factor <= 0) {
    throw new RangeError(`factor must be a finite number > 0 (got ${String(factor)})`);
  }
}

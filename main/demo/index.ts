import { createCore } from '../core/app';
import type { CoreOptions, PortdeskCore } from '../core/app';
import { DemoMode } from './demoMode';

export { DEMO_SNAPSHOT_FILE } from './demoMode';

export interface DemoCoreOptions extends Omit<CoreOptions, 'demo'> {
  /** Test seam: the demo simulator's clock acceleration (default DEMO_ACCELERATION). */
  demoAcceleration?: number;
}

/**
 * The core with demo mode composed in: what every real host (Electron, the browser host) and the
 * end-to-end harness start. The simulator is wired here, outside the core, which only sees the
 * DemoProvider interface it defines.
 */
export function createCoreWithDemo(options: DemoCoreOptions): Promise<PortdeskCore> {
  const { demoAcceleration, ...coreOptions } = options;
  return createCore({
    ...coreOptions,
    demo: (deps) =>
      new DemoMode({ ...deps, ...(demoAcceleration ? { accelerate: demoAcceleration } : {}) }),
  });
}

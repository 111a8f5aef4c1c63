import { configurationRoutes } from './configurationRoutes';
import { createControl } from './control';
import { ControlGuard } from './controlGuard';
import { controlRouter } from './controlRoutes';
import { SimulatorCore } from './core';
import { documentRoutes } from './documentRoutes';
import type { RunningSimulator, SimulatorOptions } from './api';
import { portingRoutes } from './portingRoutes';
import { Router } from './router';
import { closeServer, createListener, listen } from './server';
import { LIFECYCLE_TICK_REAL_MS } from './timings';

export type { CarrierRecord, RunningSimulator, SimulatorOptions, SimulatorSnapshot } from './api';
export * as lifecycleTimings from './timings';
export { CONTROL_SECRET_HEADER, controlClient } from './controlClient';
export { parseSnapshot } from './snapshot';
export { readSnapshotFile, setSnapshotAside, writeSnapshotFile } from './snapshotFile';
export { keepSnapshotSaved, type SnapshotSaver } from './snapshotSaver';

/**
 * Starts a Twilio-compatible Porting API on 127.0.0.1: the API listener (stands in for
 * numbers.twilio.com, with the /__sim/ control API) and the Documents upload listener (stands in
 * for numbers-upload.twilio.com). See docs/simulator.md.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const core = new SimulatorCore(options);
  const control = createControl(core);
  const log = options.log ?? (() => undefined);
  const host = options.host ?? '127.0.0.1';

  const guard = new ControlGuard(
    options.openControl === true ? null : ControlGuard.newSecret(),
    () => core.baseUrl,
  );

  const apiServer = createListener({
    core,
    api: new Router([...portingRoutes(core), ...configurationRoutes(core)]),
    control: controlRouter(core, control),
    guard,
    log,
  });
  const uploadServer = createListener({
    core,
    api: new Router(documentRoutes(core)),
    control: null,
    guard: null,
    log,
  });
  try {
    const apiOrigin = await listen(apiServer, options.port ?? 0, host);
    core.listeningAt(apiOrigin, await listen(uploadServer, options.uploadPort ?? 0, host));
  } catch (error) {
    await Promise.all([closeServer(apiServer), closeServer(uploadServer)]);
    throw error;
  }
  if (options.restore === undefined && options.demo === true) control.seed({ demo: true });

  // Time-driven steps also happen while nobody calls: a chained timer, stopped on close.
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopped) return;
    try {
      core.lifecycle.catchUp();
    } catch (error) {
      // Logged, never fatal: the next tick (or call) tries again.
      log(`lifecycle error: ${error instanceof Error ? error.message : String(error)}`);
    }
    timer = setTimeout(tick, LIFECYCLE_TICK_REAL_MS);
    timer.unref();
  };
  tick();

  return {
    url: core.baseUrl,
    uploadUrl: core.uploadUrl,
    credentials: { ...core.credentials },
    controlSecret: guard.secret,
    control,
    snapshot: () => core.snapshot(),
    revision: () => core.revision,
    async close() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await Promise.all([closeServer(apiServer), closeServer(uploadServer)]);
    },
  };
}

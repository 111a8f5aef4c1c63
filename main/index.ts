// Composition root: builds the core (with demo mode composed in from main/demo), then the
// Electron shell around it (ARCHITECTURE §1–§2).
import { fileURLToPath } from 'node:url';
import iconPath from '../build/icon.png?asset';
import { createCoreWithDemo } from './demo';
import { runElectronShell } from './shell/electronShell';

const outMain = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
/** Test seam (docs/shell.md): the demo clock's speed, e.g. for the Electron smoke spec. */
const demoAcceleration = Number(process.env.PORTDESK_DEMO_ACCELERATION);

runElectronShell({
  createCore: (options) =>
    createCoreWithDemo({ ...options, ...(demoAcceleration > 0 ? { demoAcceleration } : {}) }),
  paths: {
    preload: outMain('../preload/index.cjs'),
    renderer: outMain('../renderer'),
    icon: iconPath,
  },
});

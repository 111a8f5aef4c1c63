// Composition root: builds the core, then the Electron shell around it (ARCHITECTURE §1–§2).
import { fileURLToPath } from 'node:url';
import iconPath from '../build/icon.png?asset';
import { createCore } from './core/app';
import { runElectronShell } from './shell/electronShell';

const outMain = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

runElectronShell({
  createCore,
  paths: {
    preload: outMain('../preload/index.cjs'),
    renderer: outMain('../renderer'),
    icon: iconPath,
  },
});

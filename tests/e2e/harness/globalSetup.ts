import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { bundlePageScript } from '../../../main/browserHost/pageScripts';
import { electronBinary, NO_ELECTRON_REASON } from '../electron/electronBinary';
import { ensureRendererBuilt } from '../../../main/browserHost/rendererBuild';
import {
  BINDING_BRIDGE_SCRIPT,
  BROWSER_HOST_BOOTSTRAP,
  PROJECT_ROOT,
  SCREENSHOT_ROOT,
} from './paths';

/**
 * Once per run: build the renderer if out/renderer is missing or older than its sources, bundle
 * the page scripts (the harness's bridge, the browser host's bootstrap), and clear the previous
 * run's step screenshots.
 */
export default async function globalSetup(): Promise<void> {
  const renderer = ensureRendererBuilt(PROJECT_ROOT);
  console.log(`e2e: renderer ${renderer}`);
  const scripts: [string, string][] = [
    ['tests/e2e/harness/page/bindingBridge.ts', BINDING_BRIDGE_SCRIPT],
    ['main/browserHost/page/bootstrap.ts', BROWSER_HOST_BOOTSTRAP],
  ];
  for (const [entry, output] of scripts) {
    await mkdir(dirname(output), { recursive: true });
    await writeFile(output, await bundlePageScript(join(PROJECT_ROOT, entry)), 'utf8');
  }
  await rm(SCREENSHOT_ROOT, { recursive: true, force: true });
  if (electronBinary() === null) {
    console.log(`e2e: the _electron specs are skipped: ${NO_ELECTRON_REASON}.`);
  }
}

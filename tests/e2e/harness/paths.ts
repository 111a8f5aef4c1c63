import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The built renderer (`npm run build` or the harness's global setup). */
export const RENDERER_ROOT = join(PROJECT_ROOT, 'out', 'renderer');
/** The harness's page scripts, bundled by the global setup. */
export const BINDING_BRIDGE_SCRIPT = join(PROJECT_ROOT, 'out', 'e2e', 'bindingBridge.js');
export const BROWSER_HOST_BOOTSTRAP = join(PROJECT_ROOT, 'out', 'e2e', 'bootstrap.js');
/** Step screenshots: test-results/e2e/<test>/<nn>-<step>.png */
export const SCREENSHOT_ROOT = join(PROJECT_ROOT, 'test-results', 'e2e');

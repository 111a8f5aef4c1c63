import { existsSync } from 'node:fs';

/**
 * How every browser test and bench launches Chromium. Here: Debian's `/usr/bin/chromium`
 * (Playwright may not download its own on these machines). Where that file does not exist (the
 * GitHub-hosted runners of .github/workflows/ci.yml, which run `npx playwright install
 * chromium`): Playwright's own Chromium. `PORTDESK_CHROMIUM` overrides both.
 */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_EXECUTABLE: string | undefined =
  process.env.PORTDESK_CHROMIUM ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);

/** The flags that keep Chromium off a network that only reaches npm and Debian. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const chromiumLaunchOptions = {
  ...(CHROMIUM_EXECUTABLE !== undefined ? { executablePath: CHROMIUM_EXECUTABLE } : {}),
  args: CHROMIUM_ARGS,
};

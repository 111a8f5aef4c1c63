/**
 * How every browser test and bench launches Chromium here: Debian's binary (Playwright may not
 * download its own), and the flags that keep it off a network that only reaches npm and Debian.
 */
export const CHROMIUM_EXECUTABLE = process.env.PORTDESK_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const chromiumLaunchOptions = { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS };

import { readFileSync } from 'node:fs';

/**
 * Replaced by the build (electron.vite.config.ts `define`) with package.json's version alone:
 * importing package.json made the bundle inline all of it, dependency lists included.
 */
declare const __PORTDESK_VERSION__: string | undefined;

/** Unbundled (tests, the browser host under tsx): read it from the source tree's package.json. */
function versionFromPackageJson(): string {
  try {
    const packageJson: unknown = JSON.parse(
      readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
    );
    const version = (packageJson as { version?: unknown }).version;
    return typeof version === 'string' ? version : 'dev';
  } catch {
    return 'dev';
  }
}

/** PortDesk's version, for the User-Agent Twilio sees. */
export const PORTDESK_VERSION: string =
  typeof __PORTDESK_VERSION__ === 'string' ? __PORTDESK_VERSION__ : versionFromPackageJson();

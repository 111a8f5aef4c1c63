import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { expect, test } from '@playwright/test';
import { PROJECT_ROOT } from '../harness/paths';
import {
  SQLITE_FOR_ELECTRON,
  electronBinary,
  electronMissingReason,
  requireOrSkip,
} from './electronBinary';

/**
 * The binaries: better-sqlite3 built for Electron's ABI loads in Electron, and the packaged app's
 * fuses are flipped as electron-builder.yml says (docs/security.md, "Fuses").
 */
test.describe('better-sqlite3 under Electron', () => {
  requireOrSkip(test, electronMissingReason());

  test('the Electron build of the binding loads in Electron’s Node and runs SQL', () => {
    // ELECTRON_RUN_AS_NODE: Electron's own Node, with Electron's module ABI (not the system's).
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(':memory:', { nativeBinding: process.argv[1] });
      const row = db.prepare("SELECT sqlite_version() AS version, 6 * 7 AS answer").get();
      console.log(JSON.stringify({ abi: process.versions.modules, electron: process.versions.electron, ...row }));
    `;
    const run = spawnSync(electronBinary() ?? '', ['-e', script, SQLITE_FOR_ELECTRON], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim()) as Record<string, unknown>;
    expect(result).toMatchObject({ answer: 42, electron: expect.any(String) });
    expect(result.abi).not.toBe(process.versions.modules);
  });
});

/** A fuse's byte in the wire: ASCII '1' on, '0' off (@electron/fuses' FuseState, not exported). */
const FUSE_ON = 0x31;
const FUSE_OFF = 0x30;

/** The packaged app electron-builder left in release/ (`--dir` or a full build), if any. */
function packagedApp(): string | null {
  const release = join(PROJECT_ROOT, 'release');
  if (!existsSync(release)) return null;
  for (const folder of readdirSync(release)) {
    const candidates = [
      join(release, folder, 'PortDesk.app'), // macOS: mac/, mac-arm64/
      join(release, folder, 'PortDesk.exe'), // Windows: win-unpacked/
      join(release, folder, 'portdesk'), // Linux: linux-unpacked/ (the package name)
    ];
    const found = candidates.find((candidate) => existsSync(candidate));
    if (found) return found;
  }
  return null;
}

test.describe('fuses of the packaged app', () => {
  const app = packagedApp();
  requireOrSkip(
    test,
    app === null
      ? 'no packaged app in release/ (npx electron-builder --dir, or npm run dist, where GitHub is reachable)'
      : null,
  );

  test('are flipped as electron-builder.yml says', async () => {
    const wire = await getCurrentFuseWire(app ?? '');
    const state = (option: FuseV1Options) => {
      const value = Number(wire[option]);
      return value === FUSE_ON ? 'on' : value === FUSE_OFF ? 'off' : `unexpected ${value}`;
    };
    expect({
      runAsNode: state(FuseV1Options.RunAsNode),
      enableCookieEncryption: state(FuseV1Options.EnableCookieEncryption),
      enableNodeOptionsEnvironmentVariable: state(
        FuseV1Options.EnableNodeOptionsEnvironmentVariable,
      ),
      enableNodeCliInspectArguments: state(FuseV1Options.EnableNodeCliInspectArguments),
      enableEmbeddedAsarIntegrityValidation: state(
        FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
      ),
      onlyLoadAppFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
      grantFileProtocolExtraPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
    }).toEqual({
      runAsNode: 'off',
      enableCookieEncryption: 'on',
      enableNodeOptionsEnvironmentVariable: 'off',
      enableNodeCliInspectArguments: 'off',
      enableEmbeddedAsarIntegrityValidation: 'on',
      onlyLoadAppFromAsar: 'on',
      grantFileProtocolExtraPrivileges: 'off',
    });
  });
});

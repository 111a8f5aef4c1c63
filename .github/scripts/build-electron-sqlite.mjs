#!/usr/bin/env node
// Puts better-sqlite3 built for Electron's ABI at native/electron/better_sqlite3.node (docs/shell.md,
// "better-sqlite3 under Electron"), leaving node_modules' Node build alone: the Vitest suites need
// that one, the `_electron` specs and `npm start` need this one. Works on a copy of the package.
// Needs the network (prebuilt binaries or Electron's headers): CI only, never on the build machines.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const work = mkdtempSync(join(tmpdir(), 'better-sqlite3-electron-'));
cpSync(join('node_modules', 'better-sqlite3'), work, { recursive: true });
rmSync(join(work, 'build'), { recursive: true, force: true });

const node = (args) =>
  spawnSync(process.execPath, args, { cwd: work, stdio: 'inherit' }).status === 0;
const target = ['--target', electronVersion, '--arch', process.arch];
// A prebuilt binary for this Electron from better-sqlite3's releases; else compile it against
// Electron's headers.
const built =
  node([require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', ...target]) ||
  node([
    require.resolve('node-gyp/bin/node-gyp.js'),
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ]);
const binding = join(work, 'build', 'Release', 'better_sqlite3.node');
if (!built || !existsSync(binding)) {
  console.error(`could not build better-sqlite3 for Electron ${electronVersion}`);
  process.exit(1);
}
mkdirSync(join('native', 'electron'), { recursive: true });
copyFileSync(binding, join('native', 'electron', 'better_sqlite3.node'));
rmSync(work, { recursive: true, force: true });
console.log(`native/electron/better_sqlite3.node: better-sqlite3 for Electron ${electronVersion}`);

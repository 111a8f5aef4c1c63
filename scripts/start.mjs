#!/usr/bin/env node
// `npm start`: build, then run PortDesk in Electron. Where Electron's binary is missing (it is
// downloaded from GitHub on first use, which these build machines cannot reach), say so in one
// line and start the browser host instead: same core, same renderer, same contract.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const pkgDir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    if (!existsSync(pathFile)) return null;
    const relative = readFileSync(pathFile, 'utf8').trim();
    const full = override ? join(override, relative) : join(pkgDir, 'dist', relative);
    return existsSync(full) ? full : null;
  } catch {
    return null;
  }
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

let binary = electronBinary();
if (!binary && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
  // Electron downloads its binary lazily; try once, quietly, and fall back if the network says no.
  const attempt = spawnSync(
    process.execPath,
    [join(dirname(require.resolve('electron/package.json')), 'install.js')],
    {
      stdio: 'ignore',
      timeout: 120_000,
    },
  );
  if (attempt.status === 0) binary = electronBinary();
}

if (binary) {
  run('npx', ['electron-vite', 'build']);
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else if (existsSync('main/browserHost/cli.ts')) {
  console.log(
    'PortDesk: the Electron binary is not installed on this machine (it could not be downloaded), so PortDesk opens in the browser host instead (npm run start:browser).',
  );
  run('npm', ['run', '--silent', 'start:browser']);
} else {
  console.error(
    'PortDesk: the Electron binary is not installed on this machine (it could not be downloaded from GitHub). Install it with `npx install-electron` where GitHub is reachable; the browser host is not built yet.',
  );
  process.exit(1);
}

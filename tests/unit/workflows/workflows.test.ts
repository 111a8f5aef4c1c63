import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** `npm run lint:workflows` on the given files (none: every file in .github/workflows). */
function lintWorkflows(...files: string[]) {
  return spawnSync(process.execPath, ['.github/scripts/lint-workflows.mjs', ...files], {
    encoding: 'utf8',
  });
}

const ci = readFileSync('.github/workflows/ci.yml', 'utf8');
const release = readFileSync('.github/workflows/release.yml', 'utf8');

describe('the workflow files (docs/release.md)', () => {
  it('pass both offline validators', () => {
    const run = lintWorkflows();
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('2 files, 0 problems');
    expect(run.status).toBe(0);
  });

  it('the validators catch a broken workflow', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'workflow-')), 'broken.yml');
    writeFileSync(
      broken,
      [
        'on: push',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        "      - if: ${{ secrets.TOKEN != '' }}",
        '        run: echo ${{ github.no_such_property }}',
      ].join('\n'),
    );
    const run = lintWorkflows(broken);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('context "secrets" is not allowed here');
    expect(run.stderr).toContain('no_such_property');
  });

  it('CI runs every suite on the three systems with Node 22, Electron required', () => {
    expect(ci).toContain('os: [ubuntu-latest, macos-latest, windows-latest]');
    expect(ci).toMatch(/node-version: 22\b/);
    expect(ci).toContain('cache: npm');
    expect(ci).toContain('xvfb-run -a dbus-run-session');
    expect(ci).toContain('gnome-keyring-daemon --unlock --components=secrets');
    expect(ci).toContain("PORTDESK_REQUIRE_ELECTRON: '1'");
    for (const step of ['lint', 'format:check', 'typecheck', 'lint:workflows']) {
      expect(ci).toContain(`npm run ${step}`);
    }
    expect(ci).toContain('npm test');
  });

  it('a version tag packages every target and drafts a release with checksums', () => {
    expect(release).toContain("tags: ['v*.*.*']");
    for (const platform of ['--mac', '--win', '--linux']) expect(release).toContain(platform);
    expect(release).toMatch(/node-version: 22\b/);
    expect(release).toContain('SHA256SUMS.txt');
    expect(release).toContain('--draft');
    expect(release).toContain('CSC_IDENTITY_AUTO_DISCOVERY=false');
  });
});

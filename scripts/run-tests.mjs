#!/usr/bin/env node
// Runs every test suite with a JSON reporter and prints the one line CI reads:
// "N passed, N failed". Exits non-zero when anything failed or a runner produced no report.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const outDir = 'test-results';
mkdirSync(outDir, { recursive: true });

/** @type {{ name: string, cmd: string, args: string[], env?: Record<string, string>, report: string, count: (json: any) => {passed:number, failed:number, skipped:number} }[]} */
const suites = [
  {
    name: 'vitest',
    cmd: 'npx',
    args: [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(outDir, 'vitest.json')}`,
    ],
    report: join(outDir, 'vitest.json'),
    count: (r) => ({
      passed: r.numPassedTests ?? 0,
      failed: (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0),
      skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
    }),
  },
];

// Playwright suites: the renderer against a fake bridge (UI), and the end-to-end suite against
// the real core. Each writes its own JSON report.
const playwrightSuites = [
  {
    name: 'playwright ui',
    config: 'playwright.ui.config.ts',
    report: join(outDir, 'playwright-ui.json'),
  },
  {
    name: 'playwright e2e',
    config: 'playwright.config.ts',
    report: join(outDir, 'playwright-e2e.json'),
  },
];
for (const suite of playwrightSuites) {
  if (!existsSync(suite.config) || process.env.PORTDESK_SKIP_BROWSER_TESTS === '1') continue;
  suites.push({
    name: suite.name,
    cmd: 'npx',
    args: ['playwright', 'test', '-c', suite.config, '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: suite.report },
    report: suite.report,
    count: (r) => ({
      passed: (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0),
      failed: r.stats?.unexpected ?? 0,
      skipped: r.stats?.skipped ?? 0,
    }),
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const suite of suites) {
  rmSync(suite.report, { force: true });
  const run = spawnSync(suite.cmd, suite.args, {
    stdio: 'inherit',
    env: { ...process.env, ...suite.env },
    // On Windows `npx` is npx.cmd, which only a shell finds (CI's windows-latest job).
    shell: process.platform === 'win32',
  });
  if (!existsSync(suite.report)) {
    console.error(
      `${suite.name}: no JSON report was written (exit ${run.status ?? run.signal}); counting it as a failure.`,
    );
    failed += 1;
    continue;
  }
  const counts = suite.count(JSON.parse(readFileSync(suite.report, 'utf8')));
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
  if (run.status !== 0 && counts.failed === 0) {
    console.error(
      `${suite.name} exited with ${run.status ?? run.signal} without a failed test; counting it as a failure.`,
    );
    failed += 1;
  }
}

if (skipped > 0) console.log(`(${skipped} skipped — see the reports above for why)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

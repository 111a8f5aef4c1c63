import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { controlClient } from '../../main/simulator/index';

export interface SimulatorChild {
  url: string;
  uploadUrl: string;
  accountSid: string;
  authToken: string;
  apiKeySid: string;
  apiKeySecret: string;
  /** This launch's control secret (the CLI's first line); null with --open-control. */
  controlSecret: string | null;
  /** POST/DELETE on the /__sim control API; throws on a non-2xx answer. */
  control(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

const CLI = fileURLToPath(new URL('../../main/simulator/cli.ts', import.meta.url));

/**
 * The simulator in its own process (the `npm run simulator` CLI under tsx), so its CPU is not
 * counted as the client's. Its first stdout line says where it listens and how to log in.
 */
export async function startSimulatorChild(args: string[] = []): Promise<SimulatorChild> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, '--quiet', ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const stdout = child.stdout;
  if (stdout === null) throw new Error('simulator child has no stdout');
  const lines = createInterface({ input: stdout });
  const [first] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`simulator exited with ${String(code)} before it printed its address`);
    }),
  ])) as [string];
  // Keep draining stdout so the child never blocks on a full pipe.
  lines.on('line', () => undefined);
  const info = JSON.parse(first) as Omit<SimulatorChild, 'control' | 'stop'>;

  return {
    ...info,
    async control(method, path, body) {
      return controlClient(info).json(method, path, body);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

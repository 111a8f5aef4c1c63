import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTROL_SECRET_HEADER } from '../../../main/simulator/index';
import { basicAuth } from './harness';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function startCli(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', 'main/simulator/cli.ts', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('npm run simulator (main/simulator/cli.ts)', () => {
  it('prints one JSON line with where it listens and how to log in, then serves', async () => {
    const child = startCli(['--port', '0', '--seed', 'cli-test']);
    try {
      const lines = createInterface({ input: child.stdout });
      const iterator = lines[Symbol.asyncIterator]();
      const first = await iterator.next();
      const info = JSON.parse(String(first.value)) as Record<string, string>;
      expect(Object.keys(info).sort()).toEqual(
        [
          'accountSid',
          'apiKeySecret',
          'apiKeySid',
          'authToken',
          'controlSecret',
          'uploadUrl',
          'url',
        ].sort(),
      );
      expect(info.controlSecret).toMatch(/^[\w-]{40,}$/);
      expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(info.uploadUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const answer = await fetch(`${info.url}/v1/Porting/PortIn/PortInRequests`, {
        headers: { authorization: basicAuth(info.apiKeySid ?? '', info.apiKeySecret ?? '') },
      });
      expect(answer.status).toBe(200);
      // The control API wants the secret the first line printed.
      expect((await fetch(`${info.url}/__sim/state`)).status).toBe(401);
      const withSecret = await fetch(`${info.url}/__sim/state`, {
        headers: { [CONTROL_SECRET_HEADER]: info.controlSecret ?? '' },
      });
      expect(withSecret.status).toBe(200);

      // Then human log lines, one per API call.
      const logged: string[] = [];
      for (let line = await iterator.next(); !line.done; line = await iterator.next()) {
        logged.push(String(line.value));
        if (String(line.value).includes('PortInRequests')) break;
      }
      expect(logged.at(-1)).toMatch(/GET \/v1\/Porting\/PortIn\/PortInRequests → 200/);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('opens the control API to anyone only with --open-control', async () => {
    const child = startCli(['--port', '0', '--quiet', '--open-control']);
    try {
      const first = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
      const info = JSON.parse(String(first.value)) as { url: string; controlSecret: unknown };
      expect(info.controlSecret).toBeNull();
      expect((await fetch(`${info.url}/__sim/state`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    await once(child, 'exit');
  });

  it('exits with a clear message on a bad option', async () => {
    const child = startCli(['--accelerate', 'fast']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toContain('--accelerate must be a number');
  });
});

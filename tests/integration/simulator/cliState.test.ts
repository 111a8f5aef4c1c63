import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { controlClient } from '../../../main/simulator/index';
import { basicAuth } from './harness';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

interface CliInfo {
  url: string;
  apiKeySid: string;
  apiKeySecret: string;
  controlSecret: string | null;
}

/** Starts the CLI, reads its first line, and returns a way to stop it with SIGINT. */
async function startCli(args: string[]) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/simulator/cli.ts', '--quiet', ...args],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const first = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
  const info = JSON.parse(String(first.value)) as CliInfo;
  return {
    info,
    async stop(): Promise<number | null> {
      child.kill('SIGINT');
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    },
  };
}

describe('npm run simulator -- --state FILE', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'portdesk-cli-state-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('saves the world on exit and continues it at the next start', async () => {
    const state = join(dir, 'sim.json');
    const first = await startCli(['--seed', 'cli-state', '--demo', '--state', state]);
    const auth = basicAuth(first.info.apiKeySid, first.info.apiKeySecret);
    const listed = async (url: string) => {
      const answer = await fetch(`${url}/v1/Porting/PortIn/PortInRequests?Size=100`, {
        headers: { authorization: auth },
      });
      expect(answer.status).toBe(200);
      return (await answer.json()) as { port_in_requests: { port_in_request_sid: string }[] };
    };
    const seeded = await listed(first.info.url);
    const advanced = await controlClient(first.info).json<{ now: string }>(
      'POST',
      '/clock/advance',
      { ms: 7 * 24 * 3_600_000 },
    );
    const savedNow = advanced.now;
    expect(await first.stop()).toBe(0);

    const second = await startCli(['--seed', 'cli-state', '--demo', '--state', state]);
    try {
      // Same credentials (derived from the saved seed), same requests, no second demo seeding.
      expect(second.info.apiKeySecret).toBe(first.info.apiKeySecret);
      const sids = (list: Awaited<ReturnType<typeof listed>>) =>
        list.port_in_requests.map((request) => request.port_in_request_sid);
      expect(sids(await listed(second.info.url))).toEqual(sids(seeded));
      const { now } = await controlClient(second.info).json<{ now: string }>('GET', '/state');
      expect(Date.parse(now)).toBeGreaterThanOrEqual(Date.parse(savedNow));
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});

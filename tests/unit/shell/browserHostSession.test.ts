import { request as httpRequest } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CODE_HEADER, TOKEN_HEADER } from '../../../main/browserHost/bridgeGuard';
import { LAUNCH_CODE_TTL_MS } from '../../../main/browserHost/launchCodes';
import { startBrowserHost, type RunningBrowserHost } from '../../../main/browserHost/server';
import { createLogger } from '../../../main/host/log/logger';
import { createFakeCore, type FakeCore } from '../../e2e/harness/fakeCore';

interface Answer {
  status: number;
  body: string;
}

/** node:http, not fetch: the tests set Host and Origin themselves. */
function post(
  host: RunningBrowserHost,
  path: string,
  headers: Record<string, string>,
  body = '{}',
): Promise<Answer> {
  const port = Number(new URL(host.origin).port);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: {
          host: `127.0.0.1:${port}`,
          origin: host.origin,
          'content-type': 'application/json',
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const codeOf = (url: string) => /#code=([A-Za-z0-9_-]+)$/.exec(url)?.[1] ?? '';
const trade = (host: RunningBrowserHost, code: string) =>
  post(host, '/__bridge/session', { [CODE_HEADER]: code });
const listAccounts = (host: RunningBrowserHost, token: string) =>
  post(host, '/__bridge/invoke/listAccounts', { [TOKEN_HEADER]: token });

let dir: string;
let core: FakeCore;
let host: RunningBrowserHost;
let clock: number;
let logLines: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portdesk-session-'));
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html><head></head><body></body></html>',
  );
  core = createFakeCore();
  clock = Date.parse('2026-12-05T10:00:00Z');
  logLines = [];
  host = await startBrowserHost({
    core,
    rendererRoot: dir,
    bootstrapScript: '',
    log: createLogger((line) => logLines.push(line)),
    now: () => clock,
    requestTimeoutMs: 1_000,
  });
});

afterEach(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the browser host’s one-time launch codes', () => {
  it('trades a code once for the session token; a second use is refused', async () => {
    const code = codeOf(host.launchUrl());
    const first = await trade(host, code);
    expect(first.status).toBe(200);
    const { token } = JSON.parse(first.body) as { token: string };
    expect((await listAccounts(host, token)).status).toBe(200);

    const again = await trade(host, code);
    expect(again.status).toBe(403);
    expect(again.body).not.toContain(token);
  });

  it('closes the session a copied code bought: the copy and the token are both useless', async () => {
    const code = codeOf(host.launchUrl());
    // Someone who read the command line traded it first…
    const stolen = JSON.parse((await trade(host, code)).body) as { token: string };
    // …so the agent's window presents it second: refused, and the thief's session ends.
    expect((await trade(host, code)).status).toBe(403);
    expect((await listAccounts(host, stolen.token)).status).toBe(403);
    expect(logLines.some((line) => / WARN .*launch code was used twice/.test(line))).toBe(true);
    // A fresh address works again.
    const fresh = JSON.parse((await trade(host, codeOf(host.launchUrl()))).body) as {
      token: string;
    };
    expect((await listAccounts(host, fresh.token)).status).toBe(200);
  });

  it('refuses a code older than a minute, and one it never issued', async () => {
    const code = codeOf(host.launchUrl());
    clock += LAUNCH_CODE_TTL_MS + 1;
    expect((await trade(host, code)).status).toBe(403);
    expect((await trade(host, 'A'.repeat(32))).status).toBe(403);
    expect(LAUNCH_CODE_TTL_MS).toBeLessThanOrEqual(60_000);
  });

  it('refuses a code from another origin or without JSON, and keeps it usable', async () => {
    const code = codeOf(host.launchUrl());
    const foreign = await post(host, '/__bridge/session', {
      [CODE_HEADER]: code,
      origin: 'http://evil.example',
    });
    expect(foreign.status).toBe(403);
    const form = await post(host, '/__bridge/session', {
      [CODE_HEADER]: code,
      'content-type': 'text/plain',
    });
    expect(form.status).toBe(415);
    expect((await trade(host, code)).status).toBe(200);
  });
});

describe('the browser host’s slow-request limits', () => {
  it('cuts a body trickled with a valid token instead of waiting 300 s', async () => {
    const token = JSON.parse((await trade(host, codeOf(host.launchUrl()))).body) as {
      token: string;
    };
    const port = Number(new URL(host.origin).port);
    const outcome = await new Promise<string>((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/__bridge/invoke/listAccounts',
        headers: {
          host: `127.0.0.1:${port}`,
          origin: host.origin,
          'content-type': 'application/json',
          'content-length': '10000',
          [TOKEN_HEADER]: token.token,
        },
      });
      let sent = 0;
      // One byte every 50 ms: 10,000 bytes would take over 8 minutes.
      const trickle = setInterval(() => {
        sent += 1;
        if (sent >= 10_000) clearInterval(trickle);
        req.write(' ');
      }, 50);
      const finish = (how: string) => {
        clearInterval(trickle);
        resolve(how);
      };
      req.on('response', (res) => finish(`answered ${res.statusCode ?? 0}`));
      req.on('error', () => finish('connection closed'));
      req.on('close', () => finish('connection closed'));
    });
    expect(outcome).toMatch(/answered 408|connection closed/);
    expect(core.calls).toEqual([]);
  });
});

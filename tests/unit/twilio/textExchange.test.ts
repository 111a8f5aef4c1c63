import { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { Agent, type Dispatcher } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { exchangeText } from '../../../main/core/twilio/textExchange';
import { startLocalServer, type Handler, type LocalServer } from './localServer';

/**
 * exchangeText stands in for undici's `request()` + `body.text()`: each case sends the same
 * request both ways to the same server and expects the same answer or the same failure.
 */

let server: LocalServer | null = null;
const agents: Agent[] = [];

afterEach(async () => {
  await Promise.all(agents.splice(0).map((agent) => agent.close()));
  await server?.close();
  server = null;
});

async function serve(handler: Handler): Promise<string> {
  server = await startLocalServer(handler);
  return server.url;
}

function agent(options: Agent.Options = {}): Agent {
  const created = new Agent(options);
  agents.push(created);
  return created;
}

function options(origin: string, extra: Partial<Dispatcher.DispatchOptions> = {}) {
  return { origin, path: '/x', method: 'GET' as const, headers: { accept: '*/*' }, ...extra };
}

/** The answer, or the failure's name and code, of both ways of reading. */
async function bothWays(
  origin: string,
  extra: Partial<Dispatcher.DispatchOptions> = {},
  signal?: () => AbortSignal,
) {
  const settle = async (promise: Promise<unknown>) =>
    promise.then(
      (answer) => ({ answer }),
      (error: unknown) => ({
        error: { name: (error as Error).name, code: (error as { code?: unknown }).code },
      }),
    );
  const viaRequest = await settle(
    (async () => {
      const response = await agent().request({ ...options(origin, extra), signal: signal?.() });
      const text = await response.body.text();
      return { status: response.statusCode, headers: response.headers, text };
    })(),
  );
  const viaExchange = await settle(exchangeText(agent(), options(origin, extra), signal?.()));
  return { viaRequest, viaExchange };
}

/** Headers that differ between two answers of the same handler. */
function withoutDate(result: unknown): unknown {
  const answer = (result as { answer?: { headers: Record<string, unknown> } }).answer;
  if (answer !== undefined) delete answer.headers.date;
  return result;
}

describe('exchangeText reads like request() + body.text()', () => {
  it('a body in several chunks, with a BOM and a character split across chunks', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('{"name":"Zoë Müller — ☎"}', 'utf8'),
    ]);
    const origin = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'x-twice': ['a', 'b'] });
      void (async () => {
        // Cut inside the BOM and inside the multi-byte characters.
        for (const [from, to] of [
          [0, 2],
          [2, 14],
          [14, 15],
          [15, bytes.length],
        ] as const) {
          response.write(bytes.subarray(from, to));
          await delay(5);
        }
        response.end();
      })();
    });
    const { viaRequest, viaExchange } = await bothWays(origin);
    expect(withoutDate(viaExchange)).toStrictEqual(withoutDate(viaRequest));
    expect(viaExchange).toMatchObject({
      answer: {
        status: 200,
        text: '{"name":"Zoë Müller — ☎"}',
        headers: { 'x-twice': ['a', 'b'] },
      },
    });
  });

  it('an empty 204 and a 404 with a body are answers, not failures', async () => {
    const origin = await serve((request, response) => {
      if (request.method === 'DELETE') {
        response.writeHead(204).end();
      } else {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('gone');
      }
    });
    for (const method of ['DELETE', 'GET'] as const) {
      const { viaRequest, viaExchange } = await bothWays(origin, { method });
      expect(withoutDate(viaExchange)).toStrictEqual(withoutDate(viaRequest));
    }
  });

  it('skips a 102 Processing before the answer', async () => {
    const origin = await serve((_request, response) => {
      response.writeProcessing();
      response.writeHead(200).end('done');
    });
    const { viaRequest, viaExchange } = await bothWays(origin);
    expect(withoutDate(viaExchange)).toStrictEqual(withoutDate(viaRequest));
    expect(viaExchange).toMatchObject({ answer: { status: 200, text: 'done' } });
  });

  it('fails like request() when the connection drops in the middle of the body', async () => {
    const origin = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('partial');
      setTimeout(() => response.socket?.destroy(), 10);
    });
    const { viaRequest, viaExchange } = await bothWays(origin);
    expect(viaExchange).toStrictEqual(viaRequest);
    expect(viaExchange).toHaveProperty('error');
  });

  it('ends with the signal’s reason when aborted while the body streams', async () => {
    const origin = await serve((_request, response) => {
      response.writeHead(200);
      response.write('partial');
    });
    const { viaRequest, viaExchange } = await bothWays(origin, {}, () => AbortSignal.timeout(30));
    expect(viaExchange).toStrictEqual(viaRequest);
    expect(viaExchange).toMatchObject({ error: { name: 'TimeoutError' } });
  });

  it('destroys a streamed request body that will never be sent', async () => {
    // Nothing listens there any more: the connection is refused before the body is read.
    const origin = await serve(() => undefined);
    await server?.close();
    server = null;
    let destroyed = false;
    const body = new Readable({
      read() {
        this.push('x'.repeat(10));
      },
      destroy(error, callback) {
        destroyed = true;
        callback(error);
      },
    });
    const result = exchangeText(
      agent(),
      options(origin, { method: 'POST', body, headers: { 'content-length': '10' } }),
      undefined,
    );
    await expect(result).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(destroyed).toBe(true);
  });
});

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENT_METHODS, eventContract, fail, type EventMethod } from '../../shared/ipc';
import type { PortdeskCore } from '../core/app/portdeskCore';
import { dispatchInvoke, isInvokeMethod } from '../host/ipc/dispatch';
import { reportHandlerFailure } from '../host/ipc/failureLog';
import type { Logger } from '../host/log/logger';
import { readRendererFile } from '../host/rendererFiles';
import { rendererSecurityHeaders } from '../host/security/contentSecurity';
import {
  CODE_HEADER,
  checkBridgeRequest,
  checkSessionRequest,
  isOwnHost,
  singleHeader,
} from './bridgeGuard';
import { LaunchCodes } from './launchCodes';
import { decodeBytes, PayloadTooDeepError } from './bytesCodec';
import { DOWNLOAD_PATH_PREFIX, type OneShotDownloads } from './downloads';

/** A 10 MB bill is ~13.4 MB as base64; anything past this is not a request we send. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const KEEP_ALIVE_MS = 15_000;
export const BOOTSTRAP_PATH = '/__bridge/bootstrap.js';
export const SESSION_PATH = '/__bridge/session';
/** Slow bodies and headers are cut after this (issue 12 item 8); a 16 MB bill takes well under. */
export const REQUEST_TIMEOUT_MS = 10_000;
export const HEADERS_TIMEOUT_MS = 5_000;

export interface BrowserHostOptions {
  core: Pick<PortdeskCore, 'handlers' | 'on'>;
  /** out/renderer */
  rendererRoot: string;
  /** The bundled page bootstrap (main/browserHost/page/bootstrap.ts); omit to serve no bridge. */
  bootstrapScript?: string;
  log: Logger;
  /** Default 0: any free port. Always on 127.0.0.1. */
  port?: number;
  /** Clock seam for the launch codes' minute. */
  now?: () => number;
  /** Test seam: how long a request may take to arrive (default REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** One-time export downloads (downloads.ts); without it `/__download/…` is a 404. */
  downloads?: OneShotDownloads;
}

export interface RunningBrowserHost {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /**
   * A fresh address to open: the origin with a one-time launch code in the fragment, valid for a
   * minute and for one window. Never the token itself.
   */
  launchUrl(): string;
  /** The current session token (tests); replaced when a launch code is presented twice. */
  readonly token: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer on 127.0.0.1 under the same CSP as Electron's window, and — when a
 * bootstrap script is given — carries the bridge over loopback (docs/shell.md):
 * `POST /__bridge/invoke/<method>` answers with the envelope, `POST /__bridge/events` streams
 * pushed events as `text/event-stream`. Every bridge request passes `checkBridgeRequest`
 * (Host, POST, Origin, per-launch token, JSON) or gets a 403.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<RunningBrowserHost> {
  let token = randomBytes(32).toString('base64url');
  const codes = new LaunchCodes(options.now);
  const streams = new Set<ServerResponse>();
  let origin = '';

  const server = createServer(
    {
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      headersTimeout: Math.min(HEADERS_TIMEOUT_MS, options.requestTimeoutMs ?? HEADERS_TIMEOUT_MS),
      // Node looks for overdue requests this often (default 30 s, which would stretch the cut).
      connectionsCheckingInterval: 1_000,
    },
    (request, response) => {
      void handle(request, response).catch((error: unknown) => {
        options.log.error('browser host: request failed', error);
        if (!response.headersSent)
          respond(response, 500, 'text/plain; charset=utf-8', 'Internal error');
        else response.destroy();
      });
    },
  );

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isOwnHost(request.headers, { origin })) {
      respond(response, 403, 'text/plain; charset=utf-8', 'Forbidden');
      return;
    }
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/__bridge/')) {
      await handleBridge(request, response, path);
      return;
    }
    if (path.startsWith(DOWNLOAD_PATH_PREFIX) && options.downloads) {
      await options.downloads.serve(request, response, path);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      respond(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      return;
    }
    if (path === '/favicon.ico') {
      // Chromium asks on every load; "no icon" is an answer, a 404 is an error in the console.
      response.writeHead(204, { 'cache-control': 'no-store' });
      response.end();
      return;
    }
    const file = await readRendererFile(options.rendererRoot, `${origin}${request.url ?? '/'}`, {
      transformIndexHtml: options.bootstrapScript === undefined ? undefined : injectBootstrap,
    });
    response.writeHead(file.status, file.headers);
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  async function handleBridge(request: IncomingMessage, response: ServerResponse, path: string) {
    if (options.bootstrapScript === undefined) {
      respond(response, 404, 'text/plain; charset=utf-8', 'Not found');
      return;
    }
    if (path === BOOTSTRAP_PATH && request.method === 'GET') {
      response.writeHead(200, {
        ...rendererSecurityHeaders(),
        'content-type': 'text/javascript; charset=utf-8',
      });
      response.end(options.bootstrapScript);
      return;
    }
    if (path === SESSION_PATH) {
      exchangeLaunchCode(request, response);
      return;
    }
    const verdict = checkBridgeRequest(
      { method: request.method ?? '', headers: request.headers },
      { origin, token },
    );
    if (!verdict.ok) {
      options.log.warn(`browser host: refused ${request.method} ${path}: ${verdict.reason}`);
      respond(response, verdict.status, 'text/plain; charset=utf-8', 'Forbidden');
      return;
    }
    if (path === '/__bridge/events') {
      openEventStream(request, response);
      return;
    }
    const method = /^\/__bridge\/invoke\/([A-Za-z]+)$/.exec(path)?.[1];
    if (method === undefined || !isInvokeMethod(method)) {
      respond(response, 404, 'text/plain; charset=utf-8', 'No such bridge method');
      return;
    }
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === null) {
      // The rest of the body is read and dropped (readBody keeps draining), then the
      // connection closes: destroying it at once would lose this answer.
      response.setHeader('connection', 'close');
      respond(response, 413, 'text/plain; charset=utf-8', 'Request too large');
      return;
    }
    let payload: unknown;
    try {
      payload = decodeBytes(JSON.parse(body.toString('utf8')) as unknown);
    } catch (error) {
      const message =
        error instanceof PayloadTooDeepError ? error.message : 'The request body is not JSON';
      sendJson(response, { ok: false, error: fail('invalid_payload', message) });
      return;
    }
    const envelope = await dispatchInvoke(
      options.core.handlers,
      method,
      payload,
      reportHandlerFailure(options.log, 'browser host'),
    );
    sendJson(response, envelope);
  }

  /** Trades a one-time launch code for the session token (the page's first request). */
  function exchangeLaunchCode(request: IncomingMessage, response: ServerResponse): void {
    const facts = { method: request.method ?? '', headers: request.headers };
    const verdict = checkSessionRequest(facts, { origin });
    if (!verdict.ok) {
      options.log.warn(`browser host: refused a session request: ${verdict.reason}`);
      respond(response, verdict.status, 'text/plain; charset=utf-8', 'Forbidden');
      return;
    }
    request.resume();
    const redemption = codes.redeem(singleHeader(request.headers[CODE_HEADER]) ?? '');
    if (redemption === 'ok') {
      sendJson(response, { token });
      return;
    }
    if (redemption === 'reused') {
      // The page drops the code from its address bar at once, so a second use is a copy: whoever
      // traded it first may not be the agent. Revoke that session; a fresh address starts anew.
      revokeSession();
      options.log.warn(
        'browser host: a launch code was used twice; the session it opened is closed. Open a fresh address.',
      );
    } else {
      options.log.info(`browser host: refused a launch code (${redemption})`);
    }
    respond(response, 403, 'text/plain; charset=utf-8', `Launch code ${redemption}`);
  }

  function revokeSession(): void {
    token = randomBytes(32).toString('base64url');
    for (const stream of streams) stream.end();
  }

  function openEventStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    const push = (method: EventMethod, payload: unknown) => {
      response.write(
        `event: ${eventContract[method].channel}\ndata: ${JSON.stringify(payload)}\n\n`,
      );
    };
    const forward = <E extends EventMethod>(method: E) =>
      options.core.on(method, (payload) => push(method, payload));
    const unsubscribers = EVENT_METHODS.map((method) => forward(method));
    // A page that (re)connects learns the sync state at once instead of at the next change.
    void options.core.handlers.getSyncStatus({}).then(
      (status) => push('onSyncStatus', status),
      () => undefined,
    );
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    keepAlive.unref();
    const end = () => {
      clearInterval(keepAlive);
      for (const unsubscribe of unsubscribers) unsubscribe();
      streams.delete(response);
    };
    request.on('close', end);
    response.on('close', end);
  }

  function injectBootstrap(html: string): string {
    if (!/<head>/i.test(html)) throw new Error('out/renderer/index.html has no <head>');
    return html.replace(/<head>/i, `<head>\n    <script src="${BOOTSTRAP_PATH}"></script>`);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    launchUrl: () => `${origin}/#code=${codes.issue()}`,
    get token() {
      return token;
    },
    async close() {
      for (const stream of streams) stream.end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function respond(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  response.end(body);
}

function sendJson(response: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  response.end(body);
}

/** The whole body, or null as soon as it passes `limit` bytes. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

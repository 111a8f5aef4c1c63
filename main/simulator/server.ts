import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { authenticate } from './auth';
import type { ControlGuard } from './controlGuard';
import type { SimulatorCore } from './core';
import { documentTooLarge } from './documentRoutes';
import { ApiError, ControlError, errorBody, ERROR_CODES, notFound } from './errors';
import type { OutcomeFault } from './faults';
import { type ApiCall, jsonResponse, type SimResponse } from './httpTypes';
import { readBody } from './readBody';
import type { Router } from './router';

const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;

export interface ListenerConfig {
  core: SimulatorCore;
  /** API routes of this listener (porting routes, or the Documents upload). */
  api: Router;
  /** /__sim/ routes; only the main listener has them. */
  control: Router | null;
  /** Who may call /__sim/ (required with `control`). */
  guard: ControlGuard | null;
  log: (line: string) => void;
}

/** One node:http listener. Faults apply to its API routes, never to /__sim/. */
export function createListener(config: ListenerConfig): Server {
  const server = createServer((request, response) => {
    handle(config, request, response).catch((error: unknown) => {
      config.log(`internal error: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent && !response.destroyed) {
        write(
          response,
          jsonResponse(
            500,
            errorBody(500, ERROR_CODES.internalServerError, 'Internal simulator error'),
          ),
        );
      } else {
        response.destroy();
      }
    });
  });
  // Clients keep connections alive; don't let a closing test wait for them.
  server.keepAliveTimeout = 5_000;
  return server;
}

export async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${shownHost}:${address.port}`;
}

export async function closeServer(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function handle(
  config: ListenerConfig,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const started = performance.now();
  const method = (request.method ?? 'GET').toUpperCase();
  const url = new URL(request.url ?? '/', 'http://simulator.invalid');
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  stampSimulatedDate(response, config.core);

  if (config.control !== null && (path === '/__sim' || path.startsWith('/__sim/'))) {
    const refused = config.guard?.refuse(method, path, request.headers) ?? null;
    if (refused !== null) {
      request.resume(); // drain the body unread, keeping the connection usable
      write(response, refused);
      return;
    }
    try {
      write(response, await control(config, config.control, method, path, url, request));
    } finally {
      if (mayChangeTheWorld(method)) config.core.touch();
    }
    return;
  }

  const { core } = config;
  const match = config.api.match(method, path);
  core.store.bumpCallLog(
    `${method} ${match.kind === 'found' ? match.route.template : match.kind === 'wrong_method' ? match.template : '(no route)'}`,
  );
  const { latencyMs, outcome } = core.faults.draw(method, path);
  if (latencyMs > 0) {
    await sleep(latencyMs);
    stampSimulatedDate(response, core);
  }
  const logLine = (status: number | string) =>
    config.log(
      `${method} ${url.pathname}${url.search} → ${status} (${Math.round(performance.now() - started)} ms)`,
    );

  if (outcome !== null && faultsBefore(outcome)) {
    applyBefore(outcome, response);
    logLine(`fault ${outcome.kind}`);
    return;
  }

  let answer: SimResponse;
  try {
    answer = await route(config, match, method, path, url, request);
  } catch (error) {
    if (error instanceof ApiError) {
      answer = {
        ...jsonResponse(error.status, error.toBody()),
        headers: { 'content-type': 'application/json', ...error.headers },
      };
    } else {
      throw error;
    }
  } finally {
    // After the handler, never before: a snapshot taken in between would miss the change.
    if (mayChangeTheWorld(method)) core.touch();
  }

  if (outcome?.kind === 'reset') {
    // phase 'after': the call took effect, but the client never hears about it.
    response.socket?.destroy();
    logLine('fault reset after processing');
    return;
  }
  if (outcome?.kind === 'malformed') {
    write(response, garbled(answer));
    logLine(`${answer.status}, body garbled`);
    return;
  }
  write(response, answer);
  logLine(answer.status);
}

async function route(
  config: ListenerConfig,
  match: ReturnType<Router['match']>,
  method: string,
  path: string,
  url: URL,
  request: IncomingMessage,
): Promise<SimResponse> {
  const { core } = config;
  const accountSid = authenticate(request.headers, core.credentials);
  if (match.kind === 'none') throw notFound(path);
  if (match.kind === 'wrong_method') {
    throw new ApiError(
      405,
      ERROR_CODES.methodNotAllowed,
      `Method ${method} not allowed on ${path}`,
    );
  }
  const body = await readBody(request, match.route.bodyLimit ?? DEFAULT_BODY_LIMIT);
  if (!body.ok) {
    if (match.route.template === '/v1/Documents') throw documentTooLarge();
    throw new ApiError(
      413,
      ERROR_CODES.payloadTooLarge,
      `The request body is larger than ${DEFAULT_BODY_LIMIT} bytes`,
    );
  }
  core.lifecycle.catchUp();
  const call: ApiCall = {
    method,
    path,
    query: url.searchParams,
    params: match.params,
    headers: request.headers,
    body: body.body,
    accountSid,
  };
  return match.route.handler(call);
}

async function control(
  config: ListenerConfig,
  router: Router,
  method: string,
  path: string,
  url: URL,
  request: IncomingMessage,
): Promise<SimResponse> {
  const match = router.match(method, path);
  if (match.kind !== 'found') {
    return jsonResponse(404, {
      error: `No control endpoint ${method} ${path}; GET /__sim lists them`,
    });
  }
  const body = await readBody(request, DEFAULT_BODY_LIMIT);
  if (!body.ok) return jsonResponse(413, { error: 'Body too large' });
  const refused = config.guard?.refuseBody(path, request.headers, body.body) ?? null;
  if (refused !== null) return refused;
  try {
    return await match.route.handler({
      method,
      path,
      query: url.searchParams,
      params: match.params,
      headers: request.headers,
      body: body.body,
      accountSid: '',
    });
  } catch (error) {
    if (error instanceof ControlError) return jsonResponse(error.status, { error: error.message });
    throw error;
  }
}

/**
 * Twilio's `Date` header is its clock, and the app learns each account's clock from it
 * (docs/twilio-client.md): the simulator's says the simulated time, not the machine's.
 */
function stampSimulatedDate(response: ServerResponse, core: SimulatorCore): void {
  response.setHeader('date', new Date(core.clock.now()).toUTCString());
}

/** Reads never change the world; anything else may (a snapshot saver then saves). */
function mayChangeTheWorld(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

function faultsBefore(fault: OutcomeFault): boolean {
  return fault.kind === 'status' || fault.phase === undefined || fault.phase === 'before';
}

function applyBefore(fault: OutcomeFault, response: ServerResponse): void {
  switch (fault.kind) {
    case 'status': {
      const code =
        fault.status === 429
          ? ERROR_CODES.tooManyRequests
          : fault.status === 503
            ? ERROR_CODES.serviceUnavailable
            : ERROR_CODES.internalServerError;
      const message =
        fault.status === 429
          ? 'Too Many Requests'
          : fault.status === 503
            ? 'Service Unavailable'
            : 'Internal Server Error';
      const answer = jsonResponse(fault.status, errorBody(fault.status, code, message));
      if (fault.retryAfterSeconds !== undefined) {
        answer.headers = { ...answer.headers, 'retry-after': String(fault.retryAfterSeconds) };
      }
      write(response, answer);
      return;
    }
    case 'reset':
      response.socket?.destroy();
      return;
    case 'malformed':
      write(response, garbled({ status: 200, body: '{"port_in_request_sid":"KW' }));
      return;
  }
}

/** Cut the body in half and add bytes no JSON parser accepts. A 204 becomes a 200 with a body. */
function garbled(answer: SimResponse): SimResponse {
  const text = answer.body === undefined ? '{"status":' : answer.body.toString('utf8');
  return {
    status: answer.status === 204 ? 200 : answer.status,
    headers: { 'content-type': 'application/json' },
    body: `${text.slice(0, Math.ceil(text.length / 2))}\u0000<<garbled>>`,
  };
}

function write(response: ServerResponse, answer: SimResponse): void {
  const body = answer.body ?? '';
  const headers: Record<string, string | number> = { ...answer.headers };
  if (answer.status !== 204) headers['content-length'] = Buffer.byteLength(body);
  response.writeHead(answer.status, headers);
  response.end(answer.status === 204 ? undefined : body);
}

import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => void;

export interface LocalServer {
  url: string;
  requests: RecordedRequest[];
  /** Most requests the server was handling at the same time. */
  maxInFlight: number;
  close(): Promise<void>;
}

/**
 * A node:http server on 127.0.0.1, port 0, for transport-level tests: it records every request
 * (body included) and lets the handler answer, stall, or destroy the socket.
 */
export async function startLocalServer(handler: Handler): Promise<LocalServer> {
  let inFlight = 0;
  const state: LocalServer = {
    url: '',
    requests: [],
    maxInFlight: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req, res) => {
    inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    let settled = false;
    const settle = () => {
      if (!settled) {
        settled = true;
        inFlight -= 1;
      }
    };
    res.on('close', settle);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      state.requests.push(recorded);
      handler(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

/**
 * The one way PortDesk's own code (tests, benches, demo tooling) calls the control API over HTTP:
 * it sends the launch's secret and JSON as ControlGuard requires. Plain `fetch`, so it works
 * against an in-process simulator and a `npm run simulator` child alike.
 */

/** The header that carries a launch's control secret (docs/simulator.md, "The control API"). */
export const CONTROL_SECRET_HEADER = 'x-portdesk-sim-control';

/** Where the control API is and its secret: a RunningSimulator, or the CLI's first JSON line. */
export interface ControlEndpoint {
  url: string;
  /** Null when the control API was started open (`--open-control`). */
  controlSecret: string | null;
}

export interface ControlAnswer {
  status: number;
  /** The parsed JSON answer (null for an empty body). */
  body: unknown;
}

export interface ControlClient {
  /** Any answer, refusals included. `path` is below /__sim, e.g. '/clock/advance'. */
  call(method: string, path: string, body?: unknown): Promise<ControlAnswer>;
  /** The answer's JSON; throws with the status and the simulator's error on a non-2xx answer. */
  json<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

/** Headers for a control call: the secret, and the JSON content type when there is a body. */
export function controlHeaders(
  endpoint: ControlEndpoint,
  withBody: boolean,
): Record<string, string> {
  return {
    ...(endpoint.controlSecret === null ? {} : { [CONTROL_SECRET_HEADER]: endpoint.controlSecret }),
    ...(withBody ? { 'content-type': 'application/json' } : {}),
  };
}

export function controlClient(endpoint: ControlEndpoint): ControlClient {
  const call = async (method: string, path: string, body?: unknown): Promise<ControlAnswer> => {
    const response = await fetch(`${endpoint.url}/__sim${path}`, {
      method,
      headers: controlHeaders(endpoint, body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  };
  return {
    call,
    async json<T>(method: string, path: string, body?: unknown): Promise<T> {
      const answer = await call(method, path, body);
      if (answer.status < 200 || answer.status > 299) {
        throw new Error(
          `control ${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`,
        );
      }
      return answer.body as T;
    },
  };
}

import type { ApiCall, SimResponse } from './httpTypes';

export type RouteHandler = (call: ApiCall) => SimResponse | Promise<SimResponse>;

export interface Route {
  method: string;
  /** As in the spec, e.g. /v1/Porting/PortIn/{PortInRequestSid}. */
  template: string;
  /** Shape of each path parameter; a mismatch means "no such resource" (404), as on Twilio. */
  params?: Readonly<Record<string, RegExp>>;
  handler: RouteHandler;
  /** Largest accepted request body in bytes (default 5 MB). */
  bodyLimit?: number;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong_method'; template: string }
  | { kind: 'none' };

interface CompiledRoute {
  route: Route;
  segments: string[];
}

/**
 * Matches paths against route templates in the order given, so a literal route listed first
 * (/v1/Porting/PortIn/PortInRequests) wins over a parameter (/v1/Porting/PortIn/{PortInRequestSid}).
 */
export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.routes = routes.map((route) => ({ route, segments: route.template.split('/') }));
  }

  match(method: string, path: string): RouteMatch {
    const segments = path.split('/');
    let wrongMethod: string | null = null;
    for (const { route, segments: template } of this.routes) {
      const params = matchSegments(template, segments, route.params ?? {});
      if (params === null) continue;
      if (route.method === method) return { kind: 'found', route, params };
      wrongMethod ??= route.template;
    }
    return wrongMethod === null
      ? { kind: 'none' }
      : { kind: 'wrong_method', template: wrongMethod };
  }
}

function matchSegments(
  template: readonly string[],
  actual: readonly string[],
  shapes: Readonly<Record<string, RegExp>>,
): Record<string, string> | null {
  if (template.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i += 1) {
    const expected = template[i] ?? '';
    const segment = actual[i] ?? '';
    const name = /^\{(\w+)\}$/.exec(expected)?.[1];
    if (name === undefined) {
      if (expected !== segment) return null;
      continue;
    }
    let value: string;
    try {
      value = decodeURIComponent(segment);
    } catch {
      return null;
    }
    const shape = shapes[name];
    if (value === '' || (shape !== undefined && !shape.test(value))) return null;
    params[name] = value;
  }
  return params;
}

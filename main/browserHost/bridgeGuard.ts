import { timingSafeEqual } from 'node:crypto';

/** The header that carries the per-launch token on every bridge request. */
export const TOKEN_HEADER = 'x-portdesk-token';
/** The header that carries a one-time launch code to `/__bridge/session`. */
export const CODE_HEADER = 'x-portdesk-code';

export interface BridgeRequestFacts {
  method: string;
  /** Headers as Node gives them: lower-case names; a repeated header is an array. */
  headers: Record<string, string | string[] | undefined>;
}

export interface BridgeExpectations {
  /** e.g. `http://127.0.0.1:41234`: the only origin allowed to call the bridge. */
  origin: string;
  token: string;
}

export type BridgeVerdict = { ok: true } | { ok: false; status: 403 | 405 | 415; reason: string };

/**
 * Whether a request may use the browser host's bridge. Everything that is not exactly our page
 * calling is refused:
 * - the `Host` header must be our own `127.0.0.1:<port>` (a DNS-rebinding page has another),
 * - the method must be POST (so Chromium always sends `Origin`, even same-origin),
 * - `Origin` must be our own origin (another site, a file:// page or an extension has another),
 * - the body must be declared JSON (a cross-site form cannot send that without a preflight we
 *   never answer),
 * - the per-launch token must be in the `x-portdesk-token` header (a custom header, which no
 *   other origin can add without that preflight either).
 */
export function checkBridgeRequest(
  request: BridgeRequestFacts,
  expected: BridgeExpectations,
): BridgeVerdict {
  return checkPageRequest(request, expected.origin, (headers) => {
    const token = single(headers[TOKEN_HEADER]);
    return token !== undefined && sameToken(token, expected.token);
  });
}

/**
 * The session exchange (`POST /__bridge/session`): the same checks as the bridge, but the page
 * has no token yet; the one-time code in `x-portdesk-code` is judged by the server.
 */
export function checkSessionRequest(
  request: BridgeRequestFacts,
  expected: Pick<BridgeExpectations, 'origin'>,
): BridgeVerdict {
  return checkPageRequest(request, expected.origin, (headers) =>
    /^[A-Za-z0-9_-]{1,100}$/.test(single(headers[CODE_HEADER]) ?? ''),
  );
}

/** Reads a header the way the guard does: a repeated header counts as absent. */
export function singleHeader(value: string | string[] | undefined): string | undefined {
  return single(value);
}

function checkPageRequest(
  request: BridgeRequestFacts,
  origin: string,
  credentialPresent: (headers: BridgeRequestFacts['headers']) => boolean,
): BridgeVerdict {
  const expected = { origin };
  const host = single(request.headers.host);
  if (host === undefined || `http://${host}` !== expected.origin) {
    return { ok: false, status: 403, reason: 'wrong Host header' };
  }
  if (request.method !== 'POST') {
    return { ok: false, status: 405, reason: 'the bridge accepts POST only' };
  }
  if (single(request.headers.origin) !== expected.origin) {
    return { ok: false, status: 403, reason: 'wrong or missing Origin' };
  }
  if (!credentialPresent(request.headers)) {
    return { ok: false, status: 403, reason: 'wrong or missing token' };
  }
  const contentType = single(request.headers['content-type']) ?? '';
  if (!/^application\/json(\s*;|$)/i.test(contentType)) {
    return { ok: false, status: 415, reason: 'the body must be application/json' };
  }
  return { ok: true };
}

/** Static files (the renderer, the bootstrap script) need only our own Host header. */
export function isOwnHost(
  headers: BridgeRequestFacts['headers'],
  expected: Pick<BridgeExpectations, 'origin'>,
): boolean {
  const host = single(headers.host);
  return host !== undefined && `http://${host}` === expected.origin;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

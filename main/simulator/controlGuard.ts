import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { CONTROL_SECRET_HEADER } from './controlClient';
import { jsonResponse, type SimResponse } from './httpTypes';

/**
 * Who may use /__sim/ (issue 12 item 6). The control API can reset the world, inject faults and
 * sign LOAs, and it listens on 127.0.0.1 where every web page the user opens can reach it. So,
 * unless the control API was opened on purpose (`openControl`, the CLI's `--open-control`):
 *
 * - the Host header must name this listener (127.0.0.1, localhost or [::1] with its port):
 *   DNS rebinding sends the attacker's host name;
 * - a control call must carry the launch's secret in `x-portdesk-sim-control` (never in the URL,
 *   which ends up in logs and histories) and no Origin: no browser page is a client of it;
 * - a control call with a body must say `application/json`: a cross-site form or `text/plain`
 *   POST cannot (it would need a CORS preflight, which the simulator never grants);
 * - the LOA page is for a person in a browser: GET needs only the right Host, and its form POST
 *   (the "Sign" button) is accepted only from the page's own origin.
 */
export class ControlGuard {
  private readonly secretDigest: Buffer | null;

  constructor(
    /** The launch's secret; null when the control API is open to anyone. */
    readonly secret: string | null,
    /** The API listener's origin once bound, e.g. http://127.0.0.1:41234. */
    private readonly origin: () => string,
  ) {
    this.secretDigest = secret === null ? null : digest(secret);
  }

  /** A fresh secret for one launch: never from the seed, which is public for the demo. */
  static newSecret(): string {
    return randomBytes(32).toString('base64url');
  }

  /** Checks a call before its body is read; null lets it through. */
  refuse(method: string, path: string, headers: IncomingHttpHeaders): SimResponse | null {
    if (this.secretDigest === null) return null;
    if (!this.allowedHosts().has((headers.host ?? '').toLowerCase())) {
      return refusal(403, `The Host header must name this simulator (${this.origin()})`);
    }
    const origin = headers.origin;
    if (isLoaPage(path)) {
      if (method === 'GET' || method === 'HEAD') return null;
      const site = headers['sec-fetch-site'];
      const sameOrigin = origin === undefined || this.allowedOrigins().has(origin.toLowerCase());
      if (!sameOrigin || (site !== undefined && site !== 'same-origin' && site !== 'none')) {
        return refusal(403, 'The LOA can be signed only from its own page');
      }
      return null;
    }
    if (origin !== undefined) {
      return refusal(403, 'The control API does not answer web pages (a request with an Origin)');
    }
    const given = headers[CONTROL_SECRET_HEADER];
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), this.secretDigest)) {
      return refusal(
        401,
        `The control API needs this launch's secret in the ${CONTROL_SECRET_HEADER} header`,
      );
    }
    return null;
  }

  /** Checks a control call's body once it is read; null lets it through. */
  refuseBody(path: string, headers: IncomingHttpHeaders, body: Buffer): SimResponse | null {
    if (this.secretDigest === null || isLoaPage(path)) return null;
    const type = headers['content-type'];
    const mediaType = type?.split(';')[0]?.trim().toLowerCase();
    if ((type !== undefined || body.length > 0) && mediaType !== 'application/json') {
      return refusal(415, 'A control call with a body must send content-type: application/json');
    }
    return null;
  }

  private allowedHosts(): Set<string> {
    const { host, port } = new URL(this.origin());
    return new Set(
      [host, `127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].map((h) => h.toLowerCase()),
    );
  }

  private allowedOrigins(): Set<string> {
    return new Set([...this.allowedHosts()].map((host) => `http://${host}`));
  }
}

function isLoaPage(path: string): boolean {
  return path.startsWith('/__sim/loa/');
}

/** Equal-length inputs for timingSafeEqual, whatever length the caller sent. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function refusal(status: number, error: string): SimResponse {
  return jsonResponse(status, { error });
}

import { randomBytes } from 'node:crypto';

/** How long a launch code may wait to be exchanged (issue 12 item 1: at most 60 s). */
export const LAUNCH_CODE_TTL_MS = 60_000;

export type Redemption = 'ok' | 'unknown' | 'expired' | 'reused';

/**
 * One-time launch codes for the browser host's address. The address Chromium is started with
 * (and the one `--no-open` prints) carries only such a code, never the session token: a
 * command line is world-readable in /proc and Chromium keeps URLs in its profile. The page
 * trades the code once, within a minute, for the session token it keeps in memory.
 *
 * A code presented a second time is a copy (the page drops it from the address bar at once),
 * so the server revokes the session it bought (docs/security.md).
 */
export class LaunchCodes {
  private readonly pending = new Map<string, number>();
  /** Codes already traded; bounded by how many addresses one launch prints. */
  private readonly spent = new Set<string>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(): string {
    this.dropExpired();
    const code = randomBytes(24).toString('base64url');
    this.pending.set(code, this.now() + LAUNCH_CODE_TTL_MS);
    return code;
  }

  redeem(code: string): Redemption {
    if (this.spent.has(code)) return 'reused';
    const expiresAt = this.pending.get(code);
    if (expiresAt === undefined) return 'unknown';
    this.pending.delete(code);
    if (this.now() > expiresAt) return 'expired';
    this.spent.add(code);
    return 'ok';
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [code, expiresAt] of this.pending) if (now > expiresAt) this.pending.delete(code);
  }
}

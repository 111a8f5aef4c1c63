/**
 * The server's clock as its HTTP `Date` headers tell it. Twilio (and the simulator, whose
 * calendar runs ahead in demo mode) judges "at least 7 days ahead" by its own clock, so the app
 * judges by it too (docs/twilio-client.md, "The server's clock").
 */

/** How many recent answers the estimate is the median of: one slow answer does not move it. */
export const SERVER_CLOCK_SAMPLES = 5;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// IMF-fixdate (RFC 9110 §5.6.7), the only form a server may send: `Sun, 06 Nov 1994 08:49:37 GMT`.
const IMF_FIXDATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/**
 * Epoch ms of an HTTP date, or null for anything that is not an IMF-fixdate. `Date.parse` alone
 * is too lenient: it reads "2026" as a date and the obsolete asctime form in local time.
 */
export function parseHttpDate(value: string): number | null {
  const match = IMF_FIXDATE.exec(value.trim());
  if (!match) return null;
  const [day, month, year, hours, minutes, seconds] = [
    Number(match[1]),
    MONTHS.indexOf(match[2] ?? ''),
    Number(match[3]),
    Number(match[4]),
    Number(match[5]),
    Number(match[6]),
  ];
  if (hours > 23 || minutes > 59 || seconds > 60) return null;
  const ms = Date.UTC(year, month, day, hours, minutes, Math.min(seconds, 59));
  // Date.UTC rolls 31 Feb over to March: a round trip tells a real date from a bad one.
  if (new Date(ms).getUTCDate() !== day) return null;
  return ms;
}

/**
 * Server − local, in whole seconds' worth of ms, from the last few answers. The header is
 * truncated to the second, so the server's instant is taken as the middle of that second, and
 * ours as the middle of the round trip (the server wrote the header somewhere inside it).
 */
export class ServerClockEstimate {
  readonly #samples: number[] = [];
  /** Sorted copy of the samples, reused: the estimate is asked for after every answer. */
  readonly #sorted: number[] = [];
  #offsetMs: number | null = null;
  // Answers within one second carry the same header: parse it once.
  #lastHeader = '';
  #lastHeaderMs: number | null = null;

  /**
   * Adds one answer's `Date` header. Returns the new estimate, or null when the header is
   * missing or unreadable (the estimate is then unchanged).
   */
  observe(
    dateHeader: string | string[] | undefined,
    sentAtMs: number,
    receivedAtMs: number,
  ): number | null {
    const value = Array.isArray(dateHeader) ? dateHeader[0] : dateHeader;
    if (value === undefined) return null;
    if (value !== this.#lastHeader) {
      this.#lastHeader = value;
      this.#lastHeaderMs = parseHttpDate(value);
    }
    const serverMs = this.#lastHeaderMs;
    if (serverMs === null) return null;
    const localMs = (sentAtMs + receivedAtMs) / 2;
    this.#samples.push(serverMs + 500 - localMs);
    if (this.#samples.length > SERVER_CLOCK_SAMPLES) this.#samples.shift();
    this.#offsetMs = this.#median();
    return this.#offsetMs;
  }

  /** Null until an answer carried a readable `Date`. */
  get offsetMs(): number | null {
    return this.#offsetMs;
  }

  #median(): number {
    const sorted = this.#sorted;
    sorted.length = 0;
    for (const sample of this.#samples) {
      // Insertion into a list of at most SERVER_CLOCK_SAMPLES: no sort callback, no new array.
      let at = sorted.length;
      sorted.push(sample);
      for (; at > 0 && (sorted[at - 1] ?? 0) > sample; at -= 1) sorted[at] = sorted[at - 1] ?? 0;
      sorted[at] = sample;
    }
    const middle = sorted.length >> 1;
    const median =
      sorted.length % 2 === 1
        ? (sorted[middle] ?? 0)
        : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
    // The header has 1 s resolution; finer would only be noise (and `+ 0` turns -0 into 0).
    return Math.round(median / 1000) * 1000 + 0;
  }
}

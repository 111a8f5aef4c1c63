import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExportResultView } from '../../shared/ipc';
import type { CsvFile } from '../core/porting';
import type { Logger } from '../host/log/logger';
import { writableSink } from '../host/files/writableSink';

export const DOWNLOAD_PATH_PREFIX = '/__download/';
/** Long enough for the page to start the download it asked for; a minute like a launch code. */
export const DOWNLOAD_TTL_MS = 60_000;

interface Offer {
  file: CsvFile;
  expiresAt: number;
}

/**
 * The browser host's delivery of an export (docs/shell.md, "Downloads"): main keeps the prepared
 * file behind a one-time path, `/__download/<256-bit random>`, that the page opens as a download
 * (a plain GET: a download cannot carry the bridge's token header). The path is good once and
 * for a minute, so a copy of it (Chromium's download list, a log) is worthless once used; it
 * names no secret, and the session token never appears in it. Requests still need our own Host
 * (checked by the server first). Streaming straight from the store to the socket keeps a million
 * rows out of memory here and out of the page.
 */
export class OneShotDownloads {
  readonly #offers = new Map<string, Offer>();
  readonly #now: () => number;
  readonly #log: Logger;

  constructor(options: { log: Logger; now?: () => number }) {
    this.#log = options.log;
    this.#now = options.now ?? Date.now;
  }

  /** Registers the file and answers the renderer with where to fetch it. */
  offer(file: CsvFile): ExportResultView {
    this.#prune();
    const key = randomBytes(32).toString('base64url');
    this.#offers.set(key, { file, expiresAt: this.#now() + DOWNLOAD_TTL_MS });
    return {
      outcome: 'download',
      url: `${DOWNLOAD_PATH_PREFIX}${key}`,
      fileName: file.suggestedName,
      rows: file.countRows(),
    };
  }

  /** Serves GET /__download/<key> once; anything else about that path is a 404/405. */
  async serve(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const key = path.slice(DOWNLOAD_PATH_PREFIX.length);
    const offer = this.#offers.get(key);
    // Used once, whatever the request and whatever happens next: a second one finds nothing.
    this.#offers.delete(key);
    if (request.method !== 'GET') {
      plain(response, 405, 'Method not allowed');
      return;
    }
    if (!offer || offer.expiresAt < this.#now()) {
      plain(response, 404, 'This download has expired. Export again from PortDesk.');
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(offer.file.suggestedName),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    try {
      const rows = await offer.file.write(writableSink(response));
      response.end();
      this.#log.info(`browser host: served ${offer.file.suggestedName} (${rows} rows)`);
    } catch (error) {
      // The page went away mid-download, or the store failed: cut the connection so the browser
      // marks the download failed instead of keeping a truncated file as if it were whole.
      this.#log.warn('browser host: a download was cut off', error);
      response.destroy();
    }
  }

  #prune(): void {
    const now = this.#now();
    for (const [key, offer] of this.#offers) if (offer.expiresAt < now) this.#offers.delete(key);
  }
}

/** `attachment; filename="…"` with an RFC 6266 UTF-8 form beside a plain-ASCII fallback. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function plain(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  response.end(body);
}

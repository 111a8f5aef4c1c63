import type { IncomingMessage } from 'node:http';

/** Past this, the client is not uploading a bill but flooding us: drop the connection. */
const HARD_LIMIT_BYTES = 64 * 1024 * 1024;

export type BodyResult = { ok: true; body: Buffer } | { ok: false; tooLarge: true; bytes: number };

/**
 * Reads a request body up to `limit` bytes. A larger body is still read to its end (and thrown
 * away) so the client gets a clean 413 instead of a broken pipe.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > HARD_LIMIT_BYTES) {
        request.destroy();
        return;
      }
      if (bytes <= limit) chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(
        bytes > limit
          ? { ok: false, tooLarge: true, bytes }
          : { ok: true, body: Buffer.concat(chunks) },
      );
    });
    request.on('error', reject);
    request.on('close', () => {
      if (!request.complete)
        reject(new Error('client closed the connection before the body ended'));
    });
  });
}

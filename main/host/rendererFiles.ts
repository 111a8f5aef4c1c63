import { randomBytes } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, relative, sep, isAbsolute } from 'node:path';
import { rendererSecurityHeaders, withNonceMeta } from './security/contentSecurity';
import { resolveAppPath } from './security/appPath';

/** The web asset types the renderer build produces; anything else is not served. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface RendererFileResponse {
  status: 200 | 404;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

export interface RendererFileOptions {
  /** Rewrites a page before it is served (the browser host adds its bridge bootstrap). */
  transformIndexHtml?: (html: string) => string;
}

/**
 * Answers a request for a file of the built renderer (out/renderer) with the renderer's security
 * headers (CSP and friends). Shared by Electron's `app://` protocol handler, the browser host and
 * the end-to-end harness, so all three serve the same bytes under the same policy.
 */
export async function readRendererFile(
  root: string,
  requestUrl: string,
  options: RendererFileOptions = {},
): Promise<RendererFileResponse> {
  const notFound: RendererFileResponse = {
    status: 404,
    headers: { ...rendererSecurityHeaders(), 'content-type': 'text/plain; charset=utf-8' },
    body: 'Not found',
  };
  const path = resolveAppPath(root, requestUrl);
  if (path === null) return notFound;
  const contentType = CONTENT_TYPES[extname(path).toLowerCase()];
  if (contentType === undefined) return notFound;
  try {
    // A symbolic link inside out/renderer must not lead outside it.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(path)]);
    const within = relative(realRoot, realFile);
    if (within === '' || within.startsWith(`..${sep}`) || within === '..' || isAbsolute(within)) {
      return notFound;
    }
    if (!(await stat(realFile)).isFile()) return notFound;
    const bytes = await readFile(realFile);
    if (extname(path).toLowerCase() === '.html') {
      // Each page load gets its own nonce for the one <style> react-aria injects (contentSecurity.ts).
      const nonce = randomBytes(18).toString('base64');
      const transform = options.transformIndexHtml ?? ((html: string) => html);
      return {
        status: 200,
        headers: { ...rendererSecurityHeaders(nonce), 'content-type': contentType },
        body: transform(withNonceMeta(bytes.toString('utf8'), nonce)),
      };
    }
    const headers = { ...rendererSecurityHeaders(), 'content-type': contentType };
    return { status: 200, headers, body: new Uint8Array(bytes) };
  } catch {
    return notFound;
  }
}

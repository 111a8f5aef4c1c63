import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Maps a request for a renderer file (`app://portdesk/assets/index-abc.js`, or the browser
 * host's `http://127.0.0.1:port/assets/…`) to a file inside `root`, or null when the request
 * could reach outside it or is not a plain file path. The path-traversal guard of the `app://`
 * protocol (ARCHITECTURE §9), shared with the browser host.
 *
 * The path is checked segment by segment as written, before any URL normalisation, so `..` is
 * refused in every spelling (`%2e%2e`, `.%2E`), as are encoded or raw slashes and backslashes
 * inside a segment, NUL and other control bytes, drive letters (any `:`), dot-files, empty
 * segments and malformed percent-encoding. `/` serves `index.html`. The final path must still
 * lie inside `root` (a belt to the braces above).
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  const rawPath = rawPathOf(requestUrl);
  if (rawPath === null) return null;
  try {
    new URL(requestUrl);
  } catch {
    return null;
  }
  const rawSegments =
    rawPath === '' || rawPath === '/' ? ['index.html'] : rawPath.split('/').slice(1);
  const segments: string[] = [];
  for (const rawSegment of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return null;
    }
    if (
      segment === '' ||
      segment.startsWith('.') ||
      /[/\\:]/.test(segment) ||
      hasControlCharacter(segment)
    ) {
      return null;
    }
    segments.push(segment);
  }
  const base = resolve(root);
  const candidate = resolve(base, ...segments);
  const within = relative(base, candidate);
  if (within === '' || within === '..' || within.startsWith(`..${sep}`) || isAbsolute(within)) {
    return null;
  }
  return candidate;
}

/** NUL and the other C0 controls, and DEL: never part of a name we serve or a link we open. */
export function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The path part of a URL exactly as written: no decoding, no dot-segment removal. */
function rawPathOf(requestUrl: string): string | null {
  const match = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#\\]*([^?#]*)/.exec(requestUrl);
  if (!match) return null;
  const path = match[1] ?? '';
  return path === '' || path.startsWith('/') ? path : null;
}

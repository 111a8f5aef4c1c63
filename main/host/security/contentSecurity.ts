/**
 * The Content-Security-Policy of the renderer, the same in every host: in Electron `'self'` is
 * `app://portdesk`, in the browser host and the test harness it is `http://127.0.0.1:<port>`.
 *
 * - Scripts only from our own files: no inline script, no `eval` (`'unsafe-eval'` is absent).
 * - Styles from our own files, plus `<style>` elements carrying the page's nonce — never
 *   `'unsafe-inline'`. react-aria injects one small `<style>` (touch-action for pressable
 *   elements) and takes the nonce from `<meta property="csp-nonce">`, which the host writes into
 *   each index.html it serves with a fresh random nonce. React's `style={…}` props set styles
 *   through the CSSOM, which CSP does not restrict.
 * - Images from our files, `data:` (small inline icons in CSS) and `blob:` (a preview of a bill
 *   the agent dropped); nothing remote.
 * - `connect-src 'self'`: the browser host's bridge talks to its own origin; Electron's renderer
 *   talks to nothing (IPC is not a fetch).
 * - No plugins, frames, forms, <base>, or being framed.
 */
export function contentSecurityPolicy(styleNonce?: string): string {
  if (styleNonce !== undefined && !/^[A-Za-z0-9+/]{16,}={0,2}$/.test(styleNonce)) {
    throw new Error('A CSP nonce is base64 of at least 12 random bytes');
  }
  return [
    "default-src 'none'",
    "script-src 'self'",
    styleNonce === undefined ? "style-src 'self'" : `style-src 'self' 'nonce-${styleNonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The policy of every response that is not a page (scripts, styles, images). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Headers every renderer response carries, in every host; pages pass their style nonce. */
export function rendererSecurityHeaders(styleNonce?: string): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(styleNonce),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy':
      'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), payment=(), display-capture=()',
    'cache-control': 'no-store',
  };
}

/** Puts the page's style nonce where react-aria looks for it: `<meta property="csp-nonce">`. */
export function withNonceMeta(html: string, styleNonce: string): string {
  if (!/<head>/i.test(html)) throw new Error('The page has no <head> to carry the CSP nonce');
  return html.replace(
    /<head>/i,
    `<head>\n    <meta property="csp-nonce" content="${styleNonce}" />`,
  );
}

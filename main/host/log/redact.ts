/**
 * Removes what must never reach a log line (ARCHITECTURE §9): Authorization headers, Basic/Bearer
 * credentials, passwords in URLs, secret-named fields, API key secrets and auth tokens. Key SIDs
 * (SK…) are not secret but are masked like the UI masks them. Other SIDs (AC…, KW…, PU…) stay:
 * support needs them.
 *
 * Patterns are deliberately broad: a log line that loses a harmless value is better than one
 * that keeps a secret.
 */
export function redactSecrets(text: string): string {
  return (
    text
      // Authorization: Basic QUM…  /  "authorization":"Bearer …"
      .replace(
        /(\b(?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:(?:basic|bearer|digest|token)\s+)?[^\s"',;}]+/gi,
        '$1[redacted]',
      )
      .replace(/\b(basic|bearer)\s+[A-Za-z0-9+/=._~-]{12,}/gi, '$1 [redacted]')
      // https://user:password@host
      .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]*@/gi, '$1[redacted]@')
      // "authToken": "…", "secret":"…", "apiKeySecret" : '…'
      .replace(
        /(["'][\w.-]*(?:secret|password|passwd|token|credential)[\w.-]*["']\s*:\s*)(["'])(?:(?!\2).)*\2/gi,
        '$1$2[redacted]$2',
      )
      // authToken=…, secret=… in query strings and form bodies
      .replace(/(\b[\w.-]*(?:secret|password|passwd|token)[\w.-]*=)[^\s&"',;]+/gi, '$1[redacted]')
      // API key SIDs: keep the last four, as the UI does (`SK…3f9a`).
      .replace(/\bSK[0-9a-fA-F]{28}([0-9a-fA-F]{4})\b/g, 'SK…$1')
      // Bare 32-character tokens: auth tokens (32 hex) and API key secrets (32 letters and digits).
      // A SID's 32 hex digits follow its two-letter prefix, so the look-behind spares them.
      .replace(/(?<![A-Za-z0-9])[A-Za-z0-9]{32}(?![A-Za-z0-9])/g, (candidate) =>
        /\d/.test(candidate) && /[A-Za-z]/.test(candidate) ? '[redacted]' : candidate,
      )
  );
}

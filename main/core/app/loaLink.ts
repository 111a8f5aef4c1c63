/**
 * Whether a request's LOA signing link may be opened in the system browser: https on Twilio's
 * own hosts only, or — in demo mode — the built-in simulator's own LOA page on 127.0.0.1.
 * The link comes from the network, so it is checked as hostile input.
 */
export function isAllowedLoaLink(
  rawUrl: string,
  options: { simulatorOrigin?: string | null } = {},
): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (
    options.simulatorOrigin &&
    url.origin === options.simulatorOrigin &&
    url.hostname === '127.0.0.1'
  ) {
    return url.protocol === 'http:' || url.protocol === 'https:';
  }
  if (url.protocol !== 'https:' || url.port !== '') return false;
  const host = url.hostname.toLowerCase();
  return host === 'twilio.com' || host.endsWith('.twilio.com');
}

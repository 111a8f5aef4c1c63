import { isIP } from 'node:net';
import { hasControlCharacter } from './appPath';

/** Twilio's own domain: the LOA signing page and Twilio's help pages live below it. */
const TWILIO_DOMAIN = 'twilio.com';
const MAX_URL_LENGTH = 2048;

export interface ExternalLinkPolicy {
  /**
   * Also allow the built-in simulator's LOA page (`http://127.0.0.1:<port>/__sim/loa/KW…`), which
   * stands in for Twilio's signing page in demo mode. Only that exact path shape on loopback.
   */
  allowDemoLoaPages?: boolean;
}

const DEMO_LOA_PATH = /^\/__sim\/loa\/KW[0-9a-fA-F]{32}$/;

/**
 * Whether a URL may be handed to the system browser (ARCHITECTURE §9): https only, on
 * `twilio.com` or one of its subdomains, on the default port, with no credentials in it, no IP
 * address for a host, and no internationalised (punycode) label — a lookalike such as
 * `twiIio.com` or `twilio.com.evil.example` is refused. Everything else stays closed.
 */
export function isAllowedExternalUrl(raw: string, policy: ExternalLinkPolicy = {}): boolean {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return false;
  // Control characters and spaces are stripped or escaped by URL parsing; refuse them outright so
  // what is checked is what the browser gets.
  if (hasControlCharacter(raw) || /[\s\\]/.test(raw)) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (policy.allowDemoLoaPages === true && isDemoLoaPage(url)) return true;
  if (url.protocol !== 'https:' || url.port !== '') return false;
  const host = url.hostname.toLowerCase();
  if (isIP(host) !== 0 || host.startsWith('[')) return false;
  const labels = host.split('.');
  if (labels.some((label) => label === '' || label.startsWith('xn--'))) return false;
  return host === TWILIO_DOMAIN || host.endsWith(`.${TWILIO_DOMAIN}`);
}

function isDemoLoaPage(url: URL): boolean {
  return (
    url.protocol === 'http:' &&
    url.hostname === '127.0.0.1' &&
    url.port !== '' &&
    url.search === '' &&
    url.hash === '' &&
    DEMO_LOA_PATH.test(url.pathname)
  );
}

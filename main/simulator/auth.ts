import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError, ERROR_CODES } from './errors';
import type { SimulatorCredentials } from './api';

/**
 * HTTP Basic as Twilio accepts it: API key SID + secret, or Account SID + auth token
 * (PORTING-API §1). Returns the authenticated account SID.
 */
export function authenticate(
  headers: IncomingHttpHeaders,
  credentials: SimulatorCredentials,
): string {
  const header = headers.authorization ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (match === null) throw authenticationFailed();
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw authenticationFailed();
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const expected =
    username === credentials.apiKeySid
      ? credentials.apiKeySecret
      : username === credentials.accountSid
        ? credentials.authToken
        : null;
  if (expected === null || !sameSecret(password, expected)) throw authenticationFailed();
  return credentials.accountSid;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function authenticationFailed(): ApiError {
  return new ApiError(
    401,
    ERROR_CODES.authenticationFailed,
    'Authenticate: the Basic credentials are missing or wrong (use an API key SID and secret, or the Account SID and auth token)',
    { 'www-authenticate': 'Basic realm="Twilio API"' },
  );
}

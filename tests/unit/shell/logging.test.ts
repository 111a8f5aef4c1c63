import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../main/host/log/logger';
import { redactSecrets } from '../../../main/host/log/redact';

const AUTH_TOKEN = '0123456789abcdef0123456789abcdef';
const KEY_SECRET = 'pH6xK2mQ9rT4vW8yZ1aB3cD5eF7gH0jL';
const ACCOUNT_SID = `AC${'a1'.repeat(16)}`;
const KEY_SID = `SK${'b2'.repeat(14)}3f9a`;

describe('redactSecrets', () => {
  it.each([
    ['an Authorization header', 'Authorization: Basic QUNhMWExOnNlY3JldHNlY3JldA==', 'QUNh'],
    [
      'a JSON authorization field',
      '{"authorization":"Bearer eyJhbGciOiJIUzI1NiJ9.payload"}',
      'eyJh',
    ],
    ['a lower-case header', 'authorization=Basic dXNlcjpwYXNzd29yZA==', 'dXNl'],
    ['a bare Basic credential', 'sent Basic QUM6c2VjcmV0c2VjcmV0c2VjcmV0 to Twilio', 'QUM6'],
    ['a password in a URL', 'GET https://ACxyz:hunter2hunter2@numbers.twilio.com/v1', 'hunter2'],
    ['an auth token', `token is ${AUTH_TOKEN} ok`, AUTH_TOKEN],
    ['an API key secret', `secret ${KEY_SECRET}`, KEY_SECRET],
    ['a secret field', '{"label":"Acme","secret":"correct horse battery"}', 'correct horse'],
    ['an authToken field', "{ 'authToken': 'short-but-secret' }", 'short-but-secret'],
    ['an apiKeySecret field', '{"apiKeySecret": "abc"}', '"abc"'],
    ['a form-encoded token', 'body: AuthToken=s3cr3t&FriendlyName=x', 's3cr3t'],
    ['a password field', 'password=letmein', 'letmein'],
  ])('removes %s', (_label, text, secret) => {
    const redacted = redactSecrets(text);
    expect(redacted).not.toContain(secret);
    expect(redacted).toContain('[redacted]');
  });

  it('masks API key SIDs like the UI does, keeping the last four', () => {
    expect(redactSecrets(`key ${KEY_SID} rotated`)).toBe('key SK…3f9a rotated');
  });

  it('keeps what support needs: account, request and number SIDs, numbers, words', () => {
    const line = `${ACCOUNT_SID} KW${'0'.repeat(32)} PU${'f'.repeat(32)} +14155550123 LOA signed for Acme Inc`;
    expect(redactSecrets(line)).toBe(line);
  });

  it('leaves long words and hashes alone', () => {
    const line = `internationalization sha256=${'ab'.repeat(32)}`;
    expect(redactSecrets(line)).toBe(line);
  });
});

describe('createLogger', () => {
  it('writes one timestamped line per call, with details, redacted', () => {
    const lines: string[] = [];
    const log = createLogger(
      (line) => lines.push(line),
      () => new Date('2026-11-27T05:00:00.000Z'),
    );
    log.warn('twilio: 401', {
      authorization: `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`,
    });
    log.info('started');
    expect(lines[0]).toMatch(
      /^2026-11-27T05:00:00.000Z WARN twilio: 401 \{"authorization":"\[redacted\]"\}$/,
    );
    expect(lines[1]).toBe('2026-11-27T05:00:00.000Z INFO started');
  });

  it('redacts secrets inside error messages and stacks', () => {
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line));
    log.error(
      'vault: failed',
      new Error(`could not store ${KEY_SECRET}`, { cause: new Error(`token ${AUTH_TOKEN}`) }),
    );
    expect(lines[0]).toContain('vault: failed Error: could not store [redacted]');
    expect(lines[0]).toContain('cause: Error: token [redacted]');
    expect(lines.join('\n')).not.toContain(KEY_SECRET);
    expect(lines.join('\n')).not.toContain(AUTH_TOKEN);
  });

  it('shows bytes by size, never their content', () => {
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line));
    log.info('bill', { bytes: new Uint8Array(2048), buffer: Buffer.from('%PDF-1.7 secret') });
    expect(lines[0]).toContain('"bytes":"<2048 bytes>"');
    expect(lines[0]).toContain('"buffer":"<15 bytes>"');
  });

  it('survives details it cannot render and a sink that throws', () => {
    const lines: string[] = [];
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    createLogger((line) => lines.push(line)).info('odd', circular);
    expect(lines[0]).toContain('<details that cannot be shown>');
    const broken = createLogger(() => {
      throw new Error('disk full');
    });
    expect(() => broken.error('x')).not.toThrow();
  });
});

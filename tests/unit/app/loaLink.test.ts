import { describe, expect, it } from 'vitest';
import { isAllowedLoaLink } from '../../../main/core/app/loaLink';

describe('LOA link policy', () => {
  it.each([
    'https://www.twilio.com/console/porting/loa/abc',
    'https://twilio.com/sign?x=1',
    'https://esign.numbers.twilio.com/KW123',
  ])('opens %s', (url) => {
    expect(isAllowedLoaLink(url)).toBe(true);
  });

  it.each([
    ['http://www.twilio.com/sign', 'not https'],
    ['https://twilio.com.evil.example/sign', 'a look-alike host'],
    ['https://eviltwilio.com/sign', 'a host that only ends in twilio.com'],
    ['https://user:pass@www.twilio.com/sign', 'credentials in the URL'],
    ['https://www.twilio.com:8443/sign', 'an unusual port'],
    ['javascript:alert(1)', 'a script URL'],
    ['file:///etc/passwd', 'a file URL'],
    ['not a url', 'garbage'],
    ['http://127.0.0.1:4000/__sim/loa/KW1', 'a loopback page outside demo mode'],
  ])('refuses %s (%s)', (url) => {
    expect(isAllowedLoaLink(url)).toBe(false);
  });

  it('opens the demo simulator’s own LOA page, and only that origin', () => {
    const simulatorOrigin = 'http://127.0.0.1:41234';
    expect(isAllowedLoaLink('http://127.0.0.1:41234/__sim/loa/KW1', { simulatorOrigin })).toBe(
      true,
    );
    expect(isAllowedLoaLink('http://127.0.0.1:41235/__sim/loa/KW1', { simulatorOrigin })).toBe(
      false,
    );
    expect(isAllowedLoaLink('http://localhost:41234/__sim/loa/KW1', { simulatorOrigin })).toBe(
      false,
    );
  });
});

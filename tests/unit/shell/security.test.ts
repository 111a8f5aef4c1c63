import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../main/host/ipc/senderCheck';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  rendererSecurityHeaders,
  withNonceMeta,
} from '../../../main/host/security/contentSecurity';
import { isAllowedExternalUrl } from '../../../main/host/security/externalLinks';
import {
  decideNavigation,
  decideWindowOpen,
  isPermissionGranted,
} from '../../../main/host/security/navigation';
import { webPreferencesFor } from '../../../main/shell/security/webPreferences';

describe('the window’s webPreferences', () => {
  it('are exactly the security checklist, with the preload and no devtools by default', () => {
    expect(webPreferencesFor('/app/out/preload/index.cjs')).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      autoplayPolicy: 'document-user-activation-required',
      spellcheck: false,
      devTools: false,
    });
  });

  it('turn devtools on only when asked (development builds)', () => {
    expect(webPreferencesFor('/p', { devTools: true }).devTools).toBe(true);
  });
});

describe('the Content-Security-Policy', () => {
  it('is this exact string for scripts, styles and images', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; " +
        "media-src 'none'; object-src 'none'; frame-src 'none'; child-src 'none'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it('never allows eval, inline script or remote origins', () => {
    const policy = contentSecurityPolicy('abcdefghijklmnopqrstuvwx');
    expect(policy).not.toMatch(
      /unsafe-eval|unsafe-inline|unsafe-hashes|wasm-unsafe-eval|\*|https?:/,
    );
    expect(policy).toContain("script-src 'self';");
  });

  it('lets a page’s own nonce through for styles only', () => {
    const policy = contentSecurityPolicy('abcdefghijklmnopqrstuvwx');
    expect(policy).toContain("style-src 'self' 'nonce-abcdefghijklmnopqrstuvwx';");
    expect(policy.match(/nonce-/g)).toHaveLength(1);
  });

  it.each(["x' 'unsafe-inline", 'short', 'has space in it!!!!!!!', ''])(
    'refuses a nonce that could smuggle a source (%j)',
    (nonce) => {
      expect(() => contentSecurityPolicy(nonce)).toThrow(/nonce/);
    },
  );

  it('travels with nosniff, no referrer, and isolation headers', () => {
    expect(rendererSecurityHeaders()).toMatchObject({
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
  });

  it('puts the nonce where react-aria reads it, first in <head>', () => {
    expect(withNonceMeta('<html><head><title>x</title></head></html>', 'NONCE')).toBe(
      '<html><head>\n    <meta property="csp-nonce" content="NONCE" /><title>x</title></head></html>',
    );
    expect(() => withNonceMeta('<html></html>', 'NONCE')).toThrow(/<head>/);
  });
});

describe('navigation and new windows', () => {
  const origin = 'app://portdesk';

  it('lets the window move only within our own app:// origin', () => {
    expect(decideNavigation('app://portdesk/index.html', origin)).toEqual({
      allowInWindow: true,
      openExternally: false,
    });
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other/index.html',
      'http://127.0.0.1:8080/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'app://user:pass@portdesk/index.html',
    ]) {
      expect(decideNavigation(url, origin).allowInWindow, url).toBe(false);
    }
  });

  it('sends a Twilio https link to the system browser instead of navigating', () => {
    expect(decideNavigation('https://www.twilio.com/docs/phone-numbers', origin)).toEqual({
      allowInWindow: false,
      openExternally: true,
    });
    expect(decideNavigation('https://evil.example/', origin).openExternally).toBe(false);
  });

  it('never opens a new Electron window, not even for our own origin', () => {
    expect(decideWindowOpen('app://portdesk/index.html')).toEqual({
      allowInWindow: false,
      openExternally: false,
    });
    expect(decideWindowOpen('https://help.twilio.com/articles/1')).toEqual({
      allowInWindow: false,
      openExternally: true,
    });
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'midi',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'hid',
    'serial',
    'usb',
    'display-capture',
    'something-new',
  ])('denies the %s permission', (permission) => {
    expect(isPermissionGranted(permission)).toBe(false);
  });
});

describe('the external link policy (LOA signing link, help links)', () => {
  it.each([
    'https://twilio.com/',
    'https://www.twilio.com/docs/phone-numbers/port-in',
    'https://sign.twilio.com/loa/KW0123?token=abc',
    'https://a.b.twilio.com/x',
    'https://WWW.TWILIO.COM/docs',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://www.twilio.com/'],
    ['another domain', 'https://evil.example/'],
    ['a lookalike suffix', 'https://twilio.com.evil.example/'],
    ['a lookalike prefix', 'https://eviltwilio.com/'],
    ['a homoglyph (punycode)', 'https://twiIio.com/'.replace('I', 'ı')],
    ['a punycode label under twilio.com', 'https://xn--80ak6aa92e.twilio.com/'],
    ['credentials', 'https://user:pass@www.twilio.com/'],
    ['a username only', 'https://www.twilio.com@evil.example/'],
    ['a backslash trick', 'https://evil.example\\@www.twilio.com/'],
    ['an IPv4 host', 'https://1.2.3.4/'],
    ['an IPv6 host', 'https://[::1]/'],
    ['a port', 'https://www.twilio.com:8443/'],
    ['a trailing-dot host', 'https://twilio.com./'],
    ['javascript:', 'javascript:alert(1)//twilio.com'],
    ['file:', 'file:///etc/passwd'],
    ['a data URL', 'data:text/html,twilio.com'],
    ['a space', 'https://www.twilio.com/ x'],
    ['a NUL byte', 'https://www.twilio.com/\u0000'],
    ['a newline', 'https://www.twilio.com/\nx'],
    ['nothing', ''],
    ['not a URL', 'twilio.com'],
    ['a very long URL', `https://www.twilio.com/${'a'.repeat(3000)}`],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('opens the demo simulator’s LOA page only when allowed, and only that path on loopback', () => {
    const loa = `http://127.0.0.1:41234/__sim/loa/KW${'ab'.repeat(16)}`;
    expect(isAllowedExternalUrl(loa)).toBe(false);
    expect(isAllowedExternalUrl(loa, { allowDemoLoaPages: true })).toBe(true);
    for (const url of [
      'http://127.0.0.1:41234/__sim/advance',
      `http://127.0.0.1:41234/__sim/loa/KW${'ab'.repeat(16)}?next=x`,
      `http://localhost:41234/__sim/loa/KW${'ab'.repeat(16)}`,
      `http://10.0.0.1:41234/__sim/loa/KW${'ab'.repeat(16)}`,
      `http://127.0.0.1/__sim/loa/KW${'ab'.repeat(16)}`,
      `http://127.0.0.1:41234/__sim/loa/../../admin`,
    ]) {
      expect(isAllowedExternalUrl(url, { allowDemoLoaPages: true }), url).toBe(false);
    }
  });
});

describe('the IPC sender check', () => {
  const trusted = { webContentsId: 3, origin: 'app://portdesk' };
  const ours = { webContentsId: 3, frameUrl: 'app://portdesk/index.html', isTopFrame: true };

  it('accepts the top frame of our window on our origin', () => {
    expect(isTrustedSender(ours, trusted)).toBe(true);
  });

  it.each([
    ['another webContents', { ...ours, webContentsId: 4 }],
    ['an iframe', { ...ours, isTopFrame: false }],
    ['a frame that is gone', { ...ours, frameUrl: null }],
    ['a remote page', { ...ours, frameUrl: 'https://evil.example/' }],
    ['a file page', { ...ours, frameUrl: 'file:///tmp/x.html' }],
    ['another app host', { ...ours, frameUrl: 'app://evil/index.html' }],
    ['a lookalike host', { ...ours, frameUrl: 'app://portdesk.evil/index.html' }],
    ['credentials in the URL', { ...ours, frameUrl: 'app://x:y@portdesk/index.html' }],
    ['garbage', { ...ours, frameUrl: 'not a url' }],
  ])('refuses %s', (_label, sender) => {
    expect(isTrustedSender(sender, trusted)).toBe(false);
  });

  it('refuses everyone while no window exists', () => {
    expect(isTrustedSender(ours, { ...trusted, webContentsId: null })).toBe(false);
  });
});

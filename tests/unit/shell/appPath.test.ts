import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRendererFile } from '../../../main/host/rendererFiles';
import { resolveAppPath } from '../../../main/host/security/appPath';
import { CONTENT_SECURITY_POLICY } from '../../../main/host/security/contentSecurity';

const root = resolve('/srv/portdesk/out/renderer');

describe('resolveAppPath, the app:// path-traversal guard', () => {
  it.each([
    ['app://portdesk/', 'index.html'],
    ['app://portdesk', 'index.html'],
    ['app://portdesk/index.html', 'index.html'],
    ['app://portdesk/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://portdesk/assets/index-abc.js?v=1#x', 'assets/index-abc.js'],
    ['app://portdesk/assets/a%20b.png', 'assets/a b.png'],
    ['http://127.0.0.1:5173/assets/x.css', 'assets/x.css'],
  ])('maps %s into the renderer folder', (url, inside) => {
    expect(resolveAppPath(root, url)).toBe(join(root, inside));
  });

  it.each([
    ['a parent segment', 'app://portdesk/../secrets.json'],
    ['a parent segment deeper in', 'app://portdesk/assets/../../main/index.js'],
    ['an encoded parent segment', 'app://portdesk/%2e%2e/secrets.json'],
    ['a mixed-encoding parent', 'app://portdesk/.%2E/secrets.json'],
    ['an upper-case encoded parent', 'app://portdesk/%2E%2E/%2E%2E/etc/passwd'],
    ['an encoded slash', 'app://portdesk/assets%2f..%2f..%2fmain.js'],
    ['an encoded backslash', 'app://portdesk/..%5c..%5cmain.js'],
    ['a raw backslash', 'app://portdesk/..\\..\\main.js'],
    ['a NUL byte', 'app://portdesk/index.html%00.png'],
    ['a control character', 'app://portdesk/index%0a.html'],
    ['an absolute path smuggled in', 'app://portdesk//etc/passwd'],
    ['a Windows drive letter', 'app://portdesk/C:/Windows/win.ini'],
    ['an encoded drive letter', 'app://portdesk/C%3a%5cWindows'],
    ['a dot-file', 'app://portdesk/.env'],
    ['a current-directory segment', 'app://portdesk/./index.html'],
    ['an empty segment', 'app://portdesk/assets//x.js'],
    ['a trailing slash', 'app://portdesk/assets/'],
    ['malformed percent-encoding', 'app://portdesk/%E0%A4%A'],
    ['not a URL', '/etc/passwd'],
    ['no path at all after a backslash host', 'app://portdesk\\..\\x'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});

describe('readRendererFile', () => {
  let dir: string;
  let rendererRoot: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'portdesk-renderer-'));
    rendererRoot = join(dir, 'renderer');
    await mkdir(join(rendererRoot, 'assets'), { recursive: true });
    await writeFile(
      join(rendererRoot, 'index.html'),
      '<!doctype html><html><head><title>PortDesk</title></head><body></body></html>',
    );
    await writeFile(join(rendererRoot, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(rendererRoot, 'assets', 'notes.exe'), 'MZ');
    await writeFile(join(dir, 'secret.txt'), 'outside');
    await symlink(join(dir, 'secret.txt'), join(rendererRoot, 'assets', 'link.txt'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves a page with a fresh style nonce in its CSP and its <meta>', async () => {
    const first = await readRendererFile(rendererRoot, 'app://portdesk/');
    const second = await readRendererFile(rendererRoot, 'app://portdesk/index.html');
    expect(first.status).toBe(200);
    const body = String(first.body);
    const nonce = /content="([^"]+)"/.exec(body)?.[1] ?? '';
    expect(first.headers['content-security-policy']).toContain(`'nonce-${nonce}'`);
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(second.headers['content-security-policy']).not.toContain(`'nonce-${nonce}'`);
  });

  it('serves assets with their type and the plain CSP', async () => {
    const file = await readRendererFile(rendererRoot, 'app://portdesk/assets/app.js');
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(file.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(Buffer.from(file.body as Uint8Array).toString()).toBe('console.log(1)');
  });

  it.each([
    ['a missing file', 'app://portdesk/assets/missing.js'],
    ['a type the renderer never ships', 'app://portdesk/assets/notes.exe'],
    ['a symbolic link leading outside', 'app://portdesk/assets/link.txt'],
    ['a traversal', 'app://portdesk/%2e%2e/secret.txt'],
    ['a folder', 'app://portdesk/assets'],
  ])('answers 404 for %s', async (_label, url) => {
    const file = await readRendererFile(rendererRoot, url);
    expect(file.status).toBe(404);
    expect(String(file.body)).toBe('Not found');
  });
});

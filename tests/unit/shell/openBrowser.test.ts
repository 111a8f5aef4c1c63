import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openInBrowser, whyNoWindow } from '../../../main/browserHost/openBrowser';

describe('whyNoWindow: the browser host does not try to open a window it cannot', () => {
  it('says so on Linux without X11 or Wayland', () => {
    expect(whyNoWindow({}, 'linux')).toBe('this session has no display');
    expect(whyNoWindow({ DISPLAY: '' }, 'linux')).toBe('this session has no display');
  });

  it('lets it try where a display exists, and always on macOS and Windows', () => {
    expect(whyNoWindow({ DISPLAY: ':0' }, 'linux')).toBeNull();
    expect(whyNoWindow({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeNull();
    expect(whyNoWindow({}, 'darwin')).toBeNull();
    expect(whyNoWindow({}, 'win32')).toBeNull();
  });
});

describe('openInBrowser reports a window that did not open', () => {
  it('names a missing binary', async () => {
    const window = openInBrowser('http://127.0.0.1:1/#code=x', {
      chromium: '/nonexistent/chromium',
    });
    expect(await window?.failed).toBe('Chromium is not installed');
    await window?.close();
    expect(existsSync(window?.profileDir ?? '/')).toBe(false);
  });

  it('names a browser that stopped at once (no display, sandbox refusal)', async () => {
    const window = openInBrowser('http://127.0.0.1:1/#code=x', { chromium: '/bin/false' });
    expect(await window?.failed).toBe('Chromium stopped at once (exit code 1)');
    await window?.close();
  });
});

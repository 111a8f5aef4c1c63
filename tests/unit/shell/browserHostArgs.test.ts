import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseBrowserHostArgs } from '../../../main/browserHost/runBrowserHost';

describe('npm run start:browser options', () => {
  it('defaults to any port, the desktop app’s data folder, opening Chromium and building', () => {
    expect(parseBrowserHostArgs([])).toEqual({
      port: 0,
      dataDir: defaultDataDir(),
      open: true,
      build: true,
      demo: false,
      keychainService: undefined,
    });
  });

  it('reads every option', () => {
    expect(
      parseBrowserHostArgs([
        '--port',
        '4123',
        '--data-dir',
        '/tmp/pd',
        '--no-open',
        '--no-build',
        '--demo',
        '--keychain-service',
        'PortDesk-dev',
      ]),
    ).toEqual({
      port: 4123,
      dataDir: '/tmp/pd',
      open: false,
      build: false,
      demo: true,
      keychainService: 'PortDesk-dev',
    });
  });

  it.each([
    [['--port', 'eighty'], /--port must be a whole number/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--colour'], /Unknown option '--colour'/],
    [['--help'], /npm run start:browser/],
  ])('refuses %j with a message naming the option', (argv, message) => {
    expect(() => parseBrowserHostArgs(argv)).toThrow(message);
  });

  it('uses Electron’s userData folder for PortDesk on each platform', () => {
    expect(defaultDataDir('darwin')).toMatch(/Library\/Application Support\/PortDesk$/);
    expect(defaultDataDir('linux')).toMatch(/PortDesk$/);
    expect(defaultDataDir('win32')).toMatch(/PortDesk$/);
  });
});

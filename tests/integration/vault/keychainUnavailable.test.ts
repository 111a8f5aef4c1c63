import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildOutcome, ChildReport } from './keychainChild';

const childScript = fileURLToPath(new URL('./keychainChild.ts', import.meta.url));
const secret = `sk-test-${randomUUID()}`;
let scratch = '';

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'portdesk-vault-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A clean environment: no inherited keyring, display or data folders. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...inherited } = process.env;
  return {
    ...inherited,
    PORTDESK_TEST_SERVICE: `PortDesk-test-${randomUUID()}`,
    PORTDESK_TEST_SECRET: secret,
    ...extra,
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env, timeout: 25_000 }, (error, stdout, stderr) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(line) as ChildReport);
      } catch {
        reject(new Error(`the keychain child printed no report (${String(error)}):\n${stderr}`));
      }
    });
  });
}

function expectNoSecret(outcome: ChildOutcome): void {
  expect(outcome.message ?? '').not.toContain(secret);
  expect(outcome.printed ?? '').not.toContain(secret);
}

describe('with no Secret Service on D-Bus', () => {
  let report: ChildReport;
  beforeAll(async () => {
    const env = childEnv({
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(scratch, 'no-such-bus')}`,
      XDG_DATA_HOME: join(scratch, 'data'),
      XDG_RUNTIME_DIR: join(scratch, 'runtime'),
    });
    report = await run(process.execPath, ['--import', 'tsx', childScript], env);
  });

  it('refuses to save with a KeychainUnavailableError that says what to install', () => {
    expect(report.save).toMatchObject({
      ok: false,
      name: 'KeychainUnavailableError',
      isKeychainError: true,
      isUnavailable: true,
      reason: 'unreachable',
    });
    const message = report.save.message ?? '';
    expect(message).toMatch(/^Could not save the credentials\. /);
    expect(message).toContain(
      'PortDesk keeps Twilio credentials in your system keychain, and none answered',
    );
    expect(message).toContain('no Secret Service running');
    expect(message).toContain('gnome-keyring');
    expect(message).toContain('KWallet');
    expect(message).toContain('log in to a desktop session');
    expect(message).toContain('The credentials were not saved anywhere else.');
    // Neither the internal account key nor raw D-Bus text reaches the agent's words…
    expect(message).not.toContain('account-1');
    expect(message).not.toMatch(/dbus|no-such-bus|X11|autolaunch/i);
    // …but the error keeps what D-Bus said, for logs and support.
    expect(report.save.printed).toContain('no-such-bus');
  });

  it('fails reads and deletes the same way instead of answering "nothing stored"', () => {
    for (const outcome of [report.read, report.delete]) {
      expect(outcome).toMatchObject({ ok: false, isUnavailable: true, reason: 'unreachable' });
      expect(outcome.message).toContain('none answered');
    }
  });

  it('reports the keychain as unavailable from probe, with the same advice', () => {
    expect(report.probe.ok).toBe(true);
    const probe = JSON.parse(String(report.probe.value)) as { available: boolean; reason: string };
    expect(probe.available).toBe(false);
    expect(probe.reason).toContain('Install one — GNOME Keyring');
  });

  it('never puts the secret in an error message, stack or printed error', () => {
    for (const outcome of Object.values(report)) expectNoSecret(outcome);
  });
});

describe('with a Secret Service whose keyring was never unlocked', () => {
  let report: ChildReport;
  beforeAll(async () => {
    // A private bus with gnome-keyring started but not unlocked, over an empty data folder: there
    // is no default keyring to write to and no one to answer the unlock prompt.
    const env = childEnv({
      XDG_DATA_HOME: join(scratch, 'locked-data'),
      XDG_RUNTIME_DIR: join(scratch, 'locked-runtime'),
    });
    await mkdir(join(scratch, 'locked-runtime'), { mode: 0o700 });
    report = await run(
      'dbus-run-session',
      [
        '--',
        'sh',
        '-c',
        'gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1; exec "$0" --import tsx "$1"',
        process.execPath,
        childScript,
      ],
      env,
    );
  });

  it('refuses to save with a KeychainUnavailableError that says to unlock the keyring', () => {
    expect(report.save).toMatchObject({
      ok: false,
      name: 'KeychainUnavailableError',
      reason: 'locked',
    });
    expect(report.save.message).toContain('it is locked or has no default keyring');
    expect(report.save.message).toContain('Unlock it');
    expectNoSecret(report.save);
  });

  it('reports the keychain as unavailable from probe although reads succeed', () => {
    expect(report.read).toMatchObject({ ok: true, value: null });
    const probe = JSON.parse(String(report.probe.value)) as { available: boolean; reason: string };
    expect(probe).toMatchObject({ available: false });
    expect(probe.reason).toContain('locked');
  });
});

import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, type PortdeskCore } from '../../../main/core/app';
import { createCoreWithDemo, DEMO_SNAPSHOT_FILE } from '../../../main/demo';
import { fileLogSink } from '../../../main/host/log/fileSink';
import { writeWindowState } from '../../../main/shell/window/windowStateFile';

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

/** Every file and folder under `dir`, with its mode, for a readable failure. */
async function modes(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = { '.': (await modeOf(dir)).toString(8) };
  const walk = async (folder: string, prefix: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const name = `${prefix}${entry.name}`;
      result[name] = (await modeOf(path)).toString(8);
      if (entry.isDirectory()) await walk(path, `${name}/`);
    }
  };
  await walk(dir, '');
  return result;
}

describe('the data folder is private under umask 022 (issue 12 item 2)', () => {
  let parent: string;
  let dataDir: string;
  let core: PortdeskCore | null = null;
  let previousUmask: number;

  beforeEach(async () => {
    previousUmask = process.umask(0o022);
    parent = await mkdtemp(join(tmpdir(), 'portdesk-modes-'));
    dataDir = join(parent, 'PortDesk');
  });

  afterEach(async () => {
    await core?.close();
    core = null;
    process.umask(previousUmask);
    await rm(parent, { recursive: true, force: true });
  });

  const open = () =>
    createCoreWithDemo({
      dataDir,
      host: { openExternal: async () => undefined, writeClipboard: () => undefined },
      keychainService: `PortDeskModes-${process.pid}-${Math.random().toString(16).slice(2)}`,
    });

  it('creates the folder 0700 and every file in it 0600: database, -wal, -shm, demo world, logs, window state', async () => {
    core = await open();
    await core.handlers.startDemo({});
    await core.syncNow();
    const log = fileLogSink(join(dataDir, 'logs'));
    log('started', 'info');
    await writeWindowState(join(dataDir, 'window-state.json'), {
      bounds: { x: 0, y: 0, width: 1200, height: 800 },
      maximized: false,
    });
    // The log stream opens its file on the next turns of the event loop.
    for (let turn = 0; turn < 100 && !(await exists(join(dataDir, 'logs', 'main.log'))); turn++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    // Looked at while the database is open (-wal and -shm exist only then), and after close
    // (the demo world is saved then).
    const whileOpen = await modes(dataDir);
    await core.close();
    core = null;
    const afterClose = await modes(dataDir);
    expect(Object.keys(whileOpen)).toEqual(
      expect.arrayContaining([
        DATABASE_FILE,
        `${DATABASE_FILE}-wal`,
        `${DATABASE_FILE}-shm`,
        'logs/main.log',
        'window-state.json',
      ]),
    );
    expect(Object.keys(afterClose)).toContain(DEMO_SNAPSHOT_FILE);
    for (const [name, mode] of Object.entries({ ...whileOpen, ...afterClose })) {
      const isFolder = name === '.' || name === 'logs' || name === 'bills';
      expect(mode, name).toBe(isFolder ? '700' : '600');
    }
  });

  it('repairs a folder and files an earlier launch left readable by others', async () => {
    core = await open();
    await core.close();
    core = null;
    await mkdir(join(dataDir, 'logs'), { recursive: true });
    await writeFile(join(dataDir, 'logs', 'main.log'), 'old line\n');
    await writeFile(join(dataDir, `${DATABASE_FILE}-wal`), '');
    for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`, 'logs/main.log']) {
      await chmod(join(dataDir, name), 0o644);
    }
    await chmod(join(dataDir, 'logs'), 0o755);
    await chmod(dataDir, 0o755);

    core = await open();
    fileLogSink(join(dataDir, 'logs'));
    expect(await modeOf(dataDir)).toBe(0o700);
    expect(await modeOf(join(dataDir, DATABASE_FILE))).toBe(0o600);
    expect(await modeOf(join(dataDir, `${DATABASE_FILE}-wal`))).toBe(0o600);
    expect(await modeOf(join(dataDir, 'logs'))).toBe(0o700);
    expect(await modeOf(join(dataDir, 'logs', 'main.log'))).toBe(0o600);
  });
});

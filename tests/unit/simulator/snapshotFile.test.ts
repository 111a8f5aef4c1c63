import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  readSnapshotFile,
  startSimulator,
  writeSnapshotFile,
  type RunningSimulator,
  type SimulatorSnapshot,
} from '../../../main/simulator';

let sim: RunningSimulator;
let snapshot: SimulatorSnapshot;
let dir: string;
let file: string;
const logged: string[] = [];
const log = (line: string) => logged.push(line);

beforeAll(async () => {
  sim = await startSimulator({ seed: 'snapshot-file', demo: true });
  snapshot = sim.snapshot();
});
afterAll(() => sim.close());

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portdesk-snapshot-'));
  file = join(dir, 'world.json');
  logged.length = 0;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('snapshot files', () => {
  it('reads back exactly what was written, leaving no temporary file behind', async () => {
    const bytes = await writeSnapshotFile(file, snapshot);
    expect(bytes).toBe((await readFile(file)).byteLength);
    expect(await readSnapshotFile(file, log)).toEqual(snapshot);
    expect(await readdir(dir)).toEqual(['world.json']);
    expect(logged).toEqual([]);
  });

  it('replaces the previous snapshot whole', async () => {
    await writeSnapshotFile(file, { ...snapshot, requests: [] });
    await writeSnapshotFile(file, snapshot);
    expect((await readSnapshotFile(file, log))?.requests).toHaveLength(snapshot.requests.length);
  });

  it('answers null without a word when there is no file yet', async () => {
    expect(await readSnapshotFile(file, log)).toBeNull();
    expect(logged).toEqual([]);
  });

  it('moves a file that is not JSON aside, keeps its bytes, and says so in one line', async () => {
    await writeFile(file, '{"version":1,"requests":[{"sid":"KW');
    expect(await readSnapshotFile(file, log)).toBeNull();
    const names = await readdir(dir);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^world\.json\.bad-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(await readFile(join(dir, names[0] ?? ''), 'utf8')).toBe(
      '{"version":1,"requests":[{"sid":"KW',
    );
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('not JSON');
    expect(logged[0]).toContain(names[0]);
  });

  it('moves aside a snapshot of a version it does not know, naming the version', async () => {
    await writeFile(file, JSON.stringify({ ...snapshot, version: 2 }));
    expect(await readSnapshotFile(file, log)).toBeNull();
    expect(logged).toEqual([expect.stringContaining('unknown snapshot version 2')]);
    expect((await readdir(dir)).some((name) => name.startsWith('world.json.bad-'))).toBe(true);
  });

  it('moves aside a snapshot with a wrong field, naming the field', async () => {
    const broken = structuredClone(snapshot);
    const first = broken.requests[0];
    if (first === undefined) throw new Error('the demo data set has requests');
    (first as { status: string }).status = 'lost';
    await writeFile(file, JSON.stringify(broken));
    expect(await readSnapshotFile(file, log)).toBeNull();
    expect(logged).toEqual([expect.stringContaining('requests[0].status')]);
    expect(await readdir(dir)).not.toContain('world.json');
  });

  it('refuses numbers filed under another request', async () => {
    const broken = structuredClone(snapshot);
    const [first, second] = broken.requests;
    const number = first?.numbers[0];
    if (number === undefined || second === undefined) throw new Error('demo data has numbers');
    number.requestSid = second.sid;
    await writeFile(file, JSON.stringify(broken));
    expect(await readSnapshotFile(file, log)).toBeNull();
    expect(logged).toEqual([expect.stringContaining('requests[0].numbers[0].requestSid')]);
  });
});

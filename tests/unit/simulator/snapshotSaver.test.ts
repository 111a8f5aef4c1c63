import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  keepSnapshotSaved,
  startSimulator,
  type RunningSimulator,
  type SnapshotSaver,
} from '../../../main/simulator';

/** Long enough that the timer never fires during a test: saves happen only through flush. */
const NEVER = 3_600_000;

let sim: RunningSimulator;
let dir: string;
let file: string;
let saver: SnapshotSaver | null = null;
const logged: string[] = [];
let saves = 0;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'snapshot-saver' });
});
afterAll(() => sim.close());

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portdesk-saver-'));
  file = join(dir, 'world.json');
  logged.length = 0;
  saves = 0;
});
afterEach(async () => {
  await saver?.close();
  saver = null;
  await rm(dir, { recursive: true, force: true });
});

function startSaver(target = file): SnapshotSaver {
  saver = keepSnapshotSaved(sim, {
    file: target,
    intervalMs: NEVER,
    log: (line) => logged.push(line),
    onSaved: () => {
      saves += 1;
    },
  });
  return saver;
}

async function savedNow(): Promise<string> {
  return (JSON.parse(await readFile(file, 'utf8')) as { now: number }).now.toString();
}

describe('keeping a snapshot saved', () => {
  it('saves when the world changed and skips the save when it did not', async () => {
    const keeper = startSaver();
    await keeper.flush();
    expect(saves).toBe(1);
    await keeper.flush();
    expect(saves).toBe(1);
    sim.control.scriptNumber('+12125550100', { kind: 'stall' });
    await keeper.flush();
    expect(saves).toBe(2);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { scripts: unknown[] };
    expect(saved.scripts).toContainEqual({
      phoneNumber: '+12125550100',
      outcome: { kind: 'stall' },
    });
  });

  it('saves once more on close, so the clock resumes at the instant it stopped', async () => {
    const keeper = startSaver();
    await keeper.flush();
    const before = await savedNow();
    // Nothing changes but the time.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await keeper.close();
    saver = null;
    expect(saves).toBe(2);
    expect(Number(await savedNow())).toBeGreaterThan(Number(before));
  });

  it('reports a failing save once, keeps trying, and says when it works again', async () => {
    const folder = join(dir, 'later');
    const keeper = startSaver(join(folder, 'world.json'));
    await keeper.flush();
    sim.control.scriptNumber('+12125550101', { kind: 'stall' });
    await keeper.flush();
    expect(saves).toBe(0);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('could not be saved');
    await mkdir(folder);
    await keeper.flush();
    expect(saves).toBe(1);
    expect(logged).toEqual([logged[0], expect.stringContaining('saved again')]);
  });
});

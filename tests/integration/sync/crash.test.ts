import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import { Random } from '../../../main/simulator/random';
import { simRequests } from './syncHarness';

const DRAFTS = 50;
const MAX_KILLS = 14;
const WORKER = fileURLToPath(new URL('./fixtures/crashWorker.ts', import.meta.url));

let sim: RunningSimulator;
let dir: string;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'sync-crash' });
  // Every call takes a little while, so a kill lands mid-flight rather than between calls.
  sim.control.addFault({ kind: 'latency', ms: 12 });
  dir = mkdtempSync(join(tmpdir(), 'portdesk-crash-'));
});

afterAll(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

interface RunEnd {
  killed: boolean;
  code: number | null;
  output: string[];
}

/** Starts the worker; kills it `killAfterMs` after it starts draining (null: let it finish). */
function runWorker(dbFile: string, killAfterMs: number | null): Promise<RunEnd> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', WORKER, dbFile, sim.url, sim.uploadUrl, String(DRAFTS)],
    {
      env: {
        ...process.env,
        CRASH_ACCOUNT_SID: sim.credentials.accountSid,
        CRASH_KEY_SID: sim.credentials.apiKeySid,
        CRASH_KEY_SECRET: sim.credentials.apiKeySecret,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  let killed = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    output.push(line);
    if (line === 'draining' && killAfterMs !== null) {
      setTimeout(() => {
        killed = child.kill('SIGKILL');
      }, killAfterMs);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve({ killed, code, output }));
  });
}

describe('crash safety of the outbox', () => {
  it('killed at random while 50 drafts are sent, it ends with exactly 50 requests and every draft linked', async () => {
    const dbFile = join(dir, 'portdesk.db');
    // Seeded, so a failing run can be replayed with the same kill times.
    const random = new Random('sync-crash-kills');
    let kills = 0;
    let finished: RunEnd | null = null;
    for (let run = 0; run < MAX_KILLS + 5 && finished === null; run += 1) {
      const killAfterMs = kills < MAX_KILLS ? random.int(40, 540) : null;
      const end = await runWorker(dbFile, killAfterMs);
      if (end.killed) {
        kills += 1;
        continue;
      }
      expect(end.code, end.output.join('\n')).toBe(0);
      finished = end;
    }
    expect(finished).not.toBeNull();
    expect(kills).toBeGreaterThan(0);

    const requests = simRequests(sim);
    expect(requests).toHaveLength(DRAFTS);
    const numberSets = requests.map((r) =>
      r.phone_numbers
        .map((n) => n.phone_number)
        .sort()
        .join(','),
    );
    expect(new Set(numberSets).size).toBe(DRAFTS);

    const store = openStore({ file: dbFile });
    try {
      const drafts = store.drafts.list();
      expect(drafts).toHaveLength(DRAFTS);
      const simSids = new Set(requests.map((r) => r.port_in_request_sid));
      for (const draft of drafts) {
        expect(draft.status).toBe('submitted');
        expect(simSids.has(draft.requestSid ?? '')).toBe(true);
        // The request linked to the draft has the draft's numbers.
        const wire = requests.find((r) => r.port_in_request_sid === draft.requestSid);
        const typed = (draft.payload.phoneNumbers as { phoneNumber: string }[])
          .map((n) => n.phoneNumber)
          .sort();
        expect(wire?.phone_numbers.map((n) => n.phone_number).sort()).toEqual(typed);
      }
      expect(new Set(drafts.map((d) => d.requestSid)).size).toBe(DRAFTS);
      const items = store.outbox.list();
      expect(items.every((item) => item.state === 'done')).toBe(true);
      const creates = items.filter((item) => item.kind === 'create_port_in');
      const reconciled = creates.filter(
        (item) => (item.result as { reconciled?: boolean }).reconciled,
      );
      const resent = items.filter((item) => item.attempts > 1);
      console.log(
        `crash test: ${kills} SIGKILLs; ${reconciled.length} creates found by reconciliation, ` +
          `${resent.length} operations sent more than once, ` +
          `${sim.control.state().callLog['POST /v1/Porting/PortIn'] ?? 0} create calls for ${DRAFTS} requests`,
      );
    } finally {
      store.close();
    }
  }, 120_000);
});

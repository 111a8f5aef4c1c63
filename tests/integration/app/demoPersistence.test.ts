import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SNAPSHOT_FILE } from '../../../main/demo/demoMode';
import type { PortdeskCore } from '../../../main/core/app';
import { createCoreWithDemo } from '../../../main/demo';
import { DEMO_CREDENTIALS_FILE } from '../../../main/demo/demoCredentials';
import { createVault } from '../../../main/core/vault';
import type { PortInWire } from '../simulator/harness';
import { RequestListQuerySchema } from '../../../shared/ipc';
import type { AccountView } from '../../../shared/views';
import { minimalPdf } from '../../unit/twilio/documentBytes';

const DAY = 24 * 3_600_000;

async function waitFor<T>(
  probe: () => Promise<T | null | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every byte PortDesk wrote under its data folder. */
async function everythingWritten(dir: string, except: string[] = []): Promise<string> {
  const parts: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && !except.includes(entry.name))
      parts.push((await readFile(join(entry.parentPath, entry.name))).toString('latin1'));
  }
  return parts.join('\n');
}

describe('demo mode across launches on the same data folder', () => {
  let dataDir: string;
  const keychainService = `PortDeskTest-demo-${process.pid}-${Math.random().toString(16).slice(2)}`;
  const opened: string[] = [];
  const warnings: string[] = [];
  const originalWarn = console.warn;
  const cores: PortdeskCore[] = [];
  const accountIds = new Set<string>();

  const launch = async (): Promise<PortdeskCore> => {
    const core = await createCoreWithDemo({
      dataDir,
      host: {
        openExternal: async (url) => {
          opened.push(url);
        },
        writeClipboard: () => undefined,
      },
      keychainService,
      demoAcceleration: 1200,
      syncTiming: { initialSkewMs: 0 },
    });
    cores.push(core);
    await core.start();
    return core;
  };
  const startDemo = async (core: PortdeskCore): Promise<AccountView> => {
    const account = await core.handlers.startDemo({});
    accountIds.add(account.id);
    await core.syncNow(account.id);
    return account;
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'portdesk-demo-'));
    opened.length = 0;
    warnings.length = 0;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    };
  });

  afterEach(async () => {
    for (const core of cores.splice(0)) await core.close();
    const vault = createVault({ service: keychainService });
    for (const id of accountIds) await vault.deleteSecret(id);
    accountIds.clear();
    console.warn = originalWarn;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps a request created in the demo, and the seeded requests do not start over', async () => {
    const first = await launch();
    const account = await startDemo(first);
    const draft = await first.handlers.createDraft({
      accountId: account.id,
      initial: {
        phoneNumbers: [{ phoneNumber: '+14155550123', pin: null }],
        losingCarrier: {
          customerType: 'Business',
          customerName: 'Persistence Inc',
          accountNumber: '123456',
          accountTelephoneNumber: '+14155550100',
          authorizedRepresentative: 'Jane Doe',
          authorizedRepresentativeEmail: 'jane@persistence.example',
          address: {
            street: '1 Main St',
            city: 'Springfield',
            state: 'IL',
            zip: '62701',
            country: 'US',
          },
        },
        targetPortInDate: new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10),
      },
    });
    await first.handlers.attachBill({ draftId: draft.id, name: 'bill.pdf', bytes: minimalPdf() });
    await first.handlers.submitDraft({ draftId: draft.id });
    const requestSid = await waitFor(
      async () => (await first.handlers.getDraft({ draftId: draft.id })).requestSid,
      'the outbox to create the request',
    );
    // 30 simulated minutes of review are 1.5 real seconds at 1200×; the seeded requests in
    // review (created 4 to 25 simulated minutes before the launch) have moved on by then too.
    await waitFor(async () => {
      await first.syncNow(account.id);
      const detail = await first.handlers.getRequestDetail({ sid: requestSid });
      return detail.request.status.canonical === 'waiting_for_signature' ? true : null;
    }, 'the created request to reach Waiting for Signature');
    // Demo credentials live beside the world (0600), never in the keychain.
    const kept = JSON.parse(await readFile(join(dataDir, DEMO_CREDENTIALS_FILE), 'utf8')) as {
      apiKeySecret: string;
    };
    const secret = kept.apiKeySecret;
    expect((await stat(join(dataDir, DEMO_CREDENTIALS_FILE))).mode & 0o777).toBe(0o600);
    expect(await createVault({ service: keychainService }).readSecret(account.id)).toBeNull();
    await first.close();

    const saved = JSON.parse(await readFile(join(dataDir, DEMO_SNAPSHOT_FILE), 'utf8')) as {
      version: number;
      now: number;
      credentials: { apiKeySid: string };
      requests: { sid: string; status: string }[];
    };
    expect(saved.version).toBe(1);
    const savedStatus = new Map(saved.requests.map((request) => [request.sid, request.status]));
    expect(savedStatus.get(requestSid)).toBe('waiting_for_signature');
    expect(secret).toBeTruthy();
    // …and nowhere else: not in the world file, the database or its WAL.
    expect(await everythingWritten(dataDir, [DEMO_CREDENTIALS_FILE])).not.toContain(secret);

    const second = await launch();
    expect((await startDemo(second)).id).toBe(account.id);
    // The world continues: the LOA signs itself two simulated hours after it was generated, which
    // only the restored simulator can do (a fresh one would answer "not found" for this SID).
    await waitFor(async () => {
      await second.syncNow(account.id);
      const detail = await second.handlers.getRequestDetail({ sid: requestSid });
      return detail.request.status.canonical === 'in_progress' ? true : null;
    }, 'the created request to be signed in the second launch');

    // The LOA link leads to this launch's simulator; its Porting API shows the rest of the world
    // (its control API needs the launch's secret, which the core keeps to itself), and its Date
    // header is its simulated clock.
    await second.handlers.openLoaLink({ sid: requestSid });
    const loaUrl = opened.at(-1) ?? '';
    expect(loaUrl).toContain(`/__sim/loa/${requestSid}`);
    const listed = await fetch(
      `${new URL(loaUrl).origin}/v1/Porting/PortIn/PortInRequests?Size=100`,
      {
        headers: {
          authorization: `Basic ${Buffer.from(`${saved.credentials.apiKeySid}:${secret ?? ''}`).toString('base64')}`,
        },
      },
    );
    expect(listed.status).toBe(200);
    const state = {
      now: listed.headers.get('date') ?? '',
      requests: ((await listed.json()) as { port_in_requests: PortInWire[] }).port_in_requests,
    };
    // The clock resumed at the saved instant (the wall clock is far behind it after a 1200× run).
    expect(Date.parse(state.now)).toBeGreaterThanOrEqual(Math.floor(saved.now / 1000) * 1000);
    // Nothing went back to review: the seeded lifecycles continued instead of starting over.
    expect(state.requests).toHaveLength(saved.requests.length);
    for (const request of state.requests) {
      if (savedStatus.get(request.port_in_request_sid) !== 'in_review') {
        expect(request.port_in_request_status, request.port_in_request_sid).not.toBe('In Review');
      }
    }
    const detail = await second.handlers.getRequestDetail({ sid: requestSid });
    const requestStatuses = detail.timeline
      .filter((entry) => entry.kind === 'status_changed' && entry.numberSid === null)
      .map((entry) => entry.detail.toStatus);
    expect(requestStatuses).toEqual(['waiting_for_signature', 'in_progress']);
    expect(warnings).toEqual([]);
  }, 60_000);

  it('starts a fresh demo world over a corrupt save, keeping the bad file aside', async () => {
    await writeFile(join(dataDir, DEMO_SNAPSHOT_FILE), '{"version":1,"requests":[');
    const core = await launch();
    const account = await startDemo(core);
    const list = await core.handlers.listRequests(RequestListQuerySchema.parse({}));
    expect(list.total).toBeGreaterThan(20); // the demo data set, seeded afresh
    expect(account.kind).toBe('simulator');

    const names = await readdir(dataDir);
    const aside = names.filter((name) => name.startsWith(`${DEMO_SNAPSHOT_FILE}.bad-`));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dataDir, aside[0] ?? ''), 'utf8')).toBe('{"version":1,"requests":[');
    expect(warnings).toEqual([expect.stringContaining('not JSON')]);

    await core.close();
    const fresh = JSON.parse(await readFile(join(dataDir, DEMO_SNAPSHOT_FILE), 'utf8')) as {
      requests: unknown[];
    };
    expect(fresh.requests.length).toBe(list.total);
  });
});

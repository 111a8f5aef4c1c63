/**
 * Plumbing for the porting use-case tests: a real SQLite file in a temp folder, the use cases
 * wired to recorders for their events and outbox kicks, a client provider for the real
 * simulator, table snapshots, and small real bills.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { PortInRequest } from '../../../shared/domain/portIn';
import {
  IpcCommandError,
  parseEventPayload,
  type EventMethod,
  type EventPayloadOf,
  type IpcErrorCode,
} from '../../../shared/ipc';
import type { ClientProvider } from '../../../main/core/accounts/clientProvider';
import { toCommandError } from '../../../main/core/app/ipcErrors';
import {
  createPortingUseCases,
  type PortingDeps,
  type PortingUseCases,
} from '../../../main/core/porting';
import { openStore, type Account, type Store } from '../../../main/core/store';
import { PortingClient } from '../../../main/core/twilio';
import type { RunningSimulator } from '../../../main/simulator';

export const DAY = 86_400_000;
/** A Tuesday, so "today + 10 days" is a business day for the target-date rules. */
export const NOW = Date.parse('2026-03-03T15:00:00Z');

export interface RecordedEvent {
  event: EventMethod;
  payload: unknown;
}

export interface Harness {
  store: Store;
  porting: PortingUseCases;
  dataDir: string;
  accountId: string;
  events: RecordedEvent[];
  kicks: { count: number };
  online: { value: boolean };
  clock: { now: number };
  eventsOf<E extends EventMethod>(event: E): EventPayloadOf<E>[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  sim?: RunningSimulator;
  clients?: PortingDeps['clients'];
  deps?: Partial<PortingDeps>;
}

/** A PortingClient for the simulator; backoff sleeps are skipped (faults, not time, are tested). */
export function simulatorClients(
  sim: RunningSimulator,
): ClientProvider & { clients: PortingClient[] } {
  const clients: PortingClient[] = [];
  return {
    clients,
    async clientFor() {
      const client = new PortingClient({
        credentials: {
          username: sim.credentials.apiKeySid,
          password: sim.credentials.apiKeySecret,
        },
        accountSid: sim.credentials.accountSid,
        baseUrl: sim.url,
        uploadBaseUrl: sim.uploadUrl,
        sleep: async () => undefined,
      });
      clients.push(client);
      return client;
    },
    async invalidate() {},
    async closeAll() {
      await Promise.all(clients.map((client) => client.close()));
    },
  };
}

const noClients: PortingDeps['clients'] = {
  clientFor: () => Promise.reject(new Error('these tests never reach Twilio')),
};

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'portdesk-porting-'));
  const store = openStore({ file: join(dataDir, 'portdesk.db') });
  const sim = options.sim;
  const account = store.accounts.insert({
    label: 'Acme ops',
    accountSid: sim?.credentials.accountSid ?? `AC${'a'.repeat(32)}`,
    keySid: sim?.credentials.apiKeySid ?? `SK${'b'.repeat(28)}3f9a`,
    credentialKind: 'api_key',
    kind: sim ? 'simulator' : 'twilio',
    baseUrl: sim?.url ?? 'https://numbers.twilio.com',
    uploadBaseUrl: sim?.uploadUrl ?? 'https://numbers-upload.twilio.com',
  });
  const simClients = sim ? simulatorClients(sim) : null;
  const events: RecordedEvent[] = [];
  const kicks = { count: 0 };
  const online = { value: true };
  const clock = { now: NOW };
  const porting = createPortingUseCases({
    store,
    clients: options.clients ?? simClients ?? noClients,
    dataDir,
    now: () => clock.now,
    kickOutbox: () => {
      kicks.count += 1;
    },
    emit: (event, payload) => {
      // Every event must pass the contract's own schema, as the preload would check it.
      const parsed = parseEventPayload(event, payload);
      expect(parsed.ok, JSON.stringify(parsed.ok ? null : parsed.error)).toBe(true);
      events.push({ event, payload });
    },
    isOnline: () => online.value,
    ...options.deps,
  });
  return {
    store,
    porting,
    dataDir,
    accountId: account.id,
    events,
    kicks,
    online,
    clock,
    eventsOf: <E extends EventMethod>(event: E) =>
      events.filter((e) => e.event === event).map((e) => e.payload as EventPayloadOf<E>),
    async close() {
      await porting.close();
      await simClients?.closeAll();
      store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const TABLES = [
  'accounts',
  'port_in_requests',
  'port_in_numbers',
  'timeline_events',
  'drafts',
  'documents',
  'portability_checks',
  'outbox',
  'outbox_dependencies',
  'settings',
];

/** Every row of every table, read through a second connection, plus the stored bill files. */
export async function snapshot(harness: Harness): Promise<Record<string, unknown>> {
  const db = new Database(harness.store.file, { readonly: true });
  try {
    // Some tables have no rowid: rows are put in a stable order by their content instead.
    const tables = Object.fromEntries(
      TABLES.map((table) => [
        table,
        db
          .prepare(`SELECT * FROM ${table}`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    );
    const bills = await readdir(join(harness.dataDir, 'bills')).catch(() => []);
    return { ...tables, bills: bills.sort() };
  } finally {
    db.close();
  }
}

/** Runs `act`, expects a refusal that answers `code` naming `field`, and that nothing changed. */
export async function expectRefusedWithoutChange(
  harness: Harness,
  act: () => Promise<unknown>,
  expected: { code: IpcErrorCode; field: string | RegExp; message?: RegExp },
): Promise<IpcCommandError> {
  const before = await snapshot(harness);
  const error = await act().then(
    () => {
      throw new Error('expected the use case to refuse');
    },
    (thrown: unknown) => thrown,
  );
  // Use cases throw domain errors; what the agent sees is their mapping at the IPC boundary.
  const refusal = toCommandError(error) as IpcCommandError;
  expect(refusal).toBeInstanceOf(IpcCommandError);
  expect(refusal.code, refusal.message).toBe(expected.code);
  const fields = (refusal.fields ?? []).map((f) => f.field);
  expect(
    fields.some((field) =>
      typeof expected.field === 'string' ? field === expected.field : expected.field.test(field),
    ),
    `fields ${JSON.stringify(fields)} should name ${String(expected.field)}`,
  ).toBe(true);
  for (const field of refusal.fields ?? []) expect(field.message.length).toBeGreaterThan(5);
  if (expected.message) expect(refusal.message).toMatch(expected.message);
  expect(await snapshot(harness)).toEqual(before);
  return refusal;
}

/** A second Twilio account ("Beta porting"), for moving drafts between accounts. */
export function addSecondAccount(harness: Harness): Account {
  return harness.store.accounts.insert({
    label: 'Beta porting',
    accountSid: `AC${'c'.repeat(32)}`,
    keySid: `SK${'d'.repeat(32)}`,
    credentialKind: 'api_key',
    kind: 'twilio',
    baseUrl: 'https://numbers.twilio.com',
    uploadBaseUrl: 'https://numbers-upload.twilio.com',
  });
}

/** A complete, valid wizard form (numbers are the simulator's LOCAL ones). */
export function completeForm(numbers = ['+13125550101', '+13125550102']) {
  return {
    phoneNumbers: numbers.map((phoneNumber) => ({ phoneNumber, pin: null })),
    losingCarrier: {
      customerType: 'Business' as const,
      customerName: 'Acme Inc',
      accountNumber: '123456',
      accountTelephoneNumber: '+13125550100',
      authorizedRepresentative: 'Jane Doe',
      authorizedRepresentativeEmail: 'jane@acme.example',
      address: {
        street: '1 Main St',
        street2: '',
        city: 'Springfield',
        state: 'IL',
        zip: '62701',
        country: 'US',
      },
    },
    notificationEmails: ['ops@acme.example'],
    targetPortInDate: '2026-03-17',
    targetPortInTimeRangeStart: null,
    targetPortInTimeRangeEnd: null,
  };
}

export function storeFetchedRequest(
  harness: Harness,
  request: PortInRequest,
  observedAt = NOW,
): void {
  harness.store.requests.saveFetchedRequest(
    harness.accountId,
    request,
    new Date(observedAt).toISOString(),
  );
}

/**
 * Plumbing for the sync engine's integration tests: a real SQLite file in a temp folder, the
 * real simulator, a ClientProvider pointing at it, and outbox items queued the way the porting
 * use cases queue them (payloads from main/core/sync/outboxPayloads.ts).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { ClientProvider } from '../../../main/core/accounts/clientProvider';
import { openStore, type JsonObject, type Store } from '../../../main/core/store';
import type { CreatePortInPayload } from '../../../main/core/sync/outboxPayloads';
import {
  createSyncEngine,
  type SyncEngine,
  type SyncEngineOptions,
} from '../../../main/core/sync/engine';
import { PortingClient, type PortingClientOptions } from '../../../main/core/twilio';
import type { RunningSimulator } from '../../../main/simulator';
import type { z } from 'zod';
import { minimalPdf } from '../../unit/twilio/documentBytes';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface TempStore {
  store: Store;
  dir: string;
  file: string;
  close(): void;
}

export function openTempStore(prefix = 'portdesk-sync-'): TempStore {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'portdesk.db');
  const store = openStore({ file });
  return {
    store,
    dir,
    file,
    close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function addSimulatorAccount(
  store: Store,
  sim: RunningSimulator,
  label = 'Simulator',
): string {
  return store.accounts.insert({
    label,
    accountSid: sim.credentials.accountSid,
    keySid: sim.credentials.apiKeySid,
    credentialKind: 'api_key',
    kind: 'simulator',
    baseUrl: sim.url,
    uploadBaseUrl: sim.uploadUrl,
  }).id;
}

/**
 * A ClientProvider over one PortingClient pointed at the simulator. The client's backoff sleeps
 * are shortened (the retry decisions are unchanged) so fault tests do not wait for real. Given a
 * function, it follows the simulator it returns: a new client when its URL changes (as demo mode
 * does when the simulator comes back on another port).
 */
export function simulatorClients(
  target: RunningSimulator | (() => RunningSimulator),
  overrides: Partial<PortingClientOptions> = {},
): ClientProvider {
  const current = typeof target === 'function' ? target : () => target;
  let built: { url: string; client: PortingClient } | null = null;
  const provider: ClientProvider = {
    async clientFor() {
      const sim = current();
      if (built?.url !== sim.url) {
        await built?.client.close();
        built = {
          url: sim.url,
          client: new PortingClient({
            credentials: {
              username: sim.credentials.apiKeySid,
              password: sim.credentials.apiKeySecret,
            },
            accountSid: sim.credentials.accountSid,
            baseUrl: sim.url,
            uploadBaseUrl: sim.uploadUrl,
            sleep: (ms, signal) => delay(Math.min(ms, 25), undefined, { signal }),
            ...overrides,
          }),
        };
      }
      return built.client;
    },
    async invalidate() {
      const old = built;
      built = null;
      await old?.client.close();
    },
    async closeAll() {
      await provider.invalidate('');
    },
  };
  return provider;
}

export function engineFor(
  store: Store,
  clients: ClientProvider,
  options: Partial<SyncEngineOptions> = {},
): SyncEngine {
  return createSyncEngine({
    store,
    clients,
    settings: () => ({ syncCadenceMinutes: 5 }),
    readDocumentBytes: async (path) => new Uint8Array(await readFile(path)),
    onError: (error) => {
      throw error;
    },
    ...options,
  });
}

/** A settable clock for the engine (the simulator keeps its own). */
export function manualClock(start = Date.now()): {
  now: () => number;
  advance: (ms: number) => void;
} {
  let at = start;
  return { now: () => at, advance: (ms) => (at += ms) };
}

export interface QueuedSubmission {
  draftId: number;
  documentId: number;
  uploadItemId: number;
  createItemId: number;
}

export interface SubmissionInput {
  numbers: string[];
  customerName: string;
  /** Text inside the bill PDF: different text, different document. */
  billText?: string;
  overrides?: Partial<z.input<typeof CreatePortInPayload>>;
}

/** What the porting use case's submit does: draft → queued, bill upload → create, in one go. */
export function queueSubmission(
  store: Store,
  accountId: string,
  folder: string,
  input: SubmissionInput,
): QueuedSubmission {
  const bytes = minimalPdf(input.billText ?? `Bill of ${input.customerName}`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const localPath = join(folder, `${sha256}.pdf`);
  writeFileSync(localPath, bytes);
  return store.transaction(() => {
    const { document } = store.documents.add({
      accountId,
      sha256,
      fileName: 'bill.pdf',
      mimeType: 'application/pdf',
      sizeBytes: bytes.byteLength,
      localPath,
    });
    const losingCarrier = {
      customerType: 'Business' as const,
      customerName: input.customerName,
      accountNumber: '123456',
      accountTelephoneNumber: input.numbers[0] ?? null,
      authorizedRepresentative: 'Jane Doe',
      authorizedRepresentativeEmail: 'jane@example.com',
      addressSid: null,
      address: {
        street: '1 Main St',
        street2: null,
        city: 'Springfield',
        state: 'IL',
        zip: '62701',
        country: 'US',
      },
    };
    const draft = store.drafts.create({
      accountId,
      payload: {
        accountId,
        phoneNumbers: input.numbers.map((phoneNumber) => ({ phoneNumber, pin: null })),
        losingCarrier,
        billDocumentId: document.id,
      },
    });
    store.drafts.update(draft.id, { status: 'queued' });
    const upload = store.outbox.enqueue({
      accountId,
      kind: 'upload_document',
      payload: { documentId: document.id },
      draftId: draft.id,
    });
    const payload: z.input<typeof CreatePortInPayload> = {
      draftId: draft.id,
      documentIds: [document.id],
      phoneNumbers: input.numbers.map((phoneNumber) => ({ phoneNumber, pin: null })),
      losingCarrier,
      notificationEmails: null,
      targetPortInDate: null,
      firstSentAt: null,
      ...input.overrides,
    };
    const create = store.outbox.enqueue({
      accountId,
      kind: 'create_port_in',
      payload: JSON.parse(JSON.stringify(payload)) as JsonObject,
      dependsOn: [upload.id],
      draftId: draft.id,
    });
    return {
      draftId: draft.id,
      documentId: document.id,
      uploadItemId: upload.id,
      createItemId: create.id,
    };
  });
}

/** Fictional-area-code numbers (555), never used by the simulator's seeding. */
export function testNumber(index: number): string {
  return `+1555${String(2_000_000 + index).padStart(7, '0')}`;
}

/** The simulator's wire objects, typed just enough for comparisons. */
export interface WirePortIn {
  port_in_request_sid: string;
  port_in_request_status: string;
  signature_request_url: string | null;
  date_created: string;
  losing_carrier_information: { customer_name: string };
  phone_numbers: {
    port_in_phone_number_sid: string;
    phone_number: string;
    port_in_phone_number_status: string;
    port_date: string | null;
    rejection_reason_code: string | null;
  }[];
}

export function simRequests(sim: RunningSimulator): WirePortIn[] {
  return sim.control.state().requests as WirePortIn[];
}

/**
 * The simulator's public types, in one module that imports only leaf modules' types, so every
 * other simulator module can depend on it without an import cycle. Other parts of PortDesk
 * (tests, demo mode, benches) code against these, so changes here must stay backwards compatible.
 */
import type { QueuedEvent } from './eventQueue';
import type { SigningRequestConfig, SimDocument, SimRequest, WebhookConfig } from './model';
import type { RandomState } from './random';

export interface SimulatorCredentials {
  accountSid: string;
  authToken: string;
  apiKeySid: string;
  apiKeySecret: string;
}

/**
 * How status strings are spelled on the wire (Twilio's spec does not pin them down, PORTING-API
 * §6.1). `twilio` is the default: title case ("In Review") for requests and for the numbers
 * embedded in a PortIn, snake case ("in_review") on the PhoneNumber resource — as the spec's
 * examples do. `snake` and `title` force one spelling everywhere, to test a client's tolerance.
 */
export type StatusSpelling = 'twilio' | 'snake' | 'title';

export interface SimulatorOptions {
  /** API listener; 0 = any free port (default 0). */
  port?: number;
  /** Documents upload listener (stands in for numbers-upload.twilio.com); default 0. */
  uploadPort?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Simulated ms per real ms; default 1. */
  accelerate?: number;
  /** Seeds the PRNG used for SIDs, demo data and random faults (deterministic runs). */
  seed?: string | number;
  /** Seed requests in every status and auto-sign LOAs so a demo progresses by itself. */
  demo?: boolean;
  /**
   * Simulated ms after which a generated LOA signs itself; null = only through the control API or
   * the LOA page. Default null, or DEMO_AUTO_SIGN_AFTER_MS in demo mode.
   */
  autoSignAfterMs?: number | null;
  credentials?: Partial<SimulatorCredentials>;
  /** Default 'twilio'; see StatusSpelling. */
  statusSpelling?: StatusSpelling;
  /** Receives one human-readable line per API call (the CLI prints them). Default: silent. */
  log?: (line: string) => void;
  /**
   * Continue a saved world (from `RunningSimulator.snapshot()` or `readSnapshotFile`) instead of
   * starting an empty one: its requests, documents, scripts, pending lifecycle steps, ID streams
   * and seed come back, and the simulated clock resumes at the snapshot's `now`. `demo` then
   * seeds nothing (the demo data is already in the world). Secrets come from `credentials` or
   * the seed; untrusted data goes through `parseSnapshot` first.
   */
  restore?: SimulatorSnapshot;
  /**
   * Serve /__sim/ to anyone, as before issue 12: no secret, any Host, Origin and content type.
   * Only for exploring with curl (`npm run simulator -- --open-control`); any web page the user
   * opens can then drive the simulator. Default false: see `RunningSimulator.controlSecret`.
   */
  openControl?: boolean;
}

/** What a scripted number does when the losing carrier answers. */
export type NumberOutcome =
  | { kind: 'complete' }
  | { kind: 'reject'; code: number }
  | { kind: 'move_port_date'; toDaysLater: number }
  | { kind: 'stall' };

/**
 * What the losing carrier has on file for one number (docs/simulator.md, "Carrier records"). A
 * request that differs on a recorded field is rejected with that field's code; fields left out
 * are not checked. Case and spacing are forgiven, nothing else.
 */
export interface CarrierRecord {
  /** 22153 INVALID_END_USER_NAME when `customer_name` differs. */
  customerName?: string;
  /** 22154 INVALID_ADDRESS when the service address differs (street, city, state, 5-digit ZIP). */
  address?: { street: string; city: string; state: string; zip: string };
  /** 22155 INVALID_PIN when the number's `pin` differs. */
  pin?: string;
  /** 22156 INVALID_ACCOUNT_NUMBER when `account_number` differs. */
  accountNumber?: string;
  /** 22158 PORT_DATE_REJECTED when `target_port_in_date` is this date (null: none given). */
  refusedPortInDate?: string | null;
}

export interface FaultMatch {
  method?: string;
  /** A path prefix, or the source of a RegExp tested against the path. */
  path?: string;
}

interface FaultTrigger {
  /** Probability 0..1 per matching call, drawn from the seeded PRNG. */
  rate?: number;
  /** Applies to the next N matching calls, then retires. */
  count?: number;
  match?: FaultMatch;
}

export type Fault = FaultTrigger &
  (
    | { kind: 'latency'; ms: number }
    | { kind: 'status'; status: 429 | 500 | 503; retryAfterSeconds?: number }
    | { kind: 'reset'; phase?: 'before' | 'after' }
    | { kind: 'malformed'; phase?: 'before' | 'after' }
  );

export interface ActiveFault {
  id: string;
  fault: Fault;
  /** Calls left for a `count` fault; null when unlimited. */
  remaining: number | null;
  /** How many times it fired. */
  fired: number;
}

export interface SeedOptions {
  /** Add the demo data set (~24 requests in every status). */
  demo?: boolean;
  /** Add this many generic requests, their statuses spread over every status. */
  requests?: number;
  /** Numbers per generic request (default 3). */
  numbersPerRequest?: number;
  /** E.164 numbers already in another Twilio account (portability 22132). */
  inTwilio?: string[];
}

export interface SeedResult {
  requestSids: string[];
}

export interface SimulatorState {
  now: string;
  /** Full PortIn wire objects, oldest first. */
  requests: unknown[];
  documents: {
    sid: string;
    document_type: string;
    friendly_name: string | null;
    mime_type: string;
    size: number;
    date_created: string;
  }[];
  faults: ActiveFault[];
  inTwilio: string[];
  /** What the losing carrier has on file, per number (see CarrierRecord). */
  carrierRecords: ({ phoneNumber: string } & CarrierRecord)[];
  /** Calls per "METHOD /route/{Template}", e.g. "POST /v1/Porting/PortIn". */
  callLog: Record<string, number>;
}

/** In-process twin of the HTTP control API under /__sim/. */
export interface SimulatorControl {
  state(): SimulatorState;
  advance(ms: number): { now: string };
  setAcceleration(factor: number): { now: string; factor: number };
  signLoa(requestSid: string): void;
  expireLoa(requestSid: string): void;
  scriptNumber(e164: string, outcome?: NumberOutcome): void;
  /** Sets (replaces) what the carrier has on file for a number; null forgets it. */
  setCarrierRecord(e164: string, record: CarrierRecord | null): void;
  addFault(fault: Fault): { id: string };
  removeFault(id: string): void;
  clearFaults(): void;
  seed(options: SeedOptions): SeedResult;
  setStatusSpelling(spelling: StatusSpelling): void;
  reset(): void;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:41234 (stands in for https://numbers.twilio.com). */
  url: string;
  /** e.g. http://127.0.0.1:41235 (stands in for https://numbers-upload.twilio.com). */
  uploadUrl: string;
  credentials: SimulatorCredentials;
  /**
   * This launch's secret for the HTTP control API: send it in the `x-portdesk-sim-control`
   * header (`controlClient(sim)` does). Random per start, never saved, not derived from the seed;
   * null when started with `openControl`. The in-process `control` needs none.
   */
  controlSecret: string | null;
  control: SimulatorControl;
  /** The whole world as plain data (catches up the lifecycle first); works after close too. */
  snapshot(): SimulatorSnapshot;
  /** Increases whenever the world changes (a changing call or a lifecycle step). */
  revision(): number;
  close(): Promise<void>;
}

/** Plain data (no closures), so pending steps can be saved in a snapshot and restored. */
export type LifecycleEvent =
  | { kind: 'review'; requestSid: string }
  | { kind: 'autoSign'; requestSid: string }
  | { kind: 'expire'; requestSid: string }
  | { kind: 'submit'; requestSid: string }
  | { kind: 'carrierResponse'; requestSid: string }
  | { kind: 'movePortDate'; requestSid: string; numberSid: string; days: number }
  | { kind: 'portDate'; requestSid: string }
  | { kind: 'customerCancel'; requestSid: string }
  | { kind: 'cancelDone'; requestSid: string; numberSid: string | null };

export const SNAPSHOT_VERSION = 1;

/** A request as a snapshot keeps it: the record without its derived indexes and caches. */
export type SnapshotRequest = Omit<SimRequest, 'numbersBySid' | 'wireCache'>;

/**
 * Everything a simulator knows about its world, as plain JSON-able data: enough for a new
 * simulator to continue exactly where this one stopped (docs/simulator.md, "Snapshots").
 * Faults, the call log, the status spelling and the clock's acceleration are not part of it:
 * they belong to one run (a test's injections, a launch option), not to the world.
 */
export interface SimulatorSnapshot {
  version: typeof SNAPSHOT_VERSION;
  /** Real time the snapshot was taken, for people reading the file. */
  savedAt: string;
  /** The seed text; later `seed()` calls, fault draws and underived credentials come from it. */
  seed: string;
  /** Simulated epoch ms when the snapshot was taken: a restored clock resumes here. */
  now: number;
  /**
   * The identifiers only. The auth token and API key secret are never written: a restore takes
   * them from `options.credentials` or derives them from the seed, as the first start did.
   */
  credentials: { accountSid: string; apiKeySid: string };
  /** Where the SID stream and the support-ticket counter stopped, so new SIDs never repeat. */
  ids: { sidRandom: RandomState; supportTicket: number; seedCalls: number };
  /** In creation order (oldest first). */
  requests: SnapshotRequest[];
  documents: SimDocument[];
  scripts: { phoneNumber: string; outcome: NumberOutcome }[];
  /** Absent in snapshots written before carrier records existed (read as none). */
  carrierRecords?: { phoneNumber: string; record: CarrierRecord }[];
  ownedNumbers: string[];
  inTwilio: string[];
  webhook: WebhookConfig | null;
  signingConfigs: SigningRequestConfig[];
  /** Pending lifecycle steps with their simulated times, earliest first. */
  events: QueuedEvent<LifecycleEvent>[];
  nextEventSeq: number;
}

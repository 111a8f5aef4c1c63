import { randomBytes } from 'node:crypto';
import type {
  SimulatorCredentials,
  SimulatorOptions,
  SimulatorSnapshot,
  StatusSpelling,
} from './api';
import { SimulatedClock } from './clock';
import type { ValidPortInCreate } from './createValidation';
import { FaultRegistry } from './faults';
import { Lifecycle } from './lifecycle';
import type { SimNumber, SimRequest } from './model';
import { evaluatePortability } from './portability';
import { Random } from './random';
import { newSid, type SidPrefix } from './sids';
import { captureSnapshot, relinkLoaPages, restoreWorld } from './snapshot';
import { SimStore } from './store';
import { DEMO_AUTO_SIGN_AFTER_MS } from './timings';
import type { WireContext } from './wire';

export interface CreateOptions {
  /** Overrides the server-wide auto-sign delay for this request (seeding uses it). */
  autoSignAfterMs?: number | null;
}

/**
 * Everything one simulator instance owns; the HTTP layers and the control API share it. Its own
 * changing fields are private: other modules change them through its methods, so every change
 * keeps what depends on it (caches, links) in step.
 */
export class SimulatorCore {
  readonly store = new SimStore();
  readonly clock: SimulatedClock;
  readonly lifecycle: Lifecycle;
  readonly faults: FaultRegistry;
  readonly credentials: SimulatorCredentials;
  readonly seedText: string;
  private readonly autoSignAfterMs: number | null;
  private statusSpelling: StatusSpelling;
  private apiOrigin = 'http://127.0.0.1';
  private uploadOrigin = 'http://127.0.0.1';
  /** How many `seed()` calls this world has seen; each call draws from its own stream. */
  private seedCalls = 0;
  /** Separate streams, so fault draws never shift the SIDs or the demo data of a seeded run. */
  private readonly sidRandom: Random;
  private supportTicket: number;
  /** Changes made by calls (see touch); the lifecycle counts its own steps. */
  private changes = 0;

  constructor(options: SimulatorOptions) {
    const restore = options.restore;
    // A restored world keeps its own seed: later seed() calls must not repeat its data.
    this.seedText =
      restore?.seed ??
      (options.seed === undefined ? randomBytes(8).toString('hex') : String(options.seed));
    this.sidRandom = restore
      ? Random.fromState(restore.ids.sidRandom)
      : new Random(`${this.seedText}:sids`);
    this.faults = new FaultRegistry(new Random(`${this.seedText}:faults`));
    this.credentials = defaultCredentials(
      new Random(`${this.seedText}:credentials`),
      options.credentials,
      restore?.credentials,
    );
    this.clock = new SimulatedClock(options.accelerate ?? 1, undefined, restore?.now);
    this.statusSpelling = options.statusSpelling ?? 'twilio';
    this.autoSignAfterMs =
      options.autoSignAfterMs !== undefined
        ? options.autoSignAfterMs
        : options.demo === true
          ? DEMO_AUTO_SIGN_AFTER_MS
          : null;
    this.supportTicket = restore?.ids.supportTicket ?? this.sidRandom.int(100_000, 400_000);
    this.seedCalls = restore?.ids.seedCalls ?? 0;
    this.lifecycle = new Lifecycle(
      this.store,
      this.clock,
      (sid) => `${this.apiOrigin}/__sim/loa/${sid}`,
    );
    if (restore) restoreWorld(this.store, this.lifecycle, restore);
  }

  /** The API listener's origin (stands in for https://numbers.twilio.com). */
  get baseUrl(): string {
    return this.apiOrigin;
  }

  /** The Documents listener's origin (stands in for https://numbers-upload.twilio.com). */
  get uploadUrl(): string {
    return this.uploadOrigin;
  }

  get spelling(): StatusSpelling {
    return this.statusSpelling;
  }

  /** Once the listeners are bound: LOA links already in the world follow the API's new origin. */
  listeningAt(apiOrigin: string, uploadOrigin: string): void {
    this.apiOrigin = apiOrigin;
    this.uploadOrigin = uploadOrigin;
    relinkLoaPages(this.store, apiOrigin);
  }

  /** Counts a `seed()` call and answers its number, which picks the call's random stream. */
  nextSeedCall(): number {
    this.seedCalls += 1;
    return this.seedCalls;
  }

  /** The whole world as plain data, after the lifecycle caught up with the clock. */
  snapshot(): SimulatorSnapshot {
    this.lifecycle.catchUp();
    return captureSnapshot({
      store: this.store,
      lifecycle: this.lifecycle,
      now: this.clock.now(),
      seed: this.seedText,
      credentials: {
        accountSid: this.credentials.accountSid,
        apiKeySid: this.credentials.apiKeySid,
      },
      ids: this.idState(),
    });
  }

  /**
   * Increases whenever the world changes: a call that changed something (touch) or a lifecycle
   * step. Whoever saves snapshots compares it with the revision of the last save.
   */
  get revision(): number {
    return this.changes + this.lifecycle.stepsTaken;
  }

  /** Marks the world as changed by a call (a create, a cancel, an upload, a control command). */
  touch(): void {
    this.changes += 1;
  }

  /** Where the ID streams stand, for a snapshot. */
  private idState(): SimulatorSnapshot['ids'] {
    return {
      sidRandom: this.sidRandom.state(),
      supportTicket: this.supportTicket,
      seedCalls: this.seedCalls,
    };
  }

  wire(): WireContext {
    return { baseUrl: this.apiOrigin, spelling: this.statusSpelling };
  }

  newSid(prefix: SidPrefix): string {
    return newSid(prefix, this.sidRandom);
  }

  /** Builds a request from a validated body, stores it and starts its review at `at`. */
  createRequest(input: ValidPortInCreate, at: number, options: CreateOptions = {}): SimRequest {
    const request = this.buildRequest(input, at, options);
    this.store.addRequests([request]);
    this.lifecycle.admit(request, at);
    return request;
  }

  /** Same as createRequest for many at once (one index rebuild for the whole batch). */
  createRequests(
    batch: readonly { input: ValidPortInCreate; at: number; options?: CreateOptions }[],
  ): SimRequest[] {
    const requests = batch.map(({ input, at, options }) => this.buildRequest(input, at, options));
    this.store.addRequests(requests);
    requests.forEach((request, index) => this.lifecycle.admit(request, batch[index]?.at ?? 0));
    return requests;
  }

  setSpelling(spelling: StatusSpelling): void {
    this.statusSpelling = spelling;
    for (const request of this.store.allRequests()) request.wireCache = null;
  }

  private buildRequest(
    input: ValidPortInCreate,
    at: number,
    options: CreateOptions = {},
  ): SimRequest {
    const sid = this.newSid('KW');
    const accountSid = this.credentials.accountSid;
    const numbers: SimNumber[] = input.numbers.map(({ number, pin }) => {
      const verdict = evaluatePortability(number.e164, this.store, accountSid);
      const isMobile = number.numberType === 'MOBILE';
      return {
        sid: this.newSid('PU'),
        requestSid: sid,
        phoneNumber: number.e164,
        status: 'in_review',
        statusUpdatedAt: at,
        dateCreated: at,
        portable: verdict.portable,
        notPortableReason: verdict.notPortableReason,
        notPortableReasonCode: verdict.notPortableReasonCode,
        numberType: number.numberType,
        country: number.country,
        pin,
        missingRequiredFields:
          isMobile && (pin === null || input.losingCarrier.account_number === undefined),
        rejectionReason: null,
        rejectionReasonCode: null,
        portDate: null,
      };
    });
    this.supportTicket += this.sidRandom.int(1, 40);
    return {
      sid,
      accountSid,
      status: 'in_review',
      statusUpdatedAt: at,
      dateCreated: at,
      losingCarrier: input.losingCarrier,
      notificationEmails: input.notificationEmails,
      targetPortInDate: input.targetPortInDate,
      targetTimeRangeStart: input.targetTimeRangeStart,
      targetTimeRangeEnd: input.targetTimeRangeEnd,
      documents: input.documents,
      bundleSid: input.bundleSid,
      portabilityAdvanceCarrier: input.portabilityAdvanceCarrier,
      autoCancelApprovalNumbers: input.autoCancelApprovalNumbers,
      supportTicketId: this.supportTicket,
      signatureRequestUrl: null,
      orderCancellationReason: null,
      numbers,
      numbersBySid: new Map(numbers.map((number) => [number.sid, number])),
      loaGeneratedAt: null,
      signedAt: null,
      carrierAnsweredAt: null,
      autoSignAfterMs:
        options.autoSignAfterMs !== undefined ? options.autoSignAfterMs : this.autoSignAfterMs,
      cancelRequested: false,
      wireCache: null,
    };
  }
}

/**
 * Given credentials first, then a restored snapshot's identifiers, then values derived from the
 * seed. All four are always drawn, so a derived secret is the same whichever others were given:
 * a restored world (whose file holds no secret) gets back the secrets its first start derived.
 */
function defaultCredentials(
  random: Random,
  given: Partial<SimulatorCredentials> | undefined,
  restored: SimulatorSnapshot['credentials'] | undefined,
): SimulatorCredentials {
  const derived: SimulatorCredentials = {
    accountSid: newSid('AC', random),
    authToken: random.hex(32),
    apiKeySid: newSid('SK', random),
    apiKeySecret: random.alphanumeric(32),
  };
  return {
    accountSid: given?.accountSid ?? restored?.accountSid ?? derived.accountSid,
    authToken: given?.authToken ?? derived.authToken,
    apiKeySid: given?.apiKeySid ?? restored?.apiKeySid ?? derived.apiKeySid,
    apiKeySecret: given?.apiKeySecret ?? derived.apiKeySecret,
  };
}

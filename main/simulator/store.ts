import { isTerminalNumberStatus } from '../../shared/domain';
import type {
  SigningRequestConfig,
  SimDocument,
  SimNumber,
  SimRequest,
  WebhookConfig,
} from './model';
import type { CarrierRecord, NumberOutcome } from './api';

/**
 * Everything the simulator knows, in memory. Requests are kept sorted by creation time (oldest
 * first) with a position index, so a list page costs O(page size), not O(all requests).
 */
export class SimStore {
  private ordered: SimRequest[] = [];
  private positions = new Map<string, number>();
  private bySid = new Map<string, SimRequest>();
  /** E.164 → the non-terminal number that holds it (for 22137 / 22136). */
  private openNumbers = new Map<string, SimNumber>();
  /** Numbers ported into the account (portability 22131). */
  readonly ownedNumbers = new Set<string>();
  /** Numbers in another Twilio account (portability 22132). */
  readonly inTwilio = new Set<string>();
  readonly documents = new Map<string, SimDocument>();
  readonly scripts = new Map<string, NumberOutcome>();
  /** E.164 → what the losing carrier has on file (carrierRecords.ts). */
  readonly carrierRecords = new Map<string, CarrierRecord>();
  webhook: WebhookConfig | null = null;
  signingConfigs: SigningRequestConfig[] = [];
  readonly callLog = new Map<string, number>();

  get requestCount(): number {
    return this.ordered.length;
  }

  request(sid: string): SimRequest | undefined {
    return this.bySid.get(sid);
  }

  position(sid: string): number | undefined {
    return this.positions.get(sid);
  }

  requestAt(position: number): SimRequest | undefined {
    return this.ordered[position];
  }

  allRequests(): readonly SimRequest[] {
    return this.ordered;
  }

  /** Adds requests, keeping creation order; seeding may add requests dated in the past. */
  addRequests(requests: readonly SimRequest[]): void {
    if (requests.length === 0) return;
    const last = this.ordered.at(-1);
    const sorted = [...requests].sort((a, b) => a.dateCreated - b.dateCreated);
    const first = sorted[0];
    if (last === undefined || (first !== undefined && first.dateCreated >= last.dateCreated)) {
      for (const request of sorted) this.append(request);
      return;
    }
    // Stable merge, then rebuild the index once.
    this.ordered = [...this.ordered, ...sorted].sort((a, b) => a.dateCreated - b.dateCreated);
    this.positions.clear();
    this.ordered.forEach((request, index) => this.positions.set(request.sid, index));
    for (const request of sorted) this.index(request);
  }

  openNumber(e164: string): SimNumber | undefined {
    return this.openNumbers.get(e164);
  }

  /** Keeps the open-number index and the owned set in step with a number's status. */
  numberStatusChanged(number: SimNumber): void {
    if (isTerminalNumberStatus(number.status)) {
      if (this.openNumbers.get(number.phoneNumber) === number) {
        this.openNumbers.delete(number.phoneNumber);
      }
      if (number.status === 'completed') this.ownedNumbers.add(number.phoneNumber);
    } else {
      this.openNumbers.set(number.phoneNumber, number);
    }
  }

  bumpCallLog(key: string): void {
    this.callLog.set(key, (this.callLog.get(key) ?? 0) + 1);
  }

  clear(): void {
    this.ordered = [];
    this.positions.clear();
    this.bySid.clear();
    this.openNumbers.clear();
    this.ownedNumbers.clear();
    this.inTwilio.clear();
    this.documents.clear();
    this.scripts.clear();
    this.carrierRecords.clear();
    this.webhook = null;
    this.signingConfigs = [];
    this.callLog.clear();
  }

  private append(request: SimRequest): void {
    this.positions.set(request.sid, this.ordered.length);
    this.ordered.push(request);
    this.index(request);
  }

  private index(request: SimRequest): void {
    this.bySid.set(request.sid, request);
    for (const number of request.numbers) this.numberStatusChanged(number);
  }
}

import type { NumberStatus, RequestStatus } from '../../shared/domain';
import { isTerminalNumberStatus, isTerminalRequestStatus } from '../../shared/domain';
import { carrierAnswer } from './carrierRecords';
import type { SimulatedClock } from './clock';
import { ControlError } from './errors';
import { EventQueue, type QueuedEvent } from './eventQueue';
import type { SimNumber, SimRequest } from './model';
import type { LifecycleEvent, NumberOutcome } from './api';
import { rejectionReason } from './reasonCodes';
import type { SimStore } from './store';
import {
  CANCEL_MS,
  CARRIER_RESPONSE_MS,
  DAY,
  DEFAULT_PORT_TIME_UTC_MS,
  LOA_EXPIRY_MS,
  MIN_FOC_LEAD_DAYS,
  PORT_DATE_MOVE_AFTER_MS,
  REVIEW_MS,
  SUBMIT_AFTER_SIGNATURE_MS,
} from './timings';

export type CancelResult = 'canceling' | 'already_canceled' | 'already_terminal';

export const CANCELED_BY_CUSTOMER = 'Canceled at the customer’s request';
export const EXPIRED_REASON = 'The letter of authorization was not signed within 30 days';
export const NOTHING_PORTABLE_REASON = 'None of the phone numbers in the request is portable';
export const ALL_NUMBERS_CANCELED = 'All phone numbers in the port-in request were canceled';

/**
 * Walks requests and numbers through the port-in lifecycle (PORTING-API §6.2, ARCHITECTURE §8) on
 * the simulated clock. Every time-driven step is an event in one queue; `catchUp` replays the due
 * ones in time order, each stamped with its own simulated time, so seeding a request "created 20
 * days ago" replays its history exactly as if the server had been running.
 */
export class Lifecycle {
  private readonly queue = new EventQueue<LifecycleEvent>();
  private steps = 0;

  constructor(
    private readonly store: SimStore,
    private readonly clock: SimulatedClock,
    private readonly loaUrl: (requestSid: string) => string,
  ) {}

  catchUp(until: number = this.clock.now()): void {
    for (let due = this.queue.popDue(until); due; due = this.queue.popDue(until)) {
      this.steps += 1;
      this.handle(due.event, due.at);
    }
  }

  nextEventAt(): number | undefined {
    return this.queue.peekTime();
  }

  /** How many time-driven steps have run; part of the world's revision (snapshot saving). */
  get stepsTaken(): number {
    return this.steps;
  }

  pendingEvents(): { events: QueuedEvent<LifecycleEvent>[]; nextSeq: number } {
    return { events: this.queue.pending(), nextSeq: this.queue.nextSeq };
  }

  restoreEvents(events: readonly QueuedEvent<LifecycleEvent>[], nextSeq: number): void {
    this.queue.restore(events, nextSeq);
  }

  clear(): void {
    this.queue.clear();
  }

  /** A new request (already in the store) starts its review at `at`. */
  admit(request: SimRequest, at: number): void {
    this.queue.push(at + REVIEW_MS, { kind: 'review', requestSid: request.sid });
  }

  /** Seeding: the customer cancels the request at `at`. */
  planCancel(request: SimRequest, at: number): void {
    this.queue.push(at, { kind: 'customerCancel', requestSid: request.sid });
  }

  sign(request: SimRequest, at: number): void {
    if (request.status !== 'waiting_for_signature' || request.cancelRequested) {
      throw new ControlError(
        409,
        `Request ${request.sid} is ${request.status}; only a request waiting for signature can be signed`,
      );
    }
    request.signedAt = at;
    this.setRequestStatus(request, 'in_progress', at);
    this.queue.push(at + SUBMIT_AFTER_SIGNATURE_MS, { kind: 'submit', requestSid: request.sid });
  }

  expire(request: SimRequest, at: number): void {
    if (request.status !== 'waiting_for_signature' || request.cancelRequested) {
      throw new ControlError(
        409,
        `Request ${request.sid} is ${request.status}; only a request waiting for signature can expire`,
      );
    }
    for (const number of request.numbers) {
      if (!isTerminalNumberStatus(number.status))
        this.setNumberStatus(request, number, 'canceled', at);
    }
    request.orderCancellationReason = EXPIRED_REASON;
    this.setRequestStatus(request, 'expired', at);
  }

  cancelRequest(request: SimRequest, at: number): CancelResult {
    if (request.status === 'canceled' || request.cancelRequested) return 'already_canceled';
    if (isTerminalRequestStatus(request.status)) return 'already_terminal';
    request.cancelRequested = true;
    request.orderCancellationReason = CANCELED_BY_CUSTOMER;
    for (const number of request.numbers) {
      if (!isTerminalNumberStatus(number.status)) {
        this.setNumberStatus(request, number, 'canceling', at);
      }
    }
    request.wireCache = null;
    this.queue.push(at + CANCEL_MS, {
      kind: 'cancelDone',
      requestSid: request.sid,
      numberSid: null,
    });
    return 'canceling';
  }

  cancelNumber(request: SimRequest, number: SimNumber, at: number): CancelResult {
    if (number.status === 'canceled' || number.status === 'canceling') return 'already_canceled';
    if (number.status === 'completed') return 'already_terminal';
    this.setNumberStatus(request, number, 'canceling', at);
    this.queue.push(at + CANCEL_MS, {
      kind: 'cancelDone',
      requestSid: request.sid,
      numberSid: number.sid,
    });
    // Canceling the only rejected number turns Action Required back to In Progress at once.
    this.refreshRequestStatus(request, at);
    return 'canceling';
  }

  /** A script set while its number is already past the step it governs still takes effect. */
  scriptChanged(e164: string, outcome: NumberOutcome, at: number): void {
    const number = this.store.openNumber(e164);
    const request = number === undefined ? undefined : this.store.request(number.requestSid);
    if (number === undefined || request === undefined) return;
    if (number.status === 'pending' && outcome.kind === 'move_port_date') {
      this.queue.push(at + PORT_DATE_MOVE_AFTER_MS, {
        kind: 'movePortDate',
        requestSid: request.sid,
        numberSid: number.sid,
        days: outcome.toDaysLater,
      });
    }
    if (number.status === 'submitted' && request.carrierAnsweredAt !== null) {
      this.queue.push(at, { kind: 'carrierResponse', requestSid: request.sid });
    }
  }

  private handle(event: LifecycleEvent, at: number): void {
    const request = this.store.request(event.requestSid);
    if (request === undefined) return;
    switch (event.kind) {
      case 'review':
        return this.review(request, at);
      case 'autoSign':
        if (request.status === 'waiting_for_signature' && !request.cancelRequested) {
          this.sign(request, at);
        }
        return;
      case 'expire':
        if (
          request.status === 'waiting_for_signature' &&
          request.signedAt === null &&
          !request.cancelRequested &&
          request.loaGeneratedAt !== null &&
          at >= request.loaGeneratedAt + LOA_EXPIRY_MS
        ) {
          this.expire(request, at);
        }
        return;
      case 'submit':
        return this.submit(request, at);
      case 'carrierResponse':
        return this.carrierResponse(request, at);
      case 'movePortDate':
        return this.movePortDate(request, event.numberSid, event.days, at);
      case 'portDate':
        return this.portDateReached(request, at);
      case 'customerCancel':
        this.cancelRequest(request, at);
        return;
      case 'cancelDone':
        return this.cancelDone(request, event.numberSid, at);
    }
  }

  private review(request: SimRequest, at: number): void {
    if (request.status !== 'in_review' || request.cancelRequested) return;
    let awaitingSignature = 0;
    for (const number of request.numbers) {
      if (number.status !== 'in_review') continue;
      if (number.portable) {
        this.setNumberStatus(request, number, 'waiting_for_signature', at);
        awaitingSignature += 1;
      } else {
        // Twilio drops numbers it cannot port; their not_portability_reason says why.
        this.setNumberStatus(request, number, 'canceled', at);
      }
    }
    if (awaitingSignature === 0) {
      if (request.numbers.every((n) => isTerminalNumberStatus(n.status))) {
        request.orderCancellationReason ??= request.numbers.some((n) => !n.portable)
          ? NOTHING_PORTABLE_REASON
          : ALL_NUMBERS_CANCELED;
        this.setRequestStatus(request, 'canceled', at);
      }
      return;
    }
    request.loaGeneratedAt = at;
    request.signatureRequestUrl = this.loaUrl(request.sid);
    this.setRequestStatus(request, 'waiting_for_signature', at);
    this.queue.push(at + LOA_EXPIRY_MS, { kind: 'expire', requestSid: request.sid });
    if (request.autoSignAfterMs !== null) {
      this.queue.push(at + request.autoSignAfterMs, { kind: 'autoSign', requestSid: request.sid });
    }
  }

  private submit(request: SimRequest, at: number): void {
    if (request.signedAt === null || request.cancelRequested) return;
    for (const number of request.numbers) {
      if (number.status === 'waiting_for_signature') {
        this.setNumberStatus(request, number, 'submitted', at);
      }
    }
    this.queue.push(at + CARRIER_RESPONSE_MS, { kind: 'carrierResponse', requestSid: request.sid });
    this.refreshRequestStatus(request, at);
  }

  private carrierResponse(request: SimRequest, at: number): void {
    if (request.cancelRequested) return;
    request.carrierAnsweredAt = at;
    const portDates = new Set<number>();
    for (const number of request.numbers) {
      if (number.status !== 'submitted') continue;
      const outcome = carrierAnswer(this.store, request, number);
      switch (outcome.kind) {
        case 'stall':
          break;
        case 'reject':
          number.rejectionReasonCode = outcome.code;
          number.rejectionReason = rejectionReason(outcome.code);
          this.setNumberStatus(request, number, 'rejected', at);
          break;
        case 'move_port_date':
          this.queue.push(at + PORT_DATE_MOVE_AFTER_MS, {
            kind: 'movePortDate',
            requestSid: request.sid,
            numberSid: number.sid,
            days: outcome.toDaysLater,
          });
          number.portDate = confirmedPortDate(request, at);
          portDates.add(number.portDate);
          this.setNumberStatus(request, number, 'pending', at);
          break;
        case 'complete':
          number.portDate = confirmedPortDate(request, at);
          portDates.add(number.portDate);
          this.setNumberStatus(request, number, 'pending', at);
          break;
      }
    }
    for (const portDate of portDates) {
      this.queue.push(portDate, { kind: 'portDate', requestSid: request.sid });
    }
    this.refreshRequestStatus(request, at);
  }

  private movePortDate(request: SimRequest, numberSid: string, days: number, at: number): void {
    const number = request.numbersBySid.get(numberSid);
    if (number === undefined || number.status !== 'pending' || number.portDate === null) return;
    number.portDate = Math.max(at, number.portDate + days * DAY);
    number.statusUpdatedAt = at;
    request.wireCache = null;
    this.queue.push(number.portDate, { kind: 'portDate', requestSid: request.sid });
  }

  private portDateReached(request: SimRequest, at: number): void {
    for (const number of request.numbers) {
      if (number.status === 'pending' && number.portDate !== null && number.portDate <= at) {
        this.setNumberStatus(request, number, 'completed', at);
      }
    }
    this.refreshRequestStatus(request, at);
  }

  private cancelDone(request: SimRequest, numberSid: string | null, at: number): void {
    const numbers =
      numberSid === null ? request.numbers : [request.numbersBySid.get(numberSid)].filter(isNumber);
    for (const number of numbers) {
      if (number.status === 'canceling') this.setNumberStatus(request, number, 'canceled', at);
    }
    if (numberSid === null && request.cancelRequested) {
      this.setRequestStatus(request, 'canceled', at);
    }
    this.refreshRequestStatus(request, at);
  }

  /** Derives the request status from its numbers once the LOA is signed (or all are done). */
  private refreshRequestStatus(request: SimRequest, at: number): void {
    if (isTerminalRequestStatus(request.status)) return;
    if (request.numbers.every((n) => isTerminalNumberStatus(n.status))) {
      const anyCompleted = request.numbers.some((n) => n.status === 'completed');
      if (anyCompleted && !request.cancelRequested) {
        this.setRequestStatus(request, 'completed', at);
      } else {
        request.orderCancellationReason ??= ALL_NUMBERS_CANCELED;
        this.setRequestStatus(request, 'canceled', at);
      }
      return;
    }
    if (request.status === 'in_review' || request.status === 'waiting_for_signature') return;
    const anyRejected = request.numbers.some((n) => n.status === 'rejected');
    this.setRequestStatus(request, anyRejected ? 'action_required' : 'in_progress', at);
  }

  private setRequestStatus(request: SimRequest, status: RequestStatus, at: number): void {
    if (request.status === status) return;
    request.status = status;
    request.statusUpdatedAt = at;
    request.wireCache = null;
  }

  private setNumberStatus(
    request: SimRequest,
    number: SimNumber,
    status: NumberStatus,
    at: number,
  ): void {
    if (number.status === status) return;
    number.status = status;
    number.statusUpdatedAt = at;
    request.wireCache = null;
    this.store.numberStatusChanged(number);
  }
}

/** The FOC date: the target date if the carrier can make it, else the earliest weekday it can. */
export function confirmedPortDate(request: SimRequest, answeredAt: number): number {
  let day = Math.floor(answeredAt / DAY) * DAY + MIN_FOC_LEAD_DAYS * DAY;
  if (request.targetPortInDate !== null) {
    day = Math.max(day, Date.parse(`${request.targetPortInDate}T00:00:00Z`));
  }
  for (let weekday = new Date(day).getUTCDay(); weekday === 0 || weekday === 6;) {
    day += DAY;
    weekday = new Date(day).getUTCDay();
  }
  return day + timeOfDayMs(request.targetTimeRangeStart);
}

function timeOfDayMs(utcTime: string | null): number {
  const match = utcTime === null ? null : /^(\d{2}):(\d{2}):(\d{2})/.exec(utcTime);
  if (match === null) return DEFAULT_PORT_TIME_UTC_MS;
  return (Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3])) * 1000;
}

function isNumber(value: SimNumber | undefined): value is SimNumber {
  return value !== undefined;
}

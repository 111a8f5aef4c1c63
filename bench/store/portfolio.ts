import type { PortInNumber, PortInRequest } from '../../shared/domain/portIn';
import { normaliseNumberStatus, normaliseRequestStatus } from '../../shared/domain/statuses';

/**
 * A reproducible synthetic portfolio for the store bench: random SIDs, unique NANP numbers,
 * customer names from word lists, statuses spread the way a busy porting desk would see them.
 */

/** mulberry32: small, fast, seedable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark',
  'Wayne',
  'Wonka',
  'Cyberdyne',
  'Soylent',
  'Tyrell',
  'Aperture',
  'Vandelay',
  'Pied Piper',
  'Dunder',
  'Gringotts',
  'Oceanic',
  'Monarch',
  'Massive',
  'Nakatomi',
  'Müller',
  'Zoë',
  'Bluth',
  'Prestige',
];
const SECOND = [
  'Widgets',
  'Logistics',
  'Dental',
  'Realty',
  'Foods',
  'Labs',
  'Motors',
  'Clinic',
  'Partners',
  'Holdings',
  'Bakery',
  'Legal',
  'Plumbing',
  'Travel',
  'Insurance',
  'Media',
];
const SUFFIX = ['Inc', 'LLC', 'Co', 'Corp', 'Ltd', 'Group'];

const REQUEST_STATUS_MIX: [string, number][] = [
  ['In Review', 0.08],
  ['Waiting for Signature', 0.1],
  ['In Progress', 0.22],
  ['Action Required', 0.05],
  ['Completed', 0.45],
  ['Canceled', 0.07],
  ['Expired', 0.03],
];

export class Portfolio {
  private readonly random: () => number;
  private readonly usedNumbers = new Set<string>();

  constructor(seed = 20261127) {
    this.random = seededRandom(seed);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  sid(prefix: 'KW' | 'PU'): string {
    let hex = '';
    for (let i = 0; i < 4; i += 1) {
      hex += Math.floor(this.random() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    }
    return prefix + hex;
  }

  /** A NANP number not handed out before: +1 NXX NXX XXXX. */
  phoneNumber(): string {
    for (;;) {
      const area = 200 + Math.floor(this.random() * 800);
      const exchange = 200 + Math.floor(this.random() * 800);
      const line = Math.floor(this.random() * 10_000)
        .toString()
        .padStart(4, '0');
      const number = `+1${area}${exchange}${line}`;
      if (!this.usedNumbers.has(number)) {
        this.usedNumbers.add(number);
        return number;
      }
    }
  }

  customerName(index: number): string {
    return `${this.pick(FIRST)} ${this.pick(SECOND)} ${index} ${this.pick(SUFFIX)}`;
  }

  requestStatus(): string {
    let roll = this.random();
    for (const [status, share] of REQUEST_STATUS_MIX) {
      roll -= share;
      if (roll <= 0) return status;
    }
    return 'Completed';
  }

  number(requestStatus: string, statusUpdatedAt: string): PortInNumber {
    const canonical = normaliseRequestStatus(requestStatus).canonical;
    const rejected = canonical === 'action_required' && this.random() < 0.2;
    const status =
      canonical === 'completed'
        ? 'completed'
        : canonical === 'canceled' || canonical === 'expired'
          ? 'canceled'
          : rejected
            ? 'rejected'
            : canonical === 'in_progress'
              ? this.pick(['submitted', 'pending'])
              : canonical === 'waiting_for_signature'
                ? 'waiting_for_signature'
                : 'in_review';
    const day = 1 + Math.floor(this.random() * 28);
    return {
      sid: this.sid('PU'),
      phoneNumber: this.phoneNumber(),
      status: normaliseNumberStatus(status),
      portable: true,
      notPortableReason: null,
      notPortableReasonCode: null,
      numberType: 'LOCAL',
      rejectionReason: rejected ? 'Invalid PIN' : null,
      rejectionReasonCode: rejected ? 22155 : null,
      portDate:
        status === 'pending' || status === 'completed'
          ? `2026-12-${String(day).padStart(2, '0')}T00:00:00Z`
          : null,
      statusUpdatedAt,
    };
  }

  request(index: number, numberCount: number, accountSid: string): PortInRequest {
    const status = this.requestStatus();
    const day = 1 + Math.floor(this.random() * 28);
    const month = String(1 + Math.floor(this.random() * 11)).padStart(2, '0');
    const updatedAt = `2026-${month}-${String(day).padStart(2, '0')}T${String(
      Math.floor(this.random() * 24),
    ).padStart(2, '0')}:00:00Z`;
    const phoneNumbers = Array.from({ length: numberCount }, () => this.number(status, updatedAt));
    return {
      sid: this.sid('KW'),
      accountSid,
      status: normaliseRequestStatus(status),
      losingCarrier: {
        customerType: 'Business',
        customerName: this.customerName(index),
        accountNumber: String(100000 + index),
        accountTelephoneNumber: phoneNumbers[0]?.phoneNumber ?? null,
        authorizedRepresentative: 'Jane Doe',
        authorizedRepresentativeEmail: 'jane@example.com',
        addressSid: null,
        address: {
          street: `${index} Main St`,
          street2: null,
          city: 'Springfield',
          state: 'IL',
          zip: '62701',
          country: 'US',
        },
      },
      notificationEmails: ['ops@example.com'],
      targetPortInDate: `2026-12-${String(day).padStart(2, '0')}`,
      targetPortInTimeRangeStart: null,
      targetPortInTimeRangeEnd: null,
      documents: [`RD${'0'.repeat(31)}1`],
      dateCreated: `2026-${month}-${String(day).padStart(2, '0')}T09:00:00Z`,
      supportTicketId: 100000 + index,
      signatureRequestUrl:
        status === 'Waiting for Signature' ? `https://sign.example.com/loa/${index}` : null,
      orderCancellationReason: null,
      bundleSid: null,
      phoneNumbers,
    };
  }
}

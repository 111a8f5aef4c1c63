import type { NumberOutcome } from './api';
import { DEMO_CUSTOMERS, type DemoCustomer } from './demoCustomers';
import type { Random } from './random';
import { DAY } from './timings';

/**
 * The shapes of seeded requests: the demo data set (docs/simulator.md, "Demo data") and the
 * generic load. seeding.ts turns a plan into a request created in the past.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The shape of one seeded request's life. Seeding creates the request in the past and lets the
 * lifecycle replay from there, so every status is reached the same way a live request reaches it.
 */
export interface Plan {
  customer: DemoCustomer;
  createdAgoMs: number;
  localNumbers: number;
  /** Mobile numbers with a PIN (they port normally). */
  mobileNumbers?: number;
  /** Mobile numbers without a PIN (the carrier rejects them with 22155). */
  mobileWithoutPin?: number;
  tollFreeNumbers?: number;
  signAfterMs: number | null;
  cancelAfterMs?: number;
  targetLeadDays?: number | null;
  /** Outcome for the local number at this index. */
  script?: (index: number) => NumberOutcome | undefined;
}

const reject = (code: number): NumberOutcome => ({ kind: 'reject', code });

/** ~24 requests over every status, as an agent's account might look after a few busy weeks. */
export function demoPlans(customers: readonly DemoCustomer[]): Plan[] {
  const c = (index: number): DemoCustomer => customers[index % customers.length] as DemoCustomer;
  return [
    // In Review: their LOAs appear within the next half hour.
    { customer: c(0), createdAgoMs: 4 * MINUTE, localNumbers: 3, signAfterMs: 2 * HOUR },
    {
      customer: c(1),
      createdAgoMs: 12 * MINUTE,
      localNumbers: 12,
      signAfterMs: 2 * HOUR,
      targetLeadDays: 14,
    },
    {
      customer: c(2),
      createdAgoMs: 25 * MINUTE,
      localNumbers: 1,
      tollFreeNumbers: 1,
      signAfterMs: 2 * HOUR,
    },
    // Waiting for Signature: one signs itself soon, one is near its 30-day expiry.
    { customer: c(3), createdAgoMs: 50 * MINUTE, localNumbers: 5, signAfterMs: 2 * HOUR },
    {
      customer: c(4),
      createdAgoMs: 3 * DAY,
      localNumbers: 8,
      signAfterMs: null,
      targetLeadDays: 12,
    },
    { customer: c(5), createdAgoMs: 27 * DAY, localNumbers: 2, signAfterMs: null },
    {
      customer: c(6),
      createdAgoMs: 6 * DAY,
      localNumbers: 18,
      mobileNumbers: 2,
      signAfterMs: null,
    },
    // In Progress: submitted, FOC'd, a moved port date, a stalled carrier, a partly ported request.
    { customer: c(7), createdAgoMs: 6 * HOUR, localNumbers: 4, signAfterMs: 1 * HOUR },
    {
      customer: c(8),
      createdAgoMs: 3 * DAY,
      localNumbers: 13,
      mobileNumbers: 2,
      signAfterMs: 3 * HOUR,
      targetLeadDays: 10,
    },
    {
      customer: c(9),
      createdAgoMs: 4 * DAY,
      localNumbers: 6,
      signAfterMs: 2 * HOUR,
      script: () => ({ kind: 'move_port_date', toDaysLater: 3 }),
    },
    {
      customer: c(10),
      createdAgoMs: 15 * DAY,
      localNumbers: 9,
      signAfterMs: 5 * HOUR,
      script: () => ({ kind: 'stall' }),
    },
    {
      customer: c(11),
      createdAgoMs: 12 * DAY,
      localNumbers: 16,
      signAfterMs: 4 * HOUR,
      targetLeadDays: 9,
      script: (i) => (i < 3 ? { kind: 'move_port_date', toDaysLater: 7 } : undefined),
    },
    {
      customer: c(12),
      createdAgoMs: 8 * DAY,
      localNumbers: 7,
      signAfterMs: 6 * HOUR,
      targetLeadDays: 8,
    },
    // Action Required: carrier rejections with different codes.
    {
      customer: c(13),
      createdAgoMs: 4 * DAY,
      localNumbers: 8,
      mobileWithoutPin: 2,
      signAfterMs: 2 * HOUR,
    },
    {
      customer: c(14),
      createdAgoMs: 6 * DAY,
      localNumbers: 25,
      signAfterMs: 3 * HOUR,
      targetLeadDays: 20,
      script: (i) => (i === 4 ? reject(22154) : undefined),
    },
    {
      customer: c(15),
      createdAgoMs: 5 * DAY,
      localNumbers: 3,
      signAfterMs: 1 * HOUR,
      script: () => reject(22151),
    },
    // Completed, one of them large.
    {
      customer: c(16),
      createdAgoMs: 45 * DAY,
      localNumbers: 300,
      signAfterMs: 1 * DAY,
      targetLeadDays: 14,
    },
    { customer: c(17), createdAgoMs: 30 * DAY, localNumbers: 7, signAfterMs: 8 * HOUR },
    { customer: c(24), createdAgoMs: 20 * DAY, localNumbers: 1, signAfterMs: 3 * HOUR },
    {
      customer: c(18),
      createdAgoMs: 25 * DAY,
      localNumbers: 11,
      tollFreeNumbers: 1,
      signAfterMs: 6 * HOUR,
    },
    // Canceled: once while in progress, once while still in review.
    {
      customer: c(19),
      createdAgoMs: 18 * DAY,
      localNumbers: 10,
      signAfterMs: 5 * HOUR,
      cancelAfterMs: 2 * DAY,
    },
    {
      customer: c(25),
      createdAgoMs: 9 * DAY,
      localNumbers: 2,
      signAfterMs: null,
      cancelAfterMs: 10 * MINUTE,
    },
    // Expired: the LOA was never signed.
    { customer: c(20), createdAgoMs: 40 * DAY, localNumbers: 3, signAfterMs: null },
    { customer: c(21), createdAgoMs: 33 * DAY, localNumbers: 40, signAfterMs: null },
  ];
}

/** Generic load: statuses spread evenly, creation times over the last 90 days. */
export function genericPlans(count: number, numbersPerRequest: number, random: Random): Plan[] {
  const shapes: ((customer: DemoCustomer) => Plan)[] = [
    (customer) => ({
      customer,
      createdAgoMs: random.int(1, 25) * MINUTE,
      localNumbers: numbersPerRequest,
      signAfterMs: null,
    }),
    (customer) => ({
      customer,
      createdAgoMs: random.int(1, 20) * DAY,
      localNumbers: numbersPerRequest,
      signAfterMs: null,
    }),
    (customer) => ({
      customer,
      createdAgoMs: random.int(2, 4) * DAY,
      localNumbers: numbersPerRequest,
      signAfterMs: 2 * HOUR,
      targetLeadDays: 14,
    }),
    (customer) => ({
      customer,
      createdAgoMs: random.int(2, 6) * DAY,
      localNumbers: numbersPerRequest,
      signAfterMs: 2 * HOUR,
      script: (i) => (i === 0 ? reject(random.pick([22153, 22154, 22155, 22156])) : undefined),
    }),
    (customer) => ({
      customer,
      createdAgoMs: random.int(20, 90) * DAY,
      localNumbers: numbersPerRequest,
      signAfterMs: 4 * HOUR,
    }),
    (customer) => ({
      customer,
      createdAgoMs: random.int(5, 60) * DAY,
      localNumbers: numbersPerRequest,
      signAfterMs: 4 * HOUR,
      cancelAfterMs: 1 * DAY,
    }),
    (customer) => ({
      customer,
      createdAgoMs: random.int(31, 90) * DAY,
      localNumbers: numbersPerRequest,
      signAfterMs: null,
    }),
  ];
  const plans: Plan[] = [];
  for (let i = 0; i < count; i += 1) {
    const base = random.pick(DEMO_CUSTOMERS);
    const shape = shapes[i % shapes.length];
    if (shape === undefined) continue;
    plans.push(shape({ ...base, name: `${base.name} #${i + 1}` }));
  }
  return plans;
}

import type { CreateOptions, SimulatorCore } from './core';
import type { ValidPortInCreate } from './createValidation';
import { ControlError } from './errors';
import type { SimDocument } from './model';
import type { NumberOutcome, SeedOptions, SeedResult } from './api';
import { classifyNumber } from './phoneRules';
import { Random } from './random';
import { seedSchema } from './schemas';
import { DAY } from './timings';
import { DEMO_CUSTOMERS, type DemoCustomer } from './demoCustomers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The shape of one seeded request's life. Seeding creates the request in the past and lets the
 * lifecycle replay from there, so every status is reached the same way a live request reaches it.
 */
interface Plan {
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
function demoPlans(customers: readonly DemoCustomer[]): Plan[] {
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
function genericPlans(count: number, numbersPerRequest: number, random: Random): Plan[] {
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

/** Adds data to a running simulator; see SeedOptions. */
export function seed(core: SimulatorCore, raw: unknown, call: number): SeedResult {
  const parsed = seedSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ControlError(
      400,
      `Invalid seed: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  const options: SeedOptions = parsed.data;
  for (const number of options.inTwilio ?? []) core.store.inTwilio.add(number);

  const random = new Random(`${core.seedText}:seed:${call}`);
  const plans: Plan[] = [];
  if (options.demo === true) plans.push(...demoPlans(shuffled(DEMO_CUSTOMERS, random)));
  if ((options.requests ?? 0) > 0) {
    plans.push(...genericPlans(options.requests ?? 0, options.numbersPerRequest ?? 3, random));
  }
  if (plans.length === 0) return { requestSids: [] };

  core.lifecycle.catchUp();
  const now = core.clock.now();
  const numbers = new NumberMaker(core, random);
  const batch: { input: ValidPortInCreate; at: number; options: CreateOptions }[] = [];
  for (const plan of plans) {
    const at = now - plan.createdAgoMs;
    const input = planInput(core, plan, at, numbers);
    batch.push({ input, at, options: { autoSignAfterMs: plan.signAfterMs } });
  }
  const requests = core.createRequests(batch);
  requests.forEach((request, index) => {
    const plan = plans[index];
    if (plan?.cancelAfterMs !== undefined) {
      core.lifecycle.planCancel(request, request.dateCreated + plan.cancelAfterMs);
    }
  });
  core.lifecycle.catchUp();
  return { requestSids: requests.map((request) => request.sid) };
}

function planInput(
  core: SimulatorCore,
  plan: Plan,
  at: number,
  numbers: NumberMaker,
): ValidPortInCreate {
  const { customer } = plan;
  const picked: ValidPortInCreate['numbers'] = [];
  const add = (e164: string, pin: string | null) => {
    const check = classifyNumber(e164);
    if (check.ok) picked.push({ number: check.number, pin });
  };
  for (let i = 0; i < plan.localNumbers; i += 1) {
    const e164 = numbers.make(customer.areaCode, 'local');
    const outcome = plan.script?.(i);
    if (outcome !== undefined) core.store.scripts.set(e164, outcome);
    add(e164, null);
  }
  for (let i = 0; i < (plan.mobileNumbers ?? 0); i += 1) {
    add(numbers.make(customer.areaCode, 'mobile'), numbers.pin());
  }
  for (let i = 0; i < (plan.mobileWithoutPin ?? 0); i += 1) {
    add(numbers.make(customer.areaCode, 'mobile'), null);
  }
  for (let i = 0; i < (plan.tollFreeNumbers ?? 0); i += 1) {
    add(numbers.make('888', 'local'), null);
  }
  const document = seededBill(core, customer, at);
  const email = `${customer.representative
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '')}@${slug(customer.name)}.example`;
  const target =
    plan.targetLeadDays === undefined || plan.targetLeadDays === null
      ? null
      : new Date(at + plan.targetLeadDays * DAY).toISOString().slice(0, 10);
  return {
    losingCarrier: {
      customer_name: customer.name,
      customer_type: customer.type,
      account_number: String(numbers.accountNumber()),
      account_telephone_number: picked[0]?.number.e164 ?? '',
      authorized_representative: customer.representative,
      authorized_representative_email: email,
      address: {
        street: customer.street,
        city: customer.city,
        state: customer.state,
        zip: customer.zip,
        country: 'US',
      },
    },
    notificationEmails: [`porting@${slug(customer.name)}.example`],
    targetPortInDate: target,
    targetTimeRangeStart: null,
    targetTimeRangeEnd: null,
    documents: [document.sid],
    bundleSid: null,
    portabilityAdvanceCarrier: null,
    autoCancelApprovalNumbers: null,
    numbers: picked,
  };
}

function seededBill(core: SimulatorCore, customer: DemoCustomer, at: number): SimDocument {
  const document: SimDocument = {
    sid: core.newSid('RD'),
    accountSid: core.credentials.accountSid,
    documentType: 'utility_bill',
    friendlyName: `${customer.name} — phone bill`,
    mimeType: 'application/pdf',
    size: 48_213,
    dateCreated: at - 10 * MINUTE,
  };
  core.store.documents.set(document.sid, document);
  return document;
}

/** Unique numbers that look local to the customer and collide with nothing already held. */
class NumberMaker {
  private readonly used = new Set<string>();

  constructor(
    private readonly core: SimulatorCore,
    private readonly random: Random,
  ) {}

  make(areaCode: string, kind: 'local' | 'mobile'): string {
    for (;;) {
      // Mobile numbers have an exchange starting with 9 (phoneRules.ts); N11 exchanges are skipped.
      const exchange = kind === 'mobile' ? this.random.int(900, 999) : this.random.int(200, 899);
      if (exchange % 100 === 11) continue;
      const line = String(this.random.int(0, 9999)).padStart(4, '0');
      const e164 = `+1${areaCode}${exchange}${line}`;
      const store = this.core.store;
      if (
        this.used.has(e164) ||
        store.openNumber(e164) !== undefined ||
        store.ownedNumbers.has(e164) ||
        store.inTwilio.has(e164)
      ) {
        continue;
      }
      this.used.add(e164);
      return e164;
    }
  }

  pin(): string {
    return String(this.random.int(0, 999_999)).padStart(6, '0');
  }

  accountNumber(): number {
    return this.random.int(10_000_000, 99_999_999);
  }
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    const a = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = a;
  }
  return copy;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 30);
}

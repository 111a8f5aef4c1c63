import type { CreateOptions, SimulatorCore } from './core';
import type { ValidPortInCreate } from './createValidation';
import { ControlError } from './errors';
import type { SimDocument } from './model';
import type { SeedOptions, SeedResult } from './api';
import { classifyNumber } from './phoneRules';
import { Random } from './random';
import { seedSchema } from './schemas';
import { demoPlans, genericPlans, type Plan } from './seedPlans';
import { DAY } from './timings';
import { DEMO_CUSTOMERS, type DemoCustomer } from './demoCustomers';

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
    dateCreated: at - 10 * 60_000, // the bill was uploaded ten minutes before the request
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

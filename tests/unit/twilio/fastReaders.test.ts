import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFER,
  fastPortInListPage,
  fastPortInRequest,
} from '../../../main/core/twilio/fastReaders';
import { fastJson, json } from '../../../main/core/twilio/responseReaders';
import type { ResponseReader } from '../../../main/core/twilio/twilioCaller';
import { portInListWire, portInWire } from '../../../main/core/twilio/wireSchemas';
import { toPortInRequest, toPortInRequestSummary } from '../../../main/core/twilio/wireToDomain';
import { SPEC_EXAMPLES } from './specExamples';

/**
 * The fast readers against zod, the authority: for any answer, the fast path either defers or
 * gives exactly (toStrictEqual: null is not undefined) what wireSchemas + wireToDomain give, and
 * the client's reader (fast path, zod when it defers) answers or fails exactly like the zod reader.
 */

const ABSENT = Symbol('absent');

/** Values a field may hold on a bad day: every JSON type, the §10 forms and the odd ones. */
const oddValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 6 }),
  fc.constantFrom('', ' 42 ', '-7', '1.5', '22155', 'true', 'false', 'TRUE', '0x10'),
  fc.constant([]),
  fc.constant(['a']),
  fc.constant([1]),
  fc.constant({}),
);

/** Mostly the usual form of a field, sometimes an odd one, sometimes absent. */
function field<T>(usual: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: usual },
    { weight: 1, arbitrary: oddValue },
    { weight: 1, arbitrary: fc.constant(ABSENT) },
  );
}

const text = field(fc.oneof(fc.string({ maxLength: 8 }), fc.constant(null)));
const integer = field(fc.oneof(fc.integer({ min: 0, max: 99999 }), fc.constantFrom('22155', null)));
const flag = field(fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', null)));
const sid = field(fc.constantFrom('PU1', 'PU2', 'KW1', 'RD1'));
const strings = field(
  fc.oneof(fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }), fc.constant(null)),
);
const status = field(
  fc.constantFrom(
    'In Review',
    'pending',
    'Rejected',
    'completed',
    'PortInPhoneNumberRejected',
    'Action Required',
    'waiting_for_signature',
    'On Hold',
    '',
  ),
);

/** An object with these fields (absent ones left out) and now and then a key nobody reads. */
function wireObject(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.record(fields), fc.option(oddValue, { nil: ABSENT }))
    .map(([record, extra]) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(record)) if (value !== ABSENT) out[key] = value;
      if (extra !== ABSENT) out.unexpected_field = extra;
      return out;
    });
}

const number = wireObject({
  port_in_phone_number_sid: sid,
  phone_number_sid: field(fc.constantFrom('PU3', null)),
  phone_number: field(fc.constantFrom('+15555550100', '+16175551212')),
  port_in_phone_number_status: status,
  portable: flag,
  not_portability_reason: text,
  not_portable_reason: text,
  not_portability_reason_code: integer,
  not_portable_reason_code: integer,
  number_type: text,
  phone_number_type: text,
  rejection_reason: text,
  rejection_reason_code: integer,
  port_date: text,
  status_last_time_updated_timestamp: text,
  last_updated: text,
});

const address = wireObject({
  street: text,
  street_2: text,
  city: text,
  state: text,
  zip: text,
  country: text,
});

const losingCarrier = wireObject({
  customer_type: field(fc.constantFrom('Business', ' individual ', 'other', null)),
  customer_name: text,
  account_number: text,
  account_telephone_number: text,
  authorized_representative: text,
  authorized_representative_email: text,
  address_sid: text,
  address: field(fc.oneof(address, fc.constant(null))),
});

const portIn = wireObject({
  port_in_request_sid: sid,
  account_sid: text,
  port_in_request_status: status,
  losing_carrier_information: field(fc.oneof(losingCarrier, fc.constant(null))),
  notification_emails: strings,
  target_port_in_date: text,
  target_port_in_time_range_start: text,
  target_port_in_time_range_end: text,
  documents: strings,
  date_created: text,
  support_ticket_id: integer,
  signature_request_url: text,
  order_cancellation_reason: text,
  bundle_sid: text,
  phone_numbers: field(fc.oneof(fc.array(number, { maxLength: 4 }), fc.constant(null))),
});

const listRow = wireObject({
  port_in_request_sid: sid,
  port_in_request_status: status,
  status_last_updated_timestamp: text,
  status_last_time_updated_timestamp: text,
  phone_numbers_requested: integer,
  phone_numbers_ported: integer,
  suggested_action: text,
});

const listPage = wireObject({
  port_in_requests: field(fc.array(listRow, { maxLength: 4 })),
  meta: field(fc.oneof(wireObject({ next_token: text, previous_token: text }), fc.constant(null))),
});

/** What a reader does with a body: its answer, or the message of what it threw. */
function outcome(reader: ResponseReader<unknown>, text: string): unknown {
  try {
    return { answer: reader({ status: 200, headers: {}, text }) };
  } catch (error) {
    return { threw: error instanceof Error ? `${error.name}: ${error.message}` : error };
  }
}

function fastOrDefer(fast: (body: unknown) => unknown, body: unknown): unknown {
  try {
    return fast(body);
  } catch (error) {
    if (error === DEFER) return DEFER;
    throw error;
  }
}

const listToDomain = (wire: ReturnType<typeof portInListWire.parse>) => ({
  requests: wire.port_in_requests.map(toPortInRequestSummary),
  nextToken: wire.meta?.next_token ?? null,
});

interface ReaderCase {
  name: string;
  arbitrary: fc.Arbitrary<unknown>;
  fast: (body: unknown) => unknown;
  zodRead: (body: unknown) => unknown;
  zodSafe: (body: unknown) => boolean;
  zodReader: ResponseReader<unknown>;
  clientReader: ResponseReader<unknown>;
}

const cases: ReaderCase[] = [
  {
    name: 'PortIn',
    arbitrary: fc.oneof({ weight: 9, arbitrary: portIn }, { weight: 1, arbitrary: oddValue }),
    fast: fastPortInRequest,
    zodRead: (body: unknown) => toPortInRequest(portInWire.parse(body)),
    zodSafe: (body: unknown) => portInWire.safeParse(body).success,
    zodReader: json(portInWire, toPortInRequest),
    clientReader: fastJson(portInWire, toPortInRequest, fastPortInRequest),
  },
  {
    name: 'list page',
    arbitrary: fc.oneof({ weight: 9, arbitrary: listPage }, { weight: 1, arbitrary: oddValue }),
    fast: fastPortInListPage,
    zodRead: (body: unknown) => listToDomain(portInListWire.parse(body)),
    zodSafe: (body: unknown) => portInListWire.safeParse(body).success,
    zodReader: json(portInListWire, listToDomain),
    clientReader: fastJson(portInListWire, listToDomain, fastPortInListPage),
  },
];

describe.each(cases)('the fast $name reader', (c) => {
  it('gives what zod + wireToDomain give, or defers to them', () => {
    let answered = 0;
    let deferred = 0;
    fc.assert(
      fc.property(c.arbitrary, (generated) => {
        const body: unknown = JSON.parse(JSON.stringify(generated));
        const fast = fastOrDefer(c.fast, body);
        if (fast === DEFER) {
          deferred += 1;
          return;
        }
        answered += 1;
        expect(c.zodSafe(body)).toBe(true);
        const viaZod = c.zodRead(body);
        expect(fast).toStrictEqual(viaZod);
        // Same key order too: whoever serialises or hashes a request sees the same text.
        expect(JSON.stringify(fast)).toBe(JSON.stringify(viaZod));
      }),
      { numRuns: 3000 },
    );
    // Both branches were exercised, so the property says something about each.
    expect(answered).toBeGreaterThan(100);
    expect(deferred).toBeGreaterThan(100);
  });

  it('answers and fails exactly like the zod reader, messages included', () => {
    fc.assert(
      fc.property(c.arbitrary, (generated) => {
        const text = JSON.stringify(generated) ?? 'undefined';
        expect(outcome(c.clientReader, text)).toStrictEqual(outcome(c.zodReader, text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the fast readers on the spec examples', () => {
  it('read every PortIn example without deferring, as zod does', () => {
    for (const example of [SPEC_EXAMPLES.fetchPortIn, SPEC_EXAMPLES.createPortIn]) {
      const body: unknown = JSON.parse(JSON.stringify(example));
      expect(fastPortInRequest(body)).toStrictEqual(toPortInRequest(portInWire.parse(body)));
    }
  });

  it('read the list examples without deferring, as zod does', () => {
    const body: unknown = JSON.parse(JSON.stringify(SPEC_EXAMPLES.listFull));
    expect(fastPortInListPage(body)).toStrictEqual(listToDomain(portInListWire.parse(body)));
  });

  it('defer a number without a SID, and the client reader names the problem like zod', () => {
    const body = {
      port_in_request_sid: 'KW1',
      phone_numbers: [{ phone_number: '+15555550100' }],
    };
    expect(fastOrDefer(fastPortInRequest, body)).toBe(DEFER);
    const text = JSON.stringify(body);
    const answer = outcome(fastJson(portInWire, toPortInRequest, fastPortInRequest), text);
    expect(answer).toStrictEqual(outcome(json(portInWire, toPortInRequest), text));
    expect(JSON.stringify(answer)).toContain('phone_numbers.0');
  });
});

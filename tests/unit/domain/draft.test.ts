import { describe, expect, it } from 'vitest';
import {
  DRAFT_SECTIONS,
  draftPathForReasonField,
  draftSectionOf,
  parseDraft,
  toPortInCreateInput,
  validateDraftForSubmit,
} from '../../../shared/domain';
import type { NumberPortability, PortInDraft } from '../../../shared/domain';

const TODAY = '2026-06-01';

function validDraft(): PortInDraft {
  return {
    accountId: 'acct-1',
    phoneNumbers: [{ phoneNumber: '+14155550132' }, { phoneNumber: '+14155550133', pin: '1234' }],
    losingCarrier: {
      customerType: 'Business',
      customerName: 'Acme Inc',
      accountNumber: '123456',
      accountTelephoneNumber: '(415) 555-0100',
      authorizedRepresentative: 'Jane Doe',
      authorizedRepresentativeEmail: 'jane@acme.example',
      address: {
        street: '1 Main St',
        street2: '',
        city: 'Springfield',
        state: 'il',
        zip: '62701',
        country: 'US',
      },
    },
    billDocumentId: 7,
    targetPortInDate: '2026-06-10',
    targetPortInTimeRangeStart: '10:00-05:00',
    targetPortInTimeRangeEnd: '16:00:00-05:00',
    notificationEmails: ['ops@acme.example', ' OPS@acme.example ', ''],
  };
}

function errorsOf(draft: PortInDraft, portability?: Map<string, NumberPortability>) {
  const result = validateDraftForSubmit(draft, { today: TODAY, portability });
  return result.ok ? [] : result.errors;
}

describe('a complete draft', () => {
  it('validates into create-ready data: trimmed, E.164, upper-case state, wire times', () => {
    const result = validateDraftForSubmit(validDraft(), { today: TODAY });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({
      accountId: 'acct-1',
      billDocumentId: 7,
      phoneNumbers: [
        { phoneNumber: '+14155550132', pin: null },
        { phoneNumber: '+14155550133', pin: '1234' },
      ],
      losingCarrier: {
        customerType: 'Business',
        customerName: 'Acme Inc',
        accountNumber: '123456',
        accountTelephoneNumber: '+14155550100',
        authorizedRepresentative: 'Jane Doe',
        authorizedRepresentativeEmail: 'jane@acme.example',
        addressSid: null,
        address: {
          street: '1 Main St',
          street2: null,
          city: 'Springfield',
          state: 'IL',
          zip: '62701',
          country: 'US',
        },
      },
      notificationEmails: ['ops@acme.example'],
      targetPortInDate: '2026-06-10',
      targetPortInTimeRangeStart: '10:00:00-05:00',
      targetPortInTimeRangeEnd: '16:00:00-05:00',
    });
    expect(result.warnings).toEqual([]);
  });

  it('becomes the create input once the account SID and bill SID are known', () => {
    const result = validateDraftForSubmit(validDraft(), { today: TODAY });
    if (!result.ok) throw new Error('expected a valid draft');
    const input = toPortInCreateInput(result.value, {
      accountSid: 'AC' + 'a'.repeat(32),
      documentSids: ['RD' + 'b'.repeat(32)],
    });
    expect(input.accountSid).toBe('AC' + 'a'.repeat(32));
    expect(input.documents).toEqual(['RD' + 'b'.repeat(32)]);
    expect(input.phoneNumbers).toEqual(result.value.phoneNumbers);
    expect(input.losingCarrier.address?.state).toBe('IL');
    expect(input.notificationEmails).toEqual(['ops@acme.example']);
  });

  it('takes an empty country as US and needs no date or window', () => {
    const draft = validDraft();
    const result = validateDraftForSubmit(
      {
        ...draft,
        losingCarrier: {
          ...draft.losingCarrier,
          address: { ...draft.losingCarrier?.address, country: null },
        },
        targetPortInDate: null,
        targetPortInTimeRangeStart: '',
        targetPortInTimeRangeEnd: undefined,
      },
      { today: TODAY },
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.losingCarrier.address?.country).toBe('US');
      expect(result.value.targetPortInDate).toBeNull();
    }
  });

  it('warns without blocking about a weekend or holiday port date and unknown area codes', () => {
    const draft = { ...validDraft(), targetPortInDate: '2026-07-03' };
    draft.phoneNumbers = [{ phoneNumber: '+15555550100' }];
    const result = validateDraftForSubmit(draft, { today: TODAY });
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.field)).toEqual([
      'phoneNumbers.0.phoneNumber',
      'targetPortInDate',
    ]);
  });
});

type Edit = (draft: PortInDraft) => void;
const carrier = (d: PortInDraft) => {
  d.losingCarrier ??= {};
  return d.losingCarrier;
};
const address = (d: PortInDraft) => {
  const c = carrier(d);
  c.address ??= {};
  return c.address;
};

const oneProblem: [string, Edit, string, RegExp][] = [
  ['no account', (d) => (d.accountId = ' '), 'accountId', /Choose the Twilio account/],
  ['no numbers', (d) => (d.phoneNumbers = []), 'phoneNumbers', /at least one phone number/],
  ['no number list at all', (d) => delete d.phoneNumbers, 'phoneNumbers', /at least one/],
  [
    'an empty number row',
    (d) => d.phoneNumbers?.push({ phoneNumber: '  ' }),
    'phoneNumbers.2.phoneNumber',
    /Phone number 3 is empty/,
  ],
  [
    'a mistyped number',
    (d) => d.phoneNumbers?.push({ phoneNumber: '415555013' }),
    'phoneNumbers.2.phoneNumber',
    /9 digits/,
  ],
  [
    'a toll-free number',
    (d) => d.phoneNumbers?.push({ phoneNumber: '+18005551212' }),
    'phoneNumbers.2.phoneNumber',
    /toll-free/,
  ],
  [
    'a UK number',
    (d) => d.phoneNumbers?.push({ phoneNumber: '+442079460958' }),
    'phoneNumbers.2.phoneNumber',
    /US numbers only/,
  ],
  [
    'a number listed twice in different formats',
    (d) => d.phoneNumbers?.push({ phoneNumber: '(415) 555-0132' }),
    'phoneNumbers.2.phoneNumber',
    /\(415\) 555-0132 is listed twice \(numbers 1 and 3\)/,
  ],
  [
    'no customer name',
    (d) => (carrier(d).customerName = ''),
    'losingCarrier.customerName',
    /customer name exactly as the losing carrier/,
  ],
  [
    'no authorized representative',
    (d) => (carrier(d).authorizedRepresentative = null),
    'losingCarrier.authorizedRepresentative',
    /first and last name/,
  ],
  [
    'no representative email',
    (d) => (carrier(d).authorizedRepresentativeEmail = ''),
    'losingCarrier.authorizedRepresentativeEmail',
    /letter of authorization/,
  ],
  [
    'a bad representative email',
    (d) => (carrier(d).authorizedRepresentativeEmail = 'jane@acme'),
    'losingCarrier.authorizedRepresentativeEmail',
    /"jane@acme" is not a valid email address/,
  ],
  [
    'a foreign billing telephone number',
    (d) => (carrier(d).accountTelephoneNumber = '+44 20 7946 0958'),
    'losingCarrier.accountTelephoneNumber',
    /Billing telephone number: .*US numbers only/,
  ],
  [
    'no street',
    (d) => (address(d).street = ''),
    'losingCarrier.address.street',
    /street of the service address/,
  ],
  ['no city', (d) => (address(d).city = ''), 'losingCarrier.address.city', /city/],
  ['no state', (d) => (address(d).state = ''), 'losingCarrier.address.state', /2-letter code/],
  [
    'a state spelled out',
    (d) => (address(d).state = 'Illinois'),
    'losingCarrier.address.state',
    /2-letter US code like IL or NY; "Illinois" is not one/,
  ],
  [
    'a 4-digit ZIP',
    (d) => (address(d).zip = '6270'),
    'losingCarrier.address.zip',
    /^ZIP code must be 5 digits, or 5\+4 like 62701-1234\.$/,
  ],
  [
    'a ZIP+4 without the dash',
    (d) => (address(d).zip = '627011234'),
    'losingCarrier.address.zip',
    /ZIP code must be 5 digits/,
  ],
  [
    'a Canadian address',
    (d) => (address(d).country = 'CA'),
    'losingCarrier.address.country',
    /must be in the US/,
  ],
  ['no bill', (d) => (d.billDocumentId = null), 'billDocumentId', /utility bill/],
  [
    'a port date 3 days ahead',
    (d) => (d.targetPortInDate = '2026-06-04'),
    'targetPortInDate',
    /at least 7 days from today/,
  ],
  [
    'a port date that is not a date',
    (d) => (d.targetPortInDate = '2026-02-30'),
    'targetPortInDate',
    /year-month-day/,
  ],
  [
    'a window that ends before it starts',
    (d) => (d.targetPortInTimeRangeEnd = '09:00:00-05:00'),
    'targetPortInTimeRangeEnd',
    /end after it starts/,
  ],
  [
    'a window that ends at the same instant in another zone',
    (d) => (d.targetPortInTimeRangeEnd = '09:00:00-06:00'),
    'targetPortInTimeRangeEnd',
    /end after it starts/,
  ],
  [
    'a window time without an offset',
    (d) => (d.targetPortInTimeRangeStart = '10:00'),
    'targetPortInTimeRangeStart',
    /like 10:00:00-05:00/,
  ],
  [
    'a window with only an end',
    (d) => (d.targetPortInTimeRangeStart = null),
    'targetPortInTimeRangeStart',
    /both a start and an end/,
  ],
  [
    'a window without a date',
    (d) => (d.targetPortInDate = ''),
    'targetPortInDate',
    /date to go with the port window/,
  ],
  [
    'a bad notification email',
    (d) => d.notificationEmails?.push('not-an-email'),
    'notificationEmails.3',
    /"not-an-email" is not a valid email address/,
  ],
  [
    'eleven notification emails',
    (d) => (d.notificationEmails = Array.from({ length: 11 }, (_, i) => `n${i}@acme.example`)),
    'notificationEmails',
    /At most 10 notification emails; this draft has 11/,
  ],
];

describe('a draft with one problem', () => {
  it.each(oneProblem.map(([name, edit, field, message]) => ({ name, edit, field, message })))(
    '$name → an error on $field',
    ({ edit, field, message }) => {
      const draft = structuredClone(validDraft());
      edit(draft);
      const errors = errorsOf(draft);
      expect(errors.map((e) => e.field)).toEqual([field]);
      expect(errors[0]?.message).toMatch(message);
    },
  );

  it('asks for every required part of a missing address', () => {
    const draft = validDraft();
    carrier(draft).address = null;
    expect(errorsOf(draft).map((e) => e.field)).toEqual([
      'losingCarrier.address.street',
      'losingCarrier.address.city',
      'losingCarrier.address.state',
      'losingCarrier.address.zip',
    ]);
  });

  it('refuses more than 1,000 numbers', () => {
    const draft = validDraft();
    draft.phoneNumbers = Array.from({ length: 1001 }, (_, i) => ({
      phoneNumber: `+1212555${String(i).padStart(4, '0')}`,
    }));
    const errors = errorsOf(draft);
    expect(errors).toEqual([
      { field: 'phoneNumbers', message: expect.stringMatching(/at most 1,000 entries/) },
    ]);
  });
});

describe('numbers that need a PIN and the account number', () => {
  const portability = new Map<string, NumberPortability>([
    ['+14155550132', { portable: true, pinAndAccountNumberRequired: true }],
    ['+14155550133', { portable: true, pinAndAccountNumberRequired: true }],
  ]);

  it('asks for the PIN of each such number and for the account number', () => {
    const draft = validDraft();
    carrier(draft).accountNumber = '';
    const errors = errorsOf(draft, portability);
    expect(errors).toEqual([
      {
        field: 'phoneNumbers.0.pin',
        message: expect.stringMatching(/\(415\) 555-0132 needs the port-out PIN/),
      },
      {
        field: 'losingCarrier.accountNumber',
        message: expect.stringMatching(
          /\(415\) 555-0132 and 1 more need a PIN and the account number/,
        ),
      },
    ]);
  });

  it('does not ask for an account number when no number needs one', () => {
    const draft = validDraft();
    carrier(draft).accountNumber = '';
    const relaxed = new Map([
      ['+14155550132', { portable: true, pinAndAccountNumberRequired: false }],
    ]);
    expect(errorsOf(draft, relaxed)).toEqual([]);
  });

  it('refuses a number Twilio found not portable, with the reason in words', () => {
    const notPortable = new Map<string, NumberPortability>([
      [
        '+14155550133',
        {
          portable: false,
          pinAndAccountNumberRequired: false,
          notPortableReasonCode: 22132,
          notPortableReason: 'ALREADY_IN_TWILIO_DIFFERENT_OWNER',
        },
      ],
    ]);
    expect(errorsOf(validDraft(), notPortable)).toEqual([
      {
        field: 'phoneNumbers.1.phoneNumber',
        message: expect.stringMatching(/can't be ported .*another Twilio account/),
      },
    ]);
  });
});

describe('parsing a draft edit that crosses IPC', () => {
  it('accepts a partial draft as typed, without trimming', () => {
    const edit = {
      losingCarrier: { customerName: 'Acme ' },
      phoneNumbers: [{ phoneNumber: '415' }],
    };
    expect(parseDraft(edit)).toEqual({ ok: true, draft: edit });
    expect(parseDraft({})).toEqual({ ok: true, draft: {} });
  });

  it('accepts nulls for cleared fields', () => {
    const edit = { targetPortInDate: null, losingCarrier: { customerType: null, address: null } };
    expect(parseDraft(edit)).toEqual({ ok: true, draft: edit });
  });

  it('drops keys it does not know', () => {
    expect(parseDraft({ accountId: 'a', legacyField: 1 })).toEqual({
      ok: true,
      draft: { accountId: 'a' },
    });
  });

  it.each<[string, unknown, string, RegExp]>([
    ['not an object', 'draft', '', /The draft must be a group of fields/],
    ['null', null, '', /group of fields/],
    ['a numeric account', { accountId: 5 }, 'accountId', /Account must be text/],
    [
      'a huge customer name',
      { losingCarrier: { customerName: 'x'.repeat(201) } },
      'losingCarrier.customerName',
      /Customer name is too long: at most 200 characters/,
    ],
    [
      'a 10 MB street',
      { losingCarrier: { address: { street: 'x'.repeat(10 * 1024 * 1024) } } },
      'losingCarrier.address.street',
      /Street is too long/,
    ],
    [
      'a PIN that is a number',
      { phoneNumbers: [{ phoneNumber: '+14155550132', pin: 1234 }] },
      'phoneNumbers.0.pin',
      /PIN must be text/,
    ],
    [
      'an unknown customer type',
      { losingCarrier: { customerType: 'Corporation' } },
      'losingCarrier.customerType',
      /one of: Business, Individual/,
    ],
    [
      'a fractional bill id',
      { billDocumentId: 1.5 },
      'billDocumentId',
      /Utility bill \(document id\) must be a whole number/,
    ],
    [
      'emails as one string',
      { notificationEmails: 'a@b.example' },
      'notificationEmails',
      /Notification emails must be a list/,
    ],
    [
      'too many numbers',
      { phoneNumbers: Array.from({ length: 1001 }, () => ({})) },
      'phoneNumbers',
      /at most 1,000 entries/,
    ],
  ])('refuses %s, naming the field', (_name, input, field, message) => {
    const result = parseDraft(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.field).toBe(field);
    expect(result.errors[0]?.message).toMatch(message);
  });

  it('makes submit validation report type errors instead of throwing', () => {
    const result = validateDraftForSubmit({ accountId: 42 } as unknown as PortInDraft, {
      today: TODAY,
    });
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'accountId' }] });
  });
});

describe('pointing the agent at a field', () => {
  it.each([
    ['pin', 3, 'phoneNumbers.3.pin'],
    ['phoneNumber', 0, 'phoneNumbers.0.phoneNumber'],
    ['accountNumber', undefined, 'losingCarrier.accountNumber'],
    ['address', undefined, 'losingCarrier.address'],
    ['customerName', undefined, 'losingCarrier.customerName'],
    ['targetPortInDate', undefined, 'targetPortInDate'],
    ['account', undefined, 'accountId'],
    ['bill', undefined, 'billDocumentId'],
  ] as const)('reason field %s (number %s) is at %s', (field, index, path) => {
    expect(draftPathForReasonField(field, index)).toBe(path);
  });

  it.each([
    ['phoneNumbers.3.pin', 'pin'],
    ['phoneNumbers.3.phoneNumber', 'phoneNumbers'],
    ['phoneNumbers', 'phoneNumbers'],
    ['losingCarrier.address.zip', 'losingCarrier.address'],
    ['losingCarrier.customerName', 'losingCarrier.customerName'],
    ['accountId', 'account'],
    ['billDocumentId', 'bill'],
    ['targetPortInTimeRangeEnd', 'targetPortInTimeRange'],
    ['notificationEmails.2', 'notificationEmails'],
    ['losingCarrier.nonsense', null],
    ['', null],
  ])('path %s belongs to section %s', (path, section) => {
    expect(draftSectionOf(path)).toBe(section);
  });

  it('maps every reason field to a known section', () => {
    for (const field of [
      'account',
      'phoneNumber',
      'pin',
      'accountNumber',
      'accountTelephoneNumber',
      'customerName',
      'authorizedRepresentative',
      'address',
      'targetPortInDate',
      'bill',
    ] as const) {
      expect(DRAFT_SECTIONS).toContain(draftSectionOf(draftPathForReasonField(field, 0)));
    }
  });
});

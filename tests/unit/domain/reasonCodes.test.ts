import { describe, expect, it } from 'vitest';
import {
  REASON_CATALOG,
  REJECTION_HELP,
  explainReason,
  normaliseReasonCode,
  reasonByCode,
  reasonByName,
  rejectionHelpFor,
} from '../../../shared/domain';

describe('reason lookup by code', () => {
  it.each([
    [22155, 'INVALID_PIN', 'pin'],
    ['22155', 'INVALID_PIN', 'pin'],
    [' 22156 ', 'INVALID_ACCOUNT_NUMBER', 'accountNumber'],
    [22153, 'INVALID_END_USER_NAME', 'customerName'],
    [22154, 'INVALID_ADDRESS', 'address'],
    [22150, 'CONTACT_SUPPORT_REQUIRED', null],
    [22158, null, 'targetPortInDate'],
    [22159, null, 'phoneNumber'],
    [22133, 'MANUAL_PORTING_AVAILABLE', 'phoneNumber'],
    [22137, null, 'phoneNumber'],
  ])('finds %j: name %s, field %s', (code, name, field) => {
    const entry = reasonByCode(code);
    expect(entry?.code).toBe(Number(String(code).trim()));
    expect(entry?.name).toBe(name);
    expect(entry?.field).toBe(field);
  });

  it('prefers the asked kind when a code is in several tables', () => {
    expect(reasonByCode(20003, 'create_error')?.title).toBe('Authentication failed');
    expect(reasonByCode(20003, 'not_portable')?.name).toBe('UNAUTHORIZED');
    expect(reasonByCode(22102, 'create_error')?.kind).toBe('create_error');
    expect(reasonByCode(22102)?.kind).toBe('not_portable');
  });

  it.each([[null], [undefined], [''], ['abc'], ['22155x'], [1.5], [Number.NaN]])(
    'finds nothing for the non-code %j',
    (code) => {
      expect(reasonByCode(code)).toBeUndefined();
      expect(normaliseReasonCode(code)).toBeNull();
    },
  );
});

describe('reason lookup by name', () => {
  it.each([
    ['INVALID_PIN', 22155],
    ['invalid_pin', 22155],
    ['ALREADY_IN_TWILIO_DIFFERENT_OWNER', 22132],
    ['PHONE_NUMBER_INACTIVE_OR_DISCONNECTED', 22152],
    ['UNSUPPORTED', 22130],
  ])('finds %s as code %d', (name, code) => {
    expect(reasonByName(name)?.code).toBe(code);
  });

  it('finds nothing for an unknown name', () => {
    expect(reasonByName('TELEPORTED')).toBeUndefined();
    expect(reasonByName('')).toBeUndefined();
  });
});

describe('explaining a reason', () => {
  it('a rejected number shows the fix for INVALID_PIN', () => {
    const entry = explainReason({ code: '22155', name: 'INVALID_PIN' });
    expect(entry.known).toBe(true);
    expect(entry.title).toBe('Invalid PIN');
    expect(entry.fix).toMatch(/port-out PIN/);
    expect(entry.field).toBe('pin');
  });

  it('falls back to the name when the code is missing', () => {
    expect(explainReason({ code: null, name: 'INVALID_ADDRESS' }).code).toBe(22154);
  });

  it('shows an unknown code raw with the porting-support hint', () => {
    const entry = explainReason({ code: '22999', name: 'NEW_REASON', kind: 'rejection' });
    expect(entry.known).toBe(false);
    expect(entry.code).toBe(22999);
    expect(entry.name).toBe('NEW_REASON');
    expect(entry.title).toContain('22999');
    expect(entry.meaning).toContain('NEW_REASON');
    expect(entry.fix).toMatch(/Twilio porting support/);
    expect(entry.field).toBeNull();
  });

  it('keeps a non-numeric code raw instead of dropping it', () => {
    const entry = explainReason({ code: 'X-17' });
    expect(entry.code).toBeNull();
    expect(entry.title).toContain('X-17');
  });

  it('still explains a rejection with neither code nor name', () => {
    const entry = explainReason({});
    expect(entry.known).toBe(false);
    expect(entry.title).toBe('Reason not given');
    expect(entry.fix).toMatch(/Twilio porting support/);
  });
});

describe('the catalog', () => {
  it('covers every code of REASON-CODES §1–§3', () => {
    const codes = (kind: string) =>
      REASON_CATALOG.filter((e) => e.kind === kind)
        .map((e) => e.code)
        .sort();
    expect(codes('rejection')).toEqual([
      22150, 22151, 22152, 22153, 22154, 22155, 22156, 22157, 22158, 22159,
    ]);
    expect(codes('not_portable')).toEqual([
      20003, 22102, 22130, 22131, 22132, 22133, 22135, 22136, 22171,
    ]);
    expect(codes('create_error')).toEqual([
      20003, 20404, 20429, 22102, 22137, 22170, 22171, 22172, 22173,
    ]);
  });

  it('gives every entry a title, a meaning and a fix', () => {
    for (const entry of REASON_CATALOG) {
      expect(entry.title.length, String(entry.code)).toBeGreaterThan(0);
      expect(entry.meaning.length, String(entry.code)).toBeGreaterThan(0);
      expect(entry.fix.length, String(entry.code)).toBeGreaterThan(0);
    }
  });

  it('marks the meaning of 22151 as read from its name', () => {
    expect(reasonByCode(22151)?.inferred).toBe(true);
    expect(reasonByCode(22155)?.inferred).toBe(false);
  });
});

describe('why carriers reject (help panels)', () => {
  it('has a topic for each point of REASON-CODES §4', () => {
    expect(REJECTION_HELP.map((t) => t.id)).toEqual([
      'exact_match',
      'service_address',
      'mobile_pin',
      'one_account_per_request',
      'pending_order',
      'account_freeze',
      'partial_port',
      'resubmit_and_cancel_timing',
    ]);
  });

  it('shows the service-address advice next to the address', () => {
    const ids = rejectionHelpFor('address').map((t) => t.id);
    expect(ids).toContain('service_address');
    expect(ids).toContain('exact_match');
    expect(rejectionHelpFor('pin').map((t) => t.id)).toEqual(['mobile_pin']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  PIN_FORMAT_HINT,
  US_STATES,
  US_STATE_CODES,
  checkAccountNumber,
  checkCity,
  checkEmail,
  checkFullName,
  checkPin,
  checkUsState,
  checkZip,
  validateDraftForSubmit,
  type FieldRuleResult,
  type PortInDraft,
} from '../../../shared/domain';

const kept = (result: FieldRuleResult) => (result.ok ? result.value : `refused: ${result.message}`);
const refused = (result: FieldRuleResult) => (result.ok ? null : result.message);

describe('the shared field rules', () => {
  it('list every state, DC and the five inhabited territories for the picker', () => {
    expect(US_STATES).toHaveLength(56);
    expect(US_STATES).toContainEqual({ code: 'PR', name: 'Puerto Rico' });
    expect(US_STATE_CODES.has('DC')).toBe(true);
    expect(new Set(US_STATES.map((s) => s.code)).size).toBe(56);
  });

  it('take a state by its code in any case and keep it upper-case', () => {
    expect(kept(checkUsState(' il '))).toBe('IL');
    expect(kept(checkUsState('Gu'))).toBe('GU');
    expect(refused(checkUsState('ZZ'))).toMatch(/State must be a 2-letter US code/);
    expect(refused(checkUsState('ON'))).toMatch(/"ON" is not one/);
  });

  it('take a ZIP of 5 digits or ZIP+4 only', () => {
    expect(kept(checkZip('62701'))).toBe('62701');
    expect(kept(checkZip('62701-1234'))).toBe('62701-1234');
    for (const zip of ['6270', '627011', '62701-12', '62701 1234', 'ABCDE']) {
      expect(refused(checkZip(zip)), zip).toMatch(/5 digits, or 5\+4/);
    }
  });

  it("want at least two words in the representative's full name", () => {
    expect(kept(checkFullName('  Jane   Doe '))).toBe('Jane Doe');
    expect(kept(checkFullName('J. Doe'))).toBe('J. Doe');
    expect(kept(checkFullName('José María Núñez'))).toBe('José María Núñez');
    expect(refused(checkFullName('Jane'))).toMatch(/first and last name/);
    expect(refused(checkFullName('Jane 42'))).toMatch(/first and last name/);
    expect(refused(checkFullName('Jane \u202EDoe'))).toMatch(/text-direction character/);
  });

  it('want letters in a city', () => {
    expect(kept(checkCity('Winston-Salem'))).toBe('Winston-Salem');
    expect(refused(checkCity('62701'))).toMatch(/in letters/);
    expect(refused(checkCity('--'))).toMatch(/in letters/);
  });

  it('take a PIN of letters and digits only, and say what carriers usually issue', () => {
    expect(kept(checkPin(' 0042 '))).toBe('0042');
    expect(kept(checkPin('aB12cd'))).toBe('aB12cd');
    for (const pin of ['12 34', '12-34', '1234!', 'пин1']) {
      expect(refused(checkPin(pin)), pin).toMatch(/letters and digits only/);
    }
    expect(PIN_FORMAT_HINT).toMatch(/Letters and digits only/);
  });

  it('want a valid e-mail address', () => {
    expect(kept(checkEmail(' jane@acme.example '))).toBe('jane@acme.example');
    expect(refused(checkEmail('jane@'))).toBe('"jane@" is not a valid email address.');
  });

  it('want an account number without spaces', () => {
    expect(kept(checkAccountNumber('4471-0092'))).toBe('4471-0092');
    expect(refused(checkAccountNumber('4471 0092'))).toMatch(/without spaces/);
    expect(refused(checkAccountNumber('4471\t0092'))).toMatch(/tab/);
  });
});

describe('a draft breaking the field rules', () => {
  const draft = (): PortInDraft => ({
    accountId: 'acct-1',
    phoneNumbers: [{ phoneNumber: '+14155550133', pin: '12-34' }],
    losingCarrier: {
      customerType: 'Business',
      customerName: 'Acme Inc',
      accountNumber: '4471 0092',
      authorizedRepresentative: 'Jane',
      authorizedRepresentativeEmail: 'jane@acme.example',
      address: { street: '1 Main St', city: '62701', state: 'Illinois', zip: '627', country: 'US' },
    },
    billDocumentId: 7,
  });

  it('cannot be submitted: each rule is an error on its field', () => {
    const result = validateDraftForSubmit(draft(), { today: '2026-06-01' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual([
      'losingCarrier.accountNumber',
      'losingCarrier.address.city',
      'losingCarrier.address.state',
      'losingCarrier.address.zip',
      'losingCarrier.authorizedRepresentative',
      'phoneNumbers.0.pin',
    ]);
  });

  it('refuses control and bidi characters in names stored before the contract checked them', () => {
    const stored = draft();
    stored.phoneNumbers = [{ phoneNumber: '+14155550133', pin: '1234' }];
    stored.losingCarrier = {
      ...stored.losingCarrier,
      customerName: 'Acme\u0000 Inc',
      accountNumber: '44710092',
      authorizedRepresentative: 'Jane Doe',
      address: { street: '1 Main\u202E St', city: 'Springfield', state: 'IL', zip: '62701' },
    };
    const result = validateDraftForSubmit(stored, { today: '2026-06-01' });
    expect(result.ok ? [] : result.errors.map((e) => e.field).sort()).toEqual([
      'losingCarrier.address.street',
      'losingCarrier.customerName',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { DraftView, PortabilityResultView } from '../../../shared/views';
import { liveFieldErrors } from '../../../renderer/features/wizard/liveFieldErrors';

const TODAY = '2026-11-27';

/** A draft as main returns it after a save: complete, and main's field errors as it kept them. */
function aDraft(overrides: Partial<DraftView> = {}): DraftView {
  return {
    id: 7,
    accountId: 'acct-1',
    status: 'editing',
    payload: {
      phoneNumbers: [
        { phoneNumber: '+12125550100', pin: null },
        { phoneNumber: '+12129550100', pin: null },
      ],
      losingCarrier: {
        customerType: 'Business',
        customerName: 'Wayne Enterprises',
        accountNumber: '',
        accountTelephoneNumber: '',
        authorizedRepresentative: 'Lucius Fox',
        authorizedRepresentativeEmail: 'lucius@wayne.example',
        address: {
          street: '1007 Mountain Dr',
          street2: '',
          city: 'New York',
          state: 'NY',
          zip: '10001',
          country: 'US',
        },
      },
      notificationEmails: [],
      targetPortInDate: null,
      targetPortInTimeRangeStart: null,
      targetPortInTimeRangeEnd: null,
    },
    fieldErrors: [],
    requestSid: null,
    bill: { name: 'bill.pdf', sizeBytes: 600, mimeType: 'application/pdf', uploaded: false },
    portability: { checkId: null, state: 'idle', done: 0, total: 0, results: [] },
    origin: null,
    lastError: null,
    createdAt: '2026-11-27T08:00:00.000Z',
    updatedAt: '2026-11-27T08:00:00.000Z',
    ...overrides,
  };
}

function withState(draft: DraftView, state: string): DraftView {
  const { losingCarrier } = draft.payload;
  return {
    ...draft,
    payload: {
      ...draft.payload,
      losingCarrier: { ...losingCarrier, address: { ...losingCarrier.address, state } },
    },
  };
}

function aResult(phoneNumber: string, overrides: Partial<PortabilityResultView> = {}) {
  return {
    phoneNumber,
    outcome: 'portable',
    pinAndAccountNumberRequired: false,
    numberType: 'LOCAL',
    reason: null,
    checkedAt: '2026-11-27T08:00:00.000Z',
    ...overrides,
  } satisfies PortabilityResultView;
}

describe('the wizard’s live field errors', () => {
  it('finds a wrong state as it is typed, although main’s save returned no errors', () => {
    const errors = liveFieldErrors(withState(aDraft(), 'ZZ'), TODAY);
    expect(errors).toEqual([
      {
        field: 'losingCarrier.address.state',
        message: expect.stringContaining('State must be a 2-letter US code'),
      },
    ]);
    expect(liveFieldErrors(withState(aDraft(), 'NY'), TODAY)).toEqual([]);
  });

  it('asks for a PIN and the account number where the portability check said so', () => {
    const draft = aDraft({
      portability: {
        checkId: 'c1',
        state: 'done',
        done: 2,
        total: 2,
        results: [
          aResult('+12125550100'),
          aResult('+12129550100', { pinAndAccountNumberRequired: true, numberType: 'MOBILE' }),
        ],
      },
    });
    const fields = liveFieldErrors(draft, TODAY).map((error) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining(['phoneNumbers.1.pin', 'losingCarrier.accountNumber']),
    );
    expect(fields).not.toContain('phoneNumbers.0.pin');
  });

  it('judges nothing on a failed check, as main does', () => {
    const draft = aDraft({
      portability: {
        checkId: 'c1',
        state: 'failed',
        done: 1,
        total: 2,
        results: [
          aResult('+12129550100', { outcome: 'failed', pinAndAccountNumberRequired: true }),
        ],
      },
    });
    expect(liveFieldErrors(draft, TODAY)).toEqual([]);
  });

  it('names the bill as the contract spells it, and asks for one when none is attached', () => {
    const errors = liveFieldErrors(aDraft({ bill: null }), TODAY);
    expect(errors.map((error) => error.field)).toEqual(['bill']);
  });

  it('keeps main’s word on what only main knows, and drops main’s errors the rules no longer find', () => {
    const draft = aDraft({
      fieldErrors: [
        {
          field: 'bill',
          message: 'The bill “bill.pdf” is no longer on this computer; attach it again.',
        },
        { field: 'losingCarrier.customerName', message: 'Enter the customer name.' },
      ],
    });
    expect(liveFieldErrors(draft, TODAY)).toEqual([
      {
        field: 'bill',
        message: 'The bill “bill.pdf” is no longer on this computer; attach it again.',
      },
    ]);
  });

  it('leaves a queued or submitted draft as main sent it', () => {
    const queued = withState(aDraft({ status: 'queued' }), 'ZZ');
    expect(liveFieldErrors(queued, TODAY)).toEqual([]);
  });

  it('judges a target date against the day it is given', () => {
    const draft = aDraft({ payload: { ...aDraft().payload, targetPortInDate: '2026-12-02' } });
    expect(liveFieldErrors(draft, TODAY).map((error) => error.field)).toEqual(['targetPortInDate']);
    expect(liveFieldErrors(draft, '2026-11-20')).toEqual([]);
  });
});

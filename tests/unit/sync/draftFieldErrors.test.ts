import { describe, expect, it } from 'vitest';
import { fieldErrorsForRefusal } from '../../../main/core/sync/draftFieldErrors';

const sent = ['+14155550101', '+14155550102'];
const draft = {
  phoneNumbers: [
    { phoneNumber: '' },
    { phoneNumber: '(415) 555-0101' },
    { phoneNumber: '415.555.0102' },
  ],
};
const prefix = 'Could not create a port-in request for 2 numbers: Twilio rejected the request';

describe('field errors for a refused create', () => {
  it('puts an invalid number on that number of the draft, found by its digits as typed', () => {
    const errors = fieldErrorsForRefusal(
      {
        code: 22102,
        message: `${prefix} (HTTP 400, Twilio error 22102): phone_numbers[1].phone_number +14155550102 is not a valid North American number`,
      },
      sent,
      draft,
    );
    expect(errors).toEqual([
      {
        field: 'phoneNumbers.2.phoneNumber',
        message: expect.stringMatching(/^Invalid phone number: phone_numbers\[1\].*not a valid/),
      },
    ]);
  });

  it('marks the numbers a 22137 names, with the request that holds them', () => {
    const errors = fieldErrorsForRefusal(
      {
        code: 22137,
        message: `${prefix} (HTTP 400, Twilio error 22137): +14155550101: a port for this number is already in progress in port-in request KW${'0'.repeat(32)}`,
      },
      sent,
      draft,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe('phoneNumbers.1.phoneNumber');
    expect(errors[0]?.message).toContain('Port already in progress');
    expect(errors[0]?.message).toContain(`KW${'0'.repeat(32)}`);
  });

  it('names the missing field from Twilio’s words', () => {
    const errors = fieldErrorsForRefusal(
      {
        code: 22171,
        message: `${prefix} (HTTP 400, Twilio error 22171): Missing required field: losing_carrier_information.address (or address_sid)`,
      },
      sent,
      draft,
    );
    expect(errors.map((e) => e.field)).toEqual(['losingCarrier.address']);
  });

  it('uses the structured fields of the error body when there are some', () => {
    const errors = fieldErrorsForRefusal(
      {
        code: 20001,
        message: `${prefix} (HTTP 400, Twilio error 20001): invalid`,
        fields: ['losingCarrier.address.street2', 'phoneNumbers.0.pin', 'documents.0'],
      },
      sent,
      draft,
    );
    expect(errors.map((e) => e.field)).toEqual([
      'losingCarrier.address.street2',
      'phoneNumbers.1.pin',
      'billDocumentId',
    ]);
  });

  it('points an unknown address SID (22173) at the service address', () => {
    const errors = fieldErrorsForRefusal(
      { code: 22173, message: `${prefix} (HTTP 400, Twilio error 22173): bad address sid` },
      sent,
      draft,
    );
    expect(errors.map((e) => e.field)).toEqual(['losingCarrier.address']);
    expect(errors[0]?.message).toMatch(/^Invalid address: bad address sid/);
  });

  it('puts a refusal it cannot place on the whole draft, in Twilio’s words', () => {
    const errors = fieldErrorsForRefusal(
      { code: 29999, message: `${prefix} (HTTP 400, Twilio error 29999): something new` },
      sent,
      null,
    );
    expect(errors).toEqual([{ field: '', message: 'Twilio refused the request: something new' }]);
  });
});

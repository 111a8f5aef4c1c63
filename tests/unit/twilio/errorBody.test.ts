import { describe, expect, it } from 'vitest';
import { parseErrorBody, wireFieldToDomainPath } from '../../../main/core/twilio/errorBody';

describe('parseErrorBody', () => {
  it('reads the classic Twilio body', () => {
    const body = JSON.stringify({
      code: 20404,
      message: 'The requested resource /v1/Porting/PortIn/KW1 was not found',
      more_info: 'https://www.twilio.com/docs/errors/20404',
      status: 404,
    });
    expect(parseErrorBody(body)).toEqual({
      code: 20404,
      message: 'The requested resource /v1/Porting/PortIn/KW1 was not found',
      moreInfo: 'https://www.twilio.com/docs/errors/20404',
      fields: [],
    });
  });

  it('reads the RFC 9457 body and turns each pointer into a domain field path', () => {
    const body = JSON.stringify({
      type: 'https://www.twilio.com/docs/api/errors/22171',
      title: 'Missing required fields',
      status: 400,
      detail: 'The request is missing fields required for US ports',
      instance: '/v1/Porting/PortIn',
      code: 22171,
      errors: [
        {
          detail: 'must be an email',
          pointer: '/losing_carrier_information/authorized_representative_email',
        },
        { detail: 'is required', pointer: '#/losing_carrier_information/address/street_2' },
        { detail: 'is not E.164', pointer: '/phone_numbers/0/phone_number' },
      ],
    });
    const parsed = parseErrorBody(body);
    expect(parsed.code).toBe(22171);
    expect(parsed.moreInfo).toBe('https://www.twilio.com/docs/api/errors/22171');
    expect(parsed.message).toBe(
      'The request is missing fields required for US ports: must be an email; is required; is not E.164',
    );
    expect(parsed.fields).toEqual([
      'losingCarrier.authorizedRepresentativeEmail',
      'losingCarrier.address.street2',
      'phoneNumbers.0.phoneNumber',
    ]);
  });

  it('falls back to the RFC 9457 title and ignores a non-URL type', () => {
    const parsed = parseErrorBody(
      JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429, code: 20429 }),
    );
    expect(parsed).toEqual({
      code: 20429,
      message: 'Too Many Requests',
      moreInfo: null,
      fields: [],
    });
  });

  it('picks field names out of a classic body whose details name them', () => {
    const parsed = parseErrorBody(
      JSON.stringify({
        code: 21201,
        message: 'Invalid parameter',
        status: 400,
        details: { field: 'losing_carrier_information.customer_name' },
      }),
    );
    expect(parsed.fields).toEqual(['losingCarrier.customerName']);
  });

  it('accepts a code sent as a numeric string', () => {
    expect(parseErrorBody('{"code":"20003","message":"Authenticate"}').code).toBe(20003);
  });

  it('keeps the readable fields when one field has an unexpected type', () => {
    const parsed = parseErrorBody(
      JSON.stringify({ code: 20003, message: { nested: true }, more_info: 7 }),
    );
    expect(parsed).toEqual({ code: 20003, message: null, moreInfo: null, fields: [] });
  });

  it('yields nothing, without throwing, for an HTML error page or an empty body', () => {
    const empty = { code: null, message: null, moreInfo: null, fields: [] };
    expect(parseErrorBody('<html><body>502 Bad Gateway</body></html>')).toEqual(empty);
    expect(parseErrorBody('')).toEqual(empty);
    expect(parseErrorBody('[1,2]')).toEqual(empty);
  });
});

describe('wireFieldToDomainPath', () => {
  it('maps snake_case wire names to the PortInCreateInput paths', () => {
    expect(wireFieldToDomainPath('/target_port_in_date')).toBe('targetPortInDate');
    expect(wireFieldToDomainPath('losing_carrier_information.address.zip')).toBe(
      'losingCarrier.address.zip',
    );
    expect(wireFieldToDomainPath('/phone_numbers/12/pin')).toBe('phoneNumbers.12.pin');
  });

  it('lower-cases the first letter of PascalCase query parameter names', () => {
    expect(wireFieldToDomainPath('Size')).toBe('size');
  });

  it('unescapes RFC 6901 escapes', () => {
    expect(wireFieldToDomainPath('/a~1b/c~0d')).toBe('a/b.c~d');
  });
});

import { describe, expect, it } from 'vitest';
import type { PortInCreateInput } from '../../../shared/domain';
import {
  toCreatePortInBody,
  toWebhookConfigurationBody,
} from '../../../main/core/twilio/requestBodies';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';

function fullInput(): PortInCreateInput {
  return {
    accountSid: ACCOUNT,
    documents: ['RD0123456789abcdef0123456789abcdef'],
    phoneNumbers: [
      { phoneNumber: '+15555550100', pin: '0042' },
      { phoneNumber: '+15555550101', pin: null },
      { phoneNumber: '+15555550102' },
    ],
    losingCarrier: {
      customerType: 'Business',
      customerName: 'Acme Inc',
      accountNumber: '123456',
      accountTelephoneNumber: '+15555550100',
      authorizedRepresentative: 'Jane Doe',
      authorizedRepresentativeEmail: 'jane@acme.example',
      addressSid: null,
      address: {
        street: '1 Main St',
        street2: 'Suite 5',
        city: 'Springfield',
        state: 'IL',
        zip: '62701',
        country: 'US',
      },
    },
    notificationEmails: ['ops@acme.example'],
    targetPortInDate: '2026-06-01',
    targetPortInTimeRangeStart: '10:00:00-05:00',
    targetPortInTimeRangeEnd: '16:00:00-05:00',
  };
}

describe('toCreatePortInBody', () => {
  it('writes every field in snake_case with exactly the spec keys', () => {
    expect(toCreatePortInBody(fullInput(), 'ACdefault')).toStrictEqual({
      account_sid: ACCOUNT,
      documents: ['RD0123456789abcdef0123456789abcdef'],
      phone_numbers: [
        { phone_number: '+15555550100', pin: '0042' },
        { phone_number: '+15555550101' },
        { phone_number: '+15555550102' },
      ],
      losing_carrier_information: {
        customer_type: 'Business',
        customer_name: 'Acme Inc',
        account_number: '123456',
        account_telephone_number: '+15555550100',
        authorized_representative: 'Jane Doe',
        authorized_representative_email: 'jane@acme.example',
        address: {
          street: '1 Main St',
          street_2: 'Suite 5',
          city: 'Springfield',
          state: 'IL',
          zip: '62701',
          country: 'US',
        },
      },
      notification_emails: ['ops@acme.example'],
      target_port_in_date: '2026-06-01',
      target_port_in_time_range_start: '10:00:00-05:00',
      target_port_in_time_range_end: '16:00:00-05:00',
    });
  });

  it('keeps a PIN with leading zeros as a string', () => {
    const body = toCreatePortInBody(fullInput(), 'ACdefault');
    expect(JSON.stringify(body)).toContain('"pin":"0042"');
  });

  it('leaves out optional values that are null or empty instead of sending null', () => {
    const input = fullInput();
    input.losingCarrier = {
      ...input.losingCarrier,
      customerType: null,
      accountNumber: '',
      accountTelephoneNumber: null,
      addressSid: 'AD0123456789abcdef0123456789abcdef',
      address: null,
    };
    input.notificationEmails = [];
    input.targetPortInDate = null;
    input.targetPortInTimeRangeStart = undefined;
    delete input.targetPortInTimeRangeEnd;
    const body = toCreatePortInBody(input, 'ACdefault');
    expect(Object.keys(body).sort()).toEqual(
      ['account_sid', 'documents', 'losing_carrier_information', 'phone_numbers'].sort(),
    );
    expect(body.losing_carrier_information).toStrictEqual({
      customer_name: 'Acme Inc',
      authorized_representative: 'Jane Doe',
      authorized_representative_email: 'jane@acme.example',
      address_sid: 'AD0123456789abcdef0123456789abcdef',
    });
  });

  it('leaves out a null street_2, which the spec types as a plain string', () => {
    const input = fullInput();
    input.losingCarrier.address = {
      street: '1 Main St',
      street2: null,
      city: 'Springfield',
      state: 'IL',
      zip: '62701',
      country: 'US',
    };
    const address = toCreatePortInBody(input, 'ACdefault').losing_carrier_information.address;
    expect(address).not.toHaveProperty('street_2');
  });

  it("uses the client's account when the input names none", () => {
    const input = { ...fullInput(), accountSid: '' };
    expect(toCreatePortInBody(input, 'ACdefault').account_sid).toBe('ACdefault');
  });

  it('does not share arrays with the input', () => {
    const input = fullInput();
    const body = toCreatePortInBody(input, 'ACdefault');
    input.documents.push('RDother');
    expect(body.documents).toHaveLength(1);
  });
});

describe('toWebhookConfigurationBody', () => {
  it('writes the three fields in snake_case', () => {
    expect(
      toWebhookConfigurationBody({
        portInTargetUrl: 'https://hooks.example/in',
        portOutTargetUrl: null,
        notificationsOf: ['PortInCompleted'],
      }),
    ).toStrictEqual({
      port_in_target_url: 'https://hooks.example/in',
      port_out_target_url: null,
      notifications_of: ['PortInCompleted'],
    });
  });

  it('leaves out what was not given', () => {
    expect(
      toWebhookConfigurationBody({ portInTargetUrl: 'https://hooks.example/in' }),
    ).toStrictEqual({
      port_in_target_url: 'https://hooks.example/in',
    });
  });
});

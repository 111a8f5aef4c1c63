import { describe, expect, it } from 'vitest';
import {
  portabilityWire,
  portInListWire,
  portInPhoneNumberWire,
  portInWire,
  uploadedDocumentWire,
  webhookConfigurationWire,
} from '../../../main/core/twilio/wireSchemas';
import {
  toPortabilityResult,
  toPortInPhoneNumberDetail,
  toPortInRequest,
  toPortInRequestSummary,
  toUploadedDocument,
  toWebhookConfiguration,
} from '../../../main/core/twilio/wireToDomain';
import { loadSpecExample, SPEC_EXAMPLES, specPath } from './specExamples';

const KW = 'KWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const PU = 'PUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

describe('the copied spec examples', () => {
  it('match the examples in the official OpenAPI file', () => {
    if (specPath() === null) {
      console.warn(
        'twilio_numbers_v1.json not found (set TWILIO_OAI_SPEC): the copied examples were NOT compared with the spec.',
      );
      return;
    }
    for (const name of Object.keys(SPEC_EXAMPLES) as (keyof typeof SPEC_EXAMPLES)[]) {
      expect(loadSpecExample(name), name).toEqual(SPEC_EXAMPLES[name]);
    }
  });
});

describe('PortIn fetch example → PortInRequest', () => {
  const request = toPortInRequest(portInWire.parse(SPEC_EXAMPLES.fetchPortIn));

  it('maps the request fields to camelCase and keeps the raw "pending" status', () => {
    expect(request).toMatchObject({
      sid: KW,
      accountSid: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      status: { canonical: 'in_review', raw: 'pending' },
      notificationEmails: ['user@domain.com'],
      targetPortInDate: '2023-09-10',
      targetPortInTimeRangeStart: '10:00:00+01:00',
      targetPortInTimeRangeEnd: '20:00:00+01:00',
      documents: ['RDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
      dateCreated: '2023-09-10T06:52:21Z',
      supportTicketId: 123456,
      signatureRequestUrl: null,
      orderCancellationReason: null,
      bundleSid: null,
    });
  });

  it('maps the losing carrier and its address, street_2 included', () => {
    expect(request.losingCarrier).toEqual({
      customerType: 'Business',
      customerName: 'Customer name for carrier',
      accountNumber: '123456',
      accountTelephoneNumber: '+133232323',
      authorizedRepresentative: 'John Smith',
      authorizedRepresentativeEmail: 'signer@domain.com',
      addressSid: 'ADaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      address: {
        street: 'Your Street',
        street2: 'Other Street or null',
        city: 'City',
        state: 'State',
        zip: '000000',
        country: 'US',
      },
    });
  });

  it('maps a number with the PortIn spellings and normalises "In Review"', () => {
    expect(request.phoneNumbers).toEqual([
      {
        sid: PU,
        phoneNumber: '+16175551212',
        status: { canonical: 'in_review', raw: 'In Review' },
        portable: true,
        notPortableReason: 'string',
        notPortableReasonCode: 0,
        numberType: 'LOCAL',
        rejectionReason: null,
        rejectionReasonCode: null,
        portDate: '2023-09-17T00:00:00Z',
        statusUpdatedAt: '2025-01-01T00:52:21Z',
      },
    ]);
  });
});

describe('PortIn create example (202) → PortInRequest', () => {
  it('tolerates a number without number_type, rejection fields, port date or timestamp', () => {
    const request = toPortInRequest(portInWire.parse(SPEC_EXAMPLES.createPortIn));
    expect(request.phoneNumbers[0]).toEqual({
      sid: PU,
      phoneNumber: '+16175551212',
      status: { canonical: 'in_review', raw: 'In Review' },
      portable: true,
      notPortableReason: 'string',
      notPortableReasonCode: 0,
      numberType: null,
      rejectionReason: null,
      rejectionReasonCode: null,
      portDate: null,
      statusUpdatedAt: null,
    });
  });
});

describe('the quirks of PORTING-API §10', () => {
  const number = (extra: Record<string, unknown>) => ({
    port_in_phone_number_sid: PU,
    phone_number: '+15555550100',
    port_in_phone_number_status: 'Rejected',
    ...extra,
  });
  const request = (numbers: unknown[], extra: Record<string, unknown> = {}) => ({
    port_in_request_sid: KW,
    account_sid: 'AC1',
    port_in_request_status: 'Action Required',
    phone_numbers: numbers,
    ...extra,
  });

  it('reads rejection_reason_code sent as a string inside a PortIn as a number', () => {
    const mapped = toPortInRequest(
      portInWire.parse(
        request([number({ rejection_reason: 'INVALID_PIN', rejection_reason_code: '22155' })]),
      ),
    );
    expect(mapped.phoneNumbers[0]?.rejectionReasonCode).toBe(22155);
    expect(mapped.phoneNumbers[0]?.status).toEqual({ canonical: 'rejected', raw: 'Rejected' });
    expect(mapped.status).toEqual({ canonical: 'action_required', raw: 'Action Required' });
  });

  it('reads rejection_reason_code sent as an integer by the PhoneNumber resource', () => {
    const detail = toPortInPhoneNumberDetail(
      portInPhoneNumberWire.parse({
        ...SPEC_EXAMPLES.fetchPortInNumber,
        rejection_reason_code: 22156,
      }),
      KW,
    );
    expect(detail.rejectionReasonCode).toBe(22156);
  });

  it('leaves a non-numeric rejection code null and keeps the reason text', () => {
    const mapped = toPortInRequest(
      portInWire.parse(
        request([
          number({ rejection_reason: 'INVALID_PIN', rejection_reason_code: 'INVALID_PIN' }),
        ]),
      ),
    );
    expect(mapped.phoneNumbers[0]?.rejectionReasonCode).toBeNull();
    expect(mapped.phoneNumbers[0]?.rejectionReason).toBe('INVALID_PIN');
  });

  it('accepts support_ticket_id as an integer, null, or missing', () => {
    expect(
      toPortInRequest(portInWire.parse(request([], { support_ticket_id: 42 }))).supportTicketId,
    ).toBe(42);
    expect(
      toPortInRequest(portInWire.parse(request([], { support_ticket_id: null }))).supportTicketId,
    ).toBeNull();
    expect(toPortInRequest(portInWire.parse(request([]))).supportTicketId).toBeNull();
  });

  it('keeps date-only and date-time timestamps exactly as sent', () => {
    const [summary] = portInListWire
      .parse(SPEC_EXAMPLES.listFull)
      .port_in_requests.map(toPortInRequestSummary);
    expect(summary?.statusUpdatedAt).toBe('2025-04-30');
    const mapped = toPortInRequest(
      portInWire.parse(
        request([number({ status_last_time_updated_timestamp: '2025-01-01T00:52:21Z' })]),
      ),
    );
    expect(mapped.phoneNumbers[0]?.statusUpdatedAt).toBe('2025-01-01T00:52:21Z');
  });

  it('accepts portable as the strings "true" and "false"', () => {
    const mapped = toPortInRequest(portInWire.parse(request([number({ portable: 'false' })])));
    expect(mapped.phoneNumbers[0]?.portable).toBe(false);
  });

  it('keeps an unknown status raw instead of failing', () => {
    const mapped = toPortInRequest(
      portInWire.parse(request([], { port_in_request_status: 'On Hold' })),
    );
    expect(mapped.status).toEqual({ canonical: 'unknown', raw: 'On Hold' });
  });

  it('tolerates missing optional collections and a null losing carrier', () => {
    const mapped = toPortInRequest(
      portInWire.parse({
        port_in_request_sid: KW,
        losing_carrier_information: null,
        phone_numbers: null,
      }),
    );
    expect(mapped.phoneNumbers).toEqual([]);
    expect(mapped.documents).toEqual([]);
    expect(mapped.notificationEmails).toEqual([]);
    expect(mapped.losingCarrier.address).toBeNull();
    expect(mapped.status).toEqual({ canonical: 'unknown', raw: '' });
  });

  it('ignores fields it does not know', () => {
    const mapped = toPortInRequest(portInWire.parse(request([], { brand_new_field: { x: 1 } })));
    expect(mapped).not.toHaveProperty('brand_new_field');
    expect(mapped).not.toHaveProperty('brandNewField');
  });

  it('refuses a request without its SID and a number without either SID spelling', () => {
    expect(portInWire.safeParse({ account_sid: 'AC1' }).success).toBe(false);
    expect(portInWire.safeParse(request([{ phone_number: '+15555550100' }])).success).toBe(false);
  });
});

describe('PhoneNumber resource example → PortInPhoneNumberDetail', () => {
  it('reads phone_number_sid, phone_number_type and last_updated', () => {
    const detail = toPortInPhoneNumberDetail(
      portInPhoneNumberWire.parse(SPEC_EXAMPLES.fetchPortInNumber),
      'KWasked',
    );
    expect(detail).toEqual({
      sid: PU,
      requestSid: KW,
      accountSid: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      phoneNumber: '+15024953384',
      status: { canonical: 'in_review', raw: 'in_review' },
      portable: true,
      notPortableReason: 'ALREADY_IN_TWILIO_DIFFERENT_OWNER',
      notPortableReasonCode: 22132,
      numberType: 'LOCAL',
      rejectionReason: null,
      rejectionReasonCode: null,
      portDate: '2024-05-17T00:00:00Z',
      statusUpdatedAt: '2024-03-12T06:52:21Z',
      country: 'US',
      missingRequiredFields: false,
      dateCreated: '2024-04-10T06:52:21Z',
    });
  });

  it('uses the request SID that was asked for when the answer leaves it null', () => {
    const detail = toPortInPhoneNumberDetail(
      portInPhoneNumberWire.parse({
        ...SPEC_EXAMPLES.fetchPortInNumber,
        port_in_request_sid: null,
      }),
      'KWasked',
    );
    expect(detail.requestSid).toBe('KWasked');
  });
});

describe('Portability example → PortabilityResult', () => {
  it('maps the not-portable toll-free example', () => {
    expect(toPortabilityResult(portabilityWire.parse(SPEC_EXAMPLES.portability))).toEqual({
      phoneNumber: '+18001234567',
      portable: false,
      pinAndAccountNumberRequired: false,
      notPortableReason: 'MANUAL_PORTING_AVAILABLE',
      notPortableReasonCode: 22133,
      numberType: 'TOLL-FREE',
      country: 'US',
      accountSid: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa01',
    });
  });

  it('accepts the PortIn spelling not_portability_reason as well', () => {
    const result = toPortabilityResult(
      portabilityWire.parse({
        phone_number: '+15555550100',
        portable: false,
        not_portability_reason: 'ALREADY_IN_TWILIO_DIFFERENT_OWNER',
        not_portability_reason_code: '22132',
      }),
    );
    expect(result.notPortableReason).toBe('ALREADY_IN_TWILIO_DIFFERENT_OWNER');
    expect(result.notPortableReasonCode).toBe(22132);
    expect(result.numberType).toBe('UNKNOWN');
  });

  it('refuses an answer without portable: it is the answer to the question', () => {
    expect(
      portabilityWire.safeParse({ phone_number: '+15555550100', portable: null }).success,
    ).toBe(false);
  });
});

describe('List examples → summaries and the next token', () => {
  it('maps a full page', () => {
    const wire = portInListWire.parse(SPEC_EXAMPLES.listFull);
    expect(wire.port_in_requests.map(toPortInRequestSummary)).toEqual([
      {
        sid: KW,
        status: { canonical: 'completed', raw: 'Completed' },
        statusUpdatedAt: '2025-04-30',
        numbersRequested: 1,
        numbersPorted: 0,
        suggestedAction: null,
      },
    ]);
    expect(wire.meta?.next_token).toBe('KWbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb');
  });

  it('maps the empty page', () => {
    const wire = portInListWire.parse(SPEC_EXAMPLES.listEmpty);
    expect(wire.port_in_requests).toEqual([]);
    expect(wire.meta?.next_token).toBeNull();
  });
});

describe('Webhook configuration and uploaded document', () => {
  it('maps the webhook fetch example', () => {
    const config = toWebhookConfiguration(
      webhookConfigurationWire.parse(SPEC_EXAMPLES.webhookFetch),
    );
    expect(config.portInTargetUrl).toBe('https://www.example.com/port-in');
    expect(config.portOutTargetUrl).toBe('https://www.example.com/port-out');
    expect(config.notificationsOf).toHaveLength(12);
    expect(config.portInTargetDateCreated).toBe('2024-05-14T13:49:04Z');
  });

  it('reads a null notifications_of as no filter', () => {
    const config = toWebhookConfiguration(
      webhookConfigurationWire.parse({ port_in_target_url: null, notifications_of: null }),
    );
    expect(config).toEqual({
      portInTargetUrl: null,
      portOutTargetUrl: null,
      notificationsOf: [],
      portInTargetDateCreated: null,
      portOutTargetDateCreated: null,
    });
  });

  it('maps an uploaded document', () => {
    const doc = toUploadedDocument(
      uploadedDocumentWire.parse({
        sid: 'RDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        account_sid: 'AC1',
        document_type: 'utility_bill',
        status: 'approved',
        mime_type: 'application/pdf',
        friendly_name: 'March bill',
        version: 1,
      }),
    );
    expect(doc).toEqual({
      sid: 'RDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      accountSid: 'AC1',
      documentType: 'utility_bill',
      status: 'approved',
      mimeType: 'application/pdf',
      friendlyName: 'March bill',
    });
  });
});

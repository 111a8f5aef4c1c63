import { describe, expect, it } from 'vitest';
import { draftFromRejectedRequest } from '../../../shared/domain/resubmission';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';

const rejected = (phoneNumber: string, code: number) =>
  aNumber({
    sid: `PU${phoneNumber.slice(-4).repeat(8)}`,
    phoneNumber,
    status: 'Rejected',
    rejectionReasonCode: code,
  });

describe('the draft pre-filled from a rejected request', () => {
  it('is null when no number was rejected: there is nothing to fix', () => {
    expect(draftFromRejectedRequest(aRequest(), '2026-11-27')).toBeNull();
  });

  it('holds only the rejected numbers, PINs empty, and the original carrier details', () => {
    const request = aRequest({
      status: 'Action Required',
      notificationEmails: ['ops@acme.example'],
      phoneNumbers: [aNumber({ status: 'Submitted' }), rejected('+14155550102', 22155)],
    });
    const draft = draftFromRejectedRequest(request, '2026-11-27');
    expect(draft?.payload.phoneNumbers).toEqual([{ phoneNumber: '+14155550102', pin: null }]);
    expect(draft?.payload.losingCarrier).toMatchObject({
      customerName: 'Acme Inc',
      accountNumber: '123456',
      address: { street: '1 Main St', street2: '', state: 'IL', country: 'US' },
    });
    expect(draft?.payload.notificationEmails).toEqual(['ops@acme.example']);
  });

  it('marks the PIN of the number rejected for it, and lists the field once', () => {
    const request = aRequest({
      phoneNumbers: [rejected('+14155550102', 22155), rejected('+14155550103', 22155)],
    });
    const draft = draftFromRejectedRequest(request, '2026-11-27');
    expect(draft?.fieldsToCorrect.map((f) => [f.field, f.reason.code])).toEqual([['pin', 22155]]);
    expect(draft?.fieldErrors.map((e) => e.field)).toEqual([
      'phoneNumbers.0.pin',
      'phoneNumbers.1.pin',
    ]);
    expect(draft?.fieldErrors[0]?.message).toMatch(/^Rejected by the losing carrier — \(415\)/);
  });

  it('lists a reason that marks two fields under each (22153: name and representative)', () => {
    const request = aRequest({ phoneNumbers: [rejected('+14155550102', 22153)] });
    const fields = draftFromRejectedRequest(request, '2026-11-27')?.fieldsToCorrect;
    expect(fields?.map((f) => f.field)).toEqual([
      'losingCarrier.customerName',
      'losingCarrier.authorizedRepresentative',
    ]);
  });

  it('keeps a target date still far enough ahead, and clears one too close or rejected', () => {
    const farEnough = aRequest({
      targetPortInDate: '2026-12-10',
      phoneNumbers: [rejected('+14155550102', 22155)],
    });
    expect(draftFromRejectedRequest(farEnough, '2026-12-03')?.payload.targetPortInDate).toBe(
      '2026-12-10',
    );
    expect(draftFromRejectedRequest(farEnough, '2026-12-04')?.payload.targetPortInDate).toBeNull();
    const dateRejected = aRequest({
      targetPortInDate: '2026-12-30',
      phoneNumbers: [rejected('+14155550102', 22158)],
    });
    expect(
      draftFromRejectedRequest(dateRejected, '2026-11-27')?.payload.targetPortInDate,
    ).toBeNull();
  });
});

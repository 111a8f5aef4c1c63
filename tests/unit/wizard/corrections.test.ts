import { describe, expect, it } from 'vitest';
import {
  correctionGroups,
  unchangedCorrections,
} from '../../../renderer/features/wizard/corrections';
import type { DraftView } from '../../../shared/views';
import { aNumber } from '../../fixtures/portInBuilders';
import { rejectedNumber, resubmission } from './resubmitDraft';

const NAME = [
  { field: 'losingCarrier.customerName', code: 22153 },
  { field: 'losingCarrier.authorizedRepresentative', code: 22153 },
] as const;

function edited(draft: DraftView, change: (payload: DraftView['payload']) => void): DraftView {
  const payload = structuredClone(draft.payload);
  change(payload);
  return { ...draft, payload };
}

describe('the “to correct” list of a fix-and-resubmit draft', () => {
  it('says a name rejection (22153) once, naming the customer name and the representative', () => {
    const { draft, original } = resubmission([rejectedNumber('+12125550162', 22153)], [...NAME]);
    const groups = correctionGroups(
      draft.origin ?? { requestSid: '', fieldsToCorrect: [] },
      ['+12125550162'],
      original,
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]?.reason.title).toBe('Name does not match');
    expect(groups[0]?.fields).toEqual([
      'losingCarrier.customerName',
      'losingCarrier.authorizedRepresentative',
    ]);
    expect(groups[0]?.numbers).toEqual(['+12125550162']);
  });

  it('names the numbers of each reason and keeps reasons that point outside the draft', () => {
    const { draft, original } = resubmission(
      [
        rejectedNumber('+12125550101', 22155),
        rejectedNumber('+12125550102', 22155),
        rejectedNumber('+12125550103', 22151),
        aNumber({ sid: `PU${'4'.repeat(32)}`, phoneNumber: '+12125550104', status: 'Pending' }),
      ],
      [{ field: 'pin', code: 22155 }],
    );
    const groups = correctionGroups(
      draft.origin ?? { requestSid: '', fieldsToCorrect: [] },
      draft.payload.phoneNumbers.map((n) => n.phoneNumber),
      original,
    );
    expect(groups.map((g) => [g.reason.code, g.fields, g.numbers])).toEqual([
      [22155, ['pin'], ['+12125550101', '+12125550102']],
      // A carrier restriction is lifted by the customer, not in the draft: listed, no field.
      [22151, [], ['+12125550103']],
    ]);
  });

  it('lists the marked fields alone while the original request is not at hand', () => {
    const { draft } = resubmission([rejectedNumber('+12125550162', 22153)], [...NAME]);
    const groups = correctionGroups(
      draft.origin ?? { requestSid: '', fieldsToCorrect: [] },
      ['+12125550162'],
      null,
    );
    expect(groups.map((g) => [g.reason.code, g.fields.length, g.numbers])).toEqual([
      [22153, 2, []],
    ]);
  });
});

describe('fields marked to correct but still as the carrier rejected them', () => {
  it('names each marked name the agent has not changed, and forgets it once changed', () => {
    const { draft, original } = resubmission([rejectedNumber('+12125550162', 22153)], [...NAME]);
    expect(unchangedCorrections(draft, original)).toEqual([
      {
        field: 'losingCarrier.customerName',
        detail: 'still “Acme Inc”',
        reasons: 'Name does not match',
      },
      {
        field: 'losingCarrier.authorizedRepresentative',
        detail: 'still “Jane Doe”',
        reasons: 'Name does not match',
      },
    ]);
    const corrected = edited(draft, (p) => {
      p.losingCarrier.customerName = 'Acme Incorporated';
    });
    expect(unchangedCorrections(corrected, original).map((u) => u.field)).toEqual([
      'losingCarrier.authorizedRepresentative',
    ]);
    // Spaces around a name change nothing for the carrier's record.
    const padded = edited(draft, (p) => {
      p.losingCarrier.customerName = '  Acme   Inc ';
    });
    expect(unchangedCorrections(padded, original).map((u) => u.field)).toContain(
      'losingCarrier.customerName',
    );
  });

  it('compares the address field by field, the state whatever its case', () => {
    const { draft, original } = resubmission(
      [rejectedNumber('+12125550162', 22154)],
      [{ field: 'losingCarrier.address', code: 22154 }],
    );
    const lower = edited(draft, (p) => {
      p.losingCarrier.address.state = 'il';
    });
    expect(unchangedCorrections(lower, original)).toEqual([
      {
        field: 'losingCarrier.address',
        detail: 'still “1 Main St, Springfield, il 62701”',
        reasons: 'Address does not match',
      },
    ]);
    const moved = edited(draft, (p) => {
      p.losingCarrier.address.street2 = 'Suite 200';
    });
    expect(unchangedCorrections(moved, original)).toEqual([]);
  });

  it('reads a typed BTN as the number it stands for', () => {
    const { draft, original } = resubmission(
      [rejectedNumber('+12125550162', 22156)],
      [{ field: 'losingCarrier.accountTelephoneNumber', code: 22156 }],
    );
    const typed = edited(draft, (p) => {
      p.losingCarrier.accountTelephoneNumber = '415.555.0100';
    });
    expect(unchangedCorrections(typed, original)).toEqual([
      expect.objectContaining({ detail: 'still (415) 555-0100' }),
    ]);
    const other = edited(draft, (p) => {
      p.losingCarrier.accountTelephoneNumber = '4155550199';
    });
    expect(unchangedCorrections(other, original)).toEqual([]);
  });

  it('flags the rejected date kept, a PIN still missing, and a number rejected for itself', () => {
    const { draft, original } = resubmission(
      [
        rejectedNumber('+12125550101', 22155),
        rejectedNumber('+12125550102', 22159),
        rejectedNumber('+12125550103', 22158),
      ],
      [
        { field: 'pin', code: 22155 },
        { field: 'phoneNumbers', code: 22159 },
        { field: 'targetPortInDate', code: 22158 },
      ],
    );
    expect(unchangedCorrections(draft, original).map((u) => [u.field, u.detail])).toEqual([
      ['pin', '(212) 555-0101 still has no PIN'],
      ['phoneNumbers', '(212) 555-0102 is still in this request'],
      ['targetPortInDate', 'still Thu, Dec 10, 2026'],
    ]);
    const fixed = edited(draft, (p) => {
      p.phoneNumbers = [{ phoneNumber: '+12125550101', pin: '1234' }];
      p.targetPortInDate = null;
    });
    expect(unchangedCorrections(fixed, original)).toEqual([]);
  });
});

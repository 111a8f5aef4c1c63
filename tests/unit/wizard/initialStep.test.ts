import { describe, expect, it } from 'vitest';
import { initialStep } from '../../../renderer/features/wizard/initialStep';
import type { DraftView } from '../../../shared/views';
import { rejectedNumber, resubmission } from './resubmitDraft';

const NAME = [
  { field: 'losingCarrier.customerName', code: 22153 },
  { field: 'losingCarrier.authorizedRepresentative', code: 22153 },
] as const;

function plain(draft: DraftView): DraftView {
  return { ...draft, origin: null };
}

describe('the step a saved draft opens on', () => {
  const { draft, original } = resubmission([rejectedNumber('+12125550162', 22153)], [...NAME]);

  it('is the first step with a field error', () => {
    expect(
      initialStep(plain(draft), null, [
        { field: 'targetPortInDate', message: 'Too close' },
        { field: 'losingCarrier.address.zip', message: 'ZIP is required' },
      ]),
    ).toBe('carrier');
    expect(initialStep(plain(draft), null, [{ field: 'bill', message: 'No bill' }])).toBe('bill');
  });

  it('is Review when nothing is wrong, Numbers when there are no numbers yet', () => {
    expect(initialStep(plain(draft), null, [])).toBe('review');
    const empty = { ...plain(draft), payload: { ...draft.payload, phoneNumbers: [] } };
    expect(initialStep(empty, null, [{ field: 'phoneNumbers', message: 'Add one' }])).toBe(
      'numbers',
    );
  });

  it('is the step of a field still to correct, until it is corrected', () => {
    expect(initialStep(draft, original, [])).toBe('carrier');
    const corrected: DraftView = {
      ...draft,
      payload: {
        ...draft.payload,
        losingCarrier: {
          ...draft.payload.losingCarrier,
          customerName: 'Acme Incorporated',
          authorizedRepresentative: 'Jane A. Doe',
        },
      },
    };
    expect(initialStep(corrected, original, [])).toBe('review');
    // Without the original PortDesk cannot tell: every marked field counts.
    expect(initialStep(corrected, null, [])).toBe('carrier');
  });

  it('is Review for a draft that can no longer be edited', () => {
    expect(
      initialStep({ ...draft, status: 'queued' }, original, [
        { field: 'phoneNumbers', message: 'x' },
      ]),
    ).toBe('review');
  });
});

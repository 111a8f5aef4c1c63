import { describe, expect, it } from 'vitest';
import { toAttentionView } from '../../../main/core/porting/views/attentionView';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-03T15:00:00Z');
/** A demo-like account: its clock runs 20 days ahead of ours. */
const OFFSET = 20 * DAY;
const iso = (ms: number) => new Date(ms).toISOString();

const waiting = {
  attention: ['loa_unsigned' as const],
  status: { canonical: 'waiting_for_signature' as const, raw: 'Waiting for Signature' },
  hasSignatureRequest: true,
  dateCreated: iso(NOW + OFFSET - 3 * DAY),
  // PortDesk first saw the link at NOW, on our clock (Twilio's stamp read ahead of it).
  signatureRequestedAt: iso(NOW),
  statusUpdatedAt: iso(NOW + OFFSET - 3 * DAY),
};

describe('attention days on the account clock', () => {
  it('counts an unsigned LOA from Twilio’s time of turning Waiting for Signature', () => {
    expect(toAttentionView(waiting, NOW, OFFSET)).toMatchObject({
      loaUnsignedDays: 3,
      loaDaysLeft: 27,
    });
  });

  it('falls back to the first sight moved onto the account clock without a timed stamp', () => {
    // A bare date is too coarse; the first sight, moved by the offset, is "today".
    const dateOnly = { ...waiting, statusUpdatedAt: iso(NOW + OFFSET - 3 * DAY).slice(0, 10) };
    expect(toAttentionView(dateOnly, NOW, OFFSET)).toMatchObject({
      loaUnsignedDays: 0,
      loaDaysLeft: 30,
    });
    const unlisted = { ...waiting, statusUpdatedAt: null };
    expect(toAttentionView(unlisted, NOW + 2 * DAY, OFFSET).loaUnsignedDays).toBe(2);
  });

  it('counts a missing port date from the creation date on the account clock', () => {
    const ageing = {
      ...waiting,
      attention: ['no_port_date' as const],
      status: { canonical: 'in_progress' as const, raw: 'In Progress' },
      dateCreated: iso(NOW + OFFSET - 16 * DAY),
    };
    expect(toAttentionView(ageing, NOW, OFFSET).noPortDateDays).toBe(16);
    // Without the offset the same request would be "created in the future": 0 days.
    expect(toAttentionView(ageing, NOW, 0).noPortDateDays).toBe(0);
  });
});

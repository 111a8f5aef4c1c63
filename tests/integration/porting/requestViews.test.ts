import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PortInRequestSummary } from '../../../shared/domain/portIn';
import { normaliseRequestStatus } from '../../../shared/domain/statuses';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';
import {
  createHarness,
  expectRefusedWithoutChange,
  storeFetchedRequest,
  DAY,
  NOW,
  type Harness,
} from './harness';

const sid = (digit: number) => `KW${String(digit).repeat(32)}`;
const summaryOf = (requestSid: string, status: string): PortInRequestSummary => ({
  sid: requestSid,
  status: normaliseRequestStatus(status),
  statusUpdatedAt: null,
  numbersRequested: 1,
  numbersPorted: 0,
  suggestedAction: null,
});
const LOA_URL = 'https://www.twilio.com/loa/sign/abc';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(async () => {
  await h.close();
});

describe('request list', () => {
  it('computes attention with day counts from the ageing setting and the 30-day LOA window', async () => {
    storeFetchedRequest(
      h,
      aRequest({
        sid: sid(1),
        status: 'Waiting For Signature',
        signatureRequestUrl: LOA_URL,
        dateCreated: new Date(NOW - 2 * DAY).toISOString(),
      }),
      NOW - 12 * DAY,
    );
    storeFetchedRequest(
      h,
      aRequest({
        sid: sid(2),
        status: 'In Progress',
        dateCreated: new Date(NOW - 20 * DAY).toISOString(),
        phoneNumbers: [aNumber({ sid: `PU${'2'.repeat(32)}`, status: 'Submitted' })],
      }),
    );
    storeFetchedRequest(
      h,
      aRequest({
        sid: sid(3),
        status: 'Action Required',
        phoneNumbers: [
          aNumber({ sid: `PU${'3'.repeat(32)}`, status: 'Rejected', rejectionReasonCode: 22155 }),
        ],
      }),
    );
    h.store.settings.set('app.settings', { ageingDays: 14 });

    const result = await h.porting.listRequests({
      sort: { field: 'customerName', direction: 'asc' },
    });
    const bySid = new Map(result.rows.map((row) => [row.sid, row]));
    expect(bySid.get(sid(1))?.attention).toEqual({
      actionRequired: false,
      loaUnsignedDays: 12,
      loaDaysLeft: 18,
      noPortDateDays: null,
      queuedOffline: false,
      failedToSend: false,
    });
    expect(bySid.get(sid(2))?.attention.noPortDateDays).toBe(20);
    expect(bySid.get(sid(3))?.attention.actionRequired).toBe(true);
    expect(result.total).toBe(3);
    expect(result.facets).toMatchObject({
      all: 3,
      needsAttention: 3,
      byStatus: { waiting_for_signature: 1, in_progress: 1, action_required: 1 },
      byAttention: { loa_unsigned: 1, no_port_date: 1, action_required: 1 },
      byAccount: { [h.accountId]: 3 },
    });

    // A longer ageing threshold: the 20-day-old request is no longer flagged.
    h.store.settings.set('app.settings', { ageingDays: 30 });
    const later = await h.porting.listRequests({ attention: ['no_port_date'] });
    expect(later.rows).toEqual([]);
  });

  it('refuses a malformed query, naming the field', async () => {
    await expectRefusedWithoutChange(h, () => h.porting.listRequests({ limit: 100_000 } as never), {
      code: 'invalid_payload',
      field: 'limit',
    });
    await expectRefusedWithoutChange(
      h,
      () => h.porting.listRequests({ statuses: ['pending'] } as never),
      { code: 'invalid_payload', field: 'statuses.0' },
    );
  });
});

describe('request detail', () => {
  it('shows the request without its LOA link, numbers and timeline with reasons, and pending work', async () => {
    const rejectedSid = `PU${'4'.repeat(32)}`;
    storeFetchedRequest(
      h,
      aRequest({
        sid: sid(4),
        status: 'Action Required',
        signatureRequestUrl: LOA_URL,
        phoneNumbers: [
          aNumber({
            sid: rejectedSid,
            phoneNumber: '+13125550104',
            status: 'Rejected',
            rejectionReason: 'INVALID_PIN',
            rejectionReasonCode: 22155,
          }),
          aNumber({ sid: `PU${'5'.repeat(32)}`, phoneNumber: '+13125550105', status: 'Submitted' }),
        ],
      }),
    );
    h.store.timeline.appendEvents([
      {
        requestSid: sid(4),
        numberSid: null,
        phoneNumber: null,
        kind: 'loa_link_available',
        from: null,
        to: LOA_URL,
        detail: {},
        observedAt: new Date(NOW).toISOString(),
        source: 'sync',
      },
      {
        requestSid: sid(4),
        numberSid: rejectedSid,
        phoneNumber: '+13125550104',
        kind: 'rejected',
        from: 'Submitted',
        to: 'Rejected',
        detail: { rejectionReason: 'INVALID_PIN', rejectionReasonCode: 22155 },
        observedAt: new Date(NOW + 1000).toISOString(),
        source: 'sync',
      },
    ]);
    await h.porting.cancelNumbers({ sid: sid(4), numberSids: [`PU${'5'.repeat(32)}`] });

    const detail = await h.porting.getRequestDetail({ sid: sid(4) });
    expect(JSON.stringify(detail)).not.toContain(LOA_URL);
    expect(detail.request).toMatchObject({ sid: sid(4), hasLoaLink: true, numbersRequested: 2 });
    expect(detail.request).not.toHaveProperty('signatureRequestUrl');
    expect(detail.account).toEqual({ id: h.accountId, label: 'Acme ops', kind: 'twilio' });
    expect(
      detail.numbers.map((n) => [n.phoneNumber, n.rejection?.title ?? null, n.cancelPending]),
    ).toEqual([
      ['+13125550104', 'Invalid PIN', false],
      ['+13125550105', null, true],
    ]);
    expect(detail.timeline.map((e) => [e.kind, e.to, e.reason?.field ?? null])).toEqual([
      ['loa_link_available', null, null],
      ['rejected', 'Rejected', 'pin'],
    ]);
    expect(detail.pendingOps.map((op) => op.summary)).toEqual([
      'Cancel (312) 555-0105 in the port-in for Acme Inc',
    ]);
    expect(detail.attention).toMatchObject({ actionRequired: true, queuedOffline: true });
    expect(detail.actions).toEqual({
      canCancelRequest: true,
      cancelWarning: null,
      // The rejected number can still be canceled (that is how a rejection is cleared).
      canCancelNumbers: true,
      // The LOA link is still stored, but the request is past its signature.
      canOpenLoa: false,
      canFixAndResubmit: true,
    });
    expect(detail.detailLoaded).toBe(true);
  });

  it('offers the LOA signing link only while the request waits for the signature', async () => {
    const statuses = [
      'Waiting For Signature',
      'In Review',
      'In Progress',
      'Action Required',
      'Completed',
      'Canceled',
    ];
    const offered: Record<string, boolean> = {};
    for (const [i, status] of statuses.entries()) {
      storeFetchedRequest(h, aRequest({ sid: sid(i + 1), status, signatureRequestUrl: LOA_URL }));
      const detail = await h.porting.getRequestDetail({ sid: sid(i + 1) });
      expect(detail.request.hasLoaLink, status).toBe(true);
      offered[status] = detail.actions.canOpenLoa;
    }
    expect(offered).toEqual({
      'Waiting For Signature': true,
      'In Review': false,
      'In Progress': false,
      'Action Required': false,
      Completed: false,
      Canceled: false,
    });
  });

  it('links a rejected request and the request that corrects it, both ways', async () => {
    storeFetchedRequest(
      h,
      aRequest({
        sid: sid(1),
        status: 'Action Required',
        phoneNumbers: [
          aNumber({ sid: `PU${'1'.repeat(32)}`, status: 'Rejected', rejectionReasonCode: 22155 }),
        ],
      }),
    );
    const draft = await h.porting.fixAndResubmit({ sid: sid(1) });
    // Not submitted yet: no corrected-by link.
    expect((await h.porting.getRequestDetail({ sid: sid(1) })).resubmission).toEqual({
      corrects: null,
      correctedBy: null,
    });

    // Twilio created the corrected request from that draft (as the outbox records it).
    h.store.drafts.update(draft.id, { status: 'submitted', requestSid: sid(2) });
    storeFetchedRequest(h, aRequest({ sid: sid(2), status: 'In Review' }));
    expect((await h.porting.getRequestDetail({ sid: sid(1) })).resubmission).toEqual({
      corrects: null,
      correctedBy: sid(2),
    });
    expect((await h.porting.getRequestDetail({ sid: sid(2) })).resubmission).toEqual({
      corrects: sid(1),
      correctedBy: null,
    });
  });

  it('shows a request known only from the list, saying its details are not loaded', async () => {
    h.store.requests.upsertSummary(h.accountId, {
      sid: sid(6),
      status: { canonical: 'in_review', raw: 'In Review' },
      statusUpdatedAt: null,
      numbersRequested: 3,
      numbersPorted: 0,
      suggestedAction: null,
    });
    const detail = await h.porting.getRequestDetail({ sid: sid(6) });
    expect(detail).toMatchObject({
      detailLoaded: false,
      numbers: [],
      request: { sid: sid(6), hasLoaLink: false },
    });
  });

  it('refuses an unknown request', async () => {
    await expectRefusedWithoutChange(h, () => h.porting.getRequestDetail({ sid: sid(9) }), {
      code: 'not_found',
      field: 'sid',
    });
  });
});

describe('one clock on a request', () => {
  const HOUR = 3_600_000;
  const AHEAD = 12 * HOUR;

  it('moves every observation onto the account clock; Twilio’s timestamps stay as sent', async () => {
    const clocked = await createHarness({
      clients: {
        clientFor: () => Promise.reject(new Error('these tests never reach Twilio')),
        clockOffsetMs: () => AHEAD,
      },
    });
    try {
      const created = new Date(NOW + AHEAD - HOUR).toISOString();
      storeFetchedRequest(clocked, aRequest({ sid: sid(7), dateCreated: created }), NOW);
      const observed = (at: number, detail: Record<string, unknown>) => ({
        requestSid: sid(7),
        numberSid: null,
        phoneNumber: null,
        kind: 'request_created' as const,
        from: null,
        to: 'In Review',
        detail,
        observedAt: new Date(at).toISOString(),
        source: 'sync' as const,
      });
      // One event stamped by sync with the offset of its day (the demo's grows), one older event
      // without a stamp: it takes today's.
      clocked.store.timeline.appendEvents([
        observed(NOW - 2 * HOUR, { clockOffsetMs: AHEAD - HOUR }),
        observed(NOW, {}),
      ]);

      const detail = await clocked.porting.getRequestDetail({ sid: sid(7) });
      expect(detail.request.dateCreated).toBe(created);
      expect(detail.timeline.map((entry) => entry.observedAt)).toEqual([
        new Date(NOW - 2 * HOUR + AHEAD - HOUR).toISOString(),
        new Date(NOW + AHEAD).toISOString(),
      ]);
      expect(detail.lastFetchedAt).toBe(new Date(NOW + AHEAD).toISOString());
      expect(detail.clockOffsetMs).toBe(AHEAD);

      const list = await clocked.porting.listRequests({});
      expect(list.rows[0]?.clockOffsetMs).toBe(AHEAD);
    } finally {
      await clocked.close();
    }
  });

  // A demo-like account whose clock runs 20 days ahead of ours.
  const OFFSET = 20 * DAY;
  const accountNow = NOW + OFFSET;
  const at = (ms: number) => new Date(ms).toISOString();

  /** Three requests on that account, stored the way sync stores them (observed at our NOW). */
  async function aheadOfUs(): Promise<Harness> {
    const clocked = await createHarness({
      clients: {
        clientFor: () => Promise.reject(new Error('these tests never reach Twilio')),
        clockOffsetMs: () => OFFSET,
      },
    });
    clocked.store.settings.set('app.settings', { ageingDays: 14 });
    // The LOA went out 3 days ago on the account's clock; PortDesk first sees it now. Twilio's
    // stamp reads ahead of our clock, so the store keeps its first sight, on ours.
    const sentAt = at(accountNow - 3 * DAY);
    clocked.store.requests.upsertSummary(
      clocked.accountId,
      { ...summaryOf(sid(1), 'Waiting for Signature'), statusUpdatedAt: sentAt },
      at(NOW),
      OFFSET,
    );
    storeFetchedRequest(
      clocked,
      aRequest({
        sid: sid(1),
        status: 'Waiting for Signature',
        signatureRequestUrl: LOA_URL,
        dateCreated: sentAt,
        phoneNumbers: [
          aNumber({
            sid: `PU${'1'.repeat(32)}`,
            status: 'waiting_for_signature',
            statusUpdatedAt: sentAt,
          }),
        ],
      }),
    );
    // Created 16 account days ago, in progress, no port date: past the 14-day threshold.
    storeFetchedRequest(
      clocked,
      aRequest({
        sid: sid(2),
        status: 'In Progress',
        dateCreated: at(accountNow - 16 * DAY),
        phoneNumbers: [aNumber({ sid: `PU${'2'.repeat(32)}`, status: 'Submitted' })],
      }),
    );
    // The port date is tomorrow on the account's clock (three weeks away on ours).
    storeFetchedRequest(
      clocked,
      aRequest({
        sid: sid(3),
        status: 'In Progress',
        dateCreated: at(accountNow - 2 * DAY),
        targetPortInDate: at(accountNow + DAY).slice(0, 10),
        phoneNumbers: [aNumber({ sid: `PU${'3'.repeat(32)}`, status: 'Submitted' })],
      }),
    );
    return clocked;
  }

  it('counts an unsigned LOA’s days from now on the account clock', async () => {
    const clocked = await aheadOfUs();
    try {
      const list = await clocked.porting.listRequests({});
      const row = list.rows.find((r) => r.sid === sid(1));
      expect(row?.attention).toMatchObject({ loaUnsignedDays: 3, loaDaysLeft: 27 });
      const detail = await clocked.porting.getRequestDetail({ sid: sid(1) });
      expect(detail.attention).toMatchObject({ loaUnsignedDays: 3, loaDaysLeft: 27 });
    } finally {
      await clocked.close();
    }
  });

  it('ages a request without a port date by the account clock, in rows, filters and counts', async () => {
    const clocked = await aheadOfUs();
    try {
      const list = await clocked.porting.listRequests({});
      const bySid = new Map(list.rows.map((row) => [row.sid, row]));
      expect(bySid.get(sid(2))?.attention.noPortDateDays).toBe(16);
      expect(bySid.get(sid(3))?.attention.noPortDateDays).toBeNull();
      expect(list.facets.byAttention.no_port_date).toBe(1);
      const flagged = await clocked.porting.listRequests({ attention: ['no_port_date'] });
      expect(flagged.rows.map((row) => row.sid)).toEqual([sid(2)]);
      const detail = await clocked.porting.getRequestDetail({ sid: sid(2) });
      expect(detail.attention.noPortDateDays).toBe(16);
    } finally {
      await clocked.close();
    }
  });

  it('warns of a port date within 48 hours on the account clock', async () => {
    const clocked = await aheadOfUs();
    try {
      const detail = await clocked.porting.getRequestDetail({ sid: sid(3) });
      expect(detail.actions.cancelWarning).toMatch(/less than (24|48) hours away/);
    } finally {
      await clocked.close();
    }
  });
});

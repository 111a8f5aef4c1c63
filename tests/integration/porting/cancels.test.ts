import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';
import { OUTBOX_PAYLOADS } from '../../../main/core/sync/outboxPayloads';
import { cancelWarning } from '../../../main/core/porting';
import { normaliseRequestStatus } from '../../../shared/domain/statuses';
import {
  createHarness,
  expectRefusedWithoutChange,
  storeFetchedRequest,
  NOW,
  type Harness,
} from './harness';

const KW = `KW${'1'.repeat(32)}`;
const PU1 = `PU${'1'.repeat(32)}`;
const PU2 = `PU${'2'.repeat(32)}`;
const PU3 = `PU${'3'.repeat(32)}`;

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
  storeFetchedRequest(
    h,
    aRequest({
      sid: KW,
      status: 'In Progress',
      phoneNumbers: [
        aNumber({ sid: PU1, phoneNumber: '+13125550101', status: 'Submitted' }),
        aNumber({ sid: PU2, phoneNumber: '+13125550102', status: 'Submitted' }),
        aNumber({ sid: PU3, phoneNumber: '+13125550103', status: 'Completed' }),
      ],
    }),
  );
});

afterEach(async () => {
  await h.close();
});

describe('cancel a request', () => {
  it('queues one cancel in the outbox and wakes it', async () => {
    const result = await h.porting.cancelRequest({ sid: KW });
    const items = h.store.outbox.list({ requestSid: KW });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'cancel_port_in', state: 'queued', requestSid: KW });
    expect(OUTBOX_PAYLOADS.cancel_port_in.parse(items[0]?.payload)).toEqual({ requestSid: KW });
    expect(result).toEqual({ outboxItemIds: [items[0]?.id], waitingForNetwork: false });
    expect(h.kicks.count).toBe(1);
  });

  it('asking twice queues no duplicate; a failed cancel is queued again', async () => {
    h.online.value = false;
    const first = await h.porting.cancelRequest({ sid: KW });
    expect(first.waitingForNetwork).toBe(true);
    const second = await h.porting.cancelRequest({ sid: KW });
    expect(second.outboxItemIds).toEqual(first.outboxItemIds);
    const id = first.outboxItemIds[0] ?? 0;
    h.store.outbox.update(id, {
      state: 'failed',
      attempts: 12,
      lastError: { message: 'Twilio had a server error' },
    });
    const third = await h.porting.cancelRequest({ sid: KW });
    expect(third.outboxItemIds).toEqual([id]);
    expect(h.store.outbox.get(id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(h.store.outbox.list()).toHaveLength(1);
  });

  it('refuses an unknown request and one that is already over', async () => {
    await expectRefusedWithoutChange(
      h,
      () => h.porting.cancelRequest({ sid: `KW${'9'.repeat(32)}` }),
      {
        code: 'not_found',
        field: 'sid',
      },
    );
    await expectRefusedWithoutChange(h, () => h.porting.cancelRequest({ sid: 'KW123' }), {
      code: 'invalid_payload',
      field: 'sid',
    });
    storeFetchedRequest(h, aRequest({ sid: KW, status: 'Canceled', phoneNumbers: [] }), NOW + 1000);
    await expectRefusedWithoutChange(h, () => h.porting.cancelRequest({ sid: KW }), {
      code: 'conflict',
      field: 'sid',
      message: /already canceled/,
    });
  });
});

describe('cancel numbers', () => {
  it('queues one cancel per number, with the number in the payload', async () => {
    const result = await h.porting.cancelNumbers({ sid: KW, numberSids: [PU1, PU2, PU1] });
    const items = h.store.outbox.list({ requestSid: KW });
    expect(items.map((i) => OUTBOX_PAYLOADS.cancel_number.parse(i.payload))).toEqual([
      { requestSid: KW, numberSid: PU1, phoneNumber: '+13125550101' },
      { requestSid: KW, numberSid: PU2, phoneNumber: '+13125550102' },
    ]);
    expect(result.outboxItemIds).toEqual(items.map((i) => i.id));
    // Again: the same items, no duplicates.
    expect((await h.porting.cancelNumbers({ sid: KW, numberSids: [PU2] })).outboxItemIds).toEqual([
      items[1]?.id,
    ]);
    expect(h.store.outbox.list()).toHaveLength(2);
  });

  it('refuses numbers that are not in the request or are finished, naming each one, queuing none', async () => {
    const refusal = await expectRefusedWithoutChange(
      h,
      () => h.porting.cancelNumbers({ sid: KW, numberSids: [PU1, `PU${'8'.repeat(32)}`, PU3] }),
      { code: 'validation_failed', field: 'numberSids.1', message: /2 of the selected numbers/ },
    );
    expect(refusal.fields).toEqual([
      {
        field: 'numberSids.1',
        message: `PU${'8'.repeat(32)} is not a number of port-in request ${KW}.`,
      },
      {
        field: 'numberSids.2',
        message: '(312) 555-0103 is completed: there is nothing to cancel.',
      },
    ]);
  });

  it('refuses when the whole request is already being canceled, and an empty selection', async () => {
    await h.porting.cancelRequest({ sid: KW });
    await expectRefusedWithoutChange(
      h,
      () => h.porting.cancelNumbers({ sid: KW, numberSids: [PU1] }),
      {
        code: 'conflict',
        field: 'numberSids',
        message: /already being canceled/,
      },
    );
    await expectRefusedWithoutChange(
      h,
      () => h.porting.cancelNumbers({ sid: KW, numberSids: [] }),
      {
        code: 'invalid_payload',
        field: 'numberSids',
        message: /Select at least one number/,
      },
    );
  });

  it('refuses numbers of a request whose details were never fetched', async () => {
    const listed = `KW${'4'.repeat(32)}`;
    h.store.requests.upsertSummary(h.accountId, {
      sid: listed,
      status: normaliseRequestStatus('In Review'),
      statusUpdatedAt: null,
      numbersRequested: 2,
      numbersPorted: 0,
      suggestedAction: null,
    });
    await expectRefusedWithoutChange(
      h,
      () => h.porting.cancelNumbers({ sid: listed, numberSids: [PU1] }),
      {
        code: 'conflict',
        field: 'numberSids',
        message: /sync, then try again/,
      },
    );
  });
});

describe('cancel warning', () => {
  const open = normaliseRequestStatus('In Progress');
  const hour = 3_600_000;

  it('warns within 48 hours of the confirmed port date, in the words of REASON-CODES §4', () => {
    const portDate = new Date(NOW + 30 * hour).toISOString();
    expect(
      cancelWarning({ status: open, firstPortDate: portDate, targetPortInDate: null }, NOW),
    ).toBe(
      'The port date (Wed, Mar 4) is less than 48 hours away: carriers often refuse cancels within 24–48 hours of the port date.',
    );
    expect(
      cancelWarning(
        {
          status: open,
          firstPortDate: new Date(NOW + 5 * hour).toISOString(),
          targetPortInDate: null,
        },
        NOW,
      ),
    ).toMatch(/less than 24 hours away/);
  });

  it('uses the target date while no port date is confirmed, and says nothing further out', () => {
    expect(
      cancelWarning({ status: open, firstPortDate: null, targetPortInDate: '2026-03-04' }, NOW),
    ).toMatch(/carriers often refuse cancels within 24–48 hours/);
    expect(
      cancelWarning({ status: open, firstPortDate: null, targetPortInDate: '2026-03-10' }, NOW),
    ).toBeNull();
    expect(
      cancelWarning({ status: open, firstPortDate: null, targetPortInDate: null }, NOW),
    ).toBeNull();
    expect(
      cancelWarning(
        {
          status: normaliseRequestStatus('Completed'),
          firstPortDate: null,
          targetPortInDate: '2026-03-04',
        },
        NOW,
      ),
    ).toBeNull();
  });

  it('is on the request detail when the port date is close', async () => {
    storeFetchedRequest(
      h,
      aRequest({
        sid: KW,
        status: 'In Progress',
        phoneNumbers: [
          aNumber({
            sid: PU1,
            status: 'Pending',
            portDate: new Date(NOW + 20 * hour).toISOString(),
          }),
        ],
      }),
      NOW + 1000,
    );
    const detail = await h.porting.getRequestDetail({ sid: KW });
    expect(detail.actions).toMatchObject({
      canCancelRequest: true,
      cancelWarning: expect.stringMatching(/24–48 hours/),
    });
  });
});
